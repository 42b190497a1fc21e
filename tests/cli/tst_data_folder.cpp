// The data folder is ~/.local/share/paperboy; earlier versions used
// ~/.local/share/paperboy/paperboy. A user's library there is moved up on the next start,
// with its user data, unless it is open; nothing is overwritten or left unreachable.

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The binary with no --db and no PAPERBOY_DB: it must find the library by itself.
Run runWithDataHome(const QString &dataHome, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PAPERBOY_DB"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

const QString kPaper = QStringLiteral("2306.05544");

// The founding digest in a library at `path`, one paper starred and noted.
bool makeLibrary(const QString &path, bool keepOpen, std::unique_ptr<paperboy::Database> *open)
{
    auto db = std::make_unique<paperboy::Database>();
    if (!db->open(path))
        return false;
    paperboy::Store store(*db);
    if (!paperboy::Importer(store).importFile(paperboy::test::foundingDigestPath()).ok)
        return false;
    if (!store.setStarred(kPaper, true) || !store.setNote(kPaper, QStringLiteral("keep me")))
        return false;
    if (keepOpen)
        *open = std::move(db);
    return true;
}

} // namespace

class TestDataFolder : public QObject
{
    Q_OBJECT

private slots:
    void newLibraryGoesToTheDataFolder()
    {
        QTemporaryDir home;
        const Run run = runWithDataHome(
            home.path(), {QStringLiteral("import"), paperboy::test::foundingDigestPath()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("paperboy/paperboy.sqlite"))));
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("paperboy/paperboy"))));
    }

    void legacyLibraryMovesUpWithItsUserData()
    {
        QTemporaryDir home;
        const QString legacy = home.filePath(QStringLiteral("paperboy/paperboy"));
        QVERIFY(QDir().mkpath(legacy + QStringLiteral("/backups")));
        QFile marker(legacy + QStringLiteral("/backups/paperboy-backup-2026-01-01.json"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("{}");
        marker.close();
        QVERIFY(makeLibrary(legacy + QStringLiteral("/paperboy.sqlite"), false, nullptr));
        QVERIFY(!QFile::exists(legacy + QStringLiteral("/paperboy.sqlite-wal")));

        const Run run = runWithDataHome(home.path(),
                                        {QStringLiteral("show"), kPaper, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject paper = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(paper.value(QStringLiteral("starred")).toBool(), true);
        QCOMPARE(paper.value(QStringLiteral("note")).toString(), QStringLiteral("keep me"));
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("paperboy/paperboy.sqlite"))));
        QVERIFY(QFile::exists(
            home.filePath(QStringLiteral("paperboy/backups/paperboy-backup-2026-01-01.json"))));
        QVERIFY(!QDir(legacy).exists());
    }

    void openLegacyLibraryStaysWhereItIs()
    {
        // A write-ahead log beside the library: a process has it open (or crashed with it
        // open). Moving it then could separate the two; it is used where it is instead.
        QTemporaryDir home;
        const QString legacy = home.filePath(QStringLiteral("paperboy/paperboy"));
        QVERIFY(QDir().mkpath(legacy));
        std::unique_ptr<paperboy::Database> open;
        QVERIFY(makeLibrary(legacy + QStringLiteral("/paperboy.sqlite"), true, &open));
        QVERIFY(QFile::exists(legacy + QStringLiteral("/paperboy.sqlite-wal")));

        const Run run = runWithDataHome(home.path(),
                                        {QStringLiteral("show"), kPaper, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("starred")).toBool(),
            true);
        QVERIFY(QFile::exists(legacy + QStringLiteral("/paperboy.sqlite")));
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("paperboy/paperboy.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestDataFolder)
#include "tst_data_folder.moc"
