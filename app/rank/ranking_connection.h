#pragma once

// The connection a Ranker reads through. Its reads are bulk scans (the vectors of the
// training sample once per new day, of a day's or a month's papers per ranking), so the
// 32 MB page cache every connection gets served them no better than the kernel's file cache
// does, and held 20 MB of the window's memory at a million papers (208 against 188 MB with
// For You open). The benchmark opens its Ranker's connection the same way, so its figures
// are the window's.

namespace paperboy {
class Database;
}

namespace paperboy::rank {

inline constexpr int kRankingPageCacheKb = 8000;

// Sets the connection's page cache to kRankingPageCacheKb; false when SQLite refused.
bool useRankingPageCache(Database &database);

} // namespace paperboy::rank
