#include "backup/backup_restore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant nullable(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType(QMetaType::QString));
}

QDateTime parseTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// The backup's value wins only when it carries a strictly newer edit; a tie keeps the
// library's, so restoring the same file twice changes nothing the second time.
bool backupIsNewer(const QString &libraryChanged, const QString &backupChanged)
{
    const QDateTime backup = parseTime(backupChanged);
    if (!backup.isValid())
        return false;
    const QDateTime library = parseTime(libraryChanged);
    return !library.isValid() || backup > library;
}

QString describe(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

class Merger
{
public:
    Merger(QSqlDatabase db, RestoreReport &report) : m_db(db), m_report(report) {}

    QString error() const { return m_error; }

    bool mergePaper(const BackupPaper &paper)
    {
        bool libraryHadTags = false;
        if (!exists(QStringLiteral("SELECT 1 FROM user_tags WHERE arxiv_id = ? LIMIT 1"), paper.id,
                    &libraryHadTags))
            return false;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT starred, starred_changed, read, read_changed, note,"
                                 " note_changed FROM user_papers WHERE arxiv_id = ?"));
        q.addBindValue(paper.id);
        if (!q.exec())
            return fail(q);
        const bool libraryHadRow = q.next();
        bool changed = false;
        if (!libraryHadRow) {
            if (paper.hasStateRow()) {
                if (!writeRow(paper, false))
                    return false;
                changed = true;
            }
        } else {
            BackupPaper library;
            library.id = paper.id;
            library.starred = q.value(0).toInt() != 0;
            library.starredChanged = q.value(1).toString();
            library.read = q.value(2).toInt() != 0;
            library.readChanged = q.value(3).toString();
            if (!q.value(4).isNull())
                library.note = q.value(4).toString();
            library.noteChanged = q.value(5).toString();
            q.finish();
            BackupPaper merged = library;
            if (library.starred != paper.starred &&
                take(paper.id, QStringLiteral("starred"), describe(library.starred),
                     describe(paper.starred), library.starredChanged, paper.starredChanged)) {
                merged.starred = paper.starred;
                merged.starredChanged = paper.starredChanged;
            }
            if (library.read != paper.read &&
                take(paper.id, QStringLiteral("read"), describe(library.read), describe(paper.read),
                     library.readChanged, paper.readChanged)) {
                merged.read = paper.read;
                merged.readChanged = paper.readChanged;
            }
            if (library.note != paper.note &&
                take(paper.id, QStringLiteral("note"), library.note.value_or(QString()),
                     paper.note.value_or(QString()), library.noteChanged, paper.noteChanged)) {
                merged.note = paper.note;
                merged.noteChanged = paper.noteChanged;
            }
            if (!(merged == library)) {
                if (!writeRow(merged, true))
                    return false;
                changed = true;
            }
        }
        int tagsAdded = 0;
        if (!addTags(paper, &tagsAdded))
            return false;
        m_report.tagsAdded += tagsAdded;
        if (!changed && tagsAdded == 0)
            ++m_report.papersUnchanged;
        else if (!libraryHadRow && !libraryHadTags)
            ++m_report.papersAdded;
        else
            ++m_report.papersUpdated;
        return true;
    }

    bool mergeSearch(const BackupSearch &search)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT query, created FROM saved_searches WHERE name = ?"));
        q.addBindValue(search.name);
        if (!q.exec())
            return fail(q);
        if (!q.next()) {
            QSqlQuery insert(m_db);
            insert.prepare(
                QStringLiteral("INSERT INTO saved_searches (name, query, created) VALUES (?,?,?)"));
            insert.addBindValue(search.name);
            insert.addBindValue(search.query);
            insert.addBindValue(search.created);
            if (!insert.exec())
                return fail(insert);
            ++m_report.searchesAdded;
            return true;
        }
        const QString query = q.value(0).toString();
        const QString created = q.value(1).toString();
        q.finish();
        if (query == search.query)
            return true;
        const bool backupWins = backupIsNewer(created, search.created);
        m_report.conflicts.append({search.name, QStringLiteral("saved_search"), query, search.query,
                                   created, search.created, backupWins});
        if (!backupWins)
            return true;
        QSqlQuery update(m_db);
        update.prepare(
            QStringLiteral("UPDATE saved_searches SET query = ?, created = ? WHERE name = ?"));
        update.addBindValue(search.query);
        update.addBindValue(search.created);
        update.addBindValue(search.name);
        if (!update.exec())
            return fail(update);
        ++m_report.searchesReplaced;
        return true;
    }

