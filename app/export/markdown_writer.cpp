#include "markdown_writer.h"
#include "core/english.h"

#include <QRegularExpression>
#include <QUrl>

namespace paperboy {

namespace {

// Escapes what only means markup at the start of a line: lists, headings, quotes, rules.
QString escapeLineStart(const QString &line)
{
    static const QRegularExpression orderedList(QStringLiteral(R"(^(\d+)([.)]))"));
    if (line.isEmpty())
        return line;
    const QChar first = line.at(0);
    if (first == QLatin1Char('-') || first == QLatin1Char('+') || first == QLatin1Char('='))
        return QLatin1Char('\\') + line;
    const QRegularExpressionMatch match = orderedList.match(line);
    if (match.hasMatch())
        return match.captured(1) + QLatin1Char('\\') + line.mid(match.captured(1).size());
    return line;
}

QString quoteBlock(const QString &text)
{
    // CommonMark ends a line at a lone CR too: split there, or a note's "\r- x" would start a
    // list outside the quote.
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines;
    const QStringList raw = normalized.split(QLatin1Char('\n'));
    for (const QString &line : raw) {
        // Trimmed after escaping: a control character it drops could leave a leading blank,
        // and four of them make the rest of the quote a code block (fuzz_export).
        const QString escaped = markdownEscape(line).trimmed();
        lines.append(escaped.isEmpty() ? QStringLiteral(">")
                                       : QStringLiteral("> ") + escapeLineStart(escaped));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString link(const QString &text, const QString &url)
{
    // arXiv links are built from the stored id: whatever it holds must not end the target.
    QByteArray target;
    const QByteArray bytes = url.toUtf8();
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        if (b > 0x20 && b < 0x7f && !QByteArrayView("()<>[]\\`").contains(byte))
            target += byte;
        else
            target += '%' + QByteArray::number(b, 16).rightJustified(2, '0').toUpper();
    }
    return QStringLiteral("[%1](%2)").arg(text, QString::fromLatin1(target));
}

} // namespace

QString markdownEscape(const QString &input)
{
    static const QRegularExpression entity(QStringLiteral(R"(^&#?[A-Za-z0-9]+;)"));
    const QString text = input;
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case u'\\':
        case u'`':
        case u'*':
        case u'_':
        case u'[':
        case u']':
        case u'<':
        case u'>':
        case u'#':
        case u'|':
        case u'~':
        case u'!':
            out += QLatin1Char('\\');
            out += c;
            break;
        case u'&':
            // Only an entity reference would turn into another character.
            if (entity.match(text.mid(i, 12)).hasMatch())
                out += QLatin1Char('\\');
            out += c;
            break;
        case u':':
            // GFM links bare "https://..." on its own; the escaped colon still shows as ':'.
            if (text.mid(i, 3) == QLatin1String("://"))
                out += QLatin1Char('\\');
            out += c;
            break;
        case u'.':
            // ...and "www.example.org" too.
            if (i >= 3 &&
                text.mid(i - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) == 0)
                out += QLatin1Char('\\');
            out += c;
            break;
        case u'\r':
            out += QLatin1Char('\n');
            break;
        default:
            // Other control characters are invisible in a rendered document but not in a
            // terminal (escape sequences); they carry no text, so they go.
            if ((c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n')) ||
                (c.unicode() >= 0x7f && c.unicode() < 0xa0))
                break;
            out += c;
        }
    }
    return out;
}

QString safeMarkdownUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() ||
        !url.userInfo().isEmpty())
        return {};
    QString encoded = QString::fromLatin1(url.toEncoded(QUrl::FullyEncoded));
    // A parenthesis or angle bracket would end the link target early.
    encoded.replace(QLatin1Char('('), QStringLiteral("%28"));
    encoded.replace(QLatin1Char(')'), QStringLiteral("%29"));
    encoded.replace(QLatin1Char('<'), QStringLiteral("%3C"));
    encoded.replace(QLatin1Char('>'), QStringLiteral("%3E"));
    return encoded;
}

QString papersToMarkdown(const QList<PaperView> &papers, const MarkdownOptions &options)
{
    QString out;
    if (!options.heading.isEmpty())
        out += QStringLiteral("# %1\n\n").arg(markdownEscape(options.heading.simplified()));
    out += countOf(papers.size(), QStringLiteral("paper")) + u'\n';
    int number = 0;
    for (const PaperView &view : papers) {
        const Paper &p = view.paper;
        // The Chinese the reader is shown: a digest's, the user's own, or a machine's.
        const ShownTranslation shown = shownTranslation(view);
        const bool zh = options.bilingual && shown.source() != TranslationSource::None;
        const QString title = p.title.isEmpty() ? p.arxivId : p.title;
        out +=
            QStringLiteral("\n## %1. %2\n\n").arg(++number).arg(markdownEscape(title.simplified()));
        if (zh && !shown.title.isEmpty())
            out += QStringLiteral("**%1** %2\n\n")
                       .arg(QStringLiteral("标题:"), markdownEscape(shown.title.simplified()));
        if (!p.authors.isEmpty())
            out += QStringLiteral("*%1*\n\n")
                       .arg(markdownEscape(p.authors.join(QStringLiteral(", ")).simplified()));

        // Links are only ever ours: arXiv's and the paper's https code link.
        QStringList links{
            // One line whatever the id holds: a line break in it split the link in two.
            link(QStringLiteral("arXiv:") + markdownEscape(p.arxivId.simplified()),
                 absUrl(p.arxivId)),
            link(QStringLiteral("PDF"), pdfUrl(p.arxivId, p.version))};
        if (const QString code = safeMarkdownUrl(view.codeUrl()); !code.isEmpty())
            links.append(link(QStringLiteral("Code"), code));
        out += links.join(QStringLiteral(" · "));
        QStringList facts;
        if (!p.categories.isEmpty())
            facts.append(markdownEscape(p.categories.join(QLatin1Char(' ')).simplified()));
        if (p.published.isValid())
            facts.append(p.published.toString(Qt::ISODate));
        if (!view.user.tags.isEmpty())
            facts.append(QStringLiteral("tags: ") +
                         markdownEscape(view.user.tags.join(QStringLiteral(", ")).simplified()));
        if (view.user.starred)
            facts.append(QStringLiteral("★"));
        if (!facts.isEmpty())
            out += QStringLiteral(" · ") + facts.join(QStringLiteral(" · "));
        out += QStringLiteral("\n\n");

        if (!p.abstract.isEmpty())
            out += quoteBlock(p.abstract.simplified()) + QLatin1Char('\n');
        if (zh && !shown.abstract.isEmpty())
            out += QStringLiteral("**%1**\n\n").arg(QStringLiteral("摘要:")) +
                   quoteBlock(shown.abstract.simplified()) + QLatin1Char('\n');
        if (zh && shown.usesMachine()) {
            const MachineTranslation &m = view.machineTranslation;
            out += QStringLiteral("*%1 · %2*\n\n")
                       .arg(QStringLiteral("机器翻译 machine translation"),
                            markdownEscape(m.model.isEmpty()
                                               ? m.provider
                                               : m.provider + QLatin1Char('/') + m.model));
        }
        if (!view.user.note.trimmed().isEmpty())
            out += QStringLiteral("**%1**\n\n")
                       .arg(zh ? QStringLiteral("Note / 笔记:") : QStringLiteral("Note:")) +
                   quoteBlock(view.user.note.trimmed()) + QLatin1Char('\n');
    }
    return out;
}

} // namespace paperboy
