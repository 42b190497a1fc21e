#pragma once

// arXiv's OAI-PMH harvesting interface: ListRecords with metadataPrefix "arXiv" or "arXivRaw".

#include "import/parse_result.h"

#include <QByteArray>

namespace paperboy {

// Bare paper records plus the resumptionToken and completeListSize (as totalResults).
// "noRecordsMatch" is a success with zero records; any other OAI error is a failure that
// names its code. Deleted records are skipped.
ParseResult parseOaiPmh(const QByteArray &xml);

} // namespace paperboy
