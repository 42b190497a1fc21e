#include "bibtex_writer.h"

#include "export/citation_common.h"

#include <QRegularExpression>

namespace paperboy {

namespace {

enum class Braces
{
    Escaped,
    Commands
};

QString escapeWith(const QString &text, Braces braces)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'{':
            out += braces == Braces::Escaped ? QStringLiteral("\\{")
                                             : QStringLiteral("\\textbraceleft{}");
            break;
        case u'}':
            out += braces == Braces::Escaped ? QStringLiteral("\\}")
                                             : QStringLiteral("\\textbraceright{}");
            break;
        case u'%':
        case u'&':
        case u'$':
        case u'#':
        case u'_':
            out += QLatin1Char('\\');
            out += c;
            break;
        case u'~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        case u'^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        case u'\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

// BibTeX counts every brace, escaped or not, to find where a field ends.
bool bracesBalanced(const QString &text)
{
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}') && --depth < 0)
            return false;
    }
    return depth == 0;
}

// Words whose capitals carry meaning: a capital after the first letter (GPT-4, ImageNet, 3D).
bool needsCaseProtection(const QString &word)
{
    bool seenLetterOrDigit = false;
    for (const QChar c : word) {
        if (c.isUpper() && seenLetterOrDigit)
            return true;
        if (c.isLetterOrNumber())
            seenLetterOrDigit = true;
    }
    return false;
}

QString protectWords(const QString &text, Braces braces)
{
    QString out;
    QString word;
    auto flush = [&] {
        if (word.isEmpty())
            return;
        // Sentence punctuation stays outside the braces: "{BOOT}:", not "{BOOT:}".
        qsizetype end = word.size();
        while (end > 0 && QStringLiteral(".,:;!?").contains(word.at(end - 1)))
            --end;
        const QString core = escapeWith(word.left(end), braces);
        const QString tail = escapeWith(word.mid(end), braces);
        // "{\&...}" would read as a BibTeX special character; leave such words alone.
        if (needsCaseProtection(word) && !core.startsWith(QLatin1Char('\\')))
            out += QLatin1Char('{') + core + QLatin1Char('}') + tail;
        else
            out += core + tail;
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            flush();
            out += c;
        } else {
            word += c;
        }
    }
    flush();
    return out;
}

// Math a reader wrote is worth keeping as TeX, but only when it cannot break the file or
// the document it lands in: balanced braces and no comment or parameter characters.
bool isSafeMath(const QString &math)
{
    if (!bracesBalanced(math))
        return false;
    for (qsizetype i = 0; i < math.size(); ++i) {
        const QChar c = math.at(i);
        const bool escaped = i > 0 && math.at(i - 1) == QLatin1Char('\\');
        if ((c == QLatin1Char('%') || c == QLatin1Char('#')) && !escaped)
            return false;
    }
    return true;
}

QString titleWith(const QString &title, Braces braces)
{
    QString out;
    qsizetype pos = 0;
    while (pos < title.size()) {
        qsizetype open = title.indexOf(QLatin1Char('$'), pos);
        while (open > 0 && title.at(open - 1) == QLatin1Char('\\'))
            open = title.indexOf(QLatin1Char('$'), open + 1);
        const qsizetype close = open < 0 ? -1 : title.indexOf(QLatin1Char('$'), open + 1);
        if (open < 0 || close < 0 || close == open + 1) {
            out += protectWords(title.mid(pos), braces);
            break;
        }
        const QString math = title.mid(open, close - open + 1);
        out += protectWords(title.mid(pos, open - pos), braces);
        out += isSafeMath(math) ? math : escapeWith(math, braces);
        pos = close + 1;
    }
    return out;
}

QString balancedOr(const QString &preferred, const QString &fallback)
{
    return bracesBalanced(preferred) ? preferred : fallback;
}

// Bare identifiers and URLs go into verbatim fields in biblatex: no escaping, only what
// could end the field removed.
QString verbatimField(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if (c != QLatin1Char('{') && c != QLatin1Char('}') && !c.isSpace())
            out += c;
    return out;
}

QString bibtexAuthors(const QStringList &authors)
{
    static const QRegularExpression andWord(QStringLiteral(R"(\band\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (const QString &author : authors) {
        QString name = bibtexEscape(author.simplified());
        // A bare "and" inside one name would split it in two.
        name.replace(andWord, QStringLiteral("{\\0}"));
        names.append(name);
    }
    return names.join(QStringLiteral(" and "));
}

} // namespace

QString bibtexEscape(const QString &text)
{
    const QString simple = text.simplified();
    return balancedOr(escapeWith(simple, Braces::Escaped), escapeWith(simple, Braces::Commands));
}

QString bibtexTitle(const QString &title)
{
    const QString simple = title.simplified();
    return balancedOr(titleWith(simple, Braces::Escaped), titleWith(simple, Braces::Commands));
}

QString papersToBibtex(const QList<Paper> &papers)
{
    const QStringList keys = citationKeys(papers);
    QString out;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        QList<std::pair<QString, QString>> fields;
        if (!p.title.isEmpty())
            fields.append({QStringLiteral("title"), bibtexTitle(p.title)});
        if (!p.authors.isEmpty())
            fields.append({QStringLiteral("author"), bibtexAuthors(p.authors)});
        if (const int year = paperYear(p); year > 0)
            fields.append({QStringLiteral("year"), QString::number(year)});
        fields.append({QStringLiteral("eprint"), verbatimField(p.arxivId)});
        fields.append({QStringLiteral("archivePrefix"), QStringLiteral("arXiv")});
        const QString primary = p.primaryCategory.isEmpty() && !p.categories.isEmpty()
                                    ? p.categories.first()
                                    : p.primaryCategory;
        if (!primary.isEmpty())
            fields.append({QStringLiteral("primaryClass"), verbatimField(primary)});
        if (!p.doi.isEmpty())
            fields.append({QStringLiteral("doi"), verbatimField(p.doi)});
        if (!p.journalRef.isEmpty())
            fields.append({QStringLiteral("note"), bibtexEscape(p.journalRef)});
        fields.append({QStringLiteral("url"), absUrl(verbatimField(p.arxivId))});

        if (i > 0)
            out += QLatin1Char('\n');
        out += QStringLiteral("@misc{%1,\n").arg(keys.at(i));
        for (qsizetype f = 0; f < fields.size(); ++f)
            out += QStringLiteral("  %1 = {%2}%3\n")
                       .arg(fields.at(f).first, fields.at(f).second,
                            f + 1 < fields.size() ? QStringLiteral(",") : QString());
        out += QStringLiteral("}\n");
    }
    return out;
}

} // namespace paperboy
