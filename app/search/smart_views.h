#pragma once

// The sidebar's smart views and their counts: Starred, Annotated, Unread, one per tag, one per
// saved search. Counts are queries, not cached numbers, so they are right after every star,
// note or tag; ask again after a write. Same connection rules as Searcher.

#include "search/searcher.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace paperboy {

struct SavedSearch
{
    QString name;
    QString query; // as typed; parse with parseSearchQuery()
    QDateTime created;
    bool operator==(const SavedSearch &) const = default;
};

struct NamedCount
{
    QString name;
    int papers = 0;
    bool operator==(const NamedCount &) const = default;
};

struct SmartViewCounts
{
    int starred = 0;
    int annotated = 0;
    int unread = 0;
    int updated = 0;                 // papers with a version the reader has not opened
    int followed = 0;                // papers by followed authors (is:followed)
    int added = 0;                   // papers the reader added (is:added)
    int forYou = -1;                 // set by the caller (rank/ranker.h); -1: unknown
    QList<NamedCount> tags;          // by name; only papers in the cache
    QList<NamedCount> savedSearches; // by name
};

class SmartViews
{
public:
    explicit SmartViews(const QSqlDatabase &db) : m_db(db) {}
    explicit SmartViews(Store &store);

    // Each count equals the length of the matching list (Store::starredPapers(),
    // annotatedPapers(), unreadPapers() without its limit, search "tag:NAME"). -1 on error.
    int starredCount() const;
    int annotatedCount() const;
    int unreadCount() const;
    int updatedCount() const; // as search "is:updated"
    QList<NamedCount> tagCounts() const;
    SmartViewCounts counts() const;

    // Saved searches, by name.
    QList<SavedSearch> savedSearches() const;
    bool hasSavedSearch(const QString &name) const; // false also on error (lastError())
    enum class SaveResult
    {
        Saved,     // a new name
        Replaced,  // the name existed and `replace` was given: its query and time are new
        NameTaken, // the name exists and `replace` was not given: nothing was written
        Failed,    // lastError() says why
    };
    // Saves `query` under `name` (simplified; empty is refused), in one transaction. An
    // existing search of that name is replaced only with `replace`: the window asks first,
    // the command line wants --replace. `created` becomes the time of the save, so a restore
    // (newer edit wins) sees the replacement as the newer edit.
    SaveResult saveSearch(const QString &name, const QString &query, bool replace);
    // Replaces an existing name without asking (the window's call until it asks first).
    bool saveSearch(const QString &name, const QString &query)
    {
        return saveSearch(name, query, true) != SaveResult::Failed;
    }
    bool renameSavedSearch(const QString &from, const QString &to);
    bool removeSavedSearch(const QString &name);
    int savedSearchCount(const QString &name) const; // -1 when unknown or on error

    QString lastError() const { return m_error; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    int countOf(const QString &sql) const;
    bool fail(const QString &error) const;

    QSqlDatabase m_db;
    std::function<QDateTime()> m_clock;
    mutable QString m_error;
};

} // namespace paperboy
