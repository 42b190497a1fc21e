#pragma once

// When arXiv announces what. arXiv announces at 20:00 US Eastern, Sunday to Thursday, the
// papers submitted between two 14:00 Eastern cutoffs. The listing announced on the evening
// of day X is dated X + 1 (the RSS channel's pubDate says so), so listings are dated Monday
// to Friday.
//
// The rule implemented here, for a listing dated D (a weekday):
//     submittedDate in [14:00 ET on P(P(D)), 14:00 ET on P(D))
// where P(X) is the weekday before X. Examples:
//     Wed listing: Mon 14:00 .. Tue 14:00      Mon listing: Thu 14:00 .. Fri 14:00
//     Tue listing: Fri 14:00 .. Mon 14:00 (the weekend's submissions)
// Saturday and Sunday have no listing, and neither has the day after an evening arXiv skips
// for a holiday (holidays(), a table kept by hand from arXiv's own list). The window of the
// listing after a holiday starts where the last listing's ended, so it holds the papers arXiv
// in fact announces with it.
//
// US Eastern time follows the US daylight-saving rules (since 2007: second Sunday of March to
// first Sunday of November; before: first Sunday of April to last Sunday of October), computed
// here so no time-zone database is needed.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace paperboy::arxiv_calendar {

struct SubmissionWindow
{
    QDateTime startUtc; // inclusive
    QDateTime endUtc;   // exclusive
    bool isValid() const { return startUtc.isValid() && endUtc.isValid(); }
};

// Offset of US Eastern time from UTC at 14:00 local on `date`, in seconds (-4 h or -5 h).
int easternOffsetSeconds(const QDate &date);
QDateTime easternToUtc(const QDate &date, const QTime &time);
QDate easternDate(const QDateTime &utc);

// A day arXiv skips its evening announcement for (US Eastern date), with the holiday's name.
struct Holiday
{
    QDate date;
    const char *name; // English, for notes and tooltips
};
// Every holiday known, oldest first.
const QList<Holiday> &holidays();
// The name of the holiday on `date`, or empty.
QString holidayName(const QDate &date);

// arXiv announces on the evening of `easternDate` (20:00): Sunday to Thursday, not holidays.
bool isAnnouncementEvening(const QDate &easternDate);
// A listing dated `date` exists: a weekday whose previous evening was an announcement.
bool hasListing(const QDate &date);
QDate previousWeekday(const QDate &date);
// The latest listing date before `date` (skipping weekends and holidays).
QDate previousListing(const QDate &date);
// Why `date` has no listing, in English ("Saturday", "no announcement on Thanksgiving"), or
// empty when it has one.
QString noListingReason(const QDate &date);
// When the listing dated `listingDate` is announced: 20:00 US Eastern the evening before.
QDateTime announcementTime(const QDate &listingDate);

// Invalid for a date without listing.
SubmissionWindow submissionWindow(const QDate &listingDate);

// The listing today's RSS feed carries: the date in US Eastern time (the feed is rebuilt at
// midnight Eastern). A failed RSS fetch is recorded under this date.
QDate currentListingDate(const QDateTime &nowUtc);

// The arXiv API search query for one category and window, in GMT to the minute. The API's
// range is inclusive, so the end is the minute before the cutoff.
QString apiSearchQuery(const QString &category, const SubmissionWindow &window);

// arXiv announces at 20:00 US Eastern, Sunday to Thursday except holidays, and its RSS feeds
// carry the new listing from midnight Eastern. The next of those moments after `nowUtc`, plus
// `margin` seconds for arXiv to finish: the window then asks for today's listing (a cheap request
// that the server answers "not modified" when nothing changed).
QDateTime nextListingCheck(const QDateTime &nowUtc, int marginSeconds = 20 * 60);

} // namespace paperboy::arxiv_calendar
