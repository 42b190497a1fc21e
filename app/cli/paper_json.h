#pragma once

// The JSON shape of a paper, shared by `list`, `show` and `search`.
// Absent values are null, never empty strings.

#include "core/paper.h"

#include <QJsonObject>

namespace paperboy {

QJsonObject paperToJson(const PaperView &view);

} // namespace paperboy
