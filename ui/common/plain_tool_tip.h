#pragma once

// Tooltips guess their format: a text that starts like markup (Qt::mightBeRichText) is shown
// as rich text, so a paper titled "<b>Bold</b> claims", a code link or a server's error page
// in the status bar would be rendered, images and all, instead of read. Every tooltip that
// carries data goes through here: escaped and wrapped so it always shows the text itself,
// line breaks included.

#include <QString>

namespace paperboy {

QString plainToolTip(const QString &text);

} // namespace paperboy
