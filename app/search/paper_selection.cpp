#include "search/paper_selection.h"

#include "search/search_query.h"
#include "search/searcher.h"
#include "store/added_papers.h"
#include "store/lookups.h"
#include "store/store.h"

#include <QSet>

namespace paperboy {

namespace {

void addById(Store &store, const QString &id, SelectedPapers &result)
{
    if (std::optional<PaperView> view = store.paperView(id))
        result.papers.append(std::move(*view));
    else
        result.missingIds.append(id);
}

void search(Store &store, const SearchQuery &query, SearchOptions searchOptions,
            const SelectOptions &options, SelectedPapers &result)
{
    SearchResult found;
    if (options.searching)
        options.searching(true);
    result.papers = Searcher(store).searchViews(store, query, searchOptions, &found);
    if (options.searching)
        options.searching(false);
    result.interrupted = found.interrupted;
    if (!found.ok)
        result.error = found.error;
    result.limitReached =
        found.ok && searchOptions.limit > 0 && found.paperIds.size() >= searchOptions.limit;
}

void selectIds(Store &store, const QStringList &texts, SelectedPapers &result)
{
    QSet<QString> seen;
    for (const QString &text : texts) {
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
}

} // namespace

bool PaperSelection::isValid() const
{
    switch (kind) {
    case Kind::Day:
        return date.isValid();
    case Kind::Tag:
    case Kind::Similar:
        return !name.trimmed().isEmpty();
    case Kind::Search:
    case Kind::SavedSearch:
        return !query.trimmed().isEmpty();
    case Kind::Ids:
        return !ids.isEmpty();
    default:
        return true;
    }
}

SelectedPapers selectPapers(Store &store, const PaperSelection &selection,
                            const SelectOptions &options)
{
    SelectedPapers result;
    // The store keeps its last error forever; only a new one concerns this selection.
    const QString earlierError = store.lastError();
    auto storeError = [&] {
        return store.lastError() == earlierError ? QString() : store.lastError();
    };
    switch (selection.kind) {
    case PaperSelection::Kind::Day:
        result.heading =
            QStringLiteral("Reading list: %1").arg(selection.date.toString(Qt::ISODate));
        result.papers = store.dayPapers(selection.date);
        result.error = storeError();
        break;
    case PaperSelection::Kind::Starred:
        result.heading = QStringLiteral("Starred papers");
        result.papers = store.starredPapers();
        result.error = storeError();
        break;
    case PaperSelection::Kind::Annotated:
        result.heading = QStringLiteral("Annotated papers");
        result.papers = store.annotatedPapers();
        result.error = storeError();
        break;
    case PaperSelection::Kind::Unread:
        result.heading = QStringLiteral("Unread papers");
        result.papers = store.unreadPapers();
        result.error = storeError();
        break;
    case PaperSelection::Kind::Updated: {
        result.heading = QStringLiteral("Updated papers");
        SearchQuery query;
        query.flags.append({SearchFlag::Updated, false});
        SearchOptions searchOptions;
        searchOptions.limit = 0; // the reader's own papers: all of them
        search(store, query, searchOptions, options, result);
        break;
    }
    case PaperSelection::Kind::Tag: {
        result.heading = QStringLiteral("Tag: %1").arg(selection.name.simplified());
        if (options.tagInTaggingOrder) {
            const QStringList ids = idsWithTag(store.database(), selection.name, &result.error);
            for (const QString &id : ids)
                addById(store, id, result);
        } else {
            SearchQuery query;
            query.tags = {selection.name};
            SearchOptions searchOptions;
            searchOptions.limit = 0; // a tag is the user's own list: all of it
            search(store, query, searchOptions, options, result);
        }
        break;
    }
    case PaperSelection::Kind::Search:
    case PaperSelection::Kind::SavedSearch: {
        result.heading = QStringLiteral("Search: %1").arg(selection.query.simplified());
        const SearchQuery query = parseSearchQuery(selection.query);
        result.highlight = highlightTerms(query);
        result.warnings = query.warnings;
        SearchOptions searchOptions;
        searchOptions.limit = options.searchLimit;
        searchOptions.sort = selection.byRelevance ? SearchSort::Relevance : SearchSort::Newest;
        search(store, query, searchOptions, options, result);
        break;
    }
    case PaperSelection::Kind::Ids:
        result.heading = QStringLiteral("Selected papers");
        selectIds(store, selection.ids, result);
        break;
    case PaperSelection::Kind::Followed: {
        result.heading = QStringLiteral("Papers by followed authors");
        SearchQuery query;
        query.flags.append({SearchFlag::Followed, false});
        SearchOptions searchOptions;
        searchOptions.limit = options.searchLimit;
        search(store, query, searchOptions, options, result);
        break;
    }
    case PaperSelection::Kind::Added: {
        result.heading = QStringLiteral("Added papers");
        AddedPapers added(store.database());
        const QStringList ids = added.ids();
        if (!added.lastError().isEmpty())
            result.error = added.lastError();
        for (const QString &id : ids)
            addById(store, id, result);
        break;
    }
    case PaperSelection::Kind::ForYou:
    case PaperSelection::Kind::Similar:
        result.heading = selection.kind == PaperSelection::Kind::ForYou
                             ? QStringLiteral("For you")
                             : QStringLiteral("More like %1").arg(selection.name);
        break; // ranked elsewhere (see the enum)
    }
    return result;
}

} // namespace paperboy
