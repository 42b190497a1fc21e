// The command line and the user's own data (issue #15): no command loses a note, a saved
// search or another library's backup without being asked to.

#include "backup/auto_backup.h"
#include "cli_runner.h"
#include "test_db.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QString kBoot = QStringLiteral("2306.05544");

// The built binary with its application data (and so its backup folder) under `home`.
CliRun runWithHome(const QString &home, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("PAPERBOY_DB"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    env.insert(QStringLiteral("HOME"), home);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    CliRun run;
    if (!process.waitForStarted() || !process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestCliUserData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QJsonObject show(const QString &id)
    {
        return runPaperboy(m_db, {QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object();
    }

private slots:
    void init()
    {
        m_db = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
    }

    // `note ID` without text cleared the note and exited 0.
    void noteWithoutTextIsAUsageError()
    {
        QCOMPARE(
            runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("keep me")}).exitCode,
            0);
        CliRun run = runPaperboy(m_db, {QStringLiteral("note"), kBoot});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--clear"), run.err.constData());
        run = runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("")});
        QCOMPARE(run.exitCode, 2);
        run = runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("-")}, "\n");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(show(kBoot)[QStringLiteral("note")].toString(), QStringLiteral("keep me"));

        run = runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("--clear")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(show(kBoot)[QStringLiteral("note")].isNull());
        run = runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("text"),
                                 QStringLiteral("--clear")});
        QCOMPARE(run.exitCode, 2);
    }

    void showGivesTheNoteHistory()
    {
        for (const char *text : {"first", "second", "third"})
            QCOMPARE(runPaperboy(m_db, {QStringLiteral("note"), kBoot, QString::fromUtf8(text)})
                         .exitCode,
                     0);
        QCOMPARE(
            runPaperboy(m_db, {QStringLiteral("note"), kBoot, QStringLiteral("--clear")}).exitCode,
            0);
        const QJsonArray history = show(kBoot)[QStringLiteral("note_history")].toArray();
        QCOMPARE(history.size(), 3);
        QStringList texts;
        for (const QJsonValue &version : history) {
            texts.append(version[QStringLiteral("text")].toString());
            QCOMPARE(version[QStringLiteral("by")].toString(), QStringLiteral("edit"));
            QVERIFY(QDateTime::fromString(version[QStringLiteral("replaced_at")].toString(),
                                          Qt::ISODateWithMs)
                        .isValid());
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("third"), QStringLiteral("second"),
                                     QStringLiteral("first")}));
        // A paper without history has an empty list, not a missing key.
        QVERIFY(show(QStringLiteral("2306.01667"))[QStringLiteral("note_history")].isArray());
    }

    void savingUnderAnExistingNameNeedsReplace()
    {
        CliRun run = runPaperboy(m_db, {QStringLiteral("save-search"), QStringLiteral("kd"),
                                        QStringLiteral("distillation")});
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(m_db, {QStringLiteral("save-search"), QStringLiteral("kd"),
                                 QStringLiteral("knowledge"), QStringLiteral("distillation")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("'kd' already exists"), run.err.constData());
        QVERIFY(run.err.contains("--replace"));
        run = runPaperboy(m_db, {QStringLiteral("searches"), QStringLiteral("--json")});
        QCOMPARE(run.json().array().first()[QStringLiteral("query")].toString(),
                 QStringLiteral("distillation"));

        run = runPaperboy(m_db, {QStringLiteral("save-search"), QStringLiteral("kd"),
                                 QStringLiteral("knowledge distillation"),
                                 QStringLiteral("--replace"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json()[QStringLiteral("replaced")].toBool());
        run = runPaperboy(m_db, {QStringLiteral("searches"), QStringLiteral("--json")});
        QCOMPARE(run.json().array().size(), 1);
        QCOMPARE(run.json().array().first()[QStringLiteral("query")].toString(),
                 QStringLiteral("knowledge distillation"));
    }

    // `--db A backup` and `--db B backup` on one day wrote the same file.
    void twoLibrariesKeepTheirOwnBackups()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const QString a = m_dir.filePath(QStringLiteral("a/library.sqlite"));
        const QString b = m_dir.filePath(QStringLiteral("b/library.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(a).path()) && QDir().mkpath(QFileInfo(b).path()));
        QCOMPARE(runWithHome(home, {QStringLiteral("--db"), a, QStringLiteral("import"),
                                    foundingDigestPath()})
                     .exitCode,
                 0);
        QCOMPARE(runWithHome(home, {QStringLiteral("--db"), b, QStringLiteral("import"),
                                    foundingDigestPath()})
                     .exitCode,
                 0);
        QCOMPARE(
            runWithHome(home, {QStringLiteral("--db"), a, QStringLiteral("star"), kBoot}).exitCode,
            0);
        const CliRun backupA = runWithHome(
            home, {QStringLiteral("--db"), a, QStringLiteral("backup"), QStringLiteral("--json")});
        const CliRun backupB = runWithHome(
            home, {QStringLiteral("--db"), b, QStringLiteral("backup"), QStringLiteral("--json")});
        QCOMPARE(backupA.exitCode, 0);
        QCOMPARE(backupB.exitCode, 0);
        const QString fileA = backupA.json()[QStringLiteral("file")].toString();
        const QString fileB = backupB.json()[QStringLiteral("file")].toString();
        QVERIFY2(fileA != fileB, qPrintable(fileA));
        QCOMPARE(QFileInfo(fileA).path(), QFileInfo(fileB).path());
        QVERIFY(QFile::exists(fileA) && QFile::exists(fileB));
        QCOMPARE(backupA.json()[QStringLiteral("papers")].toInt(), 1); // A's star
        QCOMPARE(backupB.json()[QStringLiteral("papers")].toInt(), 0);
        QCOMPARE(QFileInfo(fileA).fileName(), automaticBackupFileName(a, QDate::currentDate()));
    }
};

QTEST_GUILESS_MAIN(TestCliUserData)
#include "tst_cli_user_data.moc"
