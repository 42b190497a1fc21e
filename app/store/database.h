#pragma once

// Opens a Paperboy database file: pragmas, schema version check, numbered migrations.
// One Database object owns one named QSqlDatabase connection, to be used on one thread.

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace paperboy {

class SqliteStatement;

class Database
{
public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating when needed) and migrates. On failure returns false and error() says why,
    // naming the file. A database from a newer Paperboy is refused without being written.
    bool open(const QString &path, Mode mode = Mode::ReadWrite);
    // Told, on the opening thread, just before an existing library is upgraded: rebuilding a
    // large search index takes minutes, and the window must say why it is not ready yet.
    void setUpgradeListener(std::function<void(int fromVersion, int toVersion)> listener)
    {
        m_upgradeListener = std::move(listener);
    }
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    QString error() const { return m_error; }
    // Set when a read-write open fell back to read-only (the file or folder is not writable).
    QString notice() const { return m_notice; }
    QSqlDatabase connection() const { return m_db; }
    sqlite3 *handle() const;

    int schemaVersion() const;
    static int latestSchemaVersion();

    // Where a pre-migration copy of `path` at `version` is kept.
    static QString backupPathFor(const QString &path, int version);

    // Runs a script of several statements (migrations, bulk pragmas).
    bool execScript(const QString &sql);

    // A raw prepared statement for hot paths, prepared once per connection and finalized
    // when the connection closes (so no statement outlives the handle). Reset before use.
    SqliteStatement &cachedStatement(const QString &sql);

    // Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE), waiting
    // up to the busy timeout for another process's write to end. QSqlDatabase::transaction()
    // is a deferred BEGIN: once it has read, SQLite cannot wait for the lock without risking
    // a deadlock, so the write fails at once with "database is locked" whenever another
    // process writes at the same time. Returns the error, empty on success; end with
    // QSqlDatabase::commit() or rollback().
    static QString beginWrite(const QSqlDatabase &db);

    static QString defaultPath();

private:
    // How long a write waits for another process's write before failing "database is
    // locked"; an upgrade waits for another process's upgrade instead, however long.
    static constexpr int kBusyTimeoutMs = 10000;
    static constexpr int kUpgradeWaitMs = 60 * 60 * 1000;

    bool checkVersionIsKnown();
    bool configure();
    bool migrate();
    bool migrateLocked();
    bool backUpBeforeUpgrade(int version);

    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_statements;
    QString m_connectionName;
    QString m_path;
    QString m_error;
    QString m_notice;
    bool m_readOnly = false;
    std::function<void(int, int)> m_upgradeListener;
};

} // namespace paperboy
