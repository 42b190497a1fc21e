#include "sync/sync_round.h"

#include "store/sync_rows.h"
#include "store/sync_server_round.h"
#include "store/user_rows.h"
#include "sync/local_apply.h"

#include <QSet>
#include <QUuid>

#include <algorithm>

namespace paperboy::sync {

namespace {

std::optional<QString> valueIn(const ItemState &state, const ItemKey &item)
{
    const auto it = state.constFind(item);
    return it == state.cend() ? std::nullopt : std::optional<QString>(it.value());
}

// What the server round decided, for the library's transaction.
struct ServerOutcome
{
    SyncAccountRow account;
    ItemState before;                 // the library's items when the round started
    QList<RemoteChange> remote;       // pulled, known kinds only
    QList<RemoteChange> acknowledged; // pushed, as the server stored them
    QList<ItemChange> agreed;         // changed on both sides to the same value
    QSet<ItemKey> settledHere;        // remote items this library's push decided
    QString serverNow;
};

class Round
{
public:
    Round(Database &library, const ServerAddress &address, SyncReport &report)
        : m_library(library), m_address(address), m_report(report)
    {
    }

    bool serverSide(ServerOutcome &out)
    {
        if (!m_connection.open(m_address))
            return failServer(m_connection.error());
        ServerRound round(m_connection);
        ServerInfo info;
        if (!round.begin(&info))
            return failServer(round.error());
        m_report.role = info.role;
        const QString account = info.account();
        const Database &db = m_library;
        std::optional<SyncAccountRow> stored;
        ItemState baseline;
        QString error = sql::readSyncAccount(db, account, &stored);
        if (error.isEmpty())
            error = sql::readSyncBaseline(db, account, &baseline);
        if (error.isEmpty())
            error = sql::readSyncItems(db, &out.before, true);
        if (!error.isEmpty())
            return failServer(QStringLiteral("%1: %2").arg(m_library.path(), error));
        out.account = stored.value_or(
            SyncAccountRow{account, QUuid::createUuid().toString(QUuid::WithoutBraces), 0, {}});
        m_report.device = out.account.device;

        QList<RemoteChange> pulled;
        if (!round.pull(out.account.lastSeq, &pulled))
            return failServer(round.error());
        qint64 lastSeq = out.account.lastSeq;
        QHash<ItemKey, qsizetype> remoteAt;
        for (RemoteChange &change : pulled) {
            lastSeq = std::max(lastSeq, change.seq);
            if (!isKnownKind(change.change.item.kind))
                continue;
            remoteAt.insert(change.change.item, out.remote.size());
            out.remote.append(std::move(change));
        }

        QList<ItemChange> pushes;
        for (const ItemChange &change : localChanges(out.before, baseline)) {
            if (const auto at = remoteAt.constFind(change.item); at != remoteAt.cend()) {
                out.settledHere.insert(change.item);
                const RemoteChange &theirs = out.remote.at(*at);
                if (theirs.change.value == change.value) {
                    out.agreed.append(change);
                    continue;
                }
                m_report.conflicts.append(
                    {change.item.kind, change.item.key, change.value.value_or(QString()),
                     theirs.change.value.value_or(QString()), theirs.device, theirs.changed});
            }
            pushes.append(change);
        }
        if (!addPaperRecords(baseline, remoteAt, pushes))
            return failServer(QStringLiteral("%1: %2").arg(m_library.path(), m_error));
        if (!round.push(out.account.device, pushes, &out.acknowledged) ||
            !round.serverTime(&out.serverNow))
            return failServer(round.error());
        for (const RemoteChange &change : out.acknowledged) {
            lastSeq = std::max(lastSeq, change.seq);
            m_report.pushed += change.change.item.kind == kPaper ? 0 : 1;
        }
        if (!round.commit())
            return failServer(round.error());
        m_report.serverCommitted = true;
        out.account.lastSeq = lastSeq;
        out.account.lastSync = out.serverNow;
        return true;
    }

