#pragma once

// What each is:/has: filter (SearchFlag) means in SQL, for the search planner (searcher.cpp):
// a condition on one paper `p`, and the small set of arXiv ids a plan can start from.

#include "search/search_query.h"

#include <QString>

namespace paperboy {

// A condition on the paper `p` (papers p): true when it has the flag.
QString flagCondition(SearchFlag flag);
// A SELECT of arXiv ids holding the flag, small enough to drive a plan; empty for flags that
// are not (or an excluded one).
QString driverFor(const SearchFlagFilter &filter);

} // namespace paperboy
