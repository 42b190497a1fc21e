#include "store/sync_server_schema.h"

#include <QList>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy::sync {

namespace {

// Server migrations: migration N takes the schema from version N - 1 to N. Each is a list of
// statements (QPSQL runs one at a time), applied in the init transaction. Never edit one that
// shipped; add the next.
QList<QStringList> serverMigrations()
{
    return {
        // 1: the items, their order and time, their owners' row-level security.
        {
            QStringLiteral("CREATE SEQUENCE paperboy_sync.change_seq"),
            QStringLiteral("CREATE TABLE paperboy_sync.items ("
                           " owner text NOT NULL DEFAULT current_user,"
                           " kind text NOT NULL,"
                           " key text NOT NULL,"
                           " value text,"
                           " deleted boolean GENERATED ALWAYS AS (value IS NULL) STORED,"
                           " device text NOT NULL,"
                           " changed timestamptz NOT NULL DEFAULT clock_timestamp(),"
                           " seq bigint NOT NULL DEFAULT nextval('paperboy_sync.change_seq'),"
                           " PRIMARY KEY (owner, kind, key))"),
            QStringLiteral("CREATE INDEX items_by_owner_seq ON paperboy_sync.items (owner, seq)"),
            // Whatever a client sends, the owner is the role, and the time and order are the
            // server's, taken when the row is written.
            QStringLiteral("CREATE FUNCTION paperboy_sync.stamp_change() RETURNS trigger"
                           " LANGUAGE plpgsql AS $$ BEGIN"
                           " NEW.owner := current_user;"
                           " NEW.changed := clock_timestamp();"
                           " NEW.seq := nextval('paperboy_sync.change_seq');"
                           " RETURN NEW; END $$"),
            QStringLiteral("CREATE TRIGGER items_stamp BEFORE INSERT OR UPDATE ON"
                           " paperboy_sync.items FOR EACH ROW EXECUTE FUNCTION"
                           " paperboy_sync.stamp_change()"),
            QStringLiteral("ALTER TABLE paperboy_sync.items ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("CREATE POLICY items_own_rows ON paperboy_sync.items"
                           " USING (owner = current_user) WITH CHECK (owner = current_user)"),
        },
        // 2: a wake-up for the role's devices after every change of its items, delivered at
        // commit, naming only the device that wrote (PostgreSQL folds the same notification
        // of one transaction into one): the writer can tell its own changes from the others'.
        {
            QStringLiteral("CREATE FUNCTION paperboy_sync.notify_change() RETURNS trigger"
                           " LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify(%1, NEW.device);"
                           " RETURN NULL; END $$")
                .arg(notifyChannelSql()),
            QStringLiteral("CREATE TRIGGER items_notify AFTER INSERT OR UPDATE ON"
                           " paperboy_sync.items FOR EACH ROW EXECUTE FUNCTION"
                           " paperboy_sync.notify_change()"),
        },
    };
}

QStringList grantsFor(const QString &role)
{
    return {
        QStringLiteral("GRANT USAGE ON SCHEMA paperboy_sync TO %1").arg(role),
        QStringLiteral("GRANT SELECT ON paperboy_sync.meta TO %1").arg(role),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON paperboy_sync.items TO %1").arg(role),
        QStringLiteral("GRANT USAGE ON SEQUENCE paperboy_sync.change_seq TO %1").arg(role),
    };
}

bool execAll(ServerConnection &connection, const QStringList &statements)
{
    for (const QString &statement : statements)
        if (!connection.exec(statement))
            return false;
    return true;
}

bool initInTransaction(ServerConnection &connection, const QStringList &roles,
                       InitServerReport &report)
{
    QSqlDatabase db = connection.database();
    // Two inits at once wait for each other instead of both creating the schema.
    if (!execAll(connection,
                 {QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('paperboy_sync init'))"),
                  QStringLiteral("CREATE SCHEMA IF NOT EXISTS paperboy_sync"),
                  QStringLiteral("CREATE TABLE IF NOT EXISTS paperboy_sync.meta"
                                 " (key text PRIMARY KEY, value text NOT NULL)"),
                  QStringLiteral("INSERT INTO paperboy_sync.meta (key, value) VALUES"
                                 " ('schema_version', '0'),"
                                 " ('server_id', gen_random_uuid()::text)"
                                 " ON CONFLICT (key) DO NOTHING")}))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT value FROM paperboy_sync.meta WHERE key ="
                               " 'schema_version'), (SELECT value FROM paperboy_sync.meta"
                               " WHERE key = 'server_id')")) ||
        !q.next())
        return connection.fail(q.lastError().text());
    report.fromVersion = q.value(0).toInt();
    report.serverId = q.value(1).toString();
    const QList<QStringList> migrations = serverMigrations();
    if (report.fromVersion > migrations.size())
        return connection.fail(QStringLiteral("the server's sync schema is version %1, newer "
                                              "than this Paperboy knows (%2); nothing changed")
                                   .arg(report.fromVersion)
                                   .arg(migrations.size()));
    for (int version = report.fromVersion + 1; version <= migrations.size(); ++version)
        if (!execAll(connection, migrations.at(version - 1)))
            return false;
    report.toVersion = int(migrations.size());
    QSqlQuery setVersion(db);
    setVersion.prepare(
        QStringLiteral("UPDATE paperboy_sync.meta SET value = ? WHERE key = 'schema_version'"));
    setVersion.addBindValue(QString::number(report.toVersion));
    if (!setVersion.exec())
        return connection.fail(setVersion.lastError().text());
    for (const QString &role : roles) {
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
        exists.addBindValue(role);
        if (!exists.exec())
            return connection.fail(exists.lastError().text());
        if (!exists.next())
            return connection.fail(
                QStringLiteral("there is no role named '%1' (create it first: CREATE ROLE %1 "
                               "LOGIN PASSWORD '...'); nothing changed")
                    .arg(role));
        const QString quoted = db.driver()->escapeIdentifier(role, QSqlDriver::TableName);
        if (!execAll(connection, grantsFor(quoted)))
            return false;
        report.granted.append(role);
    }
    return true;
}

} // namespace

