#pragma once

// RIS, the tagged format Zotero, EndNote and Mendeley import.

#include "core/paper.h"

#include <QList>
#include <QString>

namespace paperboy {

// One record per paper (TY UNPB ... ER), CRLF line ends as the format's spec asks. Tags
// become KW lines and the user's note N1; every value is kept to one line.
QString papersToRis(const QList<PaperView> &papers);

} // namespace paperboy
