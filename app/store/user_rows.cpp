// Reading and writing the user's rows for backups and restores (see user_rows.h), and the
// note history rule every note change goes through.

#include "store/user_rows.h"

#include "store/sql_values.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace paperboy {

namespace {

class Fingerprint;

// Raw statements: values are hashed as SQLite holds them, and converted only when used.
class RawQuery
{
public:
    RawQuery(sqlite3 *db, const char *sql) : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
        m_more = m_error.isEmpty() && step();
    }
    ~RawQuery() { sqlite3_finalize(m_stmt); }
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;

    // Whether a row is at hand; advance() moves to the next one.
    bool more() const { return m_more; }
    void advance() { m_more = step(); }
    QString error() const { return m_error; }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QByteArrayView bytes(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return {data, qsizetype(sqlite3_column_bytes(m_stmt, column))};
    }
    QString text(int column) const { return QString::fromUtf8(bytes(column)); }

    // Every column of the row, with its type and length, so NULL, '' and 0 all differ.
    void hashRow(Fingerprint &hash, char table) const;

private:
    bool step()
    {
        if (!m_stmt || !m_error.isEmpty())
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    bool m_more = false;
};

// FNV-1a, 64 bits: a change detector, not a defence against forgery, and several times
// faster than SHA-1 over the ~15 MB of user rows a million-paper library has.
class Fingerprint
{
public:
    void add(QByteArrayView bytes)
    {
        for (const char c : bytes) {
            m_state ^= quint8(c);
            m_state *= 0x100000001b3ULL;
        }
    }
    void add(quint64 value) { add(QByteArrayView(reinterpret_cast<const char *>(&value), 8)); }
    QByteArray result() const { return QByteArray::number(m_state, 16).rightJustified(16, '0'); }

private:
    quint64 m_state = 0xcbf29ce484222325ULL;
};

void RawQuery::hashRow(Fingerprint &hash, char table) const
{
    hash.add(QByteArrayView(&table, 1));
    const int columns = sqlite3_column_count(m_stmt);
    for (int c = 0; c < columns; ++c) {
        const int type = sqlite3_column_type(m_stmt, c);
        hash.add(quint64(type));
        if (type == SQLITE_INTEGER) {
            hash.add(quint64(sqlite3_column_int64(m_stmt, c)));
        } else if (type != SQLITE_NULL) {
            const QByteArrayView value = bytes(c);
            hash.add(quint64(value.size()));
            hash.add(value);
        }
    }
}

QString firstError(std::initializer_list<const RawQuery *> queries)
{
    for (const RawQuery *query : queries)
        if (!query->error().isEmpty())
            return query->error();
    return {};
}

} // namespace

QString noteChangeName(NoteChange change)
{
    switch (change) {
    case NoteChange::Edit:
    case NoteChange::Typing:
        return QStringLiteral("edit");
    case NoteChange::Restore:
        return QStringLiteral("restore");
    case NoteChange::Sync:
        return QStringLiteral("sync");
    case NoteChange::Backup:
        return QStringLiteral("backup");
    }
    return QStringLiteral("edit");
}

QString sql::keepReplacedNote(const QSqlDatabase &db, const QString &arxivId,
                              const QString &replacedText, const QString &when, const QString &by)
{
    if (replacedText.isEmpty())
        return {};
    QSqlQuery keep(db);
    keep.prepare(QStringLiteral("INSERT INTO note_history (arxiv_id, text, replaced_at,"
                                " replaced_by) VALUES (?,?,?,?)"));
    keep.addBindValue(arxivId);
    keep.addBindValue(replacedText);
    keep.addBindValue(when);
    keep.addBindValue(by);
    if (!keep.exec())
        return keep.lastError().text();
    QSqlQuery trim(db);
    trim.prepare(QStringLiteral("DELETE FROM note_history WHERE arxiv_id = ? AND id NOT IN"
                                " (SELECT id FROM note_history WHERE arxiv_id = ?"
                                " ORDER BY replaced_at DESC, id DESC LIMIT ?)"));
    trim.addBindValue(arxivId);
    trim.addBindValue(arxivId);
    trim.addBindValue(kNoteHistoryKept);
    return trim.exec() ? QString() : trim.lastError().text();
}

