// The search box syntax: parsing never fails, and what it yields is safe to hand to FTS5 and
// to the highlighter.

#include "fuzz_common.h"
#include "search/search_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    const SearchQuery query = parseSearchQuery(text);
    fuzz::check(parseSearchQuery(text) == query, "parsing is not deterministic");
    for (const SearchTerm &term : query.terms) {
        const QString expression = ftsTermExpression(term, QString());
        // Always one or more quoted strings: user text never becomes FTS5 syntax.
        fuzz::check(expression.isEmpty() || expression.startsWith(QLatin1Char('"')),
                    "an FTS5 expression that does not start quoted");
        ftsTermExpression(term, QStringLiteral("{title abstract}"));
    }
    const QList<TextRange> ranges = highlightRanges(text, highlightTerms(query));
    qsizetype previousEnd = 0;
    for (const TextRange &range : ranges) {
        fuzz::check(range.start >= previousEnd, "highlight ranges overlap or are unsorted");
        fuzz::check(range.length > 0, "an empty highlight range");
        fuzz::check(range.start + range.length <= text.size(), "a highlight past the text");
        previousEnd = range.start + range.length;
    }
    return 0;
}
