#pragma once

// When the window asks for today's listing by itself, and what the fetch ledger means for the
// date sidebar. Pure functions of their inputs, so the rules are tested without a clock.

#include "day_tree_model.h"
#include "fetch/fetch_ledger.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

namespace paperboy {

// arXiv announces at 20:00 US Eastern, Sunday to Thursday, and its RSS feeds carry the new
// listing from midnight Eastern. The next of those moments after `nowUtc`, plus `margin`
// seconds for arXiv to finish: the window then asks for today's listing (a cheap request
// that the server answers "not modified" when nothing changed).
QDateTime nextListingCheck(const QDateTime &nowUtc, int marginSeconds = 20 * 60);

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
