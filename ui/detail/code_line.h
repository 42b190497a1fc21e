#pragma once

// The detail pane's line under the links that gives the paper's code link as the data has it:
// "Code: URL", "★ New code link: URL" for a paper the reader keeps whose first link arrived
// while the window is open (issue #18), or a warning that it is not a web link and is not
// opened. Empty when there is no code link (the pane then hides the line).

#include <QString>

namespace paperboy {

QString codeLineText(const QString &code, bool openable, bool arrivedNow);

} // namespace paperboy
