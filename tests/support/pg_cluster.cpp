#include "pg_cluster.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

namespace paperboy::test {

namespace {

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// chown -R to the postgres user: the server refuses a data folder it does not own.
bool giveToPostgres(const QString &path, QString *error)
{
    const passwd *user = ::getpwnam("postgres");
    if (!user) {
        *error = QStringLiteral("running as root, but there is no 'postgres' system user");
        return false;
    }
    if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0) {
        *error = QStringLiteral("cannot give %1 to the postgres user").arg(path);
        return false;
    }
    return true;
}

} // namespace

PgCluster::PgCluster() : m_dir(QDir::tempPath() + QStringLiteral("/pbsync-XXXXXX")) {}

PgCluster::~PgCluster()
{
    if (m_running) {
        QString ignored;
        stop(false, &ignored);
    }
}

QString PgCluster::binaries(QString *why)
{
    const QString dir = QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("PAPERBOY_PG_BIN"), QStringLiteral("/usr/lib/postgresql/15/bin"));
    for (const char *tool : {"initdb", "pg_ctl", "psql", "postgres"}) {
        const QFileInfo program(dir + QLatin1Char('/') + QLatin1String(tool));
        if (!program.isExecutable()) {
            *why = QStringLiteral("%1 is missing (install postgresql-15, or set PAPERBOY_PG_BIN)")
                       .arg(program.filePath());
            return {};
        }
    }
    return dir;
}

QString PgCluster::dataDir() const
{
    return m_dir.path() + QStringLiteral("/data");
}

QString PgCluster::url(const QString &role, bool withPassword) const
{
    return QStringLiteral("postgresql://%1%2@127.0.0.1:%3/paperboy")
        .arg(role, withPassword ? QLatin1Char(':') + password(role) : QString())
        .arg(m_port);
}

bool PgCluster::run(const QString &program, const QStringList &arguments, QString *out,
                    QString *error, const QByteArray &password)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(password));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    const QString path = m_bin + QLatin1Char('/') + program;
    // The server's programs refuse root; psql as a role over TCP does not care who runs it.
    if (runningAsRoot() && program != QLatin1String("psql"))
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), path} +
                          arguments);
    else
        process.start(path, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(program, arguments.join(QLatin1Char(' ')),
                          QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool PgCluster::create(QString *error)
{
    m_bin = binaries(error);
    if (m_bin.isEmpty())
        return false;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    if (runningAsRoot() && !giveToPostgres(m_dir.path(), error))
        return false;
    // TLS with the tests' certificate for 127.0.0.1 (tests/data/tls): the server refuses a
    // key others may read.
    for (const char *name : {"localhost.crt", "localhost.key"}) {
        const QString copy = m_dir.filePath(QString::fromLatin1(name));
        if (!QFile::copy(QStringLiteral(PAPERBOY_TEST_DATA "/tls/") + QString::fromLatin1(name),
                         copy) ||
            !QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner) ||
            (runningAsRoot() && !giveToPostgres(copy, error))) {
            if (error->isEmpty())
                *error = QStringLiteral("cannot copy %1").arg(copy);
            return false;
        }
    }
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
              QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale"),
              QStringLiteral("--no-sync")},
             nullptr, error))
        return false;
    m_port = freePort();
    if (!start(error))
        return false;
    return createRole(QStringLiteral("paperboy_owner"), error) &&
           psqlSuper(QStringLiteral("postgres"),
                     QStringLiteral("CREATE DATABASE paperboy OWNER paperboy_owner"), nullptr,
                     error);
}

bool PgCluster::start(QString *error)
{
    const QString options =
        QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on"
                       " -c ssl_cert_file=%2/localhost.crt -c ssl_key_file=%2/localhost.key")
            .arg(m_port)
            .arg(m_dir.path());
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
              m_dir.path() + QStringLiteral("/server.log"), QStringLiteral("-w"),
              QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
              QStringLiteral("start")},
             nullptr, error))
        return false;
    m_running = true;
    return true;
}

bool PgCluster::stop(bool immediate, QString *error)
{
    const bool ok = run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                         immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                         QStringLiteral("-w"), QStringLiteral("stop")},
                        nullptr, error);
    if (ok)
        m_running = false;
    return ok;
}

bool PgCluster::createRole(const QString &role, QString *error)
{
    // Roles belong to the cluster: the maintenance database serves before `paperboy` exists.
    return psqlSuper(QStringLiteral("postgres"),
                     QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password(role)),
                     nullptr, error);
}

bool PgCluster::psqlAdmin(const QString &sql, QString *out, QString *error)
{
    return psqlSuper(QStringLiteral("paperboy"), sql, out, error);
}

bool PgCluster::psqlSuper(const QString &database, const QString &sql, QString *out, QString *error)
{
    return run(QStringLiteral("psql"),
               {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), database,
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-Atc"),
                sql},
               out, error);
}

bool PgCluster::psqlAs(const QString &role, const QString &sql, QString *out, QString *error)
{
    return run(QStringLiteral("psql"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port), QStringLiteral("-U"), role, QStringLiteral("-d"),
                QStringLiteral("paperboy"), QStringLiteral("-w"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-Atc"), sql},
               out, error, password(role).toUtf8());
}

std::unique_ptr<QProcess> PgCluster::openPsql(const QString &role)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), password(role));
    process->setProcessEnvironment(env);
    process->start(m_bin + QStringLiteral("/psql"),
                   {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(m_port), QStringLiteral("-U"), role, QStringLiteral("-d"),
                    QStringLiteral("paperboy"), QStringLiteral("-w"), QStringLiteral("-At")});
    return process;
}

} // namespace paperboy::test
