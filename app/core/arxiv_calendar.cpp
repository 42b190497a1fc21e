#include "arxiv_calendar.h"

#include <algorithm>

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

// arXiv lists the evenings it does not announce on (US Eastern dates) under "On Deferred
// Mailings" on its "Availability of submissions" page, info.arxiv.org/help/availability.html,
// year by year. The table is that page's lists as they stood in its source history
// (github.com/arXiv/arxiv-docs, source/help/availability.md): 2023 at commit 5f9f48f0, 2024 at
// 20e652c5, 2025 at 95c71658, 2026 at 1268da99 (May 2026). A holiday on a Friday or Saturday
// changes nothing (no announcement then anyway) but is kept as listed. Add next year's when
// arXiv publishes it; a missing holiday only means that the day after it is fetched and
// recorded as "no announcement" from what arXiv answers.
const QList<Holiday> &holidays()
{
    static const QList<Holiday> table = {
        {QDate(2023, 1, 16), "Martin Luther King Jr. Day"},
        {QDate(2023, 6, 14), "arXiv holiday"},
        {QDate(2023, 6, 19), "Juneteenth"},
        {QDate(2023, 7, 4), "Independence Day"},
        {QDate(2023, 8, 17), "arXiv holiday"},
        {QDate(2023, 9, 4), "Labor Day"},
        {QDate(2023, 11, 23), "Thanksgiving"},
        {QDate(2023, 12, 25), "Christmas"},
        {QDate(2023, 12, 27), "arXiv holiday"},
        {QDate(2024, 1, 15), "Martin Luther King Jr. Day"},
        {QDate(2024, 5, 22), "arXiv holiday"},
        {QDate(2024, 6, 19), "Juneteenth"},
        {QDate(2024, 7, 4), "Independence Day"},
        {QDate(2024, 9, 2), "Labor Day"},
        {QDate(2024, 10, 8), "arXiv holiday"},
        {QDate(2024, 11, 28), "Thanksgiving"},
        {QDate(2024, 12, 25), "Christmas"},
        {QDate(2024, 12, 26), "arXiv holiday"},
        {QDate(2024, 12, 31), "New Year's Eve"},
        {QDate(2025, 1, 1), "New Year's Day"},
        {QDate(2025, 1, 20), "Martin Luther King Jr. Day"},
        {QDate(2025, 6, 19), "Juneteenth"},
        {QDate(2025, 7, 6), "Independence Day holiday"},
        {QDate(2025, 9, 1), "Labor Day"},
        {QDate(2025, 11, 27), "Thanksgiving"},
        {QDate(2025, 12, 25), "Christmas"},
        {QDate(2025, 12, 30), "arXiv holiday"},
        {QDate(2026, 1, 1), "New Year's Day"},
        {QDate(2026, 1, 19), "Martin Luther King Jr. Day"},
        {QDate(2026, 6, 19), "Juneteenth"},
        {QDate(2026, 7, 3), "Independence Day"},
        {QDate(2026, 9, 7), "Labor Day"},
        {QDate(2026, 11, 26), "Thanksgiving"},
        {QDate(2026, 12, 25), "Christmas"},
        {QDate(2026, 12, 29), "arXiv holiday"},
        {QDate(2026, 12, 31), "New Year's Eve"},
    };
    return table;
}

QString holidayName(const QDate &date)
{
    const QList<Holiday> &table = holidays();
    const auto it = std::lower_bound(table.cbegin(), table.cend(), date,
                                     [](const Holiday &h, const QDate &d) { return h.date < d; });
    return it != table.cend() && it->date == date ? QString::fromLatin1(it->name) : QString();
}

bool isAnnouncementEvening(const QDate &easternDate)
{
    if (!easternDate.isValid())
        return false;
    const int weekday = easternDate.dayOfWeek();
    return (weekday == Qt::Sunday || weekday <= Qt::Thursday) && holidayName(easternDate).isEmpty();
}

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
    return date.isValid() && date.dayOfWeek() <= Qt::Friday &&
           isAnnouncementEvening(date.addDays(-1));
}

QDate previousListing(const QDate &date)
{
    QDate day = date.addDays(-1);
    // A holiday season skips a few evenings at most; the bound only guards a bad table.
    for (int i = 0; i < 60 && !hasListing(day); ++i)
        day = day.addDays(-1);
    return day;
}

QString noListingReason(const QDate &date)
{
    if (!date.isValid() || hasListing(date))
        return {};
    if (date.dayOfWeek() == Qt::Saturday)
        return u"Saturday"_s;
    if (date.dayOfWeek() == Qt::Sunday)
        return u"Sunday"_s;
    return u"no announcement on %1 (%2)"_s.arg(holidayName(date.addDays(-1)),
                                               date.addDays(-1).toString(u"ddd d MMM"_s));
}

QDateTime announcementTime(const QDate &listingDate)
{
    return easternToUtc(listingDate.addDays(-1), QTime(20, 0));
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
    // The window closes at the last 14:00 cutoff before the listing and opens where the
    // previous listing's closed; after a holiday that spans the skipped evening's papers too.
    const QDate endDay = previousWeekday(listingDate);
    const QDate startDay = previousWeekday(previousListing(listingDate));
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
    // Two candidate moments a day, over the next two weeks (a holiday season skips several
    // evenings): the first one ahead wins.
    for (int offset = -1; offset <= 14; ++offset) {
        const QDate day = today.addDays(offset);
        QList<QDateTime> moments;
        if (hasListing(day)) // the feed turns to this day's listing at midnight
            moments.append(easternToUtc(day, QTime(0, 0)));
        if (isAnnouncementEvening(day))
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
