// Sync on PostgreSQL (issue #20): a throwaway cluster on 127.0.0.1, the real binary, real
// library files. Two libraries of one role sync both ways; another role sees none of it; the
// server stopped in the middle of a round or down for a while leaves both sides as they were;
// a note edited on both sides while apart keeps both texts.

#include "cli_runner.h"
#include "pg_cluster.h"
#include "store/database.h"
#include "store/sync_server_listener.h"
#include "store/user_rows.h"
#include "sync/sync_items.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QString kBoot = QStringLiteral("2306.05544");
const QString kScene = QStringLiteral("2306.01667");
const QString kSample = QStringLiteral(
    PAPERBOY_TEST_DATA "/../../resources/sample/meiri-xueshu-sudi_2024-03-14_cs.CV.txt");

// Everything a round could change in a library: the user rows (their fingerprint) and the
// sync bookkeeping, as text.
QString libraryState(const QString &path)
{
    Database db;
    if (!db.open(path))
        return QStringLiteral("cannot open: ") + db.error();
    QByteArray fingerprint;
    QString error;
    if (!walkUserRows(db, {}, &fingerprint, &error))
        return QStringLiteral("cannot walk: ") + error;
    QString state = QString::fromLatin1(fingerprint.toHex());
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT account, device, last_seq FROM sync_accounts ORDER BY account"));
    while (q.next())
        state += QStringLiteral("|%1 %2 %3")
                     .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    q.exec(QStringLiteral("SELECT kind, key, value FROM sync_baseline ORDER BY kind, key"));
    while (q.next())
        state += QStringLiteral("|%1 %2=%3")
                     .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    q.exec(QStringLiteral("SELECT count(*) FROM papers"));
    q.next();
    return state + QStringLiteral("|papers ") + q.value(0).toString();
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgCluster> m_cluster;
    QTemporaryDir m_dir;
    int m_libraries = 0;

    QString newLibrary(bool withSample)
    {
        const QString path = m_dir.filePath(QStringLiteral("lib-%1.sqlite").arg(++m_libraries));
        if (withSample) {
            const CliRun run = runPaperboy(path, {QStringLiteral("import"), kSample});
            if (run.exitCode != 0)
                qWarning("import: %s", run.err.constData());
        }
        return path;
    }

    CliRun sync(const QString &library, const QString &role, bool json = true)
    {
        QStringList arguments{QStringLiteral("sync"), QStringLiteral("--server"),
                              m_cluster->url(role)};
        if (json)
            arguments.append(QStringLiteral("--json"));
        return runPaperboy(library, arguments);
    }

    QJsonObject syncOk(const QString &library, const QString &role)
    {
        const CliRun run = sync(library, role);
        if (run.exitCode != 0)
            qWarning("sync failed (%d): %s", run.exitCode, run.err.constData());
        return run.exitCode == 0 ? run.json().object() : QJsonObject();
    }

    QJsonObject show(const QString &library, const QString &id)
    {
        return runPaperboy(library, {QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object();
    }

    bool cli(const QString &library, const QStringList &arguments)
    {
        const CliRun run = runPaperboy(library, arguments);
        if (run.exitCode != 0)
            qWarning("%s: %s", qPrintable(arguments.join(QLatin1Char(' '))), run.err.constData());
        return run.exitCode == 0;
    }

    QString psqlAs(const QString &role, const QString &sql)
    {
        QString out, error;
        if (!m_cluster->psqlAs(role, sql, &out, &error))
            return QStringLiteral("error: ") + error;
        return out;
    }

    static QStringList noteHistory(const QJsonObject &paper)
    {
        QStringList texts;
        for (const QJsonValue &version : paper.value(QStringLiteral("note_history")).toArray())
            texts.append(version.toObject().value(QStringLiteral("text")).toString());
        return texts;
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void changesAreTheDifferenceFromTheBaseline();
    void initServerIsIdempotentAndNeedsNoSuperuser();
    void usageAndRefusals();
    void tlsIsVerifiedAndPgpassServes();
    void twoLibrariesOfOneRoleSyncBothWays();
    void secondRoleSeesNoneOfTheFirstRolesRows();
    void theOtherKindsSyncToo();
    void serverStoppedMidRoundLeavesBothSidesAsTheyWere();
    void serverDownThenBack();
    void bothSidesEditTheSameNoteWhileApart();
    void userWritesLeaveTheBookkeepingAlone();
    void aChangeWakesOnlyTheRolesListeners();
};

void TestSync::initTestCase()
{
    QString why;
    if (PgCluster::binaries(&why).isEmpty())
        QSKIP(qPrintable(QStringLiteral("no PostgreSQL server programs: %1").arg(why)));
    QVERIFY(m_dir.isValid());
    m_cluster = std::make_unique<PgCluster>();
    QString error;
    QVERIFY2(m_cluster->create(&error), qPrintable(error));
    // One role per test that syncs, so no test sees another's rows; carol is never granted.
    const QStringList granted{QStringLiteral("alice"), QStringLiteral("bob"),
                              QStringLiteral("dave"),  QStringLiteral("erin"),
                              QStringLiteral("frank"), QStringLiteral("gina"),
                              QStringLiteral("hugo")};
    for (const QString &role : granted + QStringList{QStringLiteral("carol")})
        QVERIFY2(m_cluster->createRole(role, &error), qPrintable(error));
    const CliRun init = runPaperboy(
        newLibrary(false), QStringList{QStringLiteral("sync"), QStringLiteral("--init-server"),
                                       m_cluster->url(QStringLiteral("paperboy_owner")),
                                       QStringLiteral("--json"), QStringLiteral("--grant")} +
                               granted);
    QVERIFY2(init.exitCode == 0, init.err.constData());
    const QJsonObject report = init.json().object();
    QCOMPARE(report.value(QStringLiteral("from_version")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("schema_version")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("granted")).toArray().size(), granted.size());
}

void TestSync::cleanupTestCase()
{
    m_cluster.reset(); // stops the server
}

void TestSync::changesAreTheDifferenceFromTheBaseline()
{
    using namespace paperboy::sync;
    const ItemState baseline{{{kStar, kBoot}, QStringLiteral("1")},
                             {{kNote, kBoot}, QStringLiteral("old")},
                             {{kTag, joinKey(kBoot, QStringLiteral("gen"))}, QStringLiteral("1")},
                             {{kPaper, kBoot}, QStringLiteral("{}")}};
    const ItemState current{{{kStar, kBoot}, QStringLiteral("1")},
                            {{kNote, kBoot}, QStringLiteral("new")},
                            {{kRead, kScene}, QStringLiteral("1")}};
    const QList<ItemChange> changes = localChanges(current, baseline);
    // The note changed, a read mark is new, the tag is gone; the star did not change and the
    // paper record is not the reader's.
    const QList<ItemChange> expected{{{kNote, kBoot}, QStringLiteral("new")},
                                     {{kRead, kScene}, QStringLiteral("1")},
                                     {{kTag, joinKey(kBoot, QStringLiteral("gen"))}, std::nullopt}};
    QVERIFY(changes == expected);
    QCOMPARE(paperIdOf({kTag, joinKey(kBoot, QStringLiteral("gen"))}), kBoot);
    QVERIFY(localChanges(current, current).isEmpty());
}

void TestSync::initServerIsIdempotentAndNeedsNoSuperuser()
{
    QCOMPARE(psqlAs(QStringLiteral("paperboy_owner"),
                    QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")),
             QStringLiteral("f"));
    const QString before = psqlAs(QStringLiteral("paperboy_owner"),
                                  QStringLiteral("SELECT key, value FROM paperboy_sync.meta"
                                                 " ORDER BY key"));
    const CliRun again =
        runPaperboy(newLibrary(false), {QStringLiteral("sync"), QStringLiteral("--init-server"),
                                        m_cluster->url(QStringLiteral("paperboy_owner")),
                                        QStringLiteral("--grant"), QStringLiteral("alice")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.contains("already up to date"), again.out.constData());
    QCOMPARE(psqlAs(QStringLiteral("paperboy_owner"),
                    QStringLiteral("SELECT key, value FROM paperboy_sync.meta ORDER BY key")),
             before);
    // An unknown role: refused by name, and nothing granted to anyone (one transaction).
    const CliRun unknown =
        runPaperboy(newLibrary(false),
                    {QStringLiteral("sync"), QStringLiteral("--init-server"),
                     m_cluster->url(QStringLiteral("paperboy_owner")), QStringLiteral("--grant"),
                     QStringLiteral("carol"), QStringLiteral("nosuchrole")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no role named 'nosuchrole'"), unknown.err.constData());
    QVERIFY(psqlAs(QStringLiteral("carol"), QStringLiteral("SELECT count(*) FROM"
                                                           " paperboy_sync.items"))
                .startsWith(QLatin1String("error:")));
    // A role never granted cannot sync, and is told who can fix it.
    const QString library = newLibrary(true);
    const QString state = libraryState(library);
    const CliRun refused = sync(library, QStringLiteral("carol"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("--init-server"), refused.err.constData());
    QCOMPARE(libraryState(library), state);
}

void TestSync::usageAndRefusals()
{
    const QString library = newLibrary(true);
    const QString state = libraryState(library);
    CliRun run = runPaperboy(library, {QStringLiteral("sync")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("PAPERBOY_SYNC_URL"), run.err.constData());
    run = runPaperboy(library, {QStringLiteral("sync"), QStringLiteral("--server"),
                                QStringLiteral("http://example.org/db")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("postgresql://"), run.err.constData());
    // A wrong password: refused by the server, the password never printed.
    QString wrong = m_cluster->url(QStringLiteral("alice"));
    wrong.replace(PgCluster::password(QStringLiteral("alice")), QStringLiteral("not-it"));
    run = runPaperboy(library, {QStringLiteral("sync"), QStringLiteral("--server"), wrong});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("password authentication failed"), run.err.constData());
    QVERIFY2(run.err.contains("nothing was changed"), run.err.constData());
    QVERIFY(!run.err.contains("not-it"));
    QCOMPARE(libraryState(library), state);
    // The password from PGPASSWORD, the URL from PAPERBOY_SYNC_URL, as headless machines do.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), library);
    env.insert(QStringLiteral("PAPERBOY_SYNC_URL"), m_cluster->url(QStringLiteral("bob"), false));
    env.insert(QStringLiteral("PGPASSWORD"), PgCluster::password(QStringLiteral("bob")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PAPERBOY_BINARY), {QStringLiteral("sync")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(process.readAllStandardOutput().startsWith("synced with bob@127.0.0.1"));
}

void TestSync::tlsIsVerifiedAndPgpassServes()
{
    const QString library = newLibrary(true);
    const QString role = QStringLiteral("gina");
    const QString ownCa = QStringLiteral(PAPERBOY_TEST_DATA "/tls/localhost.crt");
    // verify-full: the server's certificate is checked against the given authority and its
    // name against 127.0.0.1.
    CliRun run =
        runPaperboy(library, {QStringLiteral("sync"), QStringLiteral("--server"),
                              m_cluster->url(role) +
                                  QStringLiteral("?sslmode=verify-full&sslrootcert=") + ownCa});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Trusting another authority, the same server is refused before any password is sent.
    const QString state = libraryState(library);
    const QString publicCas = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
    if (QFile::exists(publicCas)) {
        run = runPaperboy(library,
                          {QStringLiteral("sync"), QStringLiteral("--server"),
                           m_cluster->url(role) +
                               QStringLiteral("?sslmode=verify-full&sslrootcert=") + publicCas});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("certificate verify failed"), run.err.constData());
        QVERIFY2(run.err.contains("nothing was changed on either side"), run.err.constData());
    }
    QCOMPARE(libraryState(library), state);

    // ~/.pgpass, as psql reads it, for a URL without a password.
    QTemporaryDir home;
    QFile pgpass(home.filePath(QStringLiteral(".pgpass")));
    QVERIFY(pgpass.open(QIODevice::WriteOnly));
    pgpass.write(QStringLiteral("127.0.0.1:%1:paperboy:%2:%3\n")
                     .arg(m_cluster->port())
                     .arg(role, PgCluster::password(role))
                     .toUtf8());
    pgpass.close();
    QVERIFY(pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), library);
    env.insert(QStringLiteral("HOME"), home.path());
    env.remove(QStringLiteral("PGPASSWORD"));
    env.remove(QStringLiteral("PGPASSFILE"));
    process.setProcessEnvironment(env);
    process.start(
        QStringLiteral(PAPERBOY_BINARY),
        {QStringLiteral("sync"), QStringLiteral("--server"), m_cluster->url(role, false)});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestSync::twoLibrariesOfOneRoleSyncBothWays()
{
    const QString laptop = newLibrary(true);
    const QString desktop = newLibrary(false); // knows none of the papers yet
    const QString alice = QStringLiteral("alice");
    QVERIFY(cli(laptop, {QStringLiteral("star"), kBoot}));
    QVERIFY(cli(laptop, {QStringLiteral("note"), kBoot, QStringLiteral("check Table 2")}));
    QVERIFY(cli(laptop, {QStringLiteral("tag"), kBoot, QStringLiteral("diffusion")}));
    QVERIFY(cli(laptop, {QStringLiteral("tag"), kScene, QStringLiteral("diffusion")}));
    QVERIFY(cli(laptop, {QStringLiteral("save-search"), QStringLiteral("kd"),
                         QStringLiteral("distillation")}));
    QJsonObject report = syncOk(laptop, alice);
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 5);
    QCOMPARE(report.value(QStringLiteral("pulled")).toInt(), 0);

    report = syncOk(desktop, alice);
    QCOMPARE(report.value(QStringLiteral("pulled")).toInt(), 5);
    QCOMPARE(report.value(QStringLiteral("papers_added")).toInt(), 2);
    QJsonObject boot = show(desktop, kBoot);
    QCOMPARE(boot.value(QStringLiteral("starred")).toBool(), true);
    QCOMPARE(boot.value(QStringLiteral("note")).toString(), QStringLiteral("check Table 2"));
    QCOMPARE(boot.value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("diffusion")});
    // The minimal record carries the laptop's title, so the paper shows before any fetch.
    QCOMPARE(boot.value(QStringLiteral("title")).toString(),
             show(laptop, kBoot).value(QStringLiteral("title")).toString());
    const CliRun searches =
        runPaperboy(desktop, {QStringLiteral("searches"), QStringLiteral("--json")});
    QVERIFY(searches.out.contains("\"distillation\""));

    // The other way: untag, unstar, a new tag and a replaced saved search on the desktop.
    QVERIFY(cli(desktop, {QStringLiteral("untag"), kScene, QStringLiteral("diffusion")}));
    QVERIFY(cli(desktop, {QStringLiteral("unstar"), kBoot}));
    QVERIFY(cli(desktop, {QStringLiteral("tag"), kBoot, QStringLiteral("to-read")}));
    QVERIFY(cli(desktop, {QStringLiteral("save-search"), QStringLiteral("kd"),
                          QStringLiteral("distillation -survey"), QStringLiteral("--replace")}));
    report = syncOk(desktop, alice);
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 4);
    QCOMPARE(report.value(QStringLiteral("conflicts")).toArray().size(), 0);
    report = syncOk(laptop, alice);
    QCOMPARE(report.value(QStringLiteral("pulled")).toInt(), 4);
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 0);
    boot = show(laptop, kBoot);
    QCOMPARE(boot.value(QStringLiteral("starred")).toBool(), false);
    QCOMPARE(boot.value(QStringLiteral("tags")).toArray(),
             (QJsonArray{QStringLiteral("diffusion"), QStringLiteral("to-read")}));
    QCOMPARE(show(laptop, kScene).value(QStringLiteral("tags")).toArray(), QJsonArray());
    QVERIFY(runPaperboy(laptop, {QStringLiteral("searches")}).out.contains("distillation -survey"));
    // Removals are tombstones on the server, not deleted rows.
    QCOMPARE(psqlAs(alice, QStringLiteral("SELECT deleted FROM paperboy_sync.items WHERE kind ="
                                          " 'star' AND key = '%1'")
                               .arg(kBoot)),
             QStringLiteral("t"));
    // A round with nothing new on either side changes nothing.
    const QString state = libraryState(laptop);
    report = syncOk(laptop, alice);
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("pulled")).toInt(), 0);
    QCOMPARE(libraryState(laptop).section(QLatin1Char('|'), 0, 0),
             state.section(QLatin1Char('|'), 0, 0));
}

void TestSync::secondRoleSeesNoneOfTheFirstRolesRows()
{
    const QString alices = newLibrary(true);
    QVERIFY(cli(alices, {QStringLiteral("star"), kScene}));
    QVERIFY(cli(alices, {QStringLiteral("note"), kScene, QStringLiteral("alice's private note")}));
    QVERIFY(syncOk(alices, QStringLiteral("alice")).value(QStringLiteral("pushed")).toInt() >= 2);
    QVERIFY(psqlAs(QStringLiteral("alice"), QStringLiteral("SELECT count(*) FROM"
                                                           " paperboy_sync.items"))
                .toInt() > 0);
    // bob, through psql: no row of alice's to read, change or delete.
    const QString bob = QStringLiteral("bob");
    QCOMPARE(psqlAs(bob, QStringLiteral("SELECT count(*) FROM paperboy_sync.items WHERE owner"
                                        " <> current_user")),
             QStringLiteral("0"));
    QCOMPARE(psqlAs(bob, QStringLiteral("SELECT count(*) FROM paperboy_sync.items WHERE value"
                                        " LIKE '%private%'")),
             QStringLiteral("0"));
    QCOMPARE(psqlAs(bob, QStringLiteral("WITH u AS (UPDATE paperboy_sync.items SET value = 'x'"
                                        " WHERE owner = 'alice' RETURNING 1)"
                                        " SELECT count(*) FROM u")),
             QStringLiteral("0"));
    QVERIFY(psqlAs(bob, QStringLiteral("DELETE FROM paperboy_sync.items"))
                .contains(QLatin1String("permission denied")));
    // A row bob writes "as alice" is bob's: the server sets the owner, time and order.
    psqlAs(bob, QStringLiteral("INSERT INTO paperboy_sync.items (owner, kind, key, value,"
                               " device, seq, changed) VALUES ('alice', 'star', 'forged', '1',"
                               " 'x', 1, '2000-01-01')"));
    QCOMPARE(psqlAs(bob, QStringLiteral("SELECT owner, seq > 1, changed > '2020-01-01' FROM"
                                        " paperboy_sync.items WHERE key = 'forged'")),
             QStringLiteral("bob|t|t"));
    QCOMPARE(psqlAs(QStringLiteral("alice"), QStringLiteral("SELECT count(*) FROM"
                                                            " paperboy_sync.items WHERE key ="
                                                            " 'forged'")),
             QStringLiteral("0"));
    // bob's library pulls only bob's own rows.
    const QString bobs = newLibrary(true);
    const QJsonObject report = syncOk(bobs, bob);
    QCOMPARE(show(bobs, kScene).value(QStringLiteral("starred")).toBool(), false);
    QCOMPARE(show(bobs, kScene).value(QStringLiteral("note")).toString(), QString());
    QCOMPARE(report.value(QStringLiteral("role")).toString(), bob);
}

void TestSync::theOtherKindsSyncToo()
{
    const QString role = QStringLiteral("hugo");
    const QString laptop = newLibrary(true);
    const QString desktop = newLibrary(true);
    QVERIFY(cli(laptop, {QStringLiteral("dismiss"), kScene}));
    QVERIFY(cli(laptop, {QStringLiteral("follow"), QStringLiteral("Olivier J. Hénaff")}));
    QVERIFY(cli(laptop, {QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("gen"),
                         QStringLiteral("diffusion"), QStringLiteral("--tag"),
                         QStringLiteral("generative")}));
    QVERIFY(
        cli(laptop, {QStringLiteral("trends"), QStringLiteral("--save"), QStringLiteral("Video"),
                     QStringLiteral("video"), QStringLiteral("diffusion"), QStringLiteral("--by"),
                     QStringLiteral("week")}));
    QVERIFY(cli(laptop, {QStringLiteral("translate"), kBoot, QStringLiteral("--set-title"),
                         QStringLiteral("BOOT：无数据蒸馏")}));
    QVERIFY(cli(laptop, {QStringLiteral("add"), kScene})); // held: nothing asked of arXiv
    QCOMPARE(syncOk(laptop, role).value(QStringLiteral("pushed")).toInt(), 6);
    QCOMPARE(syncOk(desktop, role).value(QStringLiteral("pulled")).toInt(), 6);
    auto output = [](const QString &library, const QStringList &arguments) {
        return QString::fromUtf8(runPaperboy(library, arguments).out);
    };
    QVERIFY(output(desktop, {QStringLiteral("following")}).contains(QStringLiteral("Hénaff")));
    const QString rules = output(desktop, {QStringLiteral("rule"), QStringLiteral("list")});
    QVERIFY2(rules.contains(QStringLiteral("gen")) && rules.contains(QStringLiteral("generative")),
             qPrintable(rules));
    const QString trends =
        output(desktop, {QStringLiteral("trends"), QStringLiteral("--list-saved")});
    QVERIFY2(trends.contains(QStringLiteral("Video")), qPrintable(trends));
    {
        Database db;
        QVERIFY(db.open(desktop, Database::Mode::ReadOnly));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT language, title FROM user_translations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("zh"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("BOOT：无数据蒸馏"));
    }
    QVERIFY(output(desktop, {QStringLiteral("search"), QStringLiteral("is:dismissed")})
                .contains(kScene));
    QVERIFY(
        output(desktop, {QStringLiteral("search"), QStringLiteral("is:added")}).contains(kScene));

    // Undone on the desktop, undone on the laptop.
    QVERIFY(cli(desktop, {QStringLiteral("undismiss"), kScene}));
    QVERIFY(cli(desktop, {QStringLiteral("unfollow"), QStringLiteral("Olivier J. Hénaff")}));
    QVERIFY(
        cli(desktop, {QStringLiteral("rule"), QStringLiteral("remove"), QStringLiteral("gen")}));
    QVERIFY(cli(desktop, {QStringLiteral("trends"), QStringLiteral("--delete-saved"),
                          QStringLiteral("Video")}));
    QCOMPARE(syncOk(desktop, role).value(QStringLiteral("pushed")).toInt(), 4);
    QCOMPARE(syncOk(laptop, role).value(QStringLiteral("pulled")).toInt(), 4);
    QVERIFY(!output(laptop, {QStringLiteral("following")}).contains(QStringLiteral("Hénaff")));
    QVERIFY(!output(laptop, {QStringLiteral("rule"), QStringLiteral("list")})
                 .contains(QStringLiteral("generative")));
    QVERIFY(!output(laptop, {QStringLiteral("trends"), QStringLiteral("--list-saved")})
                 .contains(QStringLiteral("Video")));
    QVERIFY(!output(laptop, {QStringLiteral("search"), QStringLiteral("is:dismissed")})
                 .contains(kScene));
}

void TestSync::serverStoppedMidRoundLeavesBothSidesAsTheyWere()
{
    const QString role = QStringLiteral("dave");
    const QString library = newLibrary(true);
    QVERIFY(cli(library, {QStringLiteral("star"), kBoot}));
    syncOk(library, role);
    // Changes the next round will push: an unstar (an update of the row held below), a note.
    QVERIFY(cli(library, {QStringLiteral("unstar"), kBoot}));
    QVERIFY(cli(library, {QStringLiteral("note"), kScene, QStringLiteral("mid-round note")}));
    const QString state = libraryState(library);
    const QString serverRows = QStringLiteral("SELECT kind, key, coalesce(value, '-'), seq FROM"
                                              " paperboy_sync.items ORDER BY kind, key");
    const QString serverBefore = psqlAs(role, serverRows);

    // Another session of role's holds the star's row: the round blocks on it mid-push,
    // after its pull, inside its transaction; then the server goes down hard.
    std::unique_ptr<QProcess> holder = m_cluster->openPsql(role);
    QVERIFY(holder->waitForStarted());
    holder->write(QStringLiteral("BEGIN; SELECT key FROM paperboy_sync.items WHERE kind = 'star'"
                                 " AND key = '%1' FOR UPDATE;\n")
                      .arg(kBoot)
                      .toUtf8());
    QVERIFY(holder->waitForBytesWritten(10000));
    QString out, error;
    auto waitFor = [&](const QString &sql) {
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() &&
               (!m_cluster->psqlAdmin(sql, &out, &error) || out != QLatin1String("1")))
            QThread::msleep(100);
        return out == QLatin1String("1");
    };
    QVERIFY(waitFor(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = 'dave'"
                                   " AND state = 'idle in transaction'")));

    QProcess round;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), library);
    round.setProcessEnvironment(env);
    round.start(QStringLiteral(PAPERBOY_BINARY),
                {QStringLiteral("sync"), QStringLiteral("--server"), m_cluster->url(role)});
    QVERIFY(round.waitForStarted());
    const QString waiting = QStringLiteral(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'paperboy' AND"
        " wait_event_type = 'Lock'");
    QVERIFY(waitFor(waiting));
    QVERIFY2(m_cluster->stop(true, &error), qPrintable(error));
    QVERIFY(round.waitForFinished(60000));
    const QByteArray message = round.readAllStandardError();
    QCOMPARE(round.exitCode(), 1);
    QVERIFY2(message.contains("nothing was changed on either side"), message.constData());
    holder->kill();
    holder->waitForFinished();

    QCOMPARE(libraryState(library), state);
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    QCOMPARE(psqlAs(role, serverRows), serverBefore);
    // The next round sends it all.
    const QJsonObject report = syncOk(library, role);
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 2);
    QCOMPARE(psqlAs(role, QStringLiteral("SELECT value FROM paperboy_sync.items WHERE kind ="
                                         " 'note' AND key = '%1'")
                              .arg(kScene)),
             QStringLiteral("mid-round note"));
}

