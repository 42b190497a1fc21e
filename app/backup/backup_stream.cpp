#include "backup/backup_stream.h"

#include <QSqlDatabase>

#include <cstring>
#include <sqlite3.h>

namespace paperboy {

namespace {

class Fingerprint;

// Raw statements: values are hashed as SQLite holds them, and converted only when written.
class RawQuery
{
public:
    RawQuery(sqlite3 *db, const char *sql) : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
    }
    ~RawQuery() { sqlite3_finalize(m_stmt); }
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;

    bool next()
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
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
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

// Escapes as Qt's JSON writer does: UTF-8 as is, the two JSON specials and control
// characters escaped, unpaired surrogates as \uXXXX.
void appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            switch (u) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (u < 0x20) {
                    const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
                    out.append(escaped, sizeof escaped);
                } else {
                    out.append(char(u));
                }
            }
        } else if (u < 0x800) {
            out.append(char(0xc0 | (u >> 6))).append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && i + 1 < size &&
                   QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t c = QChar::surrogateToUcs4(u, text[++i].unicode());
            out.append(char(0xf0 | (c >> 18)))
                .append(char(0x80 | ((c >> 12) & 0x3f)))
                .append(char(0x80 | ((c >> 6) & 0x3f)))
                .append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isSurrogate(u)) {
            const char escaped[] = {
                '\\', 'u', hex[u >> 12], hex[(u >> 8) & 0xf], hex[(u >> 4) & 0xf], hex[u & 0xf]};
            out.append(escaped, sizeof escaped);
        } else {
            out.append(char(0xe0 | (u >> 12)))
                .append(char(0x80 | ((u >> 6) & 0x3f)))
                .append(char(0x80 | (u & 0x3f)));
        }
    }
    out.append('"');
}

void appendTextOrNull(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out.append("null");
    else
        appendString(out, text);
}

void appendPaper(QByteArray &out, const BackupPaper &paper)
{
    // Keys in QJsonObject's (sorted) order, indented as inside "papers".
    out.append("        {\n            \"id\": ");
    appendString(out, paper.id);
    out.append(",\n            \"note\": ");
    if (paper.note)
        appendString(out, *paper.note);
    else
        out.append("null");
    out.append(",\n            \"note_changed\": ");
    appendTextOrNull(out, paper.noteChanged);
    out.append(",\n            \"read\": ").append(paper.read ? "true" : "false");
    out.append(",\n            \"read_changed\": ");
    appendTextOrNull(out, paper.readChanged);
    out.append(",\n            \"starred\": ").append(paper.starred ? "true" : "false");
    out.append(",\n            \"starred_changed\": ");
    appendTextOrNull(out, paper.starredChanged);
    out.append(",\n            \"tags\": [\n");
    for (qsizetype t = 0; t < paper.tags.size(); ++t) {
        out.append("                {\n                    \"added\": ");
        appendString(out, paper.tags.at(t).added);
        out.append(",\n                    \"tag\": ");
        appendString(out, paper.tags.at(t).tag);
        out.append(t + 1 < paper.tags.size() ? "\n                },\n" : "\n                }\n");
    }
    out.append("            ]\n        }");
}

void appendSearch(QByteArray &out, const BackupSearch &search)
{
    out.append("        {\n            \"created\": ");
    appendString(out, search.created);
    out.append(",\n            \"name\": ");
    appendString(out, search.name);
    out.append(",\n            \"query\": ");
    appendString(out, search.query);
    out.append("\n        }");
}

// Writes in large pieces; remembers the first failure.
class Output
{
public:
    explicit Output(QIODevice *device) : m_device(device) {}