bool walkUserRows(Database &database, const UserRowsVisitor &visitor, QByteArray *fingerprint,
                  QString *error)
{
    sqlite3 *db = database.handle();
    if (!db) {
        if (error)
            *error = QStringLiteral("%1: no SQLite handle").arg(database.path());
        return false;
    }
    QSqlDatabase connection = database.connection();
    // One snapshot: a write between the reads must not split a paper's data.
    const bool ownTransaction = connection.transaction();
    auto finish = [&](const QString &problem, bool stopped = false) {
        if (ownTransaction)
            connection.rollback(); // read only: nothing to keep
        // The pass filled the connection's page cache with user rows nothing reads again
        // soon: tens of MB of resident memory at a million papers for the rest of the session.
        sqlite3_db_release_memory(db);
        if (!problem.isEmpty() && error)
            *error = QStringLiteral("%1: %2").arg(database.path(), problem);
        return problem.isEmpty() && !stopped;
    };
    Fingerprint hash;
    hash.add(QByteArrayView("paperboy-user-rows-2"));
    {
        // Issue #16: small lists (a reader dismisses hundreds, follows dozens). The walk goes in
        // the backup document's key order, so a backup can be streamed as it goes.
        RawQuery dismissals(db, "SELECT arxiv_id, dismissed, changed FROM user_dismissals"
                                " ORDER BY arxiv_id");
        for (; dismissals.more(); dismissals.advance()) {
            dismissals.hashRow(hash, 'd');
            if (visitor.dismissal &&
                !visitor.dismissal(
                    {dismissals.text(0), dismissals.integer(1) != 0, dismissals.text(2)}))
                return finish({}, true);
        }
        RawQuery follows(db, "SELECT name, followed, changed, name_key FROM user_follows"
                             " ORDER BY name_key");
        for (; follows.more(); follows.advance()) {
            follows.hashRow(hash, 'f');
            if (visitor.follow &&
                !visitor.follow({follows.text(0), follows.integer(1) != 0, follows.text(2)}))
                return finish({}, true);
        }
        RawQuery highlights(db, "SELECT arxiv_id, rule, added FROM user_highlights"
                                " ORDER BY arxiv_id, rule");
        for (; highlights.more(); highlights.advance()) {
            highlights.hashRow(hash, 'l');
            if (visitor.highlight &&
                !visitor.highlight({highlights.text(0), highlights.text(1), highlights.text(2)}))
                return finish({}, true);
        }
        if (const QString problem = firstError({&dismissals, &follows, &highlights});
            !problem.isEmpty())
            return finish(problem);
    }
    {
        RawQuery papers(db, "SELECT arxiv_id, starred, starred_changed, read, read_changed,"
                            " note, note_changed FROM user_papers ORDER BY arxiv_id");
        RawQuery tags(db, "SELECT arxiv_id, tag, added FROM user_tags ORDER BY arxiv_id, tag");
        RawQuery history(db, "SELECT arxiv_id, text, replaced_at, replaced_by FROM note_history"
                             " ORDER BY arxiv_id, replaced_at DESC, id DESC");
        RawQuery translations(db, "SELECT arxiv_id, language, title, abstract, changed FROM"
                                  " user_translations ORDER BY arxiv_id, language");
        const bool build = bool(visitor.paper);
        while (papers.more() || tags.more() || history.more() || translations.more()) {
            // SQLite orders ids by their bytes (BINARY): the merge compares the same way.
            QByteArray id;
            bool first = true;
            for (const RawQuery *q : {&papers, &tags, &history, &translations}) {
                if (q->more() && (first || q->bytes(0).compare(id) < 0))
                    id = q->bytes(0).toByteArray();
                first = first && !q->more();
            }
            UserPaperRows paper;
            if (build)
                paper.id = QString::fromUtf8(id);
            if (papers.more() && papers.bytes(0) == id) {
                papers.hashRow(hash, 'p');
                if (build) {
                    paper.starred = papers.integer(1) != 0;
                    paper.starredChanged = papers.text(2);
                    paper.read = papers.integer(3) != 0;
                    paper.readChanged = papers.text(4);
                    if (!papers.isNull(5))
                        paper.note = papers.text(5);
                    paper.noteChanged = papers.text(6);
                }
                papers.advance();
            }
            for (; tags.more() && tags.bytes(0) == id; tags.advance()) {
                tags.hashRow(hash, 't');
                if (build)
                    paper.tags.append({tags.text(1), tags.text(2)});
            }
            for (; history.more() && history.bytes(0) == id; history.advance()) {
                history.hashRow(hash, 'h');
                if (build)
                    paper.noteHistory.append({history.text(1), history.text(2), history.text(3)});
            }
            for (; translations.more() && translations.bytes(0) == id; translations.advance()) {
                translations.hashRow(hash, 'l');
                if (build)
                    paper.translations.append({translations.text(1), translations.text(2),
                                               translations.text(3), translations.text(4)});
            }
            if (build && !visitor.paper(std::move(paper)))
                return finish({}, true);
        }
        if (const QString problem = firstError({&papers, &tags, &history, &translations});
            !problem.isEmpty())
            return finish(problem);
    }
    {
        // Issue #21: added papers, then kept PDFs, between "papers" and "rules" as the document
        // sorts its keys.
        RawQuery added(db, "SELECT arxiv_id, added_at FROM user_added ORDER BY arxiv_id");
        for (; added.more(); added.advance()) {
            added.hashRow(hash, 'a');
            if (visitor.added && !visitor.added({added.text(0), added.text(1)}))
                return finish({}, true);
        }
        if (!added.error().isEmpty())
            return finish(added.error());
    }
    {
        // Issue #21: the papers whose PDF the reader keeps.
        RawQuery pdfs(db, "SELECT arxiv_id, coalesce(pages, -1), bytes, added_at FROM user_pdfs"
                          " ORDER BY arxiv_id");
        for (; pdfs.more(); pdfs.advance()) {
            pdfs.hashRow(hash, 'k');
            if (visitor.pdf &&
                !visitor.pdf({pdfs.text(0), int(pdfs.integer(1)), pdfs.integer(2), pdfs.text(3)}))
                return finish({}, true);
        }
        if (!pdfs.error().isEmpty())
            return finish(pdfs.error());
    }
    {
        RawQuery rules(db, "SELECT name, query, action, coalesce(argument, ''), created"
                           " FROM user_rules ORDER BY name");
        for (; rules.more(); rules.advance()) {
            rules.hashRow(hash, 'r');
            if (visitor.rule && !visitor.rule({rules.text(0), rules.text(1), rules.text(2),
                                               rules.text(3), rules.text(4)}))
                return finish({}, true);
        }
        if (!rules.error().isEmpty())
            return finish(rules.error());
    }
    {
        RawQuery searches(db, "SELECT name, query, created FROM saved_searches ORDER BY name");
        for (; searches.more(); searches.advance()) {
            searches.hashRow(hash, 's');
            if (visitor.search &&
                !visitor.search({searches.text(0), searches.text(1), searches.text(2)}))
                return finish({}, true);
        }
        if (!searches.error().isEmpty())
            return finish(searches.error());
    }
    {
        RawQuery trends(db, "SELECT name, queries, per, share, coalesce(from_day, ''),"
                            " coalesce(to_day, ''), created FROM user_saved_trends ORDER BY name");
        for (; trends.more(); trends.advance()) {
            trends.hashRow(hash, 'g');
            if (visitor.trend && !visitor.trend({trends.text(0), sql::splitList(trends.text(1)),
                                                 trends.text(2), trends.integer(3) != 0,
                                                 trends.text(4), trends.text(5), trends.text(6)}))
                return finish({}, true);
        }
        if (!trends.error().isEmpty())
            return finish(trends.error());
    }
    {
        RawQuery seen(db, "SELECT arxiv_id, version, seen_at FROM user_seen_versions"
                          " ORDER BY arxiv_id");
        for (; seen.more(); seen.advance()) {
            seen.hashRow(hash, 'v');
            if (visitor.seen && !visitor.seen({seen.text(0), int(seen.integer(1)), seen.text(2)}))
                return finish({}, true);
        }
        if (!seen.error().isEmpty())
            return finish(seen.error());
    }
    if (fingerprint)
        *fingerprint = hash.result();
    return finish({});
}

