#pragma once

// daily-arXiv-ai-enhanced JSON Lines (github.com/dw-dengwei/daily-arXiv-ai-enhanced, branch
// "data", data/YYYY-MM-DD.jsonl): one paper per line, {id, categories[], pdf, abs, authors[],
// title, comment, summary} plus an optional machine-written AI:{tldr, motivation, method,
// result, conclusion}.

#include "import/parse_result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace paperboy {

// One Digest dated `date`; language is that of the AI summaries. A malformed line fails the
// whole file (errorLine names it) so a half-read day is never stored as if it were complete.
// A paper listed on several lines (the scraper visits each category) becomes one entry.
ParseResult parseDigestJsonl(const QByteArray &data, const QDate &date,
                             const QString &language = QStringLiteral("zh"));

// The AI summaries' language code for the repository's language name: "Chinese" -> "zh",
// "English" -> "en"; a name it does not know comes back lower-cased.
QString digestLanguageCode(const QString &language);

// The last valid YYYY-MM-DD in a file name or URL ("data/2026-06-12.jsonl"), else invalid.
QDate dateFromDigestName(const QString &fileNameOrUrl);

// True when both digests list the same non-empty set of arXiv ids, in any order: the
// repository re-publishes Friday's listing on Saturday, and the caller marks it with sameAs.
bool sameListing(const Digest &a, const Digest &b);

} // namespace paperboy
