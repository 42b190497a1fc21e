#pragma once

// One sync round (issue #20): push this library's changes since the last round, pull the
// server's, in one server transaction; then, only once the server has committed, record the
// pulled changes and the new baseline in one library transaction. A round cut off before the
// server's commit leaves both sides as they were; one cut off after it leaves the library as
// it was, and the next round sends and fetches the same changes again (equal values change
// nothing).
//
// Per item the edit the server received last wins: a change this library pushes in the same
// round as a different remote change of the same item wins (it reaches the server later), and
// is reported as a conflict; a remote note that loses is kept in the note's history, so both
// texts stay. A paper named by pulled user data and missing here gets a minimal record.

#include "store/database.h"
#include "store/sync_server_connection.h"

#include <QList>
#include <QString>

namespace paperboy::sync {

struct SyncConflict
{
    QString kind; // sync_items.h
    QString key;
    QString localValue; // what this library pushed (empty: removed)
    QString remoteValue;
    QString remoteDevice;
    QString remoteChanged; // the server's time of the losing edit
};

struct SyncReport
{
    bool ok = false;
    QString error;                // names the server or the library
    bool serverCommitted = false; // false: the server kept nothing of the round
    QString server;               // ServerAddress::display()
    QString role;
    QString device;
    int pushed = 0;      // items sent (paper records not counted)
    int pulled = 0;      // items written to this library
    int papersAdded = 0; // minimal paper records added here
    int kept = 0;        // pulled items left alone: changed here while the round ran
    QList<SyncConflict> conflicts;
};

SyncReport syncRound(Database &library, const ServerAddress &address);

} // namespace paperboy::sync
