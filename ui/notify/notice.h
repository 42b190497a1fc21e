#pragma once

// What Paperboy tells the reader outside its window (issue #18): today's listing arrived, a
// starred paper has a new version, or a paper the reader keeps got its first code link. Built from
// what a fetch found; shown by the desktop's notification service (desktop_notifier.h) or, without
// one, by the tray icon (unread_tray.h). Activating it opens the day or the paper.

#include "core/paper_version.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

struct Notice
{
    enum class Kind
    {
        Listing,   // today's listing arrived: opens `day`
        Versions,  // starred papers changed: opens `arxivId`, or the "Updated" view for several
        CodeLinks, // kept papers got a code link: opens `arxivIds` as a list, the first chosen
    };
    Kind kind = Kind::Listing;
    QString summary; // one line
    QString body;    // plain text, lines separated by '\n'
    QDate day;
    QString arxivId;
    QStringList arxivIds; // CodeLinks
    bool operator==(const Notice &) const = default;
};

// "Today's arXiv listing has arrived", with the number of papers and the day.
Notice listingNotice(const QDate &day, int papers);
// The starred papers among `changes`, with what arrived (accepted, a journal reference, a DOI,
// a code link); nothing when none of them is starred.
std::optional<Notice> versionsNotice(const QList<VersionChange> &changes);
// The papers the reader starred, noted or tagged that got their first code link (from Hugging
// Face, a digest, or arXiv's abstract or comment); nothing when `arrivals` is empty.
std::optional<Notice> codeLinksNotice(const QList<CodeLinkArrival> &arrivals);

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::Notice)
