#include "export/zotero_item.h"

#include "export/citation_common.h"

#include <QRegularExpression>

namespace paperboy {

QString zoteroNoteHtml(const QString &note)
{
    static const QRegularExpression blankLines(QStringLiteral(R"(\n[ \t]*\n\s*)"));
    QString text = note;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QString html;
    const QStringList paragraphs = text.trimmed().split(blankLines, Qt::SkipEmptyParts);
    for (const QString &paragraph : paragraphs)
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(paragraph.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    return html;
}

QJsonObject zoteroItem(const PaperView &view)
{
    const Paper &paper = view.paper;
    QJsonArray creators;
    for (const QString &author : paper.authors) {
        const PersonName name = splitPersonName(author);
        if (name.literal || name.given.isEmpty())
            creators.append(QJsonObject{{QStringLiteral("lastName"), name.family},
                                        {QStringLiteral("creatorType"), QStringLiteral("author")},
                                        {QStringLiteral("fieldMode"), 1}});
        else
            creators.append(QJsonObject{
                {QStringLiteral("firstName"), name.given},
                {QStringLiteral("lastName"),
                 name.suffix.isEmpty() ? name.family
                                       : QStringLiteral("%1, %2").arg(name.family, name.suffix)},
                {QStringLiteral("creatorType"), QStringLiteral("author")}});
    }
    QJsonArray tags;
    for (const QString &tag : view.user.tags)
        tags.append(QJsonObject{{QStringLiteral("tag"), tag}});
    QJsonArray notes;
    if (!view.user.note.trimmed().isEmpty())
        notes.append(QJsonObject{{QStringLiteral("note"), zoteroNoteHtml(view.user.note)}});
    const QJsonArray attachments{
        QJsonObject{{QStringLiteral("title"), QStringLiteral("arXiv PDF")},
                    {QStringLiteral("url"), pdfUrl(paper.arxivId)},
                    {QStringLiteral("mimeType"), QStringLiteral("application/pdf")},
                    {QStringLiteral("snapshot"), false}}};
    QStringList extra;
    if (!paper.primaryCategory.isEmpty())
        extra.append(QStringLiteral("arXiv category: %1").arg(paper.primaryCategory));
    if (!paper.journalRef.isEmpty())
        extra.append(QStringLiteral("Journal reference: %1").arg(paper.journalRef.simplified()));
    if (!paper.doi.isEmpty())
        extra.append(QStringLiteral("Published DOI: %1").arg(paper.doi));
    if (!paper.comment.isEmpty())
        extra.append(QStringLiteral("Comment: %1").arg(paper.comment.simplified()));
    const QDate date = paper.published.isValid() ? paper.published : view.digestDate;
    return {{QStringLiteral("itemType"), QStringLiteral("preprint")},
            {QStringLiteral("title"), paper.title.simplified()},
            {QStringLiteral("creators"), creators},
            {QStringLiteral("abstractNote"), paper.abstract.trimmed()},
            {QStringLiteral("url"), absUrl(paper.arxivId)},
            {QStringLiteral("date"), date.isValid() ? date.toString(Qt::ISODate) : QString()},
            {QStringLiteral("repository"), QStringLiteral("arXiv")},
            {QStringLiteral("archiveID"), QStringLiteral("arXiv:%1").arg(paper.arxivId)},
            {QStringLiteral("DOI"), QStringLiteral("10.48550/arXiv.%1").arg(paper.arxivId)},
            {QStringLiteral("libraryCatalog"), QStringLiteral("arXiv.org")},
            {QStringLiteral("extra"), extra.join(QLatin1Char('\n'))},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("attachments"), attachments}};
}

QJsonArray zoteroItems(const QList<PaperView> &views)
{
    QJsonArray items;
    for (const PaperView &view : views)
        items.append(zoteroItem(view));
    return items;
}

} // namespace paperboy
