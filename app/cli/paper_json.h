#pragma once

// The JSON shape of a paper, shared by `list`, `show` and `search`.
// Absent values are null, never empty strings.

#include "core/paper.h"
#include "core/paper_version.h"

#include <QJsonObject>

namespace paperboy {

// `versions`: every version recorded, oldest first (VersionStore::versions). Without any, the
// JSON's "versions" holds the one version the cache has.
QJsonObject paperToJson(const PaperView &view, const QList<PaperVersion> &versions = {});

} // namespace paperboy
