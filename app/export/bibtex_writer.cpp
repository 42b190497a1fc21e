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

// TeX primitives and LaTeX commands that read or write files, reach the shell or change the
// definitions of the citing document. They work in math mode too ($\input{/etc/passwd}$,
// found by fuzz_export), so math holding one is written as text.
bool isDangerousControlWord(const QString &word)
{
    static const QStringList words{QStringLiteral("input"),         QStringLiteral("include"),
                                   QStringLiteral("write"),         QStringLiteral("immediate"),
                                   QStringLiteral("openout"),       QStringLiteral("openin"),
                                   QStringLiteral("read"),          QStringLiteral("def"),
                                   QStringLiteral("edef"),          QStringLiteral("gdef"),
                                   QStringLiteral("xdef"),          QStringLiteral("let"),
                                   QStringLiteral("catcode"),       QStringLiteral("csname"),
                                   QStringLiteral("newcommand"),    QStringLiteral("renewcommand"),
                                   QStringLiteral("special"),       QStringLiteral("usepackage"),
                                   QStringLiteral("documentclass"), QStringLiteral("shipout"),
                                   QStringLiteral("end"),           QStringLiteral("begin"),
                                   QStringLiteral("expandafter"),   QStringLiteral("jobname"),
                                   QStringLiteral("makeatletter"),  QStringLiteral("outer"),
                                   QStringLiteral("closeout"),      QStringLiteral("newwrite"),
                                   QStringLiteral("newread"),       QStringLiteral("ShellEscape"),
                                   QStringLiteral("directlua"),     QStringLiteral("luaexec"),
                                   QStringLiteral("pdfprimitive")};
    return words.contains(word);
}

// Math a reader wrote is worth keeping as TeX, but only when it cannot break the file or
// the document it lands in: balanced braces, no comment or parameter characters and no
// command that reaches files or definitions.
bool isSafeMath(const QString &math)
{
    if (!bracesBalanced(math))
        return false;
    bool escaped = false; // after an odd number of backslashes
    for (qsizetype i = 0; i < math.size(); ++i) {
        const QChar c = math.at(i);
        if ((c == QLatin1Char('%') || c == QLatin1Char('#')) && !escaped)
            return false;
        const bool startsControlWord = c == QLatin1Char('\\') && !escaped;
        escaped = startsControlWord;
        if (startsControlWord) {
            qsizetype end = i + 1;
            while (end < math.size() && math.at(end).unicode() < 128 && math.at(end).isLetter())
                ++end;
            if (isDangerousControlWord(math.mid(i + 1, end - i - 1)))
                return false;
        }
    }
    return true;
}

// The next '$' from `from` that TeX reads as a math shift: not after an odd number of
// backslashes (in "$x\$ and $y$" the second '$' is a dollar sign; found by fuzz_export).
qsizetype nextMathShift(const QString &text, qsizetype from)
{
    for (qsizetype i = text.indexOf(QLatin1Char('$'), from); i >= 0;
         i = text.indexOf(QLatin1Char('$'), i + 1)) {
        qsizetype backslashes = 0;
        while (i - backslashes > 0 && text.at(i - backslashes - 1) == QLatin1Char('\\'))
            ++backslashes;
        if (backslashes % 2 == 0)
            return i;
    }
    return -1;
}

QString titleWith(const QString &title, Braces braces)
{
    QString out;
    qsizetype pos = 0;
    while (pos < title.size()) {
        const qsizetype open = nextMathShift(title, pos);
        const qsizetype close = open < 0 ? -1 : nextMathShift(title, open + 1);
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
