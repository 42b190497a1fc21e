#pragma once

// The dark appearance: Fusion with our dark palette, and check boxes that can be seen.
// Fusion draws a check box's frame in the window colour darkened by 40 %, which on the dark
// base of a list (#1e1f21) is #292a2d: an unchecked category in the sidebar showed no box at
// all. The style lends Fusion a lighter window colour for check and radio indicators only.

class QStyle;

namespace paperboy {

// A new Fusion-based style for the dark palette; the caller (QApplication) owns it.
QStyle *createDarkStyle();

// Sets createDarkStyle() and darkPalette() on the application.
void applyDarkAppearance();

} // namespace paperboy
