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
};

// Per day: "failed" or "incomplete" (with every reason in the details), "no listing" for a
// weekday arXiv announced nothing on, "not fetched" for a recent weekday the library has
// nothing for although it fetched days before it. Days without anything to say are left out.
QHash<QDate, DayStatus> dayStatusesFromLedger(const LedgerView &view);

} // namespace paperboy
