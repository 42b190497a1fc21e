// The export writers over papers made of fuzz bytes: what they write parses back as its
// format, with one record per paper. BibTeX: entries whose braces balance, unique keys, the
// arXiv id as eprint, math that opens closes, no TeX that reads or writes files or defines
// commands. RIS: well-formed tag lines, TY ... ER per paper. CSV: RFC 4180, 14 columns, no
// cell a spreadsheet would evaluate, the id, title and note back as given. CSL-JSON: valid
// JSON, one item per paper, unique ids. Markdown: one numbered heading per paper, every line
// of a known kind, no raw HTML, code spans or links but ours.

#include "export/citation_common.h"
#include "export/csv_writer.h"
#include "export/exporter.h"
#include "fuzz_common.h"
#include "fuzz_papers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace {

using namespace paperboy;

// UTF-16 written out as UTF-8 and read back: what any reader of the file sees.
QString throughUtf8(const QString &text)
{
    return QString::fromUtf8(text.toUtf8());
}

// A character is escaped by an odd number of backslashes right before it.
bool escapedAt(const QString &text, qsizetype i)
{
    qsizetype backslashes = 0;
    while (i - backslashes - 1 >= 0 && text.at(i - backslashes - 1) == QLatin1Char('\\'))
        ++backslashes;
    return backslashes % 2 == 1;
}

// TeX primitives and LaTeX commands that reach files, the shell or the definitions of the
// document that cites the paper; none may come from a stranger's title.
bool dangerousControlWord(const QString &word)
{
    static const QSet<QString> words{
        QStringLiteral("input"),         QStringLiteral("include"),
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

void checkBibtexValue(const QString &value)
{
    int dollars = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('$') && !escapedAt(value, i))
            ++dollars;
        if (c == QLatin1Char('\\') && !escapedAt(value, i)) {
            qsizetype end = i + 1;
            while (end < value.size() && value.at(end).isLetter() && value.at(end).unicode() < 128)
                ++end;
            if (dangerousControlWord(value.mid(i + 1, end - i - 1))) {
                std::fprintf(stderr, "BibTeX value: %s\n", qPrintable(value));
                fuzz::fail("a BibTeX field carries a dangerous TeX command");
            }
        }
        fuzz::check(c != QLatin1Char('\n') && c != QLatin1Char('\r'), "a BibTeX value over lines");
    }
    if (dollars % 2 != 0) {
        std::fprintf(stderr, "BibTeX value: %s\n", qPrintable(value));
        fuzz::fail("math in a BibTeX field that never closes");
    }
}

// BibTeX's own reading: @type{key, name = {value}, ...}, braces counted whatever precedes
// them.
void checkBibtex(const QString &text, const QList<Paper> &papers)
{
    QSet<QString> keys;
    qsizetype pos = 0;
    int entries = 0;
    auto skipSpace = [&] {
        while (pos < text.size() && text.at(pos).isSpace())
            ++pos;
    };
    for (;;) {
        skipSpace();
        if (pos >= text.size())
            break;
        fuzz::check(text.mid(pos, 6) == QLatin1String("@misc{"), "a BibTeX entry not @misc{");
        pos += 6;
        const qsizetype comma = text.indexOf(QLatin1Char(','), pos);
        fuzz::check(comma > pos, "a BibTeX entry without a key");
        const QString key = text.mid(pos, comma - pos);
        static const QRegularExpression keyChars(QStringLiteral("^[a-z0-9]+$"));
        fuzz::check(keyChars.match(key).hasMatch(), "a BibTeX key with odd characters");
        fuzz::check(!keys.contains(key), "two BibTeX entries with one key");
        keys.insert(key);
        pos = comma + 1;
        const Paper &paper = papers.at(entries);
        bool sawEprint = false;
        for (;;) {
            skipSpace();
            fuzz::check(pos < text.size(), "a BibTeX entry that never ends");
            if (text.at(pos) == QLatin1Char('}')) {
                ++pos;
                break;
            }
            const qsizetype equals = text.indexOf(QLatin1Char('='), pos);
            fuzz::check(equals > pos, "a BibTeX field without '='");
            const QString name = text.mid(pos, equals - pos).trimmed();
            static const QRegularExpression nameChars(QStringLiteral("^[A-Za-z]+$"));
            fuzz::check(nameChars.match(name).hasMatch(),
                        "a BibTeX field name with odd characters");
            pos = equals + 1;
            skipSpace();
            fuzz::check(pos < text.size() && text.at(pos) == QLatin1Char('{'),
                        "a BibTeX value not in braces");
            int depth = 0;
            const qsizetype start = pos + 1;
            do {
                fuzz::check(pos < text.size(), "a BibTeX value whose braces never close");
                if (text.at(pos) == QLatin1Char('{'))
                    ++depth;
                else if (text.at(pos) == QLatin1Char('}'))
                    --depth;
                ++pos;
            } while (depth > 0);
            const QString value = text.mid(start, pos - 1 - start);
            // Identifiers and URLs are verbatim fields (biblatex): TeX does not read them.
            static const QSet<QString> verbatim{QStringLiteral("eprint"), QStringLiteral("url"),
                                                QStringLiteral("doi"),
                                                QStringLiteral("primaryClass")};
            if (!verbatim.contains(name))
                checkBibtexValue(value);
            fuzz::check(!value.contains(QLatin1Char('\n')), "a BibTeX value over lines");
            if (name == QLatin1String("eprint")) {
                sawEprint = true;
                QString expected;
                for (const QChar c : paper.arxivId)
                    if (c != QLatin1Char('{') && c != QLatin1Char('}') && !c.isSpace())
                        expected += c;
                fuzz::check(value == expected, "eprint is not the arXiv id");
            }
            skipSpace();
            if (pos < text.size() && text.at(pos) == QLatin1Char(','))
                ++pos;
        }
        fuzz::check(sawEprint, "a BibTeX entry without eprint");
        ++entries;
        fuzz::check(entries <= papers.size(), "more BibTeX entries than papers");
    }
    fuzz::check(entries == papers.size(), "fewer BibTeX entries than papers");
}

