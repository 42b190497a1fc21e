// The user's own data: stars, read marks, notes (with their earlier texts) and tags. Only
// explicit user actions (and a restore the user asked for) reach these functions; imports and
// fetches never do.

#include "store.h"

#include "core/author_names.h"
#include "store/note_history.h"
#include "store/sql_values.h"
#include "store/sqlite_statement.h"
#include "store/write_transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

using sql::isoNow;
using sql::textOrNull;

bool Store::setStarred(const QString &arxivId, bool starred)
{
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO user_papers (arxiv_id, starred, starred_changed) VALUES (?,?,?)"
        " ON CONFLICT(arxiv_id) DO UPDATE SET starred = excluded.starred,"
        " starred_changed = excluded.starred_changed WHERE starred <> excluded.starred"));
    q.addBindValue(arxivId);
    q.addBindValue(starred ? 1 : 0);
    q.addBindValue(isoNow(now()));
    return q.exec() || fail(q.lastError().text());
}

bool Store::setRead(const QString &arxivId, bool read)
{
    return setReadMany({arxivId}, read);
}

bool Store::setReadMany(const QStringList &arxivIds, bool read)
{
    const QString when = isoNow(now());
    QList<QVariantList> rows;
    for (const QString &id : arxivIds)
        rows.append({id, read ? 1 : 0, when});
    const QString error = sql::execEachInTransaction(
        m_database,
        QStringLiteral("INSERT INTO user_papers (arxiv_id, read, read_changed) VALUES (?,?,?)"
                       " ON CONFLICT(arxiv_id) DO UPDATE SET read = excluded.read,"
                       " read_changed = excluded.read_changed WHERE read <> excluded.read"),
        rows);
    return error.isEmpty() || fail(error);
}

bool Store::setNote(const QString &arxivId, const QString &note, NoteChange by)
{
    bool unchanged = false;
    QString whenText;
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery current(db);
        current.prepare(
            QStringLiteral("SELECT note, note_changed FROM user_papers WHERE arxiv_id = ?"));
        current.addBindValue(arxivId);
        if (!current.exec())
            return current.lastError().text();
        const bool hasRow = current.next();
        const QString previous = hasRow ? current.value(0).toString() : QString();
        const QString previousChanged = hasRow ? current.value(1).toString() : QString();
        current.finish();
        if ((unchanged = previous == note))
            return {};
        const QDateTime when = now();
        whenText = isoNow(when);
        // Saves while typing: the text the last one wrote (nobody changed it since) was a
        // pause in typing, not a version; the text from before the typing started is kept.
        const auto typing = m_typing.constFind(arxivId);
        const bool continuesTyping =
            by == NoteChange::Typing && typing != m_typing.cend() &&
            typing.value() == std::pair(previousChanged, previous) &&
            QDateTime::fromString(previousChanged, Qt::ISODateWithMs).secsTo(when) <
                kTypingSessionSeconds;
        if (!continuesTyping) {
            if (const QString error =
                    sql::keepReplacedNote(db, arxivId, previous, whenText, noteChangeName(by));
                !error.isEmpty())
                return error;
        }
        QSqlQuery write(db);
        write.prepare(
            QStringLiteral("INSERT INTO user_papers (arxiv_id, note, note_changed) VALUES (?,?,?)"
                           " ON CONFLICT(arxiv_id) DO UPDATE SET note = excluded.note,"
                           " note_changed = excluded.note_changed"));
        write.addBindValue(arxivId);
        write.addBindValue(textOrNull(note));
        write.addBindValue(whenText);
        return write.exec() ? QString() : write.lastError().text();
    });
    const bool ok = error.isEmpty() || fail(error);
    if (!ok)
        return false;
    if (by == NoteChange::Typing && !unchanged)
        m_typing.insert(arxivId, {whenText, note});
    else
        m_typing.remove(arxivId);
    return true;
}

QList<NoteVersion> Store::noteHistory(const QString &arxivId) const
{
    QList<NoteVersion> versions;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, text, replaced_at, replaced_by FROM note_history"
                             " WHERE arxiv_id = ? ORDER BY replaced_at DESC, id DESC"));
    q.addBindValue(arxivId);
    if (!q.exec()) {
        fail(q.lastError().text());
        return versions;
    }
    while (q.next())
        versions.append({q.value(0).toLongLong(), q.value(1).toString(),
                         QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs),
                         q.value(3).toString()});
    return versions;
}

