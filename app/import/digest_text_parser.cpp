#include "digest_text_parser.h"

#include "core/code_link_check.h"

#include <QRegularExpression>

namespace paperboy {

namespace {

const QString kSource = QStringLiteral("meiri-xueshu-sudi");

enum class Field
{
    None,
    Title,
    Authors,
    Link,
    Code,
    Abstract,
    EnglishAbstract
};

struct Line
{
    QString text;  // trimmed, NBSP and full-width spaces folded
    bool indented; // the copy indents abstract paragraphs; page chrome is not indented
    int number;    // 1-based line number in the file
};

bool isSpaceLike(QChar c)
{
    return c.isSpace() || c == QChar(0x00a0) || c == QChar(0x3000) || c == QChar(0xfeff);
}

QString foldSpaces(const QString &raw)
{
    QString out = raw;
    for (QChar &c : out)
        if (isSpaceLike(c))
            c = QLatin1Char(' ');
    return out.trimmed();
}

// HTML copies: keep block structure as line breaks, drop tags, decode entities once.
QString htmlToText(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style)\\b[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(
        QStringLiteral("<(br|/p|/div|/li|/h[1-6]|/tr|p|div|li|h[1-6])\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(dropped);
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);"));
    QString out;
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        char32_t code = 0;
        if (name.startsWith(QLatin1String("#x")))
            code = name.mid(2).toUInt(nullptr, 16);
        else if (name.startsWith(QLatin1Char('#')))
            code = name.mid(1).toUInt();
        else if (name == QLatin1String("amp"))
            code = '&';
        else if (name == QLatin1String("lt"))
            code = '<';
        else if (name == QLatin1String("gt"))
            code = '>';
        else if (name == QLatin1String("quot"))
            code = '"';
        else if (name == QLatin1String("apos"))
            code = '\'';
        else if (name == QLatin1String("nbsp"))
            code = 0xa0;
        if (code > 0 && code < 0x110000)
            out += QString::fromUcs4(&code, 1);
        else
            out += m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

bool looksLikeHtml(const QString &text)
{
    static const QRegularExpression html(QStringLiteral("<(html|body|div|p|br|span|h[1-6])\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    return html.match(QStringView(text).left(20000)).hasMatch();
}

// "标题:xxx" / "标题：xxx" / "Title: xxx" -> field and the rest of the line.
Field fieldOf(const QString &line, QString *rest)
{
    static const QRegularExpression label(
        QStringLiteral("^(标题|作者|文章链接|链接|论文链接|项目代码|代码|代码链接|摘要|Abstract|"
                       "Authors?|Link|Code)\\s*[:：]\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = label.match(line);
    if (!m.hasMatch())
        return Field::None;
    *rest = m.captured(2).trimmed();
    const QString name = m.captured(1).toLower();
    if (name == QStringLiteral("标题"))
        return Field::Title;
    if (name == QStringLiteral("作者") || name.startsWith(QLatin1String("author")))
        return Field::Authors;
    if (name.contains(QStringLiteral("链接")) && !name.contains(QStringLiteral("代码")))
        return Field::Link;
    if (name == QLatin1String("link"))
        return Field::Link;
    if (name.contains(QStringLiteral("代码")) || name == QLatin1String("code"))
        return Field::Code;
    if (name == QLatin1String("abstract"))
        return Field::EnglishAbstract;
    return Field::Abstract;
}

// "12.Title", "12. Title", "12、Title", "[12] Title".
bool paperHeader(const QString &line, int *number, QString *title)
{
    static const QRegularExpression header(
        QStringLiteral("^(?:\\[(\\d{1,4})\\]|(\\d{1,4})\\s*[.．、])\\s*(\\S.*)$"));
    const QRegularExpressionMatch m = header.match(line);
    if (!m.hasMatch())
        return false;
    *number = (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toInt();
    *title = m.captured(3).trimmed();
    return true;
}

QStringList splitNames(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("\\s*(?:[,，;；、]|\\band\\b)\\s*"));
    QStringList names = text.split(separators, Qt::SkipEmptyParts);
    for (QString &name : names)
        name = name.simplified();
    names.removeAll(QString());
    return names;
}

QDate headerDate(const QList<Line> &lines, qsizetype limit)
{
    static const QRegularExpression date(
        QStringLiteral("(20\\d\\d)\\s*[.\\-/年]\\s*(\\d{1,2})\\s*[.\\-/月]\\s*(\\d{1,2})"));
    for (qsizetype i = 0; i < limit && i < lines.size(); ++i) {
        const QRegularExpressionMatch m = date.match(lines[i].text);
        if (m.hasMatch()) {
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (d.isValid())
                return d;
        }
    }
    return {};
}

// Blog furniture that follows the last paper in reposts (CSDN-style pages).
bool isPageChrome(const QString &line)
{
    static const QStringList markers = {
        QStringLiteral("更多Ai资讯"), QStringLiteral("在这里插入图片描述"),
        QStringLiteral("评论"),       QStringLiteral("添加红包"),
        QStringLiteral("打赏作者"),   QStringLiteral("扫码支付"),
        QStringLiteral("发出的红包"), QStringLiteral("文章知识点与官方知识档案匹配"),
        QStringLiteral("关注博主"),   QStringLiteral("点赞"),
        QStringLiteral("收藏")};
    for (const QString &marker : markers)
        if (line.startsWith(marker))
            return true;
    return false;
}

struct PaperBlock
{
    int number = 0;
    int line = 0;
    QString title;
    DigestEntry entry;
    QString link;
    qsizetype lastUsed = 0; // index of the last line read as one of its fields
};

qsizetype nonEmptyAfter(const QList<Line> &lines, qsizetype index)
{
    qsizetype count = 0;
    for (qsizetype i = index + 1; i < lines.size(); ++i)
        count += lines[i].text.isEmpty() ? 0 : 1;
    return count;
}

// The heading of the next paper (or the start of one: "2", "2.BO") with nothing, or a
// fragment of its first field, after it at the end of the file.
int danglingHeading(const QList<Line> &lines, qsizetype from, int nextNumber, QString *title)
{
    static const QRegularExpression start(
        QStringLiteral("^\\[?(\\d{1,4})(?:\\]|[.．、])?\\s*(.*)$"));
    for (qsizetype i = from; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = start.match(lines[i].text);
        if (m.hasMatch() && m.captured(1).toInt() == nextNumber) {
            *title = m.captured(2);
            if (nonEmptyAfter(lines, i) <= 1)
                return lines[i].number;
        }
    }
    return 0;
}

} // namespace

ParseResult parseDigestText(const QString &input)
{
    QString text = input;
    if (looksLikeHtml(text))
        text = htmlToText(text);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    QList<Line> lines;
    const QStringList rawLines = text.split(QLatin1Char('\n'));
    lines.reserve(rawLines.size());
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        const QString &raw = rawLines[i];
        const bool indented = !raw.isEmpty() && isSpaceLike(raw.at(0));
        lines.append({foldSpaces(raw), indented, int(i + 1)});
    }

    // A paper starts at a numbered line whose next non-empty line is the 标题 field; numbered
    // lines elsewhere (page chrome like "1.余额是...") are not papers.
    auto nextNonEmpty = [&](qsizetype from) {
        while (from < lines.size() && lines[from].text.isEmpty())
            ++from;
        return from;
    };
    QList<qsizetype> starts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        int number = 0;
        QString title;
        if (!paperHeader(lines[i].text, &number, &title))
            continue;
        const qsizetype next = nextNonEmpty(i + 1);
        QString rest;
        if (next < lines.size() && fieldOf(lines[next].text, &rest) == Field::Title)
            starts.append(i);
    }
    if (starts.isEmpty())
        return ParseResult::failure(QStringLiteral(
            "no papers found: expected numbered entries with 标题/作者/文章链接/摘要 fields"));

    Digest digest;
    digest.source = kSource;
    digest.date = headerDate(lines, starts.first());
    if (!digest.date.isValid())
        return ParseResult::failure(
            QStringLiteral("no digest date found before the first paper (expected a header "
                           "such as 每日学术速递2024.03.14)"),
            lines[starts.first()].number);
    for (qsizetype i = 0; i < starts.first(); ++i) {
        static const QRegularExpression subjects(QStringLiteral("^Subjects?\\s*[:：]\\s*(.+)$"),
                                                 QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = subjects.match(lines[i].text);
        if (m.hasMatch()) {
            static const QRegularExpression category(
                QStringLiteral("[a-z\\-]+(?:\\.[A-Za-z\\-]+)?"));
            QStringList categories;
            auto it = category.globalMatch(m.captured(1));
            while (it.hasNext())
                categories.append(it.next().captured(0));
            categories.removeDuplicates();
            digest.category = categories.join(QLatin1Char(' '));
        }
        if (digest.title.isEmpty() && !lines[i].text.isEmpty())
            digest.title = lines[i].text;
    }

    const bool endsWithLineBreak = text.endsWith(QLatin1Char('\n'));
    QString cutOff; // the last paper, when the copy ends inside it
    QList<PaperBlock> blocks;
    for (qsizetype s = 0; s < starts.size(); ++s) {
        const qsizetype begin = starts[s];
        const qsizetype end = s + 1 < starts.size() ? starts[s + 1] : lines.size();
        PaperBlock block;
        block.line = lines[begin].number;
        paperHeader(lines[begin].text, &block.number, &block.title);
        DigestEntry &entry = block.entry;
        entry.translationLanguage = QStringLiteral("zh");
        entry.position = int(s + 1);
        Field current = Field::None;
        bool abstractIndented = false;
        bool abstractDone = false;
        block.lastUsed = begin;
        QStringList abstractParagraphs;
        QString paragraph;
        bool inParagraph = false;
        for (qsizetype i = begin + 1; i < end; ++i) {
            const Line &line = lines[i];
            QString rest;
            const Field field = fieldOf(line.text, &rest);
            if (field != Field::None) {
                current = field;
                block.lastUsed = i;
                switch (field) {
                case Field::Title:
                    entry.translatedTitle = rest;
                    break;
                case Field::Authors:
                    entry.paper.authors = splitNames(rest);
                    break;
                case Field::Link:
                    block.link = rest;
                    break;
                case Field::Code:
                    entry.codeUrlAsGiven = rest;
                    break;
                case Field::Abstract:
                case Field::EnglishAbstract:
                    if (!rest.isEmpty()) {
                        paragraph = rest;
                        inParagraph = true;
                        abstractIndented = line.indented;
                    }
                    break;
                case Field::None:
                    break;
                }
                continue;
            }
            const bool abstractField =
                current == Field::Abstract || current == Field::EnglishAbstract;
            if (!abstractField || abstractDone)
                continue;
            if (isPageChrome(line.text) || (inParagraph && abstractIndented && !line.indented)) {
                // Copies without blank lines run the page's widgets straight into the last
                // abstract; an unindented line after an indented abstract is not part of it.
                abstractDone = true;
                continue;
            }
            if (line.text.isEmpty()) {
                if (inParagraph) {
                    abstractParagraphs.append(paragraph);
                    paragraph.clear();
                    inParagraph = false;
                }
                continue;
            }
            if (!inParagraph) {
                // The first paragraph always belongs to the abstract; later ones only when
                // indented like it, which is what separates them from trailing page chrome.
                if (!abstractParagraphs.isEmpty() && !(abstractIndented && line.indented)) {
                    abstractDone = true;
                    continue;
                }
                if (abstractParagraphs.isEmpty())
                    abstractIndented = line.indented;
                paragraph = line.text;
                inParagraph = true;
            } else {
                paragraph += QLatin1Char(' ') + line.text;
            }
            block.lastUsed = i;
        }
        if (inParagraph)
            abstractParagraphs.append(paragraph);
        const QString abstract = abstractParagraphs.join(QLatin1Char('\n'));
        if (current == Field::EnglishAbstract)
            entry.paper.abstract = abstract;
        else
            entry.translatedAbstract = abstract;

        const bool hasLink = !block.link.isEmpty() &&
                             parseArxivId(block.link, &entry.paper.arxivId, &entry.paper.version);
        // The last paper with nothing after its last field: a copy cut short (a partial
        // download, a paste that stopped) ends inside it, without a line break or before its
        // link or abstract. Half of it must not replace a whole one stored before.
        // (A line cut in half, "作" of "作者:", is no field but still the end of the copy;
        // an unindented line after an indented abstract ended the paper before it. The link
        // comes before the abstract, so a whole abstract without a link is a broken entry.)
        const qsizetype after = nonEmptyAfter(lines, block.lastUsed);
        if (s + 1 == starts.size() &&
            (after == 0 || (after == 1 && !endsWithLineBreak && !abstractDone)) &&
            (abstract.isEmpty() || !endsWithLineBreak)) {
            cutOff = QStringLiteral("line %1: paper %2 (\"%3\") is cut off at the end of the file "
                                    "(an incomplete copy?); it was not imported")
                         .arg(block.line)
                         .arg(block.number)
                         .arg(block.title);
            break;
        }
        if (!hasLink)
            return ParseResult::failure(
                QStringLiteral("paper %1 (\"%2\") has no arXiv link (文章链接)")
                    .arg(block.number)
                    .arg(block.title),
                block.line);
        entry.paper.title = block.title;
        blocks.append(block);
    }
    if (cutOff.isEmpty() && !blocks.isEmpty()) {
        QString title;
        const int line =
            danglingHeading(lines, blocks.last().lastUsed + 1, blocks.last().number + 1, &title);
        if (line > 0)
            cutOff = QStringLiteral("line %1: the file ends after the heading of paper %2 (\"%3\") "
                                    "(an incomplete copy?); it was not imported")
                         .arg(line)
                         .arg(blocks.last().number + 1)
                         .arg(title);
    }
    if (blocks.isEmpty())
        return ParseResult::failure(
            QStringLiteral("the file ends inside its first paper (an incomplete copy?): "
                           "nothing to import"),
            lines[starts.first()].number);

    QList<CodeLinkCandidate> candidates;
    for (const PaperBlock &block : blocks)
        candidates.append({block.entry.paper.arxivId, block.title, block.entry.position});
    ParseResult result;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        DigestEntry entry = blocks[i].entry;
        if (!entry.codeUrlAsGiven.isEmpty())
            entry.codeUrlWarning = misplacedCodeLinkWarning(entry.codeUrlAsGiven, candidates, i);
        if (entry.translatedAbstract.isEmpty() && entry.paper.abstract.isEmpty())
            result.warnings.append(QStringLiteral("line %1: paper %2 has no abstract")
                                       .arg(blocks[i].line)
                                       .arg(blocks[i].number));
        digest.entries.append(entry);
    }
    if (!cutOff.isEmpty()) {
        result.warnings.append(cutOff);
        result.incomplete = true;
    }
    result.digests.append(digest);
    return result;
}

} // namespace paperboy