void checkRis(const QString &text, int papers)
{
    static const QRegularExpression tagLine(QStringLiteral("^[A-Z][A-Z0-9]  - (.*)$"));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    int open = 0;
    int closed = 0;
    bool inRecord = false;
    for (const QString &line : lines) {
        fuzz::check(!line.contains(QLatin1Char('\r')) && !line.contains(QLatin1Char('\n')),
                    "a RIS line broken by a bare CR or LF");
        if (line.isEmpty())
            continue;
        const QRegularExpressionMatch match = tagLine.match(line);
        if (!match.hasMatch()) {
            std::fprintf(stderr, "RIS line: %s\n", qPrintable(line));

            fuzz::fail("a RIS line that is not TAG  - value");
        }
        const QString tag = line.left(2);
        if (tag == QLatin1String("TY")) {
            fuzz::check(!inRecord, "a RIS record opened inside another");
            inRecord = true;
            ++open;
        } else if (tag == QLatin1String("ER")) {
            fuzz::check(inRecord, "a RIS record closed twice");
            inRecord = false;
            ++closed;
        } else {
            fuzz::check(inRecord, "a RIS tag outside a record");
            fuzz::check(!match.captured(1).trimmed().isEmpty(), "an empty RIS value");
        }
    }
    fuzz::check(!inRecord, "a RIS record never closed");
    fuzz::check(open == papers && closed == papers, "not one RIS record per paper");
}

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    bool fieldStarted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') && field.isEmpty() && !fieldStarted) {
            fieldStarted = true;
            ++i;
            for (;;) {
                fuzz::check(i < text.size(), "a CSV quote never closed");
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            fuzz::check(i >= text.size() || text.at(i) == QLatin1Char(',') ||
                            text.at(i) == QLatin1Char('\r'),
                        "text after a closing CSV quote");
            continue;
        }
        if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == QLatin1Char('\r')) {
            fuzz::check(i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'),
                        "a bare CR outside CSV quotes");
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else {
            fuzz::check(c != QLatin1Char('\n'), "a bare LF outside CSV quotes");
            fuzz::check(c != QLatin1Char('"'), "a quote inside an unquoted CSV field");
            fieldStarted = true;
            field += c;
            ++i;
        }
    }
    fuzz::check(record.isEmpty() && field.isEmpty(), "a CSV record without its CRLF");
    return records;
}

QString cellOf(const QString &value)
{
    return startsLikeFormula(value) ? QLatin1Char('\'') + value : value;
}

void checkCsv(const QString &text, const QList<PaperView> &papers)
{
    const QList<QStringList> records = parseCsv(throughUtf8(text));
    fuzz::check(records.size() == papers.size() + 1, "not one CSV row per paper");
    fuzz::check(records.first() == csvColumns(), "a CSV header that is not the columns");
    for (qsizetype r = 0; r < records.size(); ++r) {
        const QStringList &fields = records.at(r);
        fuzz::check(fields.size() == csvColumns().size(), "a CSV row with the wrong columns");
        for (const QString &field : fields)
            fuzz::check(!startsLikeFormula(field), "a CSV cell a spreadsheet would evaluate");
        if (r == 0)
            continue;
        const PaperView &view = papers.at(r - 1);
        fuzz::check(fields.at(0) == cellOf(throughUtf8(view.paper.arxivId)), "a CSV id changed");
        fuzz::check(fields.at(2) == cellOf(throughUtf8(view.paper.title.simplified())),
                    "a CSV title changed");
        fuzz::check(fields.at(13) == cellOf(throughUtf8(view.user.note)), "a CSV note changed");
    }
}