private:
    bool fail(const QSqlQuery &q)
    {
        m_error = q.lastError().text();
        return false;
    }

    // Decides one field both sides hold differently; true when the backup's value is taken.
    bool take(const QString &id, const QString &field, const QString &libraryValue,
              const QString &backupValue, const QString &libraryChanged,
              const QString &backupChanged)
    {
        const bool backupWins = backupIsNewer(libraryChanged, backupChanged);
        // Without a timestamp on one side that side never edited the field: no conflict.
        if (!libraryChanged.isEmpty() && !backupChanged.isEmpty())
            m_report.conflicts.append(
                {id, field, libraryValue, backupValue, libraryChanged, backupChanged, backupWins});
        if (backupWins)
            ++m_report.fieldsTaken;
        return backupWins;
    }

    bool writeRow(const BackupPaper &paper, bool update)
    {
        QSqlQuery q(m_db);
        q.prepare(update ? QStringLiteral("UPDATE user_papers SET arxiv_id = ?, starred = ?,"
                                          " starred_changed = ?, read = ?, read_changed = ?,"
                                          " note = ?, note_changed = ? WHERE arxiv_id = ?")
                         : QStringLiteral("INSERT INTO user_papers (arxiv_id, starred,"
                                          " starred_changed, read, read_changed, note,"
                                          " note_changed) VALUES (?,?,?,?,?,?,?)"));
        bind(q, paper);
        if (update)
            q.addBindValue(paper.id);
        return q.exec() || fail(q);
    }

    bool exists(const QString &sql, const QString &id, bool *found)
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        q.addBindValue(id);
        if (!q.exec())
            return fail(q);
        *found = q.next();
        return true;
    }

    static void bind(QSqlQuery &q, const BackupPaper &paper)
    {
        q.addBindValue(paper.id);
        q.addBindValue(paper.starred ? 1 : 0);
        q.addBindValue(nullable(paper.starredChanged));
        q.addBindValue(paper.read ? 1 : 0);
        q.addBindValue(nullable(paper.readChanged));
        q.addBindValue(nullable(paper.note));
        q.addBindValue(nullable(paper.noteChanged));
    }

    bool addTags(const BackupPaper &paper, int *added)
    {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added) VALUES (?,?,?)"
                                      " ON CONFLICT DO NOTHING"));
        for (const BackupTag &tag : paper.tags) {
            insert.addBindValue(paper.id);
            insert.addBindValue(tag.tag);
            insert.addBindValue(tag.added);
            if (!insert.exec())
                return fail(insert);
            *added += insert.numRowsAffected() > 0 ? 1 : 0;
        }
        return true;
    }

    QSqlDatabase m_db;
    RestoreReport &m_report;
    QString m_error;
};

} // namespace

RestoreReport restoreBackup(Database &database, const BackupData &data)
{
    RestoreReport report;
    if (database.isReadOnly()) {
        report.error = QStringLiteral("%1 is open read-only").arg(database.path());
        return report;
    }
    QSqlDatabase db = database.connection();
    if (const QString error = Database::beginWrite(db); !error.isEmpty()) {
        report.error = QStringLiteral("%1: %2").arg(database.path(), error);
        return report;
    }
    Merger merger(db, report);
    bool ok = true;
    for (const BackupPaper &paper : data.papers)
        if (!(ok = merger.mergePaper(paper)))
            break;
    for (qsizetype i = 0; ok && i < data.savedSearches.size(); ++i)
        ok = merger.mergeSearch(data.savedSearches.at(i));
    if (!ok || !db.commit()) {
        const QString why = ok ? db.lastError().text() : merger.error();
        db.rollback();
        RestoreReport failed;
        failed.error =
            QStringLiteral("%1: restore failed, nothing changed: %2").arg(database.path(), why);
        return failed;
    }
    report.ok = true;
    return report;
}

RestoreReport restoreBackupFile(Database &database, const QString &path)
{
    QString error;
    const std::optional<BackupData> data = readBackupFile(path, &error);
    if (!data) {
        RestoreReport report;
        report.error = error;
        return report;
    }
    return restoreBackup(database, *data);
}

} // namespace paperboy
