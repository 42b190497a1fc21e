#pragma once

// How much of each period of a trend the library covers (issue #22). A trend's first and last
// periods are often only partly held (the library starts on a Wednesday, or ends before the
// month does): their counts dip for that reason, not because the field moved. A period is
// partial when the library reaches into it but starts after its first day or ends before its
// last (the library's first and last digest day, else its first and last dated paper). A
// period the library does not reach at all is a gap (TrendAxis::held), never partial.

#include "search/trends.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace paperboy {

class Store;

struct TrendCoverage
{
    QDate first; // the library's first and last day; invalid when it holds nothing dated
    QDate last;
    QList<bool> partial; // per period of the axis
    bool ok = true;
    QString error;

    bool isPartial(qsizetype period) const { return partial.value(period); }
};

TrendCoverage trendCoverage(const QSqlDatabase &db, const TrendAxis &axis);
TrendCoverage trendCoverage(Store &store, const TrendAxis &axis);

} // namespace paperboy