void checkCslJson(const QString &text, const QList<PaperView> &papers)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    fuzz::check(error.error == QJsonParseError::NoError, "CSL-JSON that is not JSON");
    fuzz::check(document.isArray(), "CSL-JSON that is not an array");
    const QJsonArray items = document.array();
    fuzz::check(items.size() == papers.size(), "not one CSL-JSON item per paper");
    QSet<QString> ids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        fuzz::check(items.at(i).isObject(), "a CSL-JSON item that is not an object");
        const QJsonObject item = items.at(i).toObject();
        const QString key = item.value(QStringLiteral("id")).toString();
        fuzz::check(!key.isEmpty() && !ids.contains(key), "a CSL-JSON id empty or repeated");
        ids.insert(key);
        fuzz::check(item.value(QStringLiteral("type")).toString() == QLatin1String("article"),
                    "a CSL-JSON item that is not an article");
        // Qt writes a lone surrogate as a \u escape, which reads back as itself.
        const QString number = item.value(QStringLiteral("number")).toString();
        const QString id = papers.at(i).paper.arxivId;
        fuzz::check(number == id || number == throughUtf8(id),
                    "a CSL-JSON number that is not the arXiv id");
    }
}

// A bracket or angle bracket that Markdown would act on: not escaped by a backslash.
void checkMarkdownInert(const QString &line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (escapedAt(line, i))
            continue;
        fuzz::check(c != QLatin1Char('<'), "raw HTML or an autolink in Markdown");
        fuzz::check(c != QLatin1Char('`'), "a code span in Markdown");
        if (c == QLatin1Char(']') && line.mid(i, 2) == QLatin1String("](")) {
            const QString target = line.mid(i + 2);
            fuzz::check(target.startsWith(QLatin1String("https://")), "a link that is not https");
            fuzz::check(line.lastIndexOf(QLatin1Char('['), i) >= 0, "a link without its text");
        }
    }
}

void checkMarkdown(const QString &text, const QList<PaperView> &papers, bool heading)
{
    static const QRegularExpression paperHeading(QStringLiteral("^## (\\d+)\\. "));
    const QStringList lines = text.split(QLatin1Char('\n'));
    int numbered = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        fuzz::check(!line.contains(QLatin1Char('\r')), "a CR in Markdown");
        if (line.startsWith(QLatin1String("# "))) {
            fuzz::check(heading && i == 0, "a top heading that is not the list's");
        } else if (line.startsWith(QLatin1String("## "))) {
            const QRegularExpressionMatch match = paperHeading.match(line);
            fuzz::check(match.hasMatch(), "a second-level heading that is not a paper's");
            fuzz::check(match.captured(1).toInt() == ++numbered, "papers numbered out of order");
        } else if (line.startsWith(QLatin1String("> ")) || line == QLatin1String(">")) {
            const QString rest = line.mid(2);
            fuzz::check(!rest.startsWith(QLatin1Char(' ')) && !rest.startsWith(QLatin1Char('\t')),
                        "an indented line inside a quote");
        } else if (!(line.isEmpty() || line.startsWith(QLatin1String("**")) ||
                     line.startsWith(QLatin1Char('*')) ||
                     line.startsWith(QLatin1String("[arXiv:")) ||
                     line.endsWith(QLatin1String(" paper")) ||
                     line.endsWith(QLatin1String(" papers")))) {
            std::fprintf(stderr, "Markdown line: %s\n", qPrintable(line));
            fuzz::fail("a Markdown line of no known kind");
        }
        checkMarkdownInert(line);
    }
    fuzz::check(numbered == papers.size(), "not one Markdown heading per paper");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::PaperSource source(data, size);
    QList<PaperView> views;
    const int count = source.fdp().ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < count; ++i)
        views.append(source.view());
    QList<Paper> papers;
    for (const PaperView &view : views)
        papers.append(view.paper);
    ExportOptions options;
    options.bilingual = source.fdp().ConsumeBool();
    options.heading = source.text(60);

    checkBibtex(exportPapers(views, ExportFormat::BibTeX), papers);
    // Read as a file holds them (UTF-8): a lone surrogate of a title is U+FFFD there, and
    // QRegularExpression matches nothing in invalid UTF-16.
    checkRis(throughUtf8(exportPapers(views, ExportFormat::Ris)), int(views.size()));
    checkCsv(exportPapers(views, ExportFormat::Csv), views);
    checkCslJson(exportPapers(views, ExportFormat::CslJson), views);
    checkMarkdown(throughUtf8(exportPapers(views, ExportFormat::Markdown, options)), views,
                  !options.heading.isEmpty());
    return 0;
}
