#pragma once

// The sync server's schema (issue #20): `paperboy_sync` in the server's database, versioned by
// its own migrations (paperboy_sync.meta holds schema_version and the server's id).
//
// paperboy_sync.items holds every reader's items (sync/sync_items.h), one row per owner, kind
// and key: the value (NULL: a tombstone, `deleted` true), the device that sent it, and the
// server's time and order of the change (clock_timestamp() and the change_seq sequence, set by
// a trigger on every insert and update, whatever the client sends: never a device's clock).
// Row-level security lets a role read and write only its own rows; readers get SELECT, INSERT
// and UPDATE, never DELETE (a removal is a tombstone). Only `--init-server`, run once by the
// database's owner, creates or changes anything else; syncing needs no superuser.

#include "store/sync_server_connection.h"

#include <QString>
#include <QStringList>

namespace paperboy::sync {

inline constexpr int kServerSchemaVersion = 2;
// From this version the server wakes a role's other devices after each change: a trigger
// NOTIFYs the role's own channel (notifyChannelSql()) with the writing device's id.
inline constexpr int kServerNotifyVersion = 2;

// The SQL expression naming the current role's notification channel.
QString notifyChannelSql();

struct InitServerReport
{
    bool ok = false;
    QString error; // names the server
    QString serverId;
    int fromVersion = 0; // 0: the schema was created
    int toVersion = 0;
    QStringList granted; // roles, as given
};

// Creates or upgrades the schema and grants the named roles their access, in one transaction
// (all or nothing; idempotent: a second run changes nothing and grants again).
InitServerReport initServer(const ServerAddress &address, const QStringList &roles);

// What a reader's round needs to know of the server before it starts.
struct ServerInfo
{
    QString serverId;
    QString role; // current_user
    int schemaVersion = 0;
    QString account() const { return serverId + QLatin1Char('/') + role; }
};

// Inside the round's transaction: the server's id, the role and the schema version; false
// (error set) when the schema is missing, newer than this Paperboy, or not granted to the role.
bool readServerInfo(ServerConnection &connection, ServerInfo *info);

} // namespace paperboy::sync