    bool librarySide(const ServerOutcome &in)
    {
        UserRowsWriter writer(m_library);
        if (!writer.begin())
            return failLibrary(writer.error());
        const Database &db = m_library;
        ItemState now;
        if (const QString error = sql::readSyncItems(db, &now, false); !error.isEmpty())
            return failLibrary(error);
        LocalApplier applier(writer);
        QList<ItemChange> baseline = in.agreed;
        for (const RemoteChange &change : in.acknowledged)
            baseline.append(change.change);
        QHash<QString, QString> records;
        QHash<QString, QString> named; // papers the written items name, with their records
        for (const RemoteChange &theirs : in.remote) {
            const ItemKey &item = theirs.change.item;
            if (item.kind == kPaper) {
                if (theirs.change.value)
                    records.insert(item.key, *theirs.change.value);
                baseline.append(theirs.change);
                continue;
            }
            const std::optional<QString> was = valueIn(in.before, item);
            const std::optional<QString> is = valueIn(now, item);
            const bool changedHere = in.settledHere.contains(item) || was != is;
            if (changedHere) {
                // This library's edit is newer (pushed now, or to be pushed next round): a
                // remote note that loses stays in the history.
                if (!in.settledHere.contains(item))
                    ++m_report.kept;
                if (item.kind == kNote && theirs.change.value && theirs.change.value != is &&
                    !applier.keepLosingNote(item.key, *theirs.change.value, theirs.changed))
                    return failLibrary(applier.error());
                continue;
            }
            baseline.append(theirs.change);
            if (is == theirs.change.value)
                continue;
            if (!applier.apply(theirs.change, theirs.changed))
                return failLibrary(applier.error());
            ++m_report.pulled;
            if (theirs.change.value && isPaperItem(item.kind))
                named.insert(paperIdOf(item), QString());
        }
        for (auto it = named.begin(); it != named.end(); ++it)
            it.value() = records.value(it.key());
        if (const QString error = sql::addMinimalPapers(db, named, &m_report.papersAdded);
            !error.isEmpty())
            return failLibrary(error);
        QString error = sql::writeSyncBaseline(db, in.account.account, baseline);
        if (error.isEmpty())
            error = sql::writeSyncAccount(db, in.account);
        if (!error.isEmpty())
            return failLibrary(error);
        return writer.commit() || failLibrary(writer.error());
    }

private:
    // The record of each paper the pushed data names that the server has not had from here.
    bool addPaperRecords(const ItemState &baseline, const QHash<ItemKey, qsizetype> &remoteAt,
                         QList<ItemChange> &pushes)
    {
        QSet<QString> seen;
        QStringList ids;
        for (const ItemChange &change : pushes) {
            if (!change.value || !isPaperItem(change.item.kind))
                continue;
            const QString id = paperIdOf(change.item);
            const ItemKey record{kPaper, id};
            if (seen.contains(id) || baseline.contains(record) || remoteAt.contains(record))
                continue;
            seen.insert(id);
            ids.append(id);
        }
        QHash<QString, QString> records;
        m_error = sql::readPaperRecords(m_library, ids, &records);
        if (!m_error.isEmpty())
            return false;
        for (const QString &id : std::as_const(ids))
            if (const auto it = records.constFind(id); it != records.cend())
                pushes.append({{kPaper, id}, it.value()});
        return true;
    }

    bool failServer(const QString &error)
    {
        m_report.error = error + QStringLiteral("; nothing was changed on either side");
        return false;
    }

    bool failLibrary(const QString &error)
    {
        m_report.error =
            QStringLiteral("%1: the server has this round but the library could not record it "
                           "(%2); the next sync sends and fetches the same changes again")
                .arg(m_library.path(), error);
        return false;
    }

    Database &m_library;
    const ServerAddress &m_address;
    SyncReport &m_report;
    ServerConnection m_connection;
    QString m_error;
};

} // namespace

SyncReport syncRound(Database &library, const ServerAddress &address)
{
    SyncReport report;
    report.server = address.display();
    if (library.isReadOnly()) {
        report.error = QStringLiteral("%1 is open read-only; nothing was changed on either side")
                           .arg(library.path());
        return report;
    }
    Round round(library, address, report);
    ServerOutcome outcome;
    if (!round.serverSide(outcome) || !round.librarySide(outcome)) {
        report.ok = false;
        return report;
    }
    report.ok = true;
    return report;
}

} // namespace paperboy::sync
