#include "backup/backup_restore.h"

#include "core/author_names.h"
#include "core/pdf_files.h"
#include "store/user_rows.h"

#include <QDateTime>
#include <QFileInfo>

namespace paperboy {

namespace {

QDateTime parseTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString describe(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// One field as a side holds it: its value for the report, whether anybody ever set it (a
// value other than the default, or a change time), and when.
struct Side
{
    QString value;
    bool set = false;
    QString changed; // after the future check; empty when the edit has no time
};

class Merger
{
public:
    Merger(UserRowsWriter &writer, RestoreReport &report, const QDateTime &now)
        : m_writer(writer), m_report(report), m_now(now), m_nowText(backupTimestamp(now))
    {
    }

    bool mergePaper(const BackupPaper &paper)
    {
        bool libraryHadTags = false;
        std::optional<BackupPaper> stored;
        if (!m_writer.hasTags(paper.id, &libraryHadTags) || !m_writer.readPaper(paper.id, &stored))
            return false;
        int versionsAdded = 0;
        // Oldest first, so the library's row ids follow time as its own would.
        for (auto it = paper.noteHistory.crbegin(); it != paper.noteHistory.crend(); ++it) {
            const BackupNoteVersion &version = *it;
            BackupNoteVersion kept = version;
            kept.replacedAt = checked(paper.id, QStringLiteral("note_history"), version.replacedAt,
                                      QStringLiteral("backup"));
            bool added = false;
            if (!m_writer.addNoteVersion(paper.id, kept, &added))
                return false;
            versionsAdded += added ? 1 : 0;
        }
        m_report.noteVersionsAdded += versionsAdded;
        bool changed = versionsAdded > 0;
        if (!stored) {
            if (paper.hasStateRow()) {
                BackupPaper row = paper;
                row.starredChanged = checked(paper.id, QStringLiteral("starred"),
                                             paper.starredChanged, QStringLiteral("backup"));
                row.readChanged = checked(paper.id, QStringLiteral("read"), paper.readChanged,
                                          QStringLiteral("backup"));
                row.noteChanged = checked(paper.id, QStringLiteral("note"), paper.noteChanged,
                                          QStringLiteral("backup"));
                if (!m_writer.writePaperState(row, false, {}, NoteChange::Backup, m_nowText))
                    return false;
                changed = true;
            }
        } else {
            const BackupPaper &library = *stored;
            BackupPaper merged = library;
            if (library.starred != paper.starred &&
                take(paper.id, QStringLiteral("starred"),
                     side(paper.id, QStringLiteral("starred"), describe(library.starred),
                          library.starred, library.starredChanged, QStringLiteral("library")),
                     side(paper.id, QStringLiteral("starred"), describe(paper.starred),
                          paper.starred, paper.starredChanged, QStringLiteral("backup")),
                     &merged.starredChanged)) {
                merged.starred = paper.starred;
            }
            if (library.read != paper.read &&
                take(paper.id, QStringLiteral("read"),
                     side(paper.id, QStringLiteral("read"), describe(library.read), library.read,
                          library.readChanged, QStringLiteral("library")),
                     side(paper.id, QStringLiteral("read"), describe(paper.read), paper.read,
                          paper.readChanged, QStringLiteral("backup")),
                     &merged.readChanged)) {
                merged.read = paper.read;
            }
            if (library.note != paper.note &&
                take(paper.id, QStringLiteral("note"),
                     side(paper.id, QStringLiteral("note"), library.note.value_or(QString()),
                          library.note.has_value(), library.noteChanged, QStringLiteral("library")),
                     side(paper.id, QStringLiteral("note"), paper.note.value_or(QString()),
                          paper.note.has_value(), paper.noteChanged, QStringLiteral("backup")),
                     &merged.noteChanged)) {
                merged.note = paper.note;
                m_report.notesKept += library.note.value_or(QString()).isEmpty() ? 0 : 1;
            }
            if (!(merged == library)) {
                if (!m_writer.writePaperState(merged, true, library.note.value_or(QString()),
                                              NoteChange::Backup, m_nowText))
                    return false;
                changed = true;
            }
        }
        int tagsAdded = 0;
        for (const BackupTag &tag : paper.tags) {
            bool added = false;
            if (!m_writer.addTag(paper.id, tag, &added))
                return false;
            tagsAdded += added ? 1 : 0;
        }
        m_report.tagsAdded += tagsAdded;
        bool libraryHadTranslations = false;
        if (!m_writer.hasTranslations(paper.id, &libraryHadTranslations))
            return false;
        int translationsTaken = 0;
        if (!mergeTranslations(paper, &translationsTaken))
            return false;
        if (!changed && tagsAdded == 0 && translationsTaken == 0)
            ++m_report.papersUnchanged;
        else if (!stored && !libraryHadTags && !libraryHadTranslations)
            ++m_report.papersAdded;
        else
            ++m_report.papersUpdated;
        return true;
    }

    bool mergeSearch(const BackupSearch &search)
    {
        std::optional<BackupSearch> stored;
        if (!m_writer.readSavedSearch(search.name, &stored))
            return false;
        BackupSearch incoming = search;
        incoming.created = checked(search.name, QStringLiteral("saved_search"), search.created,
                                   QStringLiteral("backup"));
        if (!stored) {
            if (!m_writer.writeSavedSearch(incoming, false))
                return false;
            ++m_report.searchesAdded;
            return true;
        }
        if (stored->query == search.query)
            return true;
        const QString libraryCreated = checked(search.name, QStringLiteral("saved_search"),
                                               stored->created, QStringLiteral("library"));
        const bool backupWins = parseTime(incoming.created) > parseTime(libraryCreated);
        m_report.conflicts.append({search.name, QStringLiteral("saved_search"), stored->query,
                                   search.query, stored->created, search.created, backupWins});
        if (!backupWins)
            return true;
        if (!m_writer.writeSavedSearch(incoming, true))
            return false;
        ++m_report.searchesReplaced;
        return true;
    }

    // The higher of the two "opened up to version N" wins: opening is never undone.
    bool mergeSeenVersion(const BackupSeenVersion &seen)
    {
        bool taken = false;
        if (!m_writer.mergeSeenVersion(seen, &taken))
            return false;
        m_report.seenVersionsTaken += taken ? 1 : 0;
        return true;
    }

    // Dismissals and follows merge like stars: per key, the newer change wins (an undismissal
    // or unfollow keeps its row and time, so an older backup cannot undo it).
    bool mergeDismissal(const BackupDismissal &dismissal)
    {
        std::optional<DismissalRow> stored;
        if (!m_writer.readDismissal(dismissal.id, &stored))
            return false;
        DismissalRow merged = dismissal;
        if (!stored)
            merged.changed = checked(dismissal.id, QStringLiteral("dismissed"), dismissal.changed,
                                     QStringLiteral("backup"));
        if (stored &&
            (stored->dismissed == dismissal.dismissed ||
             !decide(dismissal.id, QStringLiteral("dismissed"),
                     side(dismissal.id, QStringLiteral("dismissed"), describe(stored->dismissed),
                          stored->dismissed, stored->changed, QStringLiteral("library")),
                     side(dismissal.id, QStringLiteral("dismissed"), describe(dismissal.dismissed),
                          dismissal.dismissed, dismissal.changed, QStringLiteral("backup")),
                     &merged.changed)))
            return true;
        if (!m_writer.writeDismissal(merged))
            return false;
        ++m_report.dismissalsTaken;
        return true;
    }

    bool mergeFollow(const BackupFollow &follow)
    {
        const QString key = foldAuthorName(follow.name);
        if (key.isEmpty())
            return true; // nothing anyone could follow
        std::optional<FollowRow> stored;
        if (!m_writer.readFollow(key, &stored))
            return false;
        FollowRow merged = follow;
        if (!stored)
            merged.changed = checked(follow.name, QStringLiteral("followed"), follow.changed,
                                     QStringLiteral("backup"));
        else {
            merged.name = stored->name; // the spelling first given stays
            if (stored->followed == follow.followed ||
                !decide(follow.name, QStringLiteral("followed"),
                        side(follow.name, QStringLiteral("followed"), describe(stored->followed),
                             stored->followed, stored->changed, QStringLiteral("library")),
                        side(follow.name, QStringLiteral("followed"), describe(follow.followed),
                             follow.followed, follow.changed, QStringLiteral("backup")),
                        &merged.changed))
                return true;
        }
        if (!m_writer.writeFollow(key, merged))
            return false;
        ++m_report.followsTaken;
        return true;
    }

    // Rules merge like saved searches: a missing one is added, a different one replaced when
    // the backup's is newer.
    bool mergeRule(const BackupRule &rule)
    {
        std::optional<RuleRow> stored;
        if (!m_writer.readRule(rule.name, &stored))
            return false;
        RuleRow incoming = rule;
        incoming.created =
            checked(rule.name, QStringLiteral("rule"), rule.created, QStringLiteral("backup"));
        if (!stored) {
            if (!m_writer.writeRule(incoming))
                return false;
            ++m_report.rulesAdded;
            return true;
        }
        auto text = [](const RuleRow &r) {
            return QStringLiteral("%1 -> %2 %3").arg(r.query, r.action, r.tag).trimmed();
        };
        if (text(*stored) == text(rule))
            return true;
        const QString libraryCreated =
            checked(rule.name, QStringLiteral("rule"), stored->created, QStringLiteral("library"));
        const bool backupWins = parseTime(incoming.created) > parseTime(libraryCreated);
        m_report.conflicts.append({rule.name, QStringLiteral("rule"), text(*stored), text(rule),
                                   stored->created, rule.created, backupWins});
        if (!backupWins)
            return true;
        if (!m_writer.writeRule(incoming))
            return false;
        ++m_report.rulesReplaced;
        return true;
    }

    bool mergeHighlight(const BackupHighlight &highlight)
    {
        bool added = false;
        if (!m_writer.addHighlight(highlight, &added))
            return false;
        m_report.highlightsAdded += added ? 1 : 0;
        return true;
    }

    // Added papers (issue #21): the union of both lists; a paper in both keeps the earlier
    // time, the first time it was added.
    bool mergeAdded(const BackupAdded &row)
    {
        BackupAdded incoming = row;
        incoming.addedAt =
            checked(row.id, QStringLiteral("added"), row.addedAt, QStringLiteral("backup"));
        bool added = false;
        if (!m_writer.mergeAdded(incoming, &added))
            return false;
        m_report.papersAddedTaken += added ? 1 : 0;
        return true;
    }

    // Saved trends (issue #22) merge like rules: a missing one is added, a different one
    // replaced when the backup's is newer.
    bool mergeSavedTrend(const BackupSavedTrend &trend)
    {
        const QString what = QStringLiteral("saved_trend");
        std::optional<SavedTrendRow> stored;
        if (!m_writer.readSavedTrend(trend.name, &stored))
            return false;
        SavedTrendRow incoming = trend;
        incoming.created = checked(trend.name, what, trend.created, QStringLiteral("backup"));
        if (!stored) {
            if (!m_writer.writeSavedTrend(incoming))
                return false;
            ++m_report.trendsAdded;
            return true;
        }
        auto text = [](const SavedTrendRow &t) {
            return QStringLiteral("%1: %2 by %3%4 %5..%6")
                .arg(t.name, t.queries.join(QStringLiteral(" | ")), t.per,
                     t.share ? QStringLiteral(", share") : QString(), t.from, t.to);
        };
        if (text(*stored) == text(trend))
            return true;
        const QString libraryCreated =
            checked(trend.name, what, stored->created, QStringLiteral("library"));
        const bool backupWins = parseTime(incoming.created) > parseTime(libraryCreated);
        m_report.conflicts.append({trend.name, what, text(*stored), text(trend), stored->created,
                                   trend.created, backupWins});
        if (!backupWins)
            return true;
        if (!m_writer.writeSavedTrend(incoming))
            return false;
        ++m_report.trendsReplaced;
        return true;
    }

    // A kept PDF (issue #21) is recorded only when its file is in the data folder; a PDF the
    // library keeps already stays as it is (both say the same: the reader keeps it).
    bool mergePdf(const BackupPdf &pdf)
    {
        bool found = false;
        if (!m_writer.hasPdf(pdf.id, &found))
            return false;
        if (found)
            return true;
        const QString fileName = pdfFileNameFor(pdf.id);
        const QFileInfo file(pdfPath(fileName));
        if (!file.isFile()) {
            m_report.pdfsToDownload.append(pdf.id);
            return true;
        }
        PdfRow row = pdf;
        row.added = checked(pdf.id, QStringLiteral("pdf"), pdf.added, QStringLiteral("backup"));
        if (!m_writer.writePdf(row, fileName))
            return false;
        ++m_report.pdfsRecorded;
        return true;
    }

private:
    // A change time as the merge counts it: one more than a day ahead of now comes from a
    // wrong clock and would win every later merge; it is reported and taken as now.
    QString checked(const QString &id, const QString &field, const QString &changed,
                    const QString &whose)
    {
        const QDateTime time = parseTime(changed);
        if (!time.isValid() || time <= m_now.addDays(1))
            return changed;
        m_report.warnings.append(QStringLiteral("%1 %2: the %3's change time %4 is in the future; "
                                                "taken as the time of this restore, %5")
                                     .arg(id, field, whose, changed, m_nowText));
        return m_nowText;
    }

    Side side(const QString &id, const QString &field, const QString &value, bool nonDefault,
              const QString &changed, const QString &whose)
    {
        return {value, nonDefault || !changed.isEmpty(), checked(id, field, changed, whose)};
    }

    // Decides one field the two sides hold differently; true when the backup's value is taken,
    // with its change time in `mergedChanged`.
    bool take(const QString &id, const QString &field, const Side &library, const Side &backup,
              QString *mergedChanged)
    {
        const bool taken = decide(id, field, library, backup, mergedChanged);
        m_report.fieldsTaken += taken ? 1 : 0;
        return taken;
    }

    // take() without counting a field of a paper (dismissals and follows count on their own).
    bool decide(const QString &id, const QString &field, const Side &library, const Side &backup,
                QString *mergedChanged)
    {
        if (!backup.set)
            return false; // never set in the backup: nothing to take
        if (!library.set) {
            // Never set in the library: taking the backup's value replaces nothing.
            *mergedChanged = backup.changed;
            return true;
        }
        // Both sides set it. Without a time on either side the edits cannot be ordered: the
        // library keeps its value, and the report says so rather than choosing silently.
        const bool backupWins = !library.changed.isEmpty() && !backup.changed.isEmpty() &&
                                parseTime(backup.changed) > parseTime(library.changed);
        m_report.conflicts.append(
            {id, field, library.value, backup.value, library.changed, backup.changed, backupWins});
        if (!backupWins)
            return false;
        *mergedChanged = backup.changed;
        return true;
    }

    // The user's own translations, per language like a field: the newer edit wins.
    bool mergeTranslations(const BackupPaper &paper, int *taken)
    {
        auto describe = [](const QString &a, const QString &b) {
            return a.isEmpty() ? b : (b.isEmpty() ? a : a + QStringLiteral(" / ") + b);
        };
        for (const BackupTranslation &t : paper.translations) {
            std::optional<BackupTranslation> stored;
            if (!m_writer.readTranslation(paper.id, t.language, &stored))
                return false;
            BackupTranslation incoming = t;
            const QString field = QStringLiteral("translation:%1").arg(t.language);
            if (stored) {
                if (stored->title == t.title && stored->abstract == t.abstract)
                    continue;
                if (!take(paper.id, field,
                          side(paper.id, field, describe(stored->title, stored->abstract), true,
                               stored->changed, QStringLiteral("library")),
                          side(paper.id, field, describe(t.title, t.abstract), true, t.changed,
                               QStringLiteral("backup")),
                          &incoming.changed))
                    continue;
            } else {
                incoming.changed = checked(paper.id, field, t.changed, QStringLiteral("backup"));
                ++m_report.fieldsTaken;
            }
            if (!m_writer.writeTranslation(paper.id, incoming))
                return false;
            ++*taken;
        }
        return true;
    }

    UserRowsWriter &m_writer;
    RestoreReport &m_report;
    QDateTime m_now;
    QString m_nowText;
};

} // namespace

RestoreReport restoreBackup(Database &database, const BackupData &data, const QDateTime &now)
{
    RestoreReport report;
    UserRowsWriter writer(database);
    if (!writer.begin()) {
        report.error = QStringLiteral("%1: %2").arg(database.path(), writer.error());
        return report;
    }
    Merger merger(writer, report, now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc());
    bool ok = true;
    for (const BackupPaper &paper : data.papers)
        if (!(ok = merger.mergePaper(paper)))
            break;
    for (qsizetype i = 0; ok && i < data.savedSearches.size(); ++i)
        ok = merger.mergeSearch(data.savedSearches.at(i));
    for (qsizetype i = 0; ok && i < data.seenVersions.size(); ++i)
        ok = merger.mergeSeenVersion(data.seenVersions.at(i));
    for (qsizetype i = 0; ok && i < data.dismissals.size(); ++i)
        ok = merger.mergeDismissal(data.dismissals.at(i));
    for (qsizetype i = 0; ok && i < data.followedAuthors.size(); ++i)
        ok = merger.mergeFollow(data.followedAuthors.at(i));
    for (qsizetype i = 0; ok && i < data.rules.size(); ++i)
        ok = merger.mergeRule(data.rules.at(i));
    for (qsizetype i = 0; ok && i < data.highlights.size(); ++i)
        ok = merger.mergeHighlight(data.highlights.at(i));
    for (qsizetype i = 0; ok && i < data.savedTrends.size(); ++i)
        ok = merger.mergeSavedTrend(data.savedTrends.at(i));
    for (qsizetype i = 0; ok && i < data.pdfs.size(); ++i)
        ok = merger.mergePdf(data.pdfs.at(i));
    for (qsizetype i = 0; ok && i < data.papersAdded.size(); ++i)
        ok = merger.mergeAdded(data.papersAdded.at(i));
    if (!ok || !writer.commit()) {
        RestoreReport failed;
        failed.error = QStringLiteral("%1: restore failed, nothing changed: %2")
                           .arg(database.path(), writer.error());
        return failed; // the writer rolls back
    }
    report.ok = true;
    return report;
}

RestoreReport restoreBackupFile(Database &database, const QString &path, const QDateTime &now)
{
    QString error;
    const std::optional<BackupData> data = readBackupFile(path, &error);
    if (!data) {
        RestoreReport report;
        report.error = error;
        return report;
    }
    return restoreBackup(database, *data, now);
}

} // namespace paperboy
