#include "store/sync_server_listener.h"

#include "store/sync_server_schema.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy::sync {

ServerListener::ServerListener(QObject *parent) : QObject(parent) {}

ServerListener::~ServerListener() = default;

bool ServerListener::listen(const ServerAddress &address)
{
    m_connection = std::make_unique<ServerConnection>();
    ServerInfo info;
    if (!m_connection->open(address) || !readServerInfo(*m_connection, &info)) {
        m_error = m_connection->error();
        m_connection.reset();
        return false;
    }
    if (info.schemaVersion < kServerNotifyVersion) {
        m_error = QStringLiteral("%1: the server's sync schema (version %2) sends no "
                                 "notifications; its owner runs paperboy sync --init-server")
                      .arg(m_connection->display())
                      .arg(info.schemaVersion);
        m_connection.reset();
        return false;
    }
    QSqlDatabase db = m_connection->database();
    QSqlQuery channel(db);
    if (!channel.exec(QStringLiteral("SELECT %1").arg(notifyChannelSql())) || !channel.next()) {
        m_error = m_connection->display() + QStringLiteral(": ") + channel.lastError().text();
        m_connection.reset();
        return false;
    }
    QSqlDriver *driver = db.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                emit changed(payload.toString());
            });
    if (!driver->subscribeToNotification(channel.value(0).toString())) {
        m_error = m_connection->display() + QStringLiteral(": cannot listen: ") +
                  driver->lastError().text();
        m_connection.reset();
        return false;
    }
    return true;
}

} // namespace paperboy::sync
