#include "store/sync_server_round.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace paperboy::sync {

namespace {

// Server times travel as epoch seconds (a double with microseconds): the statements then hold
// no ':' that Qt could take for a named placeholder.
QString timeText(const QVariant &epochSeconds)
{
    const auto ms = qint64(std::llround(epochSeconds.toDouble() * 1000.0));
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Items per push statement: one JSON parameter each, a few hundred kB.
constexpr qsizetype kPushBatch = 5000;

} // namespace

ServerRound::~ServerRound()
{
    if (m_open)
        m_connection.database().rollback();
}

bool ServerRound::begin(ServerInfo *info)
{
    QSqlDatabase db = m_connection.database();
    if (!db.transaction())
        return m_connection.fail(db.lastError().text());
    m_open = true;
    if (!readServerInfo(m_connection, info))
        return false;
    return m_connection.exec(QStringLiteral(
        "SELECT pg_advisory_xact_lock(hashtext('paperboy_sync round'), hashtext(current_user))"));
}

bool ServerRound::pull(qint64 afterSeq, QList<RemoteChange> *changes)
{
    changes->clear();
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT kind, key, value, device, seq, extract(epoch FROM changed)"
                             " FROM paperboy_sync.items WHERE owner = current_user AND seq > ?"
                             " ORDER BY seq"));
    q.addBindValue(afterSeq);
    if (!q.exec())
        return m_connection.fail(q.lastError().text());
    while (q.next()) {
        RemoteChange change;
        change.change.item = {q.value(0).toString(), q.value(1).toString()};
        if (!q.value(2).isNull())
            change.change.value = q.value(2).toString();
        change.device = q.value(3).toString();
        change.seq = q.value(4).toLongLong();
        change.changed = timeText(q.value(5));
        changes->append(std::move(change));
    }
    return true;
}

bool ServerRound::push(const QString &device, const QList<ItemChange> &changes,
                       QList<RemoteChange> *acknowledged)
{
    acknowledged->clear();
    for (qsizetype first = 0; first < changes.size(); first += kPushBatch) {
        QJsonArray rows;
        for (const ItemChange &change : changes.mid(first, kPushBatch))
            rows.append(QJsonObject{{QStringLiteral("kind"), change.item.kind},
                                    {QStringLiteral("key"), change.item.key},
                                    {QStringLiteral("value"),
                                     change.value ? QJsonValue(*change.value) : QJsonValue()}});
        QSqlQuery q(m_connection.database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "INSERT INTO paperboy_sync.items (kind, key, value, device)"
            " SELECT r.kind, r.key, r.value, ? FROM json_to_recordset(CAST(? AS json))"
            " AS r(kind text, key text, value text)"
            " ON CONFLICT (owner, kind, key) DO UPDATE SET value = excluded.value,"
            " device = excluded.device"
            " RETURNING kind, key, value, seq, extract(epoch FROM changed)"));
        q.addBindValue(device);
        q.addBindValue(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return m_connection.fail(q.lastError().text());
        while (q.next()) {
            RemoteChange change;
            change.change.item = {q.value(0).toString(), q.value(1).toString()};
            if (!q.value(2).isNull())
                change.change.value = q.value(2).toString();
            change.device = device;
            change.seq = q.value(3).toLongLong();
            change.changed = timeText(q.value(4));
            acknowledged->append(std::move(change));
        }
    }
    return true;
}

bool ServerRound::serverTime(QString *now)
{
    QSqlQuery q(m_connection.database());
    if (!q.exec(QStringLiteral("SELECT extract(epoch FROM clock_timestamp())")) || !q.next())
        return m_connection.fail(q.lastError().text());
    *now = timeText(q.value(0));
    return true;
}

bool ServerRound::commit()
{
    QSqlDatabase db = m_connection.database();
    m_open = false;
    if (!db.commit())
        return m_connection.fail(
            QStringLiteral("the server did not confirm the round: %1").arg(db.lastError().text()));
    return true;
}

} // namespace paperboy::sync
