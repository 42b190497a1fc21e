// Sync (issue #20): 10,000 changes pushed by one library and pulled by another through a
// throwaway PostgreSQL cluster on 127.0.0.1, `paperboy sync` as a whole process each way. The
// issue's target: under 5 s for the push and the pull together.

#include "bench_measure.h"
#include "pg_cluster.h"
#include "store/database.h"
#include "store/sync_server_schema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace paperboy::bench {

namespace {

constexpr int kChanges = 10000;

// A library whose reader starred 4,000 papers, annotated 3,000 and tagged 3,000, all of them
// in the cache (so their minimal records travel too).
bool seedLibrary(const QString &path, int offset, QString *error)
{
    Database db;
    if (!db.open(path)) {
        *error = db.error();
        return false;
    }
    QSqlDatabase connection = db.connection();
    connection.transaction();
    QSqlQuery paper(connection), user(connection), tag(connection);
    paper.prepare(QStringLiteral("INSERT INTO papers (arxiv_id, title, authors, categories,"
                                 " published) VALUES (?,?,?,'cs.CV','2025-01-02')"));
    user.prepare(QStringLiteral("INSERT INTO user_papers (arxiv_id, starred, starred_changed,"
                                " note, note_changed) VALUES (?,?,?,?,?)"));
    tag.prepare(QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added) VALUES (?,?,?)"));
    const QString when = QStringLiteral("2026-12-01T10:00:00.000Z");
    for (int n = 0; n < kChanges; ++n) {
        const QString id =
            QStringLiteral("25%1.%2").arg(10 + offset).arg(10000 + n, 5, 10, QLatin1Char('0'));
        paper.addBindValue(id);
        paper.addBindValue(QStringLiteral("A synthetic paper number %1 on diffusion").arg(n));
        paper.addBindValue(QStringLiteral("Ada Lovelace\x1f"
                                          "Alan Turing"));
        if (!paper.exec()) {
            *error = paper.lastError().text();
            return false;
        }
        if (n < 7000) {
            user.addBindValue(id);
            user.addBindValue(n < 4000 ? 1 : 0);
            user.addBindValue(n < 4000 ? QVariant(when) : QVariant());
            user.addBindValue(n >= 4000
                                  ? QVariant(QStringLiteral("note %1: check the ablation").arg(n))
                                  : QVariant());
            user.addBindValue(n >= 4000 ? QVariant(when) : QVariant());
            if (!user.exec()) {
                *error = user.lastError().text();
                return false;
            }
        } else {
            tag.addBindValue(id);
            tag.addBindValue(QStringLiteral("to-read"));
            tag.addBindValue(when);
            if (!tag.exec()) {
                *error = tag.lastError().text();
                return false;
            }
        }
    }
    return connection.commit();
}

struct SyncRun
{
    double wallMs = -1;
    QJsonObject report;
    QString error;
};

SyncRun runSync(const Settings &settings, const QString &library, const QString &url)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), library);
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(settings.binary, {QStringLiteral("sync"), QStringLiteral("--server"), url,
                                    QStringLiteral("--json")});
    SyncRun run;
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        run.error = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.wallMs = elapsedMs(timer);
    run.report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return run;
}

} // namespace

QList<Figure> measureSync(const Settings &settings)
{
    QString error;
    test::PgCluster cluster;
    if (!cluster.create(&error)) {
        std::fprintf(stderr, "   no cluster: %s\n", qPrintable(error));
        return {};
    }
    const int runs = std::min(settings.runs, 3);
    QStringList roles;
    for (int r = 0; r < runs; ++r) {
        roles.append(QStringLiteral("bench%1").arg(r));
        if (!cluster.createRole(roles.last(), &error)) {
            std::fprintf(stderr, "   %s\n", qPrintable(error));
            return {};
        }
    }
    sync::ServerAddress owner;
    owner.host = QStringLiteral("127.0.0.1");
    owner.port = cluster.port();
    owner.user = QStringLiteral("paperboy_owner");
    owner.password = test::PgCluster::password(owner.user);
    owner.database = QStringLiteral("paperboy");
    const sync::InitServerReport init = sync::initServer(owner, roles);
    if (!init.ok) {
        std::fprintf(stderr, "   %s\n", qPrintable(init.error));
        return {};
    }
    std::vector<double> push, pull, total;
    QJsonObject last;
    for (int r = 0; r < runs; ++r) {
        const QString sender =
            QDir(settings.workDir).filePath(QStringLiteral("sync-a%1.sqlite").arg(r));
        const QString receiver =
            QDir(settings.workDir).filePath(QStringLiteral("sync-b%1.sqlite").arg(r));
        QFile::remove(sender);
        QFile::remove(receiver);
        if (!seedLibrary(sender, r, &error)) {
            std::fprintf(stderr, "   seed: %s\n", qPrintable(error));
            return {};
        }
        const SyncRun pushed = runSync(settings, sender, cluster.url(roles.at(r)));
        const SyncRun pulled = runSync(settings, receiver, cluster.url(roles.at(r)));
        if (pushed.wallMs < 0 || pulled.wallMs < 0) {
            std::fprintf(stderr, "   sync failed: %s%s\n", qPrintable(pushed.error),
                         qPrintable(pulled.error));
            return {};
        }
        if (pushed.report.value(QStringLiteral("pushed")).toInt() != kChanges ||
            pulled.report.value(QStringLiteral("pulled")).toInt() != kChanges)
            std::fprintf(stderr, "   unexpected counts: pushed %d, pulled %d\n",
                         pushed.report.value(QStringLiteral("pushed")).toInt(),
                         pulled.report.value(QStringLiteral("pulled")).toInt());
        push.push_back(pushed.wallMs);
        pull.push_back(pulled.wallMs);
        total.push_back(pushed.wallMs + pulled.wallMs);
        last = pulled.report;
        QFile::remove(sender);
        QFile::remove(receiver);
    }
    QJsonObject detail = summary(total);
    detail.insert(QStringLiteral("changes"), kChanges);
    detail.insert(QStringLiteral("papers_added"), last.value(QStringLiteral("papers_added")));
    return {
        {QStringLiteral("sync_push_10k"),
         QStringLiteral("sync: push 10,000 changes, whole process"),
         median(push),
         QStringLiteral("ms"),
         {},
         true,
         summary(push)},
        {QStringLiteral("sync_pull_10k"),
         QStringLiteral("sync: pull 10,000 changes (and 10,000 paper records), whole process"),
         median(pull),
         QStringLiteral("ms"),
         {},
         true,
         summary(pull)},
        {QStringLiteral("sync_10k"), QStringLiteral("sync: push and pull 10,000 changes"),
         median(total), QStringLiteral("ms"), QStringLiteral("< 5000 ms"), median(total) < 5000,
         detail},
    };
}

} // namespace paperboy::bench
