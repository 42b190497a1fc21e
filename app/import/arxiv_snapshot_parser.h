#pragma once

// The arXiv metadata snapshot (Kaggle "arxiv-metadata-oai-snapshot.json"): JSON Lines, one
// record per paper, {id, submitter, authors, title, comments, journal-ref, doi, report-no,
// categories, license, abstract, versions[{version, created}], update_date, authors_parsed}.
// The file holds millions of records, so it is read in chunks of whole lines:
//
//     buffer += file.read(1 << 20);
//     const qsizetype end = nextCompleteLinesEnd(buffer);
//     ParseResult part = parseArxivSnapshot(buffer.left(end), nextLine);
//     nextLine += int(buffer.left(end).count('\n'));
//     buffer.remove(0, end);            // at end of file, parse what is left
//
// Parse on a worker thread; the functions keep no state.

#include "import/parse_result.h"

#include <QByteArray>

namespace paperboy {

// Bare `papers`, no digest. A malformed line is skipped with a warning naming its line
// (counted from firstLineNumber), because one bad record must not stop a bulk import of
// millions. The result is therefore always ok(), and the same however the file is cut into
// chunks; whether the file is a snapshot at all is detectFormat()'s question.
ParseResult parseArxivSnapshot(const QByteArray &chunk, int firstLineNumber = 1);

// The length of the longest prefix of `buffer` that ends with a newline: the part that holds
// only complete lines. 0 when not one line is complete yet.
qsizetype nextCompleteLinesEnd(const QByteArray &buffer);

} // namespace paperboy
