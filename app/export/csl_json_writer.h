#pragma once

// CSL-JSON, the citation data Zotero, Pandoc and citeproc processors read.

#include "core/paper.h"

#include <QJsonArray>
#include <QList>

namespace paperboy {

// One "article" item per paper; `id` is the citation key, `number` the arXiv id.
QJsonArray papersToCslJson(const QList<Paper> &papers);

} // namespace paperboy
