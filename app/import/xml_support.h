#pragma once

// Helpers shared by the XML importers (RSS, arXiv API, OAI-PMH) and the JSON ones that must
// tell a server's error page from a document.

#include "import/parse_result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

class QXmlStreamReader;

namespace paperboy {

// Explains why `body` cannot be the expected XML document ("empty response",
// "not an RSS feed: got HTML (...)", "not an RSS feed: got text \"Rate exceeded.\"").
// Returns an empty string when the body looks like XML. `expected` is e.g. "an RSS feed".
QString describeNonXmlBody(const QByteArray &body, const QString &expected);

// The calendar date of an RFC 2822 timestamp as written, in its own time zone
// ("Thu, 28 Nov 2024 00:00:00 -0500" -> 2024-11-28). Also takes "GMT", which Qt 6.4 rejects.
QDate dateFromRfc2822(const QString &text);

// The failure for a reader that stopped with an error: truncated or malformed XML, with line.
ParseResult xmlReaderFailure(const QXmlStreamReader &reader);

} // namespace paperboy
