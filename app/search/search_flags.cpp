#include "search/search_flags.h"

namespace paperboy {

namespace {

QString userExists(const char *condition)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM user_papers u WHERE u.arxiv_id = p.arxiv_id"
                          " AND %1)")
        .arg(QLatin1String(condition));
}

} // namespace

QString flagCondition(SearchFlag flag)
{
    switch (flag) {
    case SearchFlag::Starred:
        return userExists("u.starred = 1");
    case SearchFlag::Read:
        return userExists("u.read = 1");
    case SearchFlag::Unread:
        // As in the Unread view: listed by a digest and not marked read.
        return QStringLiteral("(NOT ") + userExists("u.read = 1") +
               QStringLiteral(
                   " AND EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = p.id))");
    case SearchFlag::HasNote:
        return userExists("u.note IS NOT NULL AND u.note <> ''");
    case SearchFlag::HasCode:
        return QStringLiteral("(p.code_url IS NOT NULL OR EXISTS (SELECT 1 FROM digest_entries e"
                              " WHERE e.paper_id = p.id AND e.code_url IS NOT NULL))");
    case SearchFlag::HasTags:
        return QStringLiteral("EXISTS (SELECT 1 FROM user_tags t WHERE t.arxiv_id = p.arxiv_id)");
    case SearchFlag::HasSummary:
        return QStringLiteral("EXISTS (SELECT 1 FROM digest_entries e JOIN entry_ai_summaries a"
                              " ON a.entry_id = e.id WHERE e.paper_id = p.id)");
    case SearchFlag::Updated:
        // As VersionStore::isUpdated: the newest recorded version is above the one opened,
        // or above the first recorded when the reader has not opened it since. EXISTS, so a
        // paper without versions is false (not NULL) and -is:updated lists it.
        return QStringLiteral(
            "EXISTS (SELECT 1 FROM paper_versions v WHERE v.arxiv_id = p.arxiv_id"
            " GROUP BY v.arxiv_id HAVING max(v.version) > coalesce((SELECT s.version FROM"
            " user_seen_versions s WHERE s.arxiv_id = v.arxiv_id), min(v.version)))");
    case SearchFlag::Followed:
        // Exact, after folding (paperboy_author_keys, store/database.cpp); the index narrows
        // the papers first (see buildPlan).
        return QStringLiteral("EXISTS (SELECT 1 FROM user_follows f WHERE f.followed = 1 AND"
                              " instr(paperboy_author_keys(p.authors),"
                              " char(31) || f.name_key || char(31)) > 0)");
    case SearchFlag::Dismissed:
        return QStringLiteral("EXISTS (SELECT 1 FROM user_dismissals d WHERE"
                              " d.arxiv_id = p.arxiv_id AND d.dismissed = 1)");
    case SearchFlag::Highlighted:
        return QStringLiteral(
            "EXISTS (SELECT 1 FROM user_highlights h WHERE h.arxiv_id = p.arxiv_id)");
    case SearchFlag::Added:
        return QStringLiteral("EXISTS (SELECT 1 FROM user_added a WHERE a.arxiv_id = p.arxiv_id)");
    }
    return QStringLiteral("1");
}

// A small set of arXiv ids a plan can start from instead of the whole cache.
QString driverFor(const SearchFlagFilter &filter)
{
    if (filter.excluded)
        return {};
    switch (filter.flag) {
    case SearchFlag::Starred:
        return QStringLiteral("SELECT arxiv_id FROM user_papers WHERE starred = 1");
    case SearchFlag::Read:
        return QStringLiteral("SELECT arxiv_id FROM user_papers WHERE read = 1");
    case SearchFlag::HasNote:
        return QStringLiteral(
            "SELECT arxiv_id FROM user_papers WHERE note IS NOT NULL AND note <> ''");
    case SearchFlag::HasTags:
        return QStringLiteral("SELECT DISTINCT arxiv_id FROM user_tags");
    case SearchFlag::Updated:
        return QStringLiteral("SELECT v.arxiv_id FROM paper_versions v GROUP BY v.arxiv_id"
                              " HAVING max(v.version) > coalesce((SELECT s.version FROM"
                              " user_seen_versions s WHERE s.arxiv_id = v.arxiv_id),"
                              " min(v.version))");
    case SearchFlag::Dismissed:
        return QStringLiteral("SELECT arxiv_id FROM user_dismissals WHERE dismissed = 1");
    case SearchFlag::Highlighted:
        return QStringLiteral("SELECT DISTINCT arxiv_id FROM user_highlights");
    case SearchFlag::Added:
        return QStringLiteral("SELECT arxiv_id FROM user_added");
    default:
        return {};
    }
}

} // namespace paperboy
