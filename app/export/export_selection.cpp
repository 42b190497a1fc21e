#include "export_selection.h"

#include "search/search_query.h"
#include "search/searcher.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

void addById(Store &store, const QString &id, SelectedPapers &result)
{
    if (std::optional<PaperView> view = store.paperView(id))
        result.papers.append(std::move(*view));
    else
        result.missingIds.append(id);
}

} // namespace

QStringList idsWithTag(Database &database, const QString &tag, QString *error)
{
    QStringList ids;
    QSqlQuery q(database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id FROM user_tags WHERE tag = ?"
                             " ORDER BY added DESC, arxiv_id"));
    q.addBindValue(tag.simplified());
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

SelectedPapers selectPapers(Store &store, Database &database, const ExportSelection &selection)
{
    SelectedPapers result;
    // The store keeps its last error forever; only a new one concerns this selection.
    const QString earlierError = store.lastError();
    auto storeError = [&] {
        return store.lastError() == earlierError ? QString() : store.lastError();
    };
    switch (selection.kind) {
    case ExportSelection::Kind::Day:
        result.heading =
            QStringLiteral("Reading list: %1").arg(selection.date.toString(Qt::ISODate));
        result.papers = store.dayPapers(selection.date);
        result.error = storeError();
        break;
    case ExportSelection::Kind::Starred:
        result.heading = QStringLiteral("Starred papers");
        result.papers = store.starredPapers();
        result.error = storeError();
        break;
    case ExportSelection::Kind::Tag: {
        result.heading = QStringLiteral("Tag: %1").arg(selection.tag.simplified());
        const QStringList ids = idsWithTag(database, selection.tag, &result.error);
        for (const QString &id : ids)
            addById(store, id, result);
        break;
    }
    case ExportSelection::Kind::Search: {
        result.heading = QStringLiteral("Search: %1").arg(selection.query.simplified());
        const SearchQuery query = parseSearchQuery(selection.query);
        SearchOptions options;
        options.limit = 0; // an export wants every match, not the first screenful
        SearchResult found;
        result.papers = Searcher(database.connection()).searchViews(store, query, options, &found);
        if (!found.ok)
            result.error = found.error;
        break;
    }
    case ExportSelection::Kind::Ids: {
        result.heading = QStringLiteral("Selected papers");
        QSet<QString> seen;
        for (const QString &text : selection.ids) {
            QString id;
            int version = 0;
            if (!parseArxivId(text, &id, &version)) {
                result.invalidIds.append(text);
                continue;
            }
            if (seen.contains(id))
                continue;
            seen.insert(id);
            addById(store, id, result);
        }
        break;
    }
    }
    return result;
}

} // namespace paperboy
