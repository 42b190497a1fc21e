// paperboy sync (issue #20): one round with a PostgreSQL sync server, or, for the database's
// owner, --init-server to set the server up.

#include "cli/cli_context.h"
#include "store/sync_server_schema.h"
#include "sync/sync_items.h"
#include "sync/sync_round.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace paperboy {

void registerSyncCommands(QList<Command> &commands);

namespace {

int initServerCommand(CliContext &ctx)
{
    QStringList roles = ctx.values(QStringLiteral("--grant")) + ctx.positionals;
    roles.removeAll(QString());
    QString error;
    const auto address =
        sync::ServerAddress::parse(ctx.value(QStringLiteral("--init-server")), &error);
    if (!address) {
        CliContext::err(QStringLiteral("paperboy sync: %1").arg(error));
        return CliContext::kUsage;
    }
    const sync::InitServerReport report = sync::initServer(*address, roles);
    if (!report.ok) {
        CliContext::err(QStringLiteral("paperboy sync --init-server: %1").arg(report.error));
        return CliContext::kError;
    }
    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("server"), address->display()},
                        {QStringLiteral("server_id"), report.serverId},
                        {QStringLiteral("from_version"), report.fromVersion},
                        {QStringLiteral("schema_version"), report.toVersion},
                        {QStringLiteral("granted"), QJsonArray::fromStringList(report.granted)}});
        return CliContext::kOk;
    }
    CliContext::out(QStringLiteral("%1: sync schema %2 (%3)%4\n")
                        .arg(address->display())
                        .arg(report.toVersion)
                        .arg(report.fromVersion == report.toVersion
                                 ? QStringLiteral("already up to date")
                                 : QStringLiteral("was %1").arg(report.fromVersion))
                        .arg(report.granted.isEmpty()
                                 ? QString()
                                 : QStringLiteral("; granted to %1")
                                       .arg(report.granted.join(QStringLiteral(", ")))));
    return CliContext::kOk;
}

QJsonObject reportJson(const sync::SyncReport &report)
{
    QJsonArray conflicts;
    for (const sync::SyncConflict &c : report.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("kind"), c.kind},
                                     {QStringLiteral("key"), c.key},
                                     {QStringLiteral("local"), c.localValue},
                                     {QStringLiteral("remote"), c.remoteValue},
                                     {QStringLiteral("remote_device"), c.remoteDevice},
                                     {QStringLiteral("remote_changed"), c.remoteChanged},
                                     {QStringLiteral("winner"), QStringLiteral("local")}});
    return {{QStringLiteral("server"), report.server},
            {QStringLiteral("role"), report.role},
            {QStringLiteral("device"), report.device},
            {QStringLiteral("pushed"), report.pushed},
            {QStringLiteral("pulled"), report.pulled},
            {QStringLiteral("papers_added"), report.papersAdded},
            {QStringLiteral("kept"), report.kept},
            {QStringLiteral("conflicts"), conflicts}};
}

int syncCommand(CliContext &ctx)
{
    if (ctx.flag(QStringLiteral("--init-server")))
        return initServerCommand(ctx);
    if (!ctx.positionals.isEmpty() || ctx.flag(QStringLiteral("--grant"))) {
        CliContext::err(QStringLiteral("paperboy sync: roles are granted with --init-server URL "
                                       "--grant ROLE..."));
        return CliContext::kUsage;
    }
    const QString url =
        ctx.value(QStringLiteral("--server"), QProcessEnvironment::systemEnvironment().value(
                                                  QString::fromLatin1(sync::kSyncUrlVariable)));
    if (url.isEmpty()) {
        CliContext::err(QStringLiteral("paperboy sync: no server: give --server "
                                       "postgresql://user@host:port/database or set %1")
                            .arg(QString::fromLatin1(sync::kSyncUrlVariable)));
        return CliContext::kUsage;
    }
    QString error;
    const auto address = sync::ServerAddress::parse(url, &error);
    if (!address) {
        CliContext::err(QStringLiteral("paperboy sync: %1").arg(error));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    const sync::SyncReport report = sync::syncRound(ctx.database(), *address);
    if (!report.ok) {
        CliContext::err(QStringLiteral("paperboy sync: %1").arg(report.error));
        return CliContext::kError;
    }
    if (ctx.json()) {
        CliContext::printJson(reportJson(report));
        return CliContext::kOk;
    }
    CliContext::out(QStringLiteral("synced with %1: pushed %2, pulled %3, %4 conflict(s)%5\n")
                        .arg(report.server)
                        .arg(report.pushed)
                        .arg(report.pulled)
                        .arg(report.conflicts.size())
                        .arg(report.papersAdded > 0
                                 ? QStringLiteral(", %1 paper(s) added").arg(report.papersAdded)
                                 : QString()));
    for (const sync::SyncConflict &c : report.conflicts)
        CliContext::out(
            QStringLiteral("  conflict: %1 %2: this library's edit won (the server received it "
                           "last)%3\n")
                .arg(c.kind, QString(c.key).replace(QChar(0x1f), QLatin1Char(' ')),
                     c.kind == sync::kNote ? QStringLiteral("; the other text is in the note's "
                                                            "history")
                                           : QString()));
    return CliContext::kOk;
}

} // namespace

void registerSyncCommands(QList<Command> &commands)
{
    commands.append(
        {QStringLiteral("sync"),
         QStringLiteral("sync [--server URL] [--json] | sync --init-server URL --grant ROLE..."),
         QStringLiteral("one round with a PostgreSQL sync server: push this library's stars, "
                        "read marks, notes, tags, saved searches, rules, dismissals, follows, "
                        "translations and saved trends, pull the other devices'; URL "
                        "postgresql://user[:password]@host:port/database or PAPERBOY_SYNC_URL "
                        "(passwords also from PGPASSWORD, ~/.pgpass); --init-server, as the "
                        "database's owner, sets the server up and grants the roles"),
         {{QStringLiteral("--server"), true},
          {QStringLiteral("--init-server"), true},
          {QStringLiteral("--grant"), true, true},
          {QStringLiteral("--json"), false}},
         0,
         -1,
         syncCommand});
}

} // namespace paperboy
