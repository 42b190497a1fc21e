#include "arxiv_calendar.h"

namespace paperboy::arxiv_calendar {

using namespace Qt::StringLiterals;

namespace {

// The n-th (1-based) Sunday of a month, or the last one when n is 0.
QDate sunday(int year, int month, int n)
{
    if (n == 0) {
        QDate last = QDate(year, month, 1).addMonths(1).addDays(-1);
        return last.addDays(-(last.dayOfWeek() % 7));
    }
    const QDate first(year, month, 1);
    const QDate firstSunday = first.addDays((7 - first.dayOfWeek()) % 7);
    return firstSunday.addDays(7 * (n - 1));
}

bool isDaylightSaving(const QDate &date)
{
    const int year = date.year();
    // The switch happens at 02:00 local, so by 14:00 the whole day is on the new offset.
    const QDate start = year >= 2007 ? sunday(year, 3, 2) : sunday(year, 4, 1);
    const QDate end = year >= 2007 ? sunday(year, 11, 1) : sunday(year, 10, 0);
    return date >= start && date < end;
}

} // namespace

int easternOffsetSeconds(const QDate &date)
{
    return isDaylightSaving(date) ? -4 * 3600 : -5 * 3600;
}

QDateTime easternToUtc(const QDate &date, const QTime &time)
{
    const QDateTime local(date, time, Qt::UTC);
    return local.addSecs(-easternOffsetSeconds(date));
}

QDate easternDate(const QDateTime &utc)
{
    const QDateTime asUtc = utc.toUTC();
    // Decide the offset by the UTC date; off by a day only between 0:00 and 5:00 UTC on the
    // two switch days, hours away from any announcement.
    return asUtc.addSecs(easternOffsetSeconds(asUtc.date())).date();
}

bool hasListing(const QDate &date)
{
    return date.isValid() && date.dayOfWeek() <= 5;
}

QDate previousWeekday(const QDate &date)
{
    QDate day = date.addDays(-1);
    while (day.dayOfWeek() > 5)
        day = day.addDays(-1);
    return day;
}

SubmissionWindow submissionWindow(const QDate &listingDate)
{
    if (!hasListing(listingDate))
        return {};
    const QDate endDay = previousWeekday(listingDate);
    const QDate startDay = previousWeekday(endDay);
    const QTime cutoff(14, 0);
    return {easternToUtc(startDay, cutoff), easternToUtc(endDay, cutoff)};
}

QDate currentListingDate(const QDateTime &nowUtc)
{
    return easternDate(nowUtc);
}

QString apiSearchQuery(const QString &category, const SubmissionWindow &window)
{
    const QString format = u"yyyyMMddHHmm"_s;
    return u"cat:%1 AND submittedDate:[%2 TO %3]"_s.arg(
        category, window.startUtc.toUTC().toString(format),
        window.endUtc.toUTC().addSecs(-60).toString(format));
}

QDateTime nextListingCheck(const QDateTime &nowUtc, int marginSeconds)
{
    const QDate today = easternDate(nowUtc);
    // Two candidate moments a day, over the next week: the first one ahead wins.
    for (int offset = -1; offset <= 8; ++offset) {
        const QDate day = today.addDays(offset);
        const int weekday = day.dayOfWeek();
        QList<QDateTime> moments;
        if (hasListing(day)) // the feed turns to this day's listing at midnight
            moments.append(easternToUtc(day, QTime(0, 0)));
        if (weekday == Qt::Sunday || weekday <= Qt::Thursday) // the announcement evening
            moments.append(easternToUtc(day, QTime(20, 0)));
        for (const QDateTime &moment : std::as_const(moments)) {
            const QDateTime check = moment.addSecs(marginSeconds);
            if (check > nowUtc)
                return check;
        }
    }
    return nowUtc.addDays(1);
}

} // namespace paperboy::arxiv_calendar
