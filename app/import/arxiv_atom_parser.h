#pragma once

// The arXiv API (export.arxiv.org/api/query) answers with an Atom feed. Both the legacy
// format (until Aug 2025) and the format of the migrated backend (Nov 2025 on) are read.

#include "import/parse_result.h"

#include <QByteArray>

namespace paperboy {

// Bare paper records in feed order (no digest) and totalResults from opensearch.
// The API's error entry ("<title>Error</title>") becomes a failure carrying its summary.
// Empty <entry> elements, which the legacy API returns for unknown ids, are skipped.
ParseResult parseArxivAtom(const QByteArray &xml);

} // namespace paperboy
