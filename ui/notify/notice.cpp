#include "notify/notice.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace paperboy {

namespace {

// Free functions have no class to give them tr(): the context is spelled out each time, as
// lupdate reads it.
// What arrived with the new version, as words in a list: "accepted, a DOI".
QString arrivals(const VersionChange &change)
{
    QStringList news;
    if (change.acceptedArrived)
        news.append(QCoreApplication::translate("paperboy::Notice", "accepted"));
    if (change.journalRefArrived)
        news.append(QCoreApplication::translate("paperboy::Notice", "a journal reference"));
    if (change.doiArrived)
        news.append(QCoreApplication::translate("paperboy::Notice", "a DOI"));
    if (!change.codeUrl.isEmpty())
        news.append(QCoreApplication::translate("paperboy::Notice", "a code link"));
    return news.join(QCoreApplication::translate("paperboy::Notice", ", "));
}

} // namespace

Notice listingNotice(const QDate &day, int papers)
{
    Notice notice;
    notice.kind = Notice::Kind::Listing;
    notice.day = day;
    notice.summary =
        QCoreApplication::translate("paperboy::Notice", "Today's arXiv listing has arrived");
    notice.body =
        QCoreApplication::translate("paperboy::Notice", "%n new papers for %1", nullptr, papers)
            .arg(QLocale().toString(day, QLocale::LongFormat));
    return notice;
}

std::optional<Notice> versionsNotice(const QList<VersionChange> &changes)
{
    QList<VersionChange> starred;
    for (const VersionChange &change : changes)
        if (change.starred)
            starred.append(change);
    if (starred.isEmpty())
        return std::nullopt;
    Notice notice;
    notice.kind = Notice::Kind::Versions;
    if (starred.size() == 1) {
        const VersionChange &change = starred.first();
        notice.arxivId = change.arxivId;
        notice.summary =
            QCoreApplication::translate("paperboy::Notice", "A starred paper has a new version");
        notice.body = QCoreApplication::translate("paperboy::Notice", "%1 (arXiv:%2) is now v%3.")
                          .arg(change.title, change.arxivId)
                          .arg(change.toVersion);
        if (const QString news = arrivals(change); !news.isEmpty())
            notice.body += QLatin1Char('\n') +
                           QCoreApplication::translate("paperboy::Notice", "New: %1.").arg(news);
        return notice;
    }
    notice.summary = QCoreApplication::translate(
        "paperboy::Notice", "%n starred papers have new versions", nullptr, int(starred.size()));
    QStringList lines;
    const int shown = 3;
    for (qsizetype i = 0; i < starred.size() && i < shown; ++i) {
        const VersionChange &change = starred.at(i);
        QString line = QCoreApplication::translate("paperboy::Notice", "%1 (v%2)")
                           .arg(change.title)
                           .arg(change.toVersion);
        if (const QString news = arrivals(change); !news.isEmpty())
            line += QCoreApplication::translate("paperboy::Notice", ": %1").arg(news);
        lines.append(line);
    }
    if (starred.size() > shown)
        lines.append(QCoreApplication::translate("paperboy::Notice", "and %n more papers", nullptr,
                                                 int(starred.size() - shown)));
    notice.body = lines.join(QLatin1Char('\n'));
    return notice;
}

std::optional<Notice> codeLinksNotice(const QList<CodeLinkArrival> &arrivals)
{
    if (arrivals.isEmpty())
        return std::nullopt;
    Notice notice;
    notice.kind = Notice::Kind::CodeLinks;
    for (const CodeLinkArrival &arrival : arrivals)
        notice.arxivIds.append(arrival.arxivId);
    notice.arxivId = arrivals.first().arxivId;
    if (arrivals.size() == 1) {
        const CodeLinkArrival &arrival = arrivals.first();
        notice.summary =
            arrival.starred
                ? QCoreApplication::translate("paperboy::Notice", "A starred paper has a code link")
                : QCoreApplication::translate("paperboy::Notice",
                                              "A paper you noted or tagged has a code link");
        notice.body = QCoreApplication::translate("paperboy::Notice", "%1 (arXiv:%2): %3")
                          .arg(arrival.title, arrival.arxivId, arrival.codeUrl);
        return notice;
    }
    notice.summary = QCoreApplication::translate(
        "paperboy::Notice", "%n of your papers have code links", nullptr, int(arrivals.size()));
    QStringList lines;
    const int shown = 3;
    for (qsizetype i = 0; i < arrivals.size() && i < shown; ++i)
        lines.append(QCoreApplication::translate("paperboy::Notice", "%1: %2")
                         .arg(arrivals.at(i).title, arrivals.at(i).codeUrl));
    if (arrivals.size() > shown)
        lines.append(QCoreApplication::translate("paperboy::Notice", "and %n more papers", nullptr,
                                                 int(arrivals.size() - shown)));
    notice.body = lines.join(QLatin1Char('\n'));
    return notice;
}

} // namespace paperboy
