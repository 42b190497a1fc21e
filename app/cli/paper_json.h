#pragma once

// The JSON shape of a paper, shared by `list`, `show`, `search` and exports.
// Absent values are null, never empty strings.

#include "core/paper.h"

#include <QJsonObject>

namespace paperboy {

QJsonObject paperToJson(const PaperView &view);

// The code link a reader should see: the digest's as given, else the one found for the paper.
QString effectiveCodeUrl(const PaperView &view);

} // namespace paperboy
