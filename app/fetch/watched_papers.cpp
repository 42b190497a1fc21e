#include "watched_papers.h"

#include "search/search_query.h"
#include "search/searcher.h"
#include "store/store.h"
#include "store/version_store.h"

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

// Papers of the authors the reader follows are checked for new versions too (#18), the newest
// of them only: each 100 ids is a request, 3 s apart.
constexpr int kFollowedPapersChecked = 500;

} // namespace

QStringList watchedPapers(Store &store)
{
    QStringList ids = VersionStore(store.database()).watchedIds();
    SearchOptions options;
    options.limit = kFollowedPapersChecked;
    const QList<PaperView> followed =
        Searcher(store).searchViews(store, parseSearchQuery(u"is:followed"_s), options);
    for (const PaperView &view : followed)
        ids.append(view.paper.arxivId);
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

} // namespace paperboy
