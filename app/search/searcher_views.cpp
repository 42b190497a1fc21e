// Searcher::searchViews: a search and the list rows of its papers (kept apart from the plans
// in searcher.cpp).

#include "search/searcher.h"

#include "store/store.h"

namespace paperboy {

QList<PaperView> Searcher::searchViews(Store &store, const SearchQuery &query,
                                       const SearchOptions &options, SearchResult *resultOut) const
{
    const SearchResult result = search(query, options);
    if (resultOut)
        *resultOut = result;
    return result.ok ? store.viewsForPaperIds(result.paperIds) : QList<PaperView>();
}

} // namespace paperboy