void TestSync::serverDownThenBack()
{
    const QString role = QStringLiteral("erin");
    const QString laptop = newLibrary(true);
    const QString desktop = newLibrary(true);
    syncOk(laptop, role);
    syncOk(desktop, role);
    QString error;
    QVERIFY2(m_cluster->stop(false, &error), qPrintable(error));
    QVERIFY(cli(laptop, {QStringLiteral("read"), kScene}));
    QVERIFY(cli(laptop, {QStringLiteral("tag"), kScene, QStringLiteral("offline")}));
    const QString state = libraryState(laptop);
    const CliRun down = sync(laptop, role, false);
    QCOMPARE(down.exitCode, 1);
    QVERIFY2(down.err.contains("cannot connect") && down.err.contains("127.0.0.1"),
             down.err.constData());
    QCOMPARE(libraryState(laptop), state);
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    QCOMPARE(syncOk(laptop, role).value(QStringLiteral("pushed")).toInt(), 2);
    syncOk(desktop, role);
    const QJsonObject scene = show(desktop, kScene);
    QCOMPARE(scene.value(QStringLiteral("read")).toBool(), true);
    QVERIFY(scene.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("offline")));
}

void TestSync::bothSidesEditTheSameNoteWhileApart()
{
    const QString role = QStringLiteral("frank");
    const QString laptop = newLibrary(true);
    const QString desktop = newLibrary(true);
    const QString id = QStringLiteral("2306.05544");
    QVERIFY(cli(laptop, {QStringLiteral("note"), id, QStringLiteral("first thoughts")}));
    syncOk(laptop, role);
    syncOk(desktop, role);
    QCOMPARE(show(desktop, id).value(QStringLiteral("note")).toString(),
             QStringLiteral("first thoughts"));
    // Apart: both edit the note.
    QVERIFY(cli(laptop, {QStringLiteral("note"), id, QStringLiteral("laptop: the ablation")}));
    QVERIFY(cli(desktop, {QStringLiteral("note"), id, QStringLiteral("desktop: the proof")}));
    syncOk(laptop, role);
    const QJsonObject report = syncOk(desktop, role);
    const QJsonArray conflicts = report.value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("note"));
    QCOMPARE(conflicts.first().toObject().value(QStringLiteral("remote")).toString(),
             QStringLiteral("laptop: the ablation"));
    syncOk(laptop, role);
    // The edit the server received last wins on both sides; the other text is in both
    // histories.
    for (const QString &library : {laptop, desktop}) {
        const QJsonObject paper = show(library, id);
        QCOMPARE(paper.value(QStringLiteral("note")).toString(),
                 QStringLiteral("desktop: the proof"));
        QVERIFY2(noteHistory(paper).contains(QStringLiteral("laptop: the ablation")),
                 qPrintable(noteHistory(paper).join(QStringLiteral(" / "))));
    }
}

