#include "search_query.h"

#include "core/tex_math.h"

#include <QStringView>

#include <algorithm>

namespace paperboy {

namespace {

bool isSpace(QChar c)
{
    return c.isSpace();
}

// Reads a quoted string starting at text[i] == '"'. An unbalanced quote runs to the end.
QString readQuoted(const QString &text, qsizetype &i)
{
    const qsizetype start = i + 1;
    qsizetype end = text.indexOf(QLatin1Char('"'), start);
    if (end < 0)
        end = text.size();
    i = std::min(end + 1, text.size());
    return text.mid(start, end - start);
}

bool takeFlag(const QString &name, const QString &value, bool excluded, SearchQuery &query)
{
    const QString v = value.toLower();
    auto add = [&](SearchFlag flag, bool negate = false) {
        query.flags.append({flag, excluded != negate});
        return true;
    };
    if (name == QLatin1String("is")) {
        if (v == QLatin1String("starred"))
            return add(SearchFlag::Starred);
        if (v == QLatin1String("unstarred"))
            return add(SearchFlag::Starred, true);
        if (v == QLatin1String("unread"))
            return add(SearchFlag::Unread);
        if (v == QLatin1String("read"))
            return add(SearchFlag::Read);
        if (v == QLatin1String("updated"))
            return add(SearchFlag::Updated);
        if (v == QLatin1String("followed"))
            return add(SearchFlag::Followed);
        if (v == QLatin1String("dismissed"))
            return add(SearchFlag::Dismissed);
        if (v == QLatin1String("highlighted"))
            return add(SearchFlag::Highlighted);
        if (v == QLatin1String("added"))
            return add(SearchFlag::Added);
        return false;
    }
    if (v == QLatin1String("note") || v == QLatin1String("notes"))
        return add(SearchFlag::HasNote);
    if (v == QLatin1String("code"))
        return add(SearchFlag::HasCode);
    if (v == QLatin1String("tag") || v == QLatin1String("tags"))
        return add(SearchFlag::HasTags);
    if (v == QLatin1String("summary") || v == QLatin1String("ai"))
        return add(SearchFlag::HasSummary);
    return false;
}

// Applies `name:value`. Returns false when `name` is not an operator (the caller then treats
// the whole token as a word).
bool takeOperator(const QString &name, const QString &value, bool quoted, bool excluded,
                  SearchQuery &query)
{
    static const QStringList known = {QStringLiteral("author"), QStringLiteral("au"),
                                      QStringLiteral("cat"),    QStringLiteral("category"),
                                      QStringLiteral("tag"),    QStringLiteral("is"),
                                      QStringLiteral("has"),    QStringLiteral("after"),
                                      QStringLiteral("before"), QStringLiteral("fulltext")};
    if (!known.contains(name))
        return false;
    const QString simplified = value.simplified();
    if (simplified.isEmpty()) {
        query.warnings.append(QStringLiteral("%1: needs a value").arg(name));
        return true;
    }
    if (name == QLatin1String("author") || name == QLatin1String("au") ||
        name == QLatin1String("cat") || name == QLatin1String("category")) {
        SearchTerm term;
        term.text = simplified;
        term.field = name.startsWith(QLatin1String("a")) ? SearchTerm::Field::Author
                                                         : SearchTerm::Field::Category;
        term.phrase = quoted || simplified.contains(QLatin1Char(' ')) ||
                      term.field == SearchTerm::Field::Category;
        term.excluded = excluded;
        query.terms.append(term);
        return true;
    }
    if (name == QLatin1String("fulltext")) {
        SearchTerm term;
        term.text = simplified;
        term.field = SearchTerm::Field::FullText;
        term.phrase = quoted;
        term.prefix = !quoted && simplified.endsWith(QLatin1Char('*'));
        if (term.prefix)
            term.text.chop(1);
        term.excluded = excluded;
        query.terms.append(term);
        return true;
    }
    if (name == QLatin1String("tag")) {
        (excluded ? query.excludedTags : query.tags).append(simplified);
        return true;
    }
    if (name == QLatin1String("is") || name == QLatin1String("has")) {
        if (!takeFlag(name, simplified, excluded, query))
            query.warnings.append(QStringLiteral("%1:%2 is not known").arg(name, simplified));
        return true;
    }
    const QDate date = QDate::fromString(simplified, Qt::ISODate);
    if (!date.isValid() || simplified.size() != 10) {
        query.warnings.append(
            QStringLiteral("%1:%2 wants a date as YYYY-MM-DD").arg(name, simplified));
        return true;
    }
    if (excluded) {
        query.warnings.append(QStringLiteral("-%1: is not supported; use %2:")
                                  .arg(name, name == QLatin1String("after")
                                                 ? QStringLiteral("before")
                                                 : QStringLiteral("after")));
        return true;
    }
    // Repeated bounds narrow the range.
    if (name == QLatin1String("after"))
        query.after = query.after.isValid() ? std::max(query.after, date) : date;
    else
        query.before = query.before.isValid() ? std::min(query.before, date) : date;
    return true;
}

void addWord(QString word, bool excluded, SearchQuery &query)
{
    SearchTerm term;
    term.excluded = excluded;
    if (word.endsWith(QLatin1Char('*'))) {
        while (word.endsWith(QLatin1Char('*')))
            word.chop(1);
        term.prefix = true;
    }
    term.text = word;
    if (!word.isEmpty())
        query.terms.append(term);
}

bool hasTokenCharacter(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (QChar::isLetterOrNumber(c) || category == QChar::Other_PrivateUse)
            return true;
    }
    return false;
}

} // namespace

