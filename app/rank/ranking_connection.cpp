#include "ranking_connection.h"

#include "store/database.h"

namespace paperboy::rank {

bool useRankingPageCache(Database &database)
{
    return database.execScript(QStringLiteral("PRAGMA cache_size = -%1;").arg(kRankingPageCacheKb));
}

} // namespace paperboy::rank
