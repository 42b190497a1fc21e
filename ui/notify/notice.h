#pragma once

// What Paperboy tells the reader outside its window (issue #18): today's listing arrived, or
// a starred paper has a new version. Built from what a fetch found; shown by the desktop's
// notification service (desktop_notifier.h) or, without one, by the tray icon (unread_tray.h).
// Activating it opens the day or the paper.

#include "core/paper_version.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace paperboy {

struct Notice
{
    enum class Kind
    {
        Listing,  // today's listing arrived: opens `day`
        Versions, // starred papers changed: opens `arxivId`, or the "Updated" view for several
    };
    Kind kind = Kind::Listing;
    QString summary; // one line
    QString body;    // plain text, lines separated by '\n'
    QDate day;
    QString arxivId;
    bool operator==(const Notice &) const = default;
};

// "Today's arXiv listing has arrived", with the number of papers and the day.
Notice listingNotice(const QDate &day, int papers);
// The starred papers among `changes`, with what arrived (accepted, a journal reference, a DOI,
// a code link); nothing when none of them is starred.
std::optional<Notice> versionsNotice(const QList<VersionChange> &changes);

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::Notice)