UserRowsWriter::~UserRowsWriter()
{
    m_prepared.clear();
    if (m_open)
        m_database.connection().rollback();
}

QSqlQuery &UserRowsWriter::prepared(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql); // a failed prepare is reported by exec()
        it = m_prepared.emplace(sql, query).first;
    }
    return it->second;
}

void UserRowsWriter::finishPrepared()
{
    for (auto &[sql, query] : m_prepared)
        query.finish();
}

bool UserRowsWriter::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool UserRowsWriter::begin()
{
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    if (const QString error = Database::beginWrite(m_database.connection()); !error.isEmpty())
        return fail(error);
    m_open = true;
    return true;
}

bool UserRowsWriter::commit()
{
    finishPrepared();
    QSqlDatabase db = m_database.connection();
    if (!db.commit())
        return fail(db.lastError().text());
    m_open = false;
    return true;
}

bool UserRowsWriter::readPaper(const QString &id, std::optional<UserPaperRows> *row)
{
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT starred, starred_changed, read, read_changed, note,"
                                " note_changed FROM user_papers WHERE arxiv_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (!q.next())
        return true;
    UserPaperRows paper;
    paper.id = id;
    paper.starred = q.value(0).toInt() != 0;
    paper.starredChanged = q.value(1).toString();
    paper.read = q.value(2).toInt() != 0;
    paper.readChanged = q.value(3).toString();
    if (!q.value(4).isNull())
        paper.note = q.value(4).toString();
    paper.noteChanged = q.value(5).toString();
    *row = std::move(paper);
    return true;
}

bool UserRowsWriter::hasTags(const QString &id, bool *found)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT 1 FROM user_tags WHERE arxiv_id = ? LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    *found = q.next();
    return true;
}

