#include "store/sync_server_connection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace paperboy::sync {

QString ServerAddress::display() const
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(user.isEmpty() ? QStringLiteral("(default user)") : user,
             host.isEmpty() ? QStringLiteral("localhost") : host)
        .arg(port)
        .arg(database);
}

std::optional<ServerAddress> ServerAddress::parse(const QString &url, QString *error)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() ||
        (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))) {
        *error = QStringLiteral("'%1' is not a server URL: expected "
                                "postgresql://user:password@host:port/database")
                     .arg(QUrl(url).toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    ServerAddress address;
    address.host = parsed.host();
    address.port = parsed.port(5432);
    address.user = parsed.userName(QUrl::FullyDecoded);
    address.password = parsed.password(QUrl::FullyDecoded);
    address.database = parsed.path(QUrl::FullyDecoded).mid(1);
    if (address.database.isEmpty() || address.database.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("%1: the URL names no database (postgresql://host:port/DATABASE)")
                     .arg(parsed.toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        address.options.insert(key, value);
    return address;
}

ServerConnection::~ServerConnection()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool ServerConnection::fail(const QString &what)
{
    m_error = QStringLiteral("%1: %2").arg(m_display, what.trimmed());
    return false;
}

bool ServerConnection::open(const ServerAddress &address)
{
    static QAtomicInteger<int> serial;
    m_display = address.display();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed "
                                   "(Debian: libqt6sql6-psql)"));
    m_name = QStringLiteral("paperboy-sync-%1").arg(serial.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    db.setHostName(address.host);
    db.setPort(address.port);
    db.setUserName(address.user);
    db.setPassword(address.password);
    db.setDatabaseName(address.database);
    QMap<QString, QString> options = address.options;
    if (!options.contains(QStringLiteral("connect_timeout")))
        options.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    options.insert(QStringLiteral("application_name"), QStringLiteral("paperboy"));
    QStringList pairs;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        pairs.append(it.key() + QLatin1Char('=') + it.value());
    db.setConnectOptions(pairs.join(QLatin1Char(';')));
    if (!db.open())
        return fail(QStringLiteral("cannot connect: %1").arg(db.lastError().text()));
    return true;
}

bool ServerConnection::exec(const QString &sql)
{
    QSqlQuery q(database());
    return q.exec(sql) || fail(q.lastError().text());
}

} // namespace paperboy::sync