bool SearchQuery::hasPositiveText() const
{
    return std::any_of(terms.begin(), terms.end(), [](const SearchTerm &t) { return !t.excluded; });
}

bool SearchQuery::isEmpty() const
{
    return terms.isEmpty() && tags.isEmpty() && excludedTags.isEmpty() && flags.isEmpty() &&
           !after.isValid() && !before.isValid();
}

SearchQuery parseSearchQuery(const QString &input)
{
    SearchQuery query;
    QString text = input;
    text.remove(QChar(0)); // SQLite strings end at NUL
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (isSpace(text.at(i))) {
            ++i;
            continue;
        }
        bool excluded = false;
        if (text.at(i) == QLatin1Char('-')) {
            excluded = true;
            ++i;
            if (i >= n || isSpace(text.at(i)))
                continue; // a lone '-'
        }
        if (text.at(i) == QLatin1Char('"')) {
            SearchTerm term;
            term.text = readQuoted(text, i).simplified();
            term.phrase = true;
            term.excluded = excluded;
            if (i < n && text.at(i) == QLatin1Char('*')) {
                term.prefix = true;
                while (i < n && text.at(i) == QLatin1Char('*'))
                    ++i;
            }
            if (!term.text.isEmpty())
                query.terms.append(term);
            continue;
        }
        const qsizetype start = i;
        qsizetype colon = -1;
        while (i < n && !isSpace(text.at(i))) {
            if (text.at(i) == QLatin1Char(':') && colon < 0 && i > start) {
                colon = i;
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    const QString name = text.mid(start, colon - start).toLower();
                    qsizetype j = i + 1;
                    const QString value = readQuoted(text, j);
                    if (takeOperator(name, value, true, excluded, query)) {
                        i = j;
                        colon = -2; // consumed
                        break;
                    }
                }
            }
            ++i;
        }
        if (colon == -2)
            continue;
        const QString word = text.mid(start, i - start);
        if (colon > 0 && takeOperator(word.left(colon - start).toLower(),
                                      word.mid(colon - start + 1), false, excluded, query))
            continue;
        addWord(word, excluded, query);
    }
    return query;
}

QStringList highlightTerms(const SearchQuery &query)
{
    QStringList result;
    for (const SearchTerm &term : query.terms) {
        if (term.excluded || term.field == SearchTerm::Field::Category)
            continue;
        if (!result.contains(term.text, Qt::CaseInsensitive))
            result.append(term.text);
    }
    return result;
}

QList<TextRange> highlightRanges(const QString &text, const QStringList &terms)
{
    QList<TextRange> ranges;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
            ranges.append({at, term.size()});
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    QList<TextRange> merged;
    for (const TextRange &range : std::as_const(ranges)) {
        if (!merged.isEmpty() && range.start <= merged.last().start + merged.last().length) {
            TextRange &last = merged.last();
            last.length =
                std::max(last.start + last.length, range.start + range.length) - last.start;
        } else {
            merged.append(range);
        }
    }
    return merged;
}

bool isCjk(char32_t c)
{
    // Must agree with the ranges in resources/migrations/003_search.sql.
    return (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

QString ftsTermExpression(const SearchTerm &term, const QString &columns)
{
    // Rewrite CJK runs the way the index does (see 003_search.sql), except at the end of the
    // term: a run there may continue in the indexed text, so only its bigrams are required,
    // and a lone last character becomes a prefix.
    // Math symbols are words in the index ("×" and "\times" are "times", migration 008).
    const QString text =
        term.field == SearchTerm::Field::Any ? spellMathSymbols(term.text) : term.text;
    QList<char32_t> chars;
    for (const uint c : text.toUcs4())
        chars.append(char32_t(c));
    QString tokens;
    bool prefix = term.prefix;
    const qsizetype n = chars.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char32_t c = chars.at(i);
        if (!isCjk(c)) {
            tokens += QString::fromUcs4(&c, 1);
            continue;
        }
        qsizetype end = i;
        while (end + 1 < n && isCjk(chars.at(end + 1)))
            ++end;
        qsizetype rest = end + 1;
        while (rest < n && QChar::isSpace(chars.at(rest)))
            ++rest;
        const bool atEnd = rest >= n;
        const qsizetype length = end - i + 1;
        tokens += QLatin1Char(' ');
        for (qsizetype k = i; k < end; ++k)
            tokens += QString::fromUcs4(&chars.at(k), 2) + QLatin1Char(' ');
        if (!atEnd || length == 1)
            tokens += QString::fromUcs4(&chars.at(end), 1) + QLatin1Char(' ');
        if (atEnd && length == 1)
            prefix = true;
        i = end;
    }
    if (!hasTokenCharacter(tokens))
        return {};
    tokens.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QString expression = QLatin1Char('"') + tokens.simplified() + QLatin1Char('"');
    if (prefix)
        expression += QStringLiteral(" *");
    return columns.isEmpty() ? expression : columns + QStringLiteral(" : ") + expression;
}

} // namespace paperboy
