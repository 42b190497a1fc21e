#pragma once

// The server's half of a sync round (issue #20), in ONE server transaction: the role's lock,
// the pull of every change after the last one this library saw, the push of the library's
// changes, commit. Until commit() returns true the server keeps nothing of the round.

#include "store/sync_server_connection.h"
#include "store/sync_server_schema.h"
#include "sync/sync_items.h"

#include <QHash>
#include <QList>

namespace paperboy::sync {

class ServerRound
{
public:
    explicit ServerRound(ServerConnection &connection) : m_connection(connection) {}
    ~ServerRound(); // rolls back an open round
    ServerRound(const ServerRound &) = delete;
    ServerRound &operator=(const ServerRound &) = delete;

    // BEGIN, the server's id and schema, then the role's lock: rounds of one role (two
    // devices syncing at once) run one after the other, so every change of the role with a
    // sequence number below the last one seen has been seen.
    bool begin(ServerInfo *info);
    // Every change of the role after `afterSeq`, oldest first (the newest per item).
    bool pull(qint64 afterSeq, QList<RemoteChange> *changes);
    // Writes `changes` as `device`; each comes back with the server's order and time.
    bool push(const QString &device, const QList<ItemChange> &changes,
              QList<RemoteChange> *acknowledged);
    // The server's time now (UTC ISO 8601 with milliseconds), for the library's record.
    bool serverTime(QString *now);
    bool commit();

    QString error() const { return m_connection.error(); }

private:
    ServerConnection &m_connection;
    bool m_open = false;
};

} // namespace paperboy::sync
