#include "csl_json_writer.h"

#include "export/citation_common.h"

#include <QJsonObject>

namespace paperboy {

namespace {

QJsonObject cslName(const QString &author)
{
    const PersonName name = splitPersonName(author);
    if (name.literal)
        return {{QStringLiteral("literal"), name.family}};
    QJsonObject object{{QStringLiteral("family"), name.family},
                       {QStringLiteral("given"), name.given}};
    if (!name.suffix.isEmpty())
        object.insert(QStringLiteral("suffix"), name.suffix);
    return object;
}

QJsonObject issued(const Paper &paper)
{
    QJsonArray parts;
    if (paper.published.isValid()) {
        parts = {paper.published.year(), paper.published.month(), paper.published.day()};
    } else if (const int year = paperYear(paper); year > 0) {
        parts = {year};
    } else {
        return {};
    }
    return {{QStringLiteral("date-parts"), QJsonArray{parts}}};
}

} // namespace

QJsonArray papersToCslJson(const QList<Paper> &papers)
{
    const QStringList keys = citationKeys(papers);
    QJsonArray items;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        QJsonObject item{{QStringLiteral("id"), keys.at(i)},
                         {QStringLiteral("type"), QStringLiteral("article")},
                         {QStringLiteral("number"), p.arxivId},
                         {QStringLiteral("publisher"), QStringLiteral("arXiv")},
                         {QStringLiteral("URL"), absUrl(p.arxivId)}};
        if (!p.title.isEmpty())
            item.insert(QStringLiteral("title"), p.title.simplified());
        QJsonArray authors;
        for (const QString &author : p.authors)
            authors.append(cslName(author));
        if (!authors.isEmpty())
            item.insert(QStringLiteral("author"), authors);
        if (const QJsonObject date = issued(p); !date.isEmpty())
            item.insert(QStringLiteral("issued"), date);
        if (!p.doi.isEmpty())
            item.insert(QStringLiteral("DOI"), p.doi);
        if (!p.abstract.isEmpty())
            item.insert(QStringLiteral("abstract"), p.abstract.simplified());
        if (!p.journalRef.isEmpty())
            item.insert(QStringLiteral("note"), p.journalRef.simplified());
        items.append(item);
    }
    return items;
}

} // namespace paperboy
