// arXiv's announcement calendar: Sunday to Thursday at 20:00 US Eastern, daylight saving
// included, none on Friday and Saturday evenings and none on arXiv's holidays; which days have
// a listing, what each listing's submission window is after a holiday, and when the window
// checks for the next listing.

#include "core/arxiv_calendar.h"

#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;
namespace cal = paperboy::arxiv_calendar;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

constexpr int kMargin = 20 * 60;

} // namespace

class TestArxivCalendar : public QObject
{
    Q_OBJECT

private slots:
    void announcementEvenings();
    void listingsAfterHolidays();
    void holidayTableIsSortedAndNamed();
    void windowAfterThanksgiving();
    void windowAfterChristmas();
    void windowAfterASundayHoliday();
    void announcementTimeAcrossDaylightSaving();
    void nextCheckAcrossDaylightSaving();
    void nextCheckSkipsHolidays();
    void reasons();
};

void TestArxivCalendar::announcementEvenings()
{
    // A plain week in March 2024: Sunday 10 (the switch to EDT) to Thursday 14.
    for (int day = 10; day <= 14; ++day)
        QVERIFY2(cal::isAnnouncementEvening(QDate(2024, 3, day)), qPrintable(QString::number(day)));
    QVERIFY(!cal::isAnnouncementEvening(QDate(2024, 3, 15))); // Friday
    QVERIFY(!cal::isAnnouncementEvening(QDate(2024, 3, 16))); // Saturday
    // Holidays: Thanksgiving, Juneteenth, an ad hoc day and a Sunday.
    QVERIFY(!cal::isAnnouncementEvening(QDate(2024, 11, 28)));
    QVERIFY(!cal::isAnnouncementEvening(QDate(2024, 6, 19)));
    QVERIFY(!cal::isAnnouncementEvening(QDate(2024, 10, 8)));
    QVERIFY(!cal::isAnnouncementEvening(QDate(2025, 7, 6)));
    QVERIFY(cal::isAnnouncementEvening(QDate(2024, 11, 27)));
    QVERIFY(!cal::isAnnouncementEvening(QDate()));
}

void TestArxivCalendar::listingsAfterHolidays()
{
    // Listings are dated the day after the announcement: Monday to Friday.
    QVERIFY(cal::hasListing(QDate(2024, 11, 25)));
    QVERIFY(cal::hasListing(QDate(2024, 11, 28)));  // announced Wednesday evening
    QVERIFY(!cal::hasListing(QDate(2024, 11, 29))); // Thanksgiving evening: no Friday listing
    QVERIFY(!cal::hasListing(QDate(2024, 11, 30)));
    QVERIFY(!cal::hasListing(QDate(2024, 12, 1)));
    QVERIFY(cal::hasListing(QDate(2024, 12, 2)));
    // MLK Day 2024 is a Monday: Monday's listing (announced Sunday) stands, Tuesday's does not.
    QVERIFY(cal::hasListing(QDate(2024, 1, 15)));
    QVERIFY(!cal::hasListing(QDate(2024, 1, 16)));
    // A Friday holiday (Juneteenth 2026) removes nothing.
    QVERIFY(cal::hasListing(QDate(2026, 6, 19)));
    QVERIFY(cal::hasListing(QDate(2026, 6, 22)));

    QCOMPARE(cal::previousListing(QDate(2024, 12, 2)), QDate(2024, 11, 28));
    QCOMPARE(cal::previousListing(QDate(2024, 11, 28)), QDate(2024, 11, 27));
    // Christmas 2024: Wednesday 25 and Thursday 26 were skipped, then New Year's Eve.
    QCOMPARE(cal::previousListing(QDate(2024, 12, 30)), QDate(2024, 12, 25));
    QCOMPARE(cal::previousListing(QDate(2025, 1, 3)), QDate(2024, 12, 31));
    QVERIFY(!cal::hasListing(QDate(2025, 1, 1)));
    QVERIFY(!cal::hasListing(QDate(2025, 1, 2)));
}

void TestArxivCalendar::holidayTableIsSortedAndNamed()
{
    const QList<cal::Holiday> &table = cal::holidays();
    QVERIFY(table.size() >= 30);
    for (qsizetype i = 0; i < table.size(); ++i) {
        QVERIFY(table.at(i).date.isValid());
        QVERIFY(qstrlen(table.at(i).name) > 0);
        if (i > 0)
            QVERIFY2(table.at(i - 1).date < table.at(i).date,
                     qPrintable(table.at(i).date.toString(Qt::ISODate)));
    }
    QCOMPARE(cal::holidayName(QDate(2024, 11, 28)), u"Thanksgiving"_s);
    QVERIFY(cal::holidayName(QDate(2024, 11, 27)).isEmpty());
}

void TestArxivCalendar::windowAfterThanksgiving()
{
    // Monday 2 Dec 2024 carries Wednesday 14:00 to Friday 14:00 (EST): Thursday's papers were
    // never announced on their own.
    const cal::SubmissionWindow window = cal::submissionWindow(QDate(2024, 12, 2));
    QCOMPARE(window.startUtc, utc(2024, 11, 27, 19));
    QCOMPARE(window.endUtc, utc(2024, 11, 29, 19));
    QVERIFY(!cal::submissionWindow(QDate(2024, 11, 29)).isValid());
    // The listing before the holiday is untouched.
    QCOMPARE(cal::submissionWindow(QDate(2024, 11, 28)).startUtc, utc(2024, 11, 26, 19));
}