bool UserRowsWriter::hasTranslations(const QString &id, bool *found)
{
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT 1 FROM user_translations WHERE arxiv_id = ? LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    *found = q.next();
    return true;
}

bool UserRowsWriter::readTranslation(const QString &id, const QString &language,
                                     std::optional<UserTranslationRow> *row)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT title, abstract, changed FROM user_translations"
                                           " WHERE arxiv_id = ? AND language = ?"));
    q.addBindValue(id);
    q.addBindValue(language);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = UserTranslationRow{language, q.value(0).toString(), q.value(1).toString(),
                                  q.value(2).toString()};
    return true;
}

bool UserRowsWriter::writeTranslation(const QString &id, const UserTranslationRow &row)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO user_translations (arxiv_id, language, title, abstract, changed)"
        " VALUES (?,?,?,?,?) ON CONFLICT (arxiv_id, language) DO UPDATE SET"
        " title = excluded.title, abstract = excluded.abstract, changed = excluded.changed"));
    q.addBindValue(id);
    q.addBindValue(row.language);
    q.addBindValue(sql::textOrNull(row.title));
    q.addBindValue(sql::textOrNull(row.abstract));
    q.addBindValue(row.changed);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::writePaperState(const UserPaperRows &row, bool exists,
                                     const QString &previousNote, NoteChange by,
                                     const QString &when)
{
    QSqlDatabase db = m_database.connection();
    if (row.note.value_or(QString()) != previousNote) {
        if (const QString error =
                sql::keepReplacedNote(db, row.id, previousNote, when, noteChangeName(by));
            !error.isEmpty())
            return fail(error);
    }
    QSqlQuery &q =
        prepared(exists ? QStringLiteral("UPDATE user_papers SET starred = ?, starred_changed = ?,"
                                         " read = ?, read_changed = ?, note = ?, note_changed = ?"
                                         " WHERE arxiv_id = ?")
                        : QStringLiteral("INSERT INTO user_papers (starred, starred_changed, read,"
                                         " read_changed, note, note_changed, arxiv_id)"
                                         " VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(row.starred ? 1 : 0);
    q.addBindValue(sql::textOrNull(row.starredChanged));
    q.addBindValue(row.read ? 1 : 0);
    q.addBindValue(sql::textOrNull(row.readChanged));
    q.addBindValue(row.note ? QVariant(*row.note) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(sql::textOrNull(row.noteChanged));
    q.addBindValue(row.id);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::addTag(const QString &id, const UserTagRow &tag, bool *added)
{
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added) VALUES (?,?,?)"
                                " ON CONFLICT DO NOTHING"));
    q.addBindValue(id);
    q.addBindValue(tag.tag);
    q.addBindValue(tag.added);
    if (!q.exec())
        return fail(q.lastError().text());
    *added = q.numRowsAffected() > 0;
    return true;
}

bool UserRowsWriter::addNoteVersion(const QString &id, const NoteHistoryRow &version, bool *added)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT 1 FROM note_history WHERE arxiv_id = ? AND replaced_at = ?"
                                " AND replaced_by = ? AND text = ?"));
    q.addBindValue(id);
    q.addBindValue(version.replacedAt);
    q.addBindValue(version.by);
    q.addBindValue(version.text);
    if (!q.exec())
        return fail(q.lastError().text());
    *added = !q.next();
    if (!*added)
        return true;
    const QString error =
        sql::keepReplacedNote(db, id, version.text, version.replacedAt, version.by);
    return error.isEmpty() || fail(error);
}

bool UserRowsWriter::readSavedSearch(const QString &name, std::optional<SavedSearchRow> *row)
{
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT query, created FROM saved_searches WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = SavedSearchRow{name, q.value(0).toString(), q.value(1).toString()};
    return true;
}

bool UserRowsWriter::writeSavedSearch(const SavedSearchRow &row, bool exists)
{
    QSqlQuery &q =
        prepared(exists ? QStringLiteral("UPDATE saved_searches SET query = ?, created = ?"
                                         " WHERE name = ?")
                        : QStringLiteral("INSERT INTO saved_searches (query, created, name)"
                                         " VALUES (?,?,?)"));
    q.addBindValue(row.query);
    q.addBindValue(row.created);
    q.addBindValue(row.name);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::mergeSeenVersion(const SeenVersionRow &row, bool *taken)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO user_seen_versions (arxiv_id, version, seen_at) VALUES (?,?,?)"
                       " ON CONFLICT(arxiv_id) DO UPDATE SET version = excluded.version,"
                       " seen_at = excluded.seen_at WHERE excluded.version > version"));
    q.addBindValue(row.id);
    q.addBindValue(row.version);
    q.addBindValue(row.seenAt);
    if (!q.exec())
        return fail(q.lastError().text());
    *taken = q.numRowsAffected() > 0;
    return true;
}

} // namespace paperboy
