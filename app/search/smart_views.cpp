#include "smart_views.h"

#include "store/database.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

SmartViews::SmartViews(Store &store) : m_db(store.database().connection()) {}

bool SmartViews::fail(const QString &error) const
{
    m_error = error;
    return false;
}

int SmartViews::countOf(const QString &sql) const
{
    QSqlQuery q(m_db);
    if (!q.exec(sql) || !q.next()) {
        fail(q.lastError().text());
        return -1;
    }
    return q.value(0).toInt();
}

int SmartViews::starredCount() const
{
    return countOf(QStringLiteral("SELECT count(*) FROM user_papers u JOIN papers p"
                                  " ON p.arxiv_id = u.arxiv_id WHERE u.starred = 1"));
}

int SmartViews::annotatedCount() const
{
    return countOf(QStringLiteral("SELECT count(*) FROM user_papers u JOIN papers p"
                                  " ON p.arxiv_id = u.arxiv_id"
                                  " WHERE u.note IS NOT NULL AND u.note <> ''"));
}

int SmartViews::unreadCount() const
{
    // Listed papers minus the read ones among them: two index scans, where testing every
    // paper for "not read" would probe user_papers once per cached paper.
    return countOf(QStringLiteral(
        "SELECT (SELECT count(DISTINCT paper_id) FROM digest_entries)"
        " - (SELECT count(*) FROM user_papers u JOIN papers p ON p.arxiv_id = u.arxiv_id"
        "    WHERE u.read = 1 AND EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = "
        "p.id))"));
}

int SmartViews::updatedCount() const
{
    return Searcher(m_db).count(parseSearchQuery(QStringLiteral("is:updated")));
}

QList<NamedCount> SmartViews::tagCounts() const
{
    QList<NamedCount> result;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT t.tag, count(*) FROM user_tags t JOIN papers p"
                               " ON p.arxiv_id = t.arxiv_id GROUP BY t.tag"
                               " ORDER BY t.tag COLLATE NOCASE, t.tag"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toInt()});
    return result;
}

SmartViewCounts SmartViews::counts() const
{
    SmartViewCounts counts;
    counts.starred = starredCount();
    counts.annotated = annotatedCount();
    counts.unread = unreadCount();
    counts.updated = updatedCount();
    counts.tags = tagCounts();
    const Searcher searcher(m_db);
    counts.followed = searcher.count(parseSearchQuery(QStringLiteral("is:followed")));
    counts.added = countOf(QStringLiteral(
        "SELECT count(*) FROM user_added a JOIN papers p ON p.arxiv_id = a.arxiv_id"));
    const QList<SavedSearch> searches = savedSearches();
    for (const SavedSearch &search : searches)
        counts.savedSearches.append({search.name, searcher.count(parseSearchQuery(search.query))});
    return counts;
}

QList<SavedSearch> SmartViews::savedSearches() const
{
    QList<SavedSearch> result;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name, query, created FROM saved_searches"
                               " ORDER BY name COLLATE NOCASE, name"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(),
                       QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs)});
    return result;
}

bool SmartViews::hasSavedSearch(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM saved_searches WHERE name = ?"));
    q.addBindValue(name.simplified());
    if (!q.exec())
        return fail(q.lastError().text());
    return q.next();
}

SmartViews::SaveResult SmartViews::saveSearch(const QString &nameRaw, const QString &query,
                                              bool replace)
{
    const QString name = nameRaw.simplified();
    if (name.isEmpty()) {
        fail(QStringLiteral("a saved search needs a name"));
        return SaveResult::Failed;
    }
    if (const QString error = Database::beginWrite(m_db); !error.isEmpty()) {
        fail(error);
        return SaveResult::Failed;
    }
    auto failed = [this](const QString &error) {
        m_db.rollback();
        fail(error);
        return SaveResult::Failed;
    };
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT 1 FROM saved_searches WHERE name = ?"));
    existing.addBindValue(name);
    if (!existing.exec())
        return failed(existing.lastError().text());
    const bool exists = existing.next();
    existing.finish();
    if (exists && !replace) {
        m_db.rollback();
        fail(QStringLiteral("a saved search named '%1' exists").arg(name));
        return SaveResult::NameTaken;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO saved_searches (name, query, created) VALUES (?,?,?)"
                             " ON CONFLICT (name) DO UPDATE SET query = excluded.query,"
                             " created = excluded.created"));
    q.addBindValue(name);
    q.addBindValue(query);
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return failed(q.lastError().text());
    if (!m_db.commit())
        return failed(m_db.lastError().text());
    return exists ? SaveResult::Replaced : SaveResult::Saved;
}

bool SmartViews::renameSavedSearch(const QString &from, const QString &toRaw)
{
    const QString to = toRaw.simplified();
    if (to.isEmpty())
        return fail(QStringLiteral("a saved search needs a name"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE saved_searches SET name = ? WHERE name = ?"));
    q.addBindValue(to);
    q.addBindValue(from);
    if (!q.exec())
        return fail(q.lastError().text()); // a UNIQUE failure when `to` exists
    return q.numRowsAffected() == 1 || fail(QStringLiteral("no saved search named %1").arg(from));
}

bool SmartViews::removeSavedSearch(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM saved_searches WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() || fail(q.lastError().text());
}

int SmartViews::savedSearchCount(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT query FROM saved_searches WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        fail(q.lastError().isValid() ? q.lastError().text()
                                     : QStringLiteral("no saved search named %1").arg(name));
        return -1;
    }
    return Searcher(m_db).count(parseSearchQuery(q.value(0).toString()));
}

} // namespace paperboy
