#pragma once

// The library's side of sync (issue #20, migration 016): the user's rows read as sync items
// (sync/sync_items.h), and the bookkeeping of what this library and a server last agreed on
// (sync_accounts, sync_baseline). Reading the items takes no lock and writes nothing: sync
// finds the reader's changes by comparing them with the baseline, so no trigger sits on any
// user table. Writes happen inside the caller's transaction (UserRowsWriter's), together with
// the pulled user data.

#include "store/database.h"
#include "sync/sync_items.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

struct SyncAccountRow
{
    QString account; // the server's id, '/', the role
    QString device;  // this library's id in the server's rows
    qint64 lastSeq = 0;
    QString lastSync;
};

namespace sql {

// Every item the library holds, read as one snapshot when the caller is not already inside a
// transaction (`snapshot` true: BEGIN ... COMMIT around the reads). Returns the error.
QString readSyncItems(const Database &library, sync::ItemState *items, bool snapshot);

QString readSyncBaseline(const Database &library, const QString &account,
                         sync::ItemState *baseline);
QString readSyncAccount(const Database &library, const QString &account,
                        std::optional<SyncAccountRow> *row);

// The minimal records (sync::kPaper's values) of the papers of `ids` the library caches;
// the others are left out.
QString readPaperRecords(const Database &library, const QStringList &ids,
                         QHash<QString, QString> *records);
// Inserts each paper the library lacks, from its minimal record (empty: the id alone); a
// cached paper is left as it is. Metadata rank 0: any import or fetch completes it.
QString addMinimalPapers(const Database &library, const QHash<QString, QString> &records,
                         int *added);

// In the caller's write transaction.
QString writeSyncBaseline(const Database &library, const QString &account,
                          const QList<sync::ItemChange> &items);
QString writeSyncAccount(const Database &library, const SyncAccountRow &row);

} // namespace sql

} // namespace paperboy
