#pragma once

// Saved trends (issue #22): a trend the reader kept by name, beside the saved searches. User
// data (user_saved_trends, migration 014): written only by the reader (the Trends window
// through UserData, `paperboy trends --save`) and by restores, in backups from format 5.
// Same connection rules as SmartViews.

#include "search/trends.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace paperboy {

class Store;

struct SavedTrend
{
    QString name;
    QStringList queries; // 1 to 6 searches, as typed
    TrendPeriod by = TrendPeriod::Month;
    bool share = false; // shares of all papers rather than counts
    QDate from;         // invalid: the library's first day
    QDate to;           // invalid: the library's last day
    QDateTime created;  // the time of the save

    bool operator==(const SavedTrend &) const = default;
};

class SavedTrends
{
public:
    static constexpr int kMaxQueries = 6;

    explicit SavedTrends(const QSqlDatabase &db) : m_db(db) {}
    explicit SavedTrends(Store &store);

    // Every saved trend, by name (without case).
    QList<SavedTrend> list() const;
    // The trend named `name` (without case); nullopt when there is none (lastError() is then
    // empty) or on error.
    std::optional<SavedTrend> find(const QString &name) const;

    enum class SaveResult
    {
        Saved,     // a new name
        Replaced,  // the name existed and `replace` was given
        NameTaken, // the name exists and `replace` was not given: nothing was written
        Failed,    // lastError() says why (also a trend without a name or search)
    };
    // Saves `trend` under its name (simplified), in one transaction; empty searches are
    // dropped. `created` becomes the time of the save, so a restore (newer edit wins) sees a
    // replacement as the newer edit.
    SaveResult save(const SavedTrend &trend, bool replace);
    // `removed` (optional) is false when there was no such trend.
    bool remove(const QString &name, bool *removed = nullptr);

    QString lastError() const { return m_error; }
    // A clock seam for tests (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    bool fail(const QString &error) const;

    QSqlDatabase m_db;
    mutable QString m_error;
    std::function<QDateTime()> m_clock;
};

} // namespace paperboy
