#include "detail/version_view.h"

#include "core/word_diff.h"

#include <QEvent>
#include <QLocale>
#include <QRegularExpression>

namespace paperboy {

namespace {

const QRegularExpression &acceptedPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(accepted (at|to|by|for|in)|to appear (in|at)|published (in|at))\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

bool accepted(const QString &comment)
{
    return acceptedPattern().match(comment).hasMatch();
}

// The sentence of the comment that says so: "Accepted at ACM CCS 2021" out of "12 pages.
// Accepted at ACM CCS 2021. Code: https://...". It speaks for itself; a label before it
// would read "Accepted: Accepted at ...".
QString acceptedSentence(const QString &comment)
{
    const QRegularExpressionMatch match = acceptedPattern().match(comment);
    if (!match.hasMatch())
        return {};
    static const QRegularExpression end(QStringLiteral("[.;](\\s|$)|\\n"));
    qsizetype from = 0;
    for (QRegularExpressionMatchIterator it = end.globalMatch(comment); it.hasNext();) {
        const QRegularExpressionMatch stop = it.next();
        if (stop.capturedEnd() > match.capturedStart())
            break;
        from = stop.capturedEnd();
    }
    const QRegularExpressionMatch stop = end.match(comment, match.capturedEnd());
    const qsizetype to = stop.hasMatch() ? stop.capturedStart() : comment.size();
    return comment.mid(from, to - from).trimmed();
}

QString diffHtml(const QList<DiffChunk> &chunks, const QPalette &palette)
{
    // Colours that read on both palettes: the link colour's lightness decides.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QString added = dark ? QStringLiteral("#7ee787") : QStringLiteral("#1a7f37");
    const QString removed = dark ? QStringLiteral("#ff7b72") : QStringLiteral("#cf222e");
    QString html;
    for (const DiffChunk &chunk : chunks) {
        const QString text = chunk.text.toHtmlEscaped();
        switch (chunk.op) {
        case DiffChunk::Op::Equal:
            html += text;
            break;
        case DiffChunk::Op::Delete:
            html += QStringLiteral("<s style=\"color:%1\">%2</s>").arg(removed, text);
            break;
        case DiffChunk::Op::Insert:
            html += QStringLiteral("<u style=\"color:%1\">%2</u>").arg(added, text);
            break;
        }
    }
    return html;
}

} // namespace

VersionView::VersionView(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("versionLabel"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void VersionView::setVersions(const QList<PaperVersion> &versions)
{
    m_versions = versions;
    setText(describe(versions, palette()));
    setVisible(versions.size() >= 2);
}

QString VersionView::describe(const QList<PaperVersion> &versions, const QPalette &palette)
{
    if (versions.size() < 2)
        return {};
    const PaperVersion &newer = versions.last();
    const PaperVersion &older = versions.at(versions.size() - 2);
    QString head = tr("v%1").arg(newer.version);
    if (newer.date.isValid())
        head += QStringLiteral(" · ") + QLocale().toString(newer.date, QLocale::ShortFormat);
    QStringList news;
    if (accepted(newer.comment) && !accepted(older.comment))
        news.append(acceptedSentence(newer.comment).toHtmlEscaped());
    if (!newer.journalRef.isEmpty() && older.journalRef.isEmpty())
        news.append(tr("Journal reference: %1").arg(newer.journalRef.toHtmlEscaped()));
    if (!newer.doi.isEmpty() && older.doi.isEmpty())
        news.append(tr("DOI: %1").arg(newer.doi.toHtmlEscaped()));
    if (!newer.codeUrl.isEmpty() && older.codeUrl.isEmpty())
        news.append(tr("Code link: %1").arg(newer.codeUrl.toHtmlEscaped()));
    QString html = QStringLiteral("<b>%1</b>").arg(head);
    for (const QString &item : std::as_const(news))
        html += QStringLiteral("<br>\u2605 ") + item;
    const struct
    {
        QString label;
        QString before;
        QString after;
    } fields[] = {
        {tr("Title"), older.title, newer.title},
        {tr("Authors"), older.authors.join(QStringLiteral(", ")),
         newer.authors.join(QStringLiteral(", "))},
        {tr("Comment"), older.comment, newer.comment},
        {tr("Abstract"), older.abstract, newer.abstract},
    };
    QStringList changed;
    for (const auto &field : fields) {
        const QList<DiffChunk> chunks = wordDiff(field.before, field.after);
        if (hasChanges(chunks))
            changed.append(QStringLiteral("<i>%1:</i> %2")
                               .arg(field.label.toHtmlEscaped(), diffHtml(chunks, palette)));
    }
    html += QStringLiteral("<br>") +
            (changed.isEmpty() ? tr("Nothing changed in the title, authors, comment or abstract "
                                    "since v%1.")
                                     .arg(older.version)
                               : tr("Changed since v%1:").arg(older.version) +
                                     QStringLiteral("<br>") + changed.join(QStringLiteral("<br>")));
    return html;
}

void VersionView::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_versions.isEmpty())
        setText(describe(m_versions, palette()));
}

} // namespace paperboy
