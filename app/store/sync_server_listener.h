#pragma once

// Wakes a library when another device of the same role changed something on the sync server
// (issue #20): the server (schema 2) notifies the role's own channel after every write to its
// items, and this LISTENs on it through a connection of its own. The notification carries
// only the writing device's id; the round that follows reads what changed. Needs an event loop on
// the thread that called listen() (the driver watches the connection's socket).

#include "store/sync_server_connection.h"

#include <QObject>

#include <memory>

namespace paperboy::sync {

class ServerListener : public QObject
{
    Q_OBJECT
public:
    explicit ServerListener(QObject *parent = nullptr);
    ~ServerListener() override;

    // Connects and LISTENs; false with error() when the server cannot be reached or is older
    // than schema 2 (no notifications: the caller syncs on its timer alone).
    bool listen(const ServerAddress &address);
    QString error() const { return m_error; }

signals:
    // `device` wrote to the role's items (this library's own rounds wake it too).
    void changed(const QString &device);

private:
    std::unique_ptr<ServerConnection> m_connection;
    QString m_error;
};

} // namespace paperboy::sync