void TestSync::userWritesLeaveTheBookkeepingAlone()
{
    const QString library = newLibrary(true);
    syncOk(library, QStringLiteral("gina"));
    const QString state = libraryState(library);
    QVERIFY(cli(library, {QStringLiteral("star"), kScene}));
    QVERIFY(cli(library, {QStringLiteral("note"), kScene, QStringLiteral("n")}));
    // The user rows changed; the bookkeeping (and the papers) did not: no trigger writes it.
    const QString after = libraryState(library);
    QVERIFY(after.section(QLatin1Char('|'), 0, 0) != state.section(QLatin1Char('|'), 0, 0));
    QCOMPARE(after.section(QLatin1Char('|'), 1), state.section(QLatin1Char('|'), 1));
}

void TestSync::aChangeWakesOnlyTheRolesListeners()
{
    auto address = [this](const QString &role) {
        QString error;
        return *sync::ServerAddress::parse(m_cluster->url(role), &error);
    };
    sync::ServerListener alices, bobs;
    QVERIFY2(alices.listen(address(QStringLiteral("alice"))), qPrintable(alices.error()));
    QVERIFY2(bobs.listen(address(QStringLiteral("bob"))), qPrintable(bobs.error()));
    QSignalSpy alice(&alices, &sync::ServerListener::changed);
    QSignalSpy bob(&bobs, &sync::ServerListener::changed);
    const QString library = newLibrary(true);
    QVERIFY(cli(library, {QStringLiteral("read"), kBoot}));
    const QJsonObject report = syncOk(library, QStringLiteral("alice"));
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 1);
    QVERIFY(alice.wait(2000));
    // One wake-up per round, naming the device that wrote.
    QCOMPARE(alice.count(), 1);
    QCOMPARE(alice.first().first().toString(), report.value(QStringLiteral("device")).toString());
    QTest::qWait(300);
    QCOMPARE(bob.count(), 0);
    // A round that changes nothing wakes nobody.
    alice.clear();
    QCOMPARE(syncOk(library, QStringLiteral("alice")).value(QStringLiteral("pushed")).toInt(), 0);
    QTest::qWait(500);
    QCOMPARE(alice.count(), 0);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
