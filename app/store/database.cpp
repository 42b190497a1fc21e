#include "database.h"

#include "core/author_names.h"
#include "core/data_folder.h"
#include "store/sqlite_statement.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include <map>
#include <sqlite3.h>

namespace paperboy {

namespace {

QAtomicInt connectionCounter;

// Numbered migration scripts from the resource, keyed by version.
std::map<int, QString> migrationScripts()
{
    std::map<int, QString> scripts;
    static const QRegularExpression numbered(QStringLiteral(R"(^(\d+)_.*\.sql$)"));
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = numbered.match(name);
        if (match.hasMatch())
            scripts.emplace(match.captured(1).toInt(), dir.filePath(name));
    }
    return scripts;
}

// paperboy_author_keys(authors): the folded names (core/author_names.h) of a U+001F-separated
// author list, each between U+001F marks, so is:followed tests a folded name with instr().
void authorKeys(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const QString authors = QString::fromUtf8(text, sqlite3_value_bytes(arguments[0]));
    QString keys(QChar(0x1f));
    for (const QString &name : authors.split(QChar(0x1f)))
        keys += foldAuthorName(name) + QChar(0x1f);
    const QByteArray utf8 = keys.toUtf8();
    sqlite3_result_text(context, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

} // namespace

Database::~Database()
{
    close();
}

QString Database::defaultPath()
{
    const QString name = QStringLiteral("paperboy.sqlite");
    const QString current = QDir(dataFolder()).filePath(name);
    // A library adoptLegacyDataFolder() left where it was (it was open) is still the user's.
    const QString legacy = QDir(legacyDataFolder()).filePath(name);
    return !QFileInfo::exists(current) && QFileInfo::exists(legacy) ? legacy : current;
}

int Database::latestSchemaVersion()
{
    const auto scripts = migrationScripts();
    return scripts.empty() ? 0 : scripts.rbegin()->first;
}

QString Database::backupPathFor(const QString &path, int version)
{
    return path + QStringLiteral(".before-migration-from-v") + QString::number(version);
}

bool Database::open(const QString &path, Mode mode)
{
    close();
    m_path = path;
    m_readOnly = mode == Mode::ReadOnly;
    m_notice.clear();
    const QFileInfo info(path);
    if (m_readOnly && !info.exists()) {
        m_error = QStringLiteral("%1: no such database").arg(path);
        return false;
    }
    if (!m_readOnly && !info.exists() && !QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("%1: cannot create folder %2").arg(path, info.absolutePath());
        return false;
    }
    // A library the user may not change (a read-only file, folder or mount) still opens for
    // reading; every write then fails saying it is open read-only.
    if (!m_readOnly && info.exists() &&
        (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())) {
        m_readOnly = true;
        m_notice = QStringLiteral("%1 is read-only (the file or its folder cannot be written): "
                                  "opened for reading, changes cannot be saved")
                       .arg(path);
    }
    auto connectTo = [this](const QString &name, const QString &extraOptions) {
        close();
        m_connectionName =
            QStringLiteral("paperboy-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(name);
        QString options =
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs) + extraOptions;
        if (m_readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        m_db.setConnectOptions(options);
        return m_db.open();
    };
    if (!connectTo(path, QString())) {
        m_error = QStringLiteral("%1: cannot open database: %2").arg(path, m_db.lastError().text());
        close();
        return false;
    }
    // SQLite reads a WAL library through a -shm file beside it; in a read-only folder or mount
    // none can be created. Without a -wal file there is nothing newer than the file itself, so
    // it is read as an unchanging file.
    if (m_readOnly && schemaVersion() < 0 && !QFileInfo::exists(path + QStringLiteral("-wal")) &&
        !connectTo(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                       QStringLiteral("?immutable=1"),
                   QStringLiteral(";QSQLITE_OPEN_URI"))) {
        m_error = QStringLiteral("%1: cannot open database: %2").arg(path, m_db.lastError().text());
        close();
        return false;
    }
    // Refuse a newer schema before any pragma writes to the file (WAL mode changes its header).
    if (!checkVersionIsKnown() || !configure() || !migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_statements.clear(); // finalized before the handle goes
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

sqlite3 *Database::handle() const
{
    const QVariant v = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.data());
}

bool Database::execScript(const QString &sql)
{
    sqlite3 *db = handle();
    if (!db) {
        m_error = QStringLiteral("%1: no SQLite handle").arg(m_path);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        m_error = QStringLiteral("%1: %2").arg(
            m_path, QString::fromUtf8(message ? message : sqlite3_errstr(rc)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

QString Database::beginWrite(const QSqlDatabase &db)
{
    QSqlQuery begin(db);
    if (begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return {};
    const QString error = begin.lastError().text();
    return error.isEmpty() ? QStringLiteral("cannot begin a transaction") : error;
}

SqliteStatement &Database::cachedStatement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.insert(sql, std::make_shared<SqliteStatement>(handle(), sql));
    SqliteStatement &statement = *it.value();
    statement.reset();
    return statement;
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Database::configure()
{
    // WAL lets the window read while the writer thread stores a fetch. synchronous = FULL
    // syncs the log at every commit: NORMAL survives a crash of the application but not of
    // the machine, and a star or a note the window called saved must outlive a power loss.
    // The price is one fsync per transaction: nothing for an import of thousands of papers,
    // and within the budget of one user write (benchmark: star and note writes).
    // Only the writer maps the file (imports were tuned with it). A reader browsing a 5 GB
    // library kept every page it had read through the 256 MB map resident: 68 MB of the
    // window's RSS after 100 days. Reading those pages through the capped page cache
    // instead switched days as fast (~11 ms of CPU either way).
    QString pragmas = QStringLiteral("PRAGMA foreign_keys = ON;"
                                     "PRAGMA temp_store = MEMORY;"
                                     "PRAGMA cache_size = -32000;");
    if (!m_readOnly)
        pragmas += QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                  "PRAGMA mmap_size = 268435456;");
    if (sqlite3_create_function_v2(handle(), "paperboy_author_keys", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &authorKeys,
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
        m_error = QStringLiteral("%1: cannot register paperboy_author_keys").arg(m_path);
        return false;
    }
    return execScript(pragmas);
}

bool Database::checkVersionIsKnown()
{
    const int current = schemaVersion();
    const int latest = latestSchemaVersion();
    if (current < 0) {
        m_error =
            QStringLiteral("%1: not a Paperboy database (not SQLite, or unreadable)").arg(m_path);
        return false;
    }
    if (current > latest) {
        m_error = QStringLiteral("%1 was written by a newer Paperboy (schema version %2; this "
                                 "version understands up to %3). It was not changed. Please "
                                 "update Paperboy.")
                      .arg(m_path)
                      .arg(current)
                      .arg(latest);
        return false;
    }
    return true;
}

bool Database::migrate()
{
    // checkVersionIsKnown() has ruled out unreadable files and newer schemas.
    if (schemaVersion() == latestSchemaVersion())
        return true;
    if (m_readOnly) {
        m_error = QStringLiteral("%1 needs an upgrade (schema version %2 to %3) but is open "
                                 "read-only")
                      .arg(m_path)
                      .arg(schemaVersion())
                      .arg(latestSchemaVersion());
        return false;
    }
    // The version is read again inside the write transaction: another process may have
    // upgraded the file since the read above (two windows, or a window and a command, started
    // at once), and running its migrations a second time would fail or, worse, apply twice.
    // Another upgrade holds the lock for as long as it runs (minutes on a large library), so
    // this waits for it rather than failing after the usual busy timeout.
    sqlite3 *db = handle();
    if (db)
        sqlite3_busy_timeout(db, kUpgradeWaitMs);
    const bool begun = execScript(QStringLiteral("BEGIN IMMEDIATE"));
    if (db)
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
    if (!begun) {
        m_error = QStringLiteral("cannot upgrade: %1").arg(m_error);
        return false;
    }
    const bool ok = migrateLocked();
    if (!ok) {
        const QString error = m_error;
        execScript(QStringLiteral("ROLLBACK"));
        m_error = error;
        return false;
    }
    return execScript(QStringLiteral("COMMIT"));
}

// Inside BEGIN IMMEDIATE: no other connection can change the file until COMMIT.
bool Database::migrateLocked()
{
    const int current = schemaVersion();
    const int latest = latestSchemaVersion();
    if (current == latest)
        return true; // upgraded by another process while this one waited
    if (current < 0 || current > latest)
        return checkVersionIsKnown();
    if (current > 0 && m_upgradeListener)
        m_upgradeListener(current, latest);
    if (current > 0 && !backUpBeforeUpgrade(current))
        return false;
    const auto scripts = migrationScripts();
    for (const auto &[version, file] : scripts) {
        if (version <= current)
            continue;
        QFile script(file);
        if (!script.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("cannot read migration %1").arg(file);
            return false;
        }
        const QString sql = QString::fromUtf8(script.readAll()) +
                            QStringLiteral(";\nPRAGMA user_version = %1;").arg(version);
        if (!execScript(sql)) {
            m_error = QStringLiteral("migration to schema version %1 failed: %2")
                          .arg(version)
                          .arg(m_error);
            return false;
        }
    }
    return true;
}

// A copy of the user's library before we change its shape: the upgrade path is the one place
// where a bug of ours could lose years of notes. VACUUM cannot run inside a transaction, so a
// second connection copies the file while this one holds the write lock: the copy is exactly
// the library being upgraded, and no other upgrade can write the same copy at the same time.
bool Database::backUpBeforeUpgrade(int version)
{
    const QString backup = backupPathFor(m_path, version);
    QFile::remove(backup);
    sqlite3 *copier = nullptr;
    int rc = sqlite3_open_v2(m_path.toUtf8().constData(), &copier, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(copier, kBusyTimeoutMs);
        QString escaped = backup;
        escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
        rc = sqlite3_exec(copier,
                          QStringLiteral("VACUUM INTO '%1'").arg(escaped).toUtf8().constData(),
                          nullptr, nullptr, nullptr);
    }
    const QString why = QString::fromUtf8(copier ? sqlite3_errmsg(copier) : sqlite3_errstr(rc));
    sqlite3_close(copier);
    if (rc != SQLITE_OK) {
        QFile::remove(backup);
        m_error = QStringLiteral("cannot back up before upgrading: %1: %2").arg(backup, why);
        return false;
    }
    return true;
}

} // namespace paperboy