QString notifyChannelSql()
{
    // One channel per role, named by a digest of the role: a listener hears only that
    // something of its own role changed.
    return QStringLiteral("'paperboy_sync_' || md5(current_user)");
}

InitServerReport initServer(const ServerAddress &address, const QStringList &roles)
{
    InitServerReport report;
    ServerConnection connection;
    if (!connection.open(address)) {
        report.error = connection.error();
        return report;
    }
    QSqlDatabase db = connection.database();
    if (!db.transaction()) {
        report.error = connection.display() + QStringLiteral(": ") + db.lastError().text();
        return report;
    }
    if (!initInTransaction(connection, roles, report)) {
        db.rollback();
        InitServerReport failed;
        failed.error = connection.error();
        return failed;
    }
    if (!db.commit()) {
        report.error = connection.display() + QStringLiteral(": ") + db.lastError().text();
        report.ok = false;
        return report;
    }
    report.ok = true;
    return report;
}

bool readServerInfo(ServerConnection &connection, ServerInfo *info)
{
    QSqlQuery q(connection.database());
    if (!q.exec(QStringLiteral("SELECT current_user")) || !q.next())
        return connection.fail(q.lastError().text());
    info->role = q.value(0).toString();
    const QString hint = QStringLiteral("(the database's owner runs: paperboy sync --init-server "
                                        "URL --grant %1)")
                             .arg(info->role);
    // Without USAGE on the schema, looking its tables up is itself refused.
    QSqlQuery found(connection.database());
    if (!found.exec(QStringLiteral("SELECT to_regclass('paperboy_sync.meta') IS NOT NULL AND"
                                   " to_regclass('paperboy_sync.items') IS NOT NULL")) ||
        !found.next())
        return connection.fail(QStringLiteral("role %1 may not use the sync schema %2: %3")
                                   .arg(info->role, hint, found.lastError().text()));
    if (!found.value(0).toBool())
        return connection.fail(
            QStringLiteral("the database holds no Paperboy sync schema %1").arg(hint));
    QSqlQuery meta(connection.database());
    if (!meta.exec(QStringLiteral("SELECT (SELECT value FROM paperboy_sync.meta WHERE key ="
                                  " 'schema_version'), (SELECT value FROM paperboy_sync.meta"
                                  " WHERE key = 'server_id')")) ||
        !meta.next())
        return connection.fail(QStringLiteral("role %1 may not read the sync schema %2: %3")
                                   .arg(info->role, hint, meta.lastError().text()));
    info->schemaVersion = meta.value(0).toInt();
    info->serverId = meta.value(1).toString();
    if (info->schemaVersion > kServerSchemaVersion)
        return connection.fail(QStringLiteral("the server's sync schema is version %1, newer "
                                              "than this Paperboy knows (%2): update Paperboy")
                                   .arg(info->schemaVersion)
                                   .arg(kServerSchemaVersion));
    if (info->schemaVersion < 1 || info->serverId.isEmpty())
        return connection.fail(QStringLiteral("the sync schema is not set up (the database's "
                                              "owner runs: paperboy sync --init-server URL)"));
    return true;
}

} // namespace paperboy::sync
