#pragma once

// What the fetch ledger means for the date sidebar. Pure functions of their inputs, so the
// rules are tested without a clock.

#include "store/fetch_ledger.h"
#include "sidebar/day_tree_model.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

namespace paperboy {

struct LedgerView
{
    QList<LedgerEntry> rows; // ledger rows over the range
    QSet<QDate> digestDays;  // days the cache has a digest for
    QDate today;             // the current listing date
    int recentDays = 14;     // days this close to today with nothing at all may be "not fetched"
    bool offline = false;    // the last fetch found no network: today is "offline", not failed
};

// "offline": today's mark while the window waits for the network.
DayStatus offlineStatus();

// Per day: "failed" or "incomplete" (with every reason in the details), "no announcement" for
// a weekday arXiv announced nothing on and for today when it has no listing (a weekend, the
// day after a holiday: never "failed"), "offline" for today while there is no network, "not
// fetched" for a recent weekday the library has nothing for although it fetched days before it.
// Days without anything to say are left out.
QHash<QDate, DayStatus> dayStatusesFromLedger(const LedgerView &view);

} // namespace paperboy