bool Store::restoreNoteVersion(const QString &arxivId, qint64 versionId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT text FROM note_history WHERE id = ? AND arxiv_id = ?"));
    q.addBindValue(versionId);
    q.addBindValue(arxivId);
    if (!q.exec())
        return fail(q.lastError().text());
    if (!q.next())
        return fail(QStringLiteral("%1 has no earlier note %2").arg(arxivId).arg(versionId));
    const QString text = q.value(0).toString();
    q.finish();
    return setNote(arxivId, text, NoteChange::Restore);
}

bool Store::addTags(const QString &arxivId, const QStringList &tags)
{
    const QString when = isoNow(now());
    QList<QVariantList> rows;
    for (const QString &raw : tags)
        if (const QString tag = raw.simplified(); !tag.isEmpty())
            rows.append({arxivId, tag, when});
    const QString error =
        sql::execEachInTransaction(m_database,
                                   QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added)"
                                                  " VALUES (?,?,?) ON CONFLICT DO NOTHING"),
                                   rows);
    return error.isEmpty() || fail(error);
}

bool Store::removeTags(const QString &arxivId, const QStringList &tags)
{
    // One transaction, as addTags: a failed write (a full disk) removed the first tags and
    // kept the others, and said it failed.
    QList<QVariantList> rows;
    for (const QString &tag : tags)
        rows.append({arxivId, tag.simplified()});
    const QString error = sql::execEachInTransaction(
        m_database, QStringLiteral("DELETE FROM user_tags WHERE arxiv_id = ? AND tag = ?"), rows);
    return error.isEmpty() || fail(error);
}

UserState Store::userState(const QString &arxivId) const
{
    UserState state;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT starred, read, note, starred_changed, read_changed,"
                             " note_changed FROM user_papers WHERE arxiv_id = ?"));
    q.addBindValue(arxivId);
    if (q.exec() && q.next()) {
        state.starred = q.value(0).toInt() != 0;
        state.read = q.value(1).toInt() != 0;
        state.note = q.value(2).toString();
        state.starredChanged = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        state.readChanged = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        state.noteChanged = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    }
    QSqlQuery curation(m_database.connection());
    curation.prepare(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM user_dismissals WHERE arxiv_id = ? AND dismissed = 1),"
        " EXISTS (SELECT 1 FROM user_highlights WHERE arxiv_id = ?)"));
    curation.addBindValue(arxivId);
    curation.addBindValue(arxivId);
    if (curation.exec() && curation.next()) {
        state.dismissed = curation.value(0).toBool();
        state.highlighted = curation.value(1).toBool();
    }
    QSqlQuery tags(m_database.connection());
    tags.prepare(QStringLiteral("SELECT tag FROM user_tags WHERE arxiv_id = ? ORDER BY tag"));
    tags.addBindValue(arxivId);
    if (tags.exec())
        while (tags.next())
            state.tags.append(tags.value(0).toString());
    if (std::optional<UserTranslation> mine = userTranslation(arxivId, QStringLiteral("zh")))
        state.translation = *mine;
    return state;
}

