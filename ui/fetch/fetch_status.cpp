#include "fetch/fetch_status.h"

#include "core/arxiv_calendar.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QStyle>

namespace paperboy {

namespace {

QIcon statusIcon(QStyle::StandardPixmap pixmap)
{
    // Icons need a GUI application; the rules themselves do not.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(pixmap);
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

// Why arXiv has nothing for `date`, and when the next listing comes.
QString noAnnouncementDetails(const QDate &date)
{
    const QDate evening = date.addDays(-1);
    const QString holiday = arxiv_calendar::holidayName(evening);
    QString why;
    if (date.dayOfWeek() >= Qt::Saturday || holiday.isEmpty()) {
        why = QCoreApplication::translate(
                  "paperboy::FetchStatus",
                  "arXiv announces new papers on Sunday to Thursday evenings (US Eastern time); "
                  "%1 has no listing.")
                  .arg(QLocale().toString(date, QLocale::LongFormat));
    } else {
        why = QCoreApplication::translate("paperboy::FetchStatus",
                                          "arXiv made no announcement on the evening of %1 (%2).")
                  .arg(QLocale().toString(evening, QLocale::LongFormat),
                       holiday); // arXiv's own name, in English
    }
    QDate next = date.addDays(1);
    for (int i = 0; i < 60 && !arxiv_calendar::hasListing(next); ++i)
        next = next.addDays(1);
    return why + QLatin1Char('\n') +
           QCoreApplication::translate("paperboy::FetchStatus", "The next listing is announced %1.")
               .arg(when(arxiv_calendar::announcementTime(next)));
}

DayStatus noAnnouncementStatus(const QDate &date)
{
    DayStatus status;
    status.text = QCoreApplication::translate("paperboy::FetchStatus", "no announcement");
    status.details = noAnnouncementDetails(date);
    return status;
}

} // namespace

DayStatus offlineStatus()
{
    DayStatus status;
    status.text = QCoreApplication::translate("paperboy::FetchStatus", "offline");
    status.details = QCoreApplication::translate(
        "paperboy::FetchStatus",
        "No network connection. Paperboy fetches this day's listing as soon "
        "as the network is back.");
    status.icon = statusIcon(QStyle::SP_BrowserReload);
    return status;
}

QHash<QDate, DayStatus> dayStatusesFromLedger(const LedgerView &view)
{
    // The best row per day and category (over sources), as the ledger itself ranks them.
    QMap<QDate, QMap<QString, LedgerEntry>> best;
    for (const LedgerEntry &row : view.rows) {
        LedgerEntry &slot = best[row.date][row.category];
        if (slot.source.isEmpty() || row.state > slot.state)
            slot = row;
    }
    QHash<QDate, DayStatus> statuses;
    for (auto day = best.cbegin(); day != best.cend(); ++day) {
        const QDate date = day.key();
        // Offline today: a calm mark and a retry, not a failure.
        if (view.offline && date == view.today) {
            statuses.insert(date, offlineStatus());
            continue;
        }
        // A feed fetched on a weekend or after a holiday is recorded under that day, which
        // has no listing of its own: never "failed"; worth a mark while it is today, not once
        // the next listing is out.
        if (!arxiv_calendar::hasListing(date)) {
            bool papers = view.digestDays.contains(date);
            for (const LedgerEntry &row : day.value())
                papers = papers || row.state == LedgerState::Complete ||
                         row.state == LedgerState::Partial;
            if (date == view.today && !papers)
                statuses.insert(date, noAnnouncementStatus(date));
            continue;
        }
        QStringList failed;
        QStringList partial;
        bool announced = false;
        for (const LedgerEntry &row : day.value()) {
            const QString line = QStringLiteral("%1: %2%3")
                                     .arg(row.category, row.reason)
                                     .arg(row.recordedAt.isValid()
                                              ? QStringLiteral(" (%1)").arg(when(row.recordedAt))
                                              : QString());
            if (row.state == LedgerState::Failed)
                failed.append(line);
            else if (row.state == LedgerState::Partial)
                partial.append(line);
            if (row.state != LedgerState::NoAnnouncement)
                announced = true;
        }
        DayStatus status;
        if (!failed.isEmpty()) {
            status.text = QCoreApplication::translate("paperboy::FetchStatus", "failed");
            status.details =
                QCoreApplication::translate("paperboy::FetchStatus", "Fetching this day failed:") +
                QLatin1Char('\n') + failed.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                QCoreApplication::translate("paperboy::FetchStatus",
                                            "Right-click the day and choose Fetch This Day Again.");
            status.icon = statusIcon(QStyle::SP_MessageBoxWarning);
        } else if (!partial.isEmpty()) {
            status.text = QCoreApplication::translate("paperboy::FetchStatus", "incomplete");
            status.details =
                QCoreApplication::translate("paperboy::FetchStatus",
                                            "Only part of this day's listing was fetched:") +
                QLatin1Char('\n') + partial.join(QLatin1Char('\n'));
            status.icon = statusIcon(QStyle::SP_MessageBoxInformation);
        } else if (!announced && !view.digestDays.contains(date) &&
                   arxiv_calendar::hasListing(date)) {
            status.text = QCoreApplication::translate("paperboy::FetchStatus", "no announcement");
            status.details = QCoreApplication::translate(
                "paperboy::FetchStatus", "arXiv announced no new papers for this day.");
        } else {
            continue;
        }
        statuses.insert(date, status);
    }
    // Recent weekdays the library knows nothing about, since the first day it fetched well:
    // gaps in a run of fetched days, not every day before someone started fetching.
    QDate firstFetched;
    for (const LedgerEntry &row : view.rows)
        if (!row.needsFetch() && (!firstFetched.isValid() || row.date < firstFetched))
            firstFetched = row.date;
    if (view.offline && view.today.isValid() && !statuses.contains(view.today))
        statuses.insert(view.today, offlineStatus());
    if (firstFetched.isValid() && view.today.isValid()) {
        for (int back = 0; back < view.recentDays; ++back) {
            const QDate date = view.today.addDays(-back);
            if (date < firstFetched)
                break;
            if (!arxiv_calendar::hasListing(date) || view.digestDays.contains(date) ||
                best.contains(date))
                continue;
            DayStatus status;
            status.text = QCoreApplication::translate("paperboy::FetchStatus", "not fetched");
            status.details =
                QCoreApplication::translate("paperboy::FetchStatus",
                                            "The library has no listing for this day yet.") +
                QLatin1Char('\n') +
                QCoreApplication::translate("paperboy::FetchStatus",
                                            "Right-click the day and choose Fetch This Day Again.");
            statuses.insert(date, status);
        }
    }
    return statuses;
}

} // namespace paperboy