void TestArxivCalendar::windowAfterChristmas()
{
    // Monday 30 Dec 2024: Tuesday 24 14:00 to Friday 27 14:00.
    const cal::SubmissionWindow window = cal::submissionWindow(QDate(2024, 12, 30));
    QCOMPARE(window.startUtc, utc(2024, 12, 24, 19));
    QCOMPARE(window.endUtc, utc(2024, 12, 27, 19));
    // Friday 3 Jan 2025, after New Year's Eve and Day: Monday 30 Dec 14:00 .. Thursday 2 Jan.
    const cal::SubmissionWindow afterNewYear = cal::submissionWindow(QDate(2025, 1, 3));
    QCOMPARE(afterNewYear.startUtc, utc(2024, 12, 30, 19));
    QCOMPARE(afterNewYear.endUtc, utc(2025, 1, 2, 19));
}

void TestArxivCalendar::windowAfterASundayHoliday()
{
    // Sunday 6 July 2025 was skipped: no Monday listing; Tuesday's spans Thursday to Monday
    // (EDT, 18:00 UTC).
    QVERIFY(!cal::hasListing(QDate(2025, 7, 7)));
    const cal::SubmissionWindow window = cal::submissionWindow(QDate(2025, 7, 8));
    QCOMPARE(window.startUtc, utc(2025, 7, 3, 18));
    QCOMPARE(window.endUtc, utc(2025, 7, 7, 18));
}

void TestArxivCalendar::announcementTimeAcrossDaylightSaving()
{
    // The evening of the switch to EDT (Sunday 10 March 2024): 20:00 EDT is 00:00 UTC.
    QCOMPARE(cal::announcementTime(QDate(2024, 3, 11)), utc(2024, 3, 11, 0));
    // The Friday before: EST, 01:00 UTC.
    QCOMPARE(cal::announcementTime(QDate(2024, 3, 8)), utc(2024, 3, 8, 1));
    // The evening of the switch back (Sunday 3 November 2024): EST again.
    QCOMPARE(cal::announcementTime(QDate(2024, 11, 4)), utc(2024, 11, 4, 1));
    QCOMPARE(cal::announcementTime(QDate(2024, 11, 1)), utc(2024, 11, 1, 0));
}

void TestArxivCalendar::nextCheckAcrossDaylightSaving()
{
    // Saturday 9 March 2024 at noon: Sunday's announcement, already on EDT.
    QCOMPARE(cal::nextListingCheck(utc(2024, 3, 9, 12), kMargin), utc(2024, 3, 11, 0, 20));
    // Then the feed at midnight EDT (04:00 UTC).
    QCOMPARE(cal::nextListingCheck(utc(2024, 3, 11, 0, 30), kMargin), utc(2024, 3, 11, 4, 20));
    // Saturday 2 November 2024: Sunday's announcement, back on EST.
    QCOMPARE(cal::nextListingCheck(utc(2024, 11, 2, 12), kMargin), utc(2024, 11, 4, 1, 20));
    QCOMPARE(cal::nextListingCheck(utc(2024, 11, 4, 1, 30), kMargin), utc(2024, 11, 4, 5, 20));
}

void TestArxivCalendar::nextCheckSkipsHolidays()
{
    // Thanksgiving 2024 just after midnight Eastern (Thursday's feed is out): that evening is
    // skipped, and
    // so is the Friday feed; the next is Sunday's announcement.
    QCOMPARE(cal::nextListingCheck(utc(2024, 11, 28, 5, 30), kMargin), utc(2024, 12, 2, 1, 20));
    // Christmas 2024: after Tuesday 24's announcement the next moments are the feed of
    // Wednesday 25 at midnight, then nothing until Sunday 29's announcement.
    QCOMPARE(cal::nextListingCheck(utc(2024, 12, 25, 1, 30), kMargin), utc(2024, 12, 25, 5, 20));
    QCOMPARE(cal::nextListingCheck(utc(2024, 12, 25, 6), kMargin), utc(2024, 12, 30, 1, 20));
    // A Sunday holiday (6 July 2025): no check that evening nor at Monday's midnight.
    QCOMPARE(cal::nextListingCheck(utc(2025, 7, 5, 12), kMargin), utc(2025, 7, 8, 0, 20));
}

void TestArxivCalendar::reasons()
{
    QCOMPARE(cal::noListingReason(QDate(2024, 11, 30)), u"Saturday"_s);
    QCOMPARE(cal::noListingReason(QDate(2024, 12, 1)), u"Sunday"_s);
    QCOMPARE(cal::noListingReason(QDate(2024, 11, 29)),
             u"no announcement on Thanksgiving (Thu 28 Nov)"_s);
    QVERIFY(cal::noListingReason(QDate(2024, 11, 28)).isEmpty());
}

QTEST_GUILESS_MAIN(TestArxivCalendar)
#include "tst_arxiv_calendar.moc"