QHash<QString, UserState> Store::userStates(const QStringList &arxivIds) const
{
    QHash<QString, UserState> states;
    states.reserve(arxivIds.size());
    for (const QString &id : arxivIds)
        states.insert(id, UserState());
    QStringList followKeys;
    for (const FollowedAuthor &author : followedAuthors())
        followKeys.append(author.key);
    const FollowedAuthors follows(followKeys);
    // Batches keep each statement's parameter list short; a day is one batch, the longest
    // list (Unread, 5,000 papers) ten.
    constexpr qsizetype kBatch = 500;
    for (qsizetype start = 0; start < arxivIds.size(); start += kBatch) {
        const QStringList batch = arxivIds.mid(start, kBatch);
        QStringList marks(batch.size(), QStringLiteral("?"));
        const QString in = marks.join(u',');
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT arxiv_id, starred, read, note, starred_changed,"
                                 " read_changed, note_changed FROM user_papers"
                                 " WHERE arxiv_id IN (%1)")
                      .arg(in));
        for (const QString &id : batch)
            q.addBindValue(id);
        if (!q.exec()) {
            fail(q.lastError().text());
            return {};
        }
        while (q.next()) {
            UserState &state = states[q.value(0).toString()];
            state.starred = q.value(1).toInt() != 0;
            state.read = q.value(2).toInt() != 0;
            state.note = q.value(3).toString();
            state.starredChanged = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
            state.readChanged = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
            state.noteChanged = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        }
        QSqlQuery tags(m_database.connection());
        tags.prepare(QStringLiteral("SELECT arxiv_id, tag FROM user_tags WHERE arxiv_id IN (%1)"
                                    " ORDER BY arxiv_id, tag")
                         .arg(in));
        for (const QString &id : batch)
            tags.addBindValue(id);
        if (!tags.exec()) {
            fail(tags.lastError().text());
            return {};
        }
        while (tags.next())
            states[tags.value(0).toString()].tags.append(tags.value(1).toString());
        // The user's own Chinese, which the window shows (migration 011).
        QSqlQuery mine(m_database.connection());
        mine.prepare(QStringLiteral("SELECT arxiv_id, title, abstract, changed FROM"
                                    " user_translations WHERE language = 'zh' AND arxiv_id IN (%1)")
                         .arg(in));
        for (const QString &id : batch)
            mine.addBindValue(id);
        if (!mine.exec()) {
            fail(mine.lastError().text());
            return {};
        }
        while (mine.next()) {
            UserTranslation &translation = states[mine.value(0).toString()].translation;
            translation.language = QStringLiteral("zh");
            translation.title = mine.value(1).toString();
            translation.abstract = mine.value(2).toString();
            translation.changed =
                QDateTime::fromString(mine.value(3).toString(), Qt::ISODateWithMs);
        }
        // Reading less (issue #16): dismissals, highlights, and the followed authors among
        // each paper's authors, so a follow or dismissal made elsewhere reaches the window.
        QSqlQuery flags(m_database.connection());
        flags.prepare(QStringLiteral("SELECT arxiv_id, 0 FROM user_dismissals"
                                     " WHERE dismissed = 1 AND arxiv_id IN (%1)"
                                     " UNION ALL SELECT DISTINCT arxiv_id, 1 FROM user_highlights"
                                     " WHERE arxiv_id IN (%1)")
                          .arg(in));
        for (int pass = 0; pass < 2; ++pass)
            for (const QString &id : batch)
                flags.addBindValue(id);
        if (!flags.exec()) {
            fail(flags.lastError().text());
            return {};
        }
        while (flags.next()) {
            UserState &state = states[flags.value(0).toString()];
            (flags.value(1).toInt() == 0 ? state.dismissed : state.highlighted) = true;
        }
        if (follows.isEmpty())
            continue;
        QSqlQuery authors(m_database.connection());
        authors.prepare(
            QStringLiteral("SELECT arxiv_id, authors FROM papers WHERE arxiv_id IN (%1)").arg(in));
        for (const QString &id : batch)
            authors.addBindValue(id);
        if (!authors.exec()) {
            fail(authors.lastError().text());
            return {};
        }
        while (authors.next())
            states[authors.value(0).toString()].followedAuthors =
                follows.matching(sql::splitList(authors.value(1).toString()));
    }
    return states;
}

qint64 Store::dataVersion() const
{
    // Asked a few times a second for as long as the window is open: prepared once.
    SqliteStatement &q = m_database.cachedStatement(QStringLiteral("PRAGMA data_version"));
    q.reset();
    if (!q.next()) {
        fail(q.error().isEmpty() ? QStringLiteral("no data_version") : q.error());
        return -1;
    }
    const qint64 version = q.integer(0);
    q.reset(); // ends the read transaction the pragma opened
    return version;
}

QList<Store::TagCount> Store::tagCounts() const
{
    QList<TagCount> result;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT tag, count(*) FROM user_tags GROUP BY tag"
                               " ORDER BY tag COLLATE NOCASE, tag"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toInt()});
    return result;
}

int Store::renameTag(const QString &fromRaw, const QString &toRaw)
{
    const QString from = fromRaw.simplified();
    const QString to = toRaw.simplified();
    if (from.isEmpty() || to.isEmpty()) {
        fail(QStringLiteral("a tag name cannot be empty"));
        return -1;
    }
    int papers = 0;
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery count(db);
        count.prepare(QStringLiteral("SELECT count(*) FROM user_tags WHERE tag = ?"));
        count.addBindValue(from);
        if (!count.exec() || !count.next())
            return count.lastError().text();
        papers = count.value(0).toInt();
        if (from == to)
            return {};
        // On a merge the earlier `added` survives: the paper has carried the tag since then.
        QSqlQuery copy(db);
        copy.prepare(
            QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added)"
                           " SELECT arxiv_id, ?, added FROM user_tags WHERE tag = ? AND true"
                           " ON CONFLICT (arxiv_id, tag) DO UPDATE SET"
                           " added = min(added, excluded.added)"));
        copy.addBindValue(to);
        copy.addBindValue(from);
        if (!copy.exec())
            return copy.lastError().text();
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM user_tags WHERE tag = ?"));
        remove.addBindValue(from);
        return remove.exec() ? QString() : remove.lastError().text();
    });
    const bool ok = error.isEmpty() || fail(error);
    return ok ? papers : -1;
}

} // namespace paperboy