    QByteArray &buffer() { return m_buffer; }
    bool flushIfFull() { return m_buffer.size() < (256 << 10) || flush(); }
    bool flush()
    {
        if (m_device && !m_buffer.isEmpty() && m_device->write(m_buffer) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_failed = false;
};

// One pass over the user data in backup order: papers by id (user_papers and user_tags
// merged on their primary keys, so nothing is sorted or held), then saved searches by name.
// Hashes every row; with `out`, also writes the document.
bool walkUserData(Database &database, Fingerprint &hash, Output *out, const QString &created,
                  BackupData *written, QString *error)
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
    auto finish = [&](const QString &problem) {
        if (ownTransaction)
            connection.rollback(); // read only: nothing to keep
        // The pass filled the connection's page cache with user rows nothing reads again
        // soon: tens of MB of resident memory at a million papers for the rest of the session.
        sqlite3_db_release_memory(db);
        if (!problem.isEmpty() && error)
            *error = QStringLiteral("%1: %2").arg(database.path(), problem);
        return problem.isEmpty();
    };
    hash.add(QByteArrayView("paperboy-backup-1"));
    if (out) {
        out->buffer().append("{\n    \"created\": ");
        appendTextOrNull(out->buffer(), created);
        out->buffer()
            .append(",\n    \"format\": \"")
            .append(kBackupFormatName)
            .append("\",\n    \"papers\": [\n");
    }
    {
        RawQuery papers(db, "SELECT arxiv_id, starred, starred_changed, read, read_changed,"
                            " note, note_changed FROM user_papers ORDER BY arxiv_id");
        RawQuery tags(db, "SELECT arxiv_id, tag, added FROM user_tags ORDER BY arxiv_id, tag");
        if (!papers.error().isEmpty() || !tags.error().isEmpty())
            return finish(papers.error().isEmpty() ? tags.error() : papers.error());
        bool morePapers = papers.next();
        bool moreTags = tags.next();
        qsizetype count = 0;
        while (morePapers || moreTags) {
            // SQLite orders ids by their bytes (BINARY): the merge compares the same way.
            const bool paperFirst =
                morePapers && (!moreTags || papers.bytes(0).compare(tags.bytes(0)) <= 0);
            const QByteArray id = (paperFirst ? papers.bytes(0) : tags.bytes(0)).toByteArray();
            BackupPaper paper;
            const bool build = out || written;
            if (build)
                paper.id = QString::fromUtf8(id);
            if (morePapers && papers.bytes(0) == id) {
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
                morePapers = papers.next();
            }
            while (moreTags && tags.bytes(0) == id) {
                tags.hashRow(hash, 't');
                if (build)
                    paper.tags.append({tags.text(1), tags.text(2)});
                moreTags = tags.next();
            }
            if (out) {
                if (count > 0)
                    out->buffer().append(",\n");
                appendPaper(out->buffer(), paper);
                if (!out->flushIfFull())
                    return finish(QStringLiteral("cannot write the backup"));
            }
            ++count;
            if (written)
                written->papers.append(std::move(paper));
        }
        if (!papers.error().isEmpty() || !tags.error().isEmpty())
            return finish(papers.error().isEmpty() ? tags.error() : papers.error());
        if (out)
            out->buffer().append(count > 0 ? "\n    ],\n" : "    ],\n");
    }
    if (out)
        out->buffer().append("    \"saved_searches\": [\n");
    {
        RawQuery searches(db, "SELECT name, query, created FROM saved_searches ORDER BY name");
        qsizetype count = 0;
        while (searches.next()) {
            searches.hashRow(hash, 's');
            const BackupSearch search{searches.text(0), searches.text(1), searches.text(2)};
            if (out) {
                if (count > 0)
                    out->buffer().append(",\n");
                appendSearch(out->buffer(), search);
            }
            ++count;
            if (written)
                written->savedSearches.append(search);
        }
        if (!searches.error().isEmpty())
            return finish(searches.error());
        if (out)
            out->buffer().append(count > 0 ? "\n    ],\n" : "    ],\n");
    }
    if (out) {
        out->buffer()
            .append("    \"version\": ")
            .append(QByteArray::number(kBackupFormatVersion))
            .append("\n}\n");
        if (!out->flush())
            return finish(QStringLiteral("cannot write the backup"));
    }
    return finish({});
}

} // namespace

std::optional<QByteArray> userDataFingerprint(Database &database, QString *error)
{
    Fingerprint hash;
    if (!walkUserData(database, hash, nullptr, {}, nullptr, error))
        return std::nullopt;
    return hash.result();
}

bool streamBackup(Database &database, QIODevice &device, const QString &created, QString *error,
                  QByteArray *fingerprint, BackupData *written)
{
    Fingerprint hash;
    Output out(&device);
    if (written) {
        *written = BackupData();
        written->created = created;
    }
    if (!walkUserData(database, hash, &out, created, written, error))
        return false;
    if (fingerprint)
        *fingerprint = hash.result();
    return true;
}

} // namespace paperboy
