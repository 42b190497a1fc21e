#pragma once

// A throwaway PostgreSQL 15 cluster for sync tests (issue #20): initdb in a temporary folder,
// the server on 127.0.0.1 at a free port (and a Unix socket in the same folder), stopped and
// deleted with the object. Run as root, every server program runs as the `postgres` system
// user (runuser), which owns the folder. Passwords are checked (scram-sha-256) over TCP, with
// TLS on (tests/data/tls's certificate for 127.0.0.1); the socket trusts the superuser, which
// only the test's own set-up uses.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace paperboy::test {

class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // The binaries' folder (PAPERBOY_PG_BIN, else Debian's /usr/lib/postgresql/15/bin); empty
    // with `why` when initdb, pg_ctl or psql is missing.
    static QString binaries(QString *why);

    // initdb, start, then a database `paperboy` owned by a plain role `paperboy_owner`.
    bool create(QString *error);
    bool start(QString *error);
    // immediate: the way a crash or a pulled cable ends it (no goodbye to the clients).
    bool stop(bool immediate, QString *error);
    bool running() const { return m_running; }

    int port() const { return m_port; }
    static QString password(const QString &role) { return role + QStringLiteral("-secret"); }
    // postgresql://role:password@127.0.0.1:port/paperboy
    QString url(const QString &role, bool withPassword = true) const;

    // A login role with password(role), no other rights.
    bool createRole(const QString &role, QString *error);
    // psql -Atc as the superuser over the socket / as `role` over TCP with its password; the
    // output in `out` (rows '|'-separated, one per line); false with `error`.
    bool psqlAdmin(const QString &sql, QString *out, QString *error);
    bool psqlAs(const QString &role, const QString &sql, QString *out, QString *error);
    // psql as `role` left open on its standard input (for a transaction held across a test).
    std::unique_ptr<QProcess> openPsql(const QString &role);

private:
    bool run(const QString &program, const QStringList &arguments, QString *out, QString *error,
             const QByteArray &password = {});
    bool psqlSuper(const QString &database, const QString &sql, QString *out, QString *error);
    QString dataDir() const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
};

} // namespace paperboy::test
