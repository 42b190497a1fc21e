#pragma once

// The fetch ledger: for each listing day, category and source, whether the cache holds the
// day completely, knows it had no announcement, holds part of it, or failed to get it (with
// the reason and time). The date sidebar shows it; "fetch again" starts from it.
// Synchronous, on the connection of the thread that owns `database` (like Store).

#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace paperboy {

// Ordered from "needs fetching" to "nothing to do"; Missing is never stored.
enum class LedgerState
{
    Missing,
    Failed,
    Partial,
    NoAnnouncement,
    Complete
};

QString ledgerStateName(LedgerState state); // "missing", "failed", "partial", ...
std::optional<LedgerState> ledgerStateFromName(const QString &name);

struct LedgerEntry
{
    QDate date;
    QString category;
    QString source; // "arxiv-rss", "arxiv-api"; empty for a Missing day
    LedgerState state = LedgerState::Missing;
    int papers = 0;
    QString reason; // why Failed or Partial
    QDateTime recordedAt;
    QString lastError; // a later failed attempt that left the better state in place
    QDateTime lastErrorAt;

    bool needsFetch() const
    {
        return state == LedgerState::Missing || state == LedgerState::Failed ||
               state == LedgerState::Partial;
    }
};

class FetchLedger
{
public:
    explicit FetchLedger(Database &database);

    QString lastError() const { return m_error; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Records one attempt. A state at least as good as the stored one replaces it; a worse one
    // (a failed refresh of a complete day) only sets lastError, because the cache still holds
    // the better data. `recordedAt` defaults to now.
    bool record(const LedgerEntry &entry);
    bool record(const QList<LedgerEntry> &entries); // one transaction

    std::optional<LedgerEntry> entry(const QDate &date, const QString &category,
                                     const QString &source) const;
    // Stored rows with from <= date <= to, by date, category, source. Empty source: all.
    QList<LedgerEntry> entries(const QDate &from, const QDate &to,
                               const QString &source = {}) const;

    // Per listing day (Monday to Friday) and category, the best state over all sources; a
    // weekday without any row is Missing. Only the days and categories that need fetching.
    QList<LedgerEntry> problems(const QDate &from, const QDate &to,
                                const QStringList &categories) const;
    // For the sidebar: per day, the worst over `categories` of the best over sources. Weekend
    // days without rows are NoAnnouncement.
    QMap<QDate, LedgerState> dayStates(const QDate &from, const QDate &to,
                                       const QStringList &categories) const;

private:
    bool recordOne(const LedgerEntry &entry);
    QMap<QPair<QDate, QString>, LedgerEntry> bestByDayAndCategory(const QDate &from,
                                                                  const QDate &to) const;
    QDateTime now() const;
    bool fail(const QString &what) const;

    Database &m_database;
    std::function<QDateTime()> m_clock;
    mutable QString m_error;
};

} // namespace paperboy
