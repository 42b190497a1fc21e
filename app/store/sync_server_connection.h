#pragma once

// A connection to a sync server (issue #20): PostgreSQL through Qt's QPSQL driver.
// postgresql://user:password@host:port/database?sslmode=verify-full&sslrootcert=... (also
// postgres://). Without a password in the URL, libpq takes PGPASSWORD or ~/.pgpass, as psql
// does. Query parameters are libpq's connection options and pass through as given.

#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace paperboy::sync {

struct ServerAddress
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QMap<QString, QString> options; // sslmode, sslrootcert, connect_timeout, ...

    // "user@host:port/database": for messages, never with the password.
    QString display() const;
    // Parses a postgresql:// URL; nullopt with `error` naming what is wrong.
    static std::optional<ServerAddress> parse(const QString &url, QString *error);
};

// The environment variable holding the server URL when --server is not given.
inline constexpr char kSyncUrlVariable[] = "PAPERBOY_SYNC_URL";

// One named QPSQL connection, closed and removed with the object. Not copyable; one thread.
class ServerConnection
{
public:
    ServerConnection() = default;
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    // Connects (10 s connect timeout unless the URL sets one). On failure returns false and
    // error() names the server and says why.
    bool open(const ServerAddress &address);
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    QString error() const { return m_error; }
    QString display() const { return m_display; }

    // Runs one statement; false with error() set (naming the server) on failure.
    bool exec(const QString &sql);
    // Sets error() from `what` and returns false.
    bool fail(const QString &what);

private:
    QString m_name;
    QString m_display;
    QString m_error;
};

} // namespace paperboy::sync
