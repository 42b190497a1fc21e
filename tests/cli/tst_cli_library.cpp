// The headless command line, run as a separate process without a display.

#include "cli_runner.h"
#include "test_db.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;

class TestCliLibrary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }

private slots:
    void init()
    {
        m_db = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
    }

    void versionAndHelpWithoutDisplay()
    {
        CliRun run = runPaperboy(m_db, {QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("paperboy "));
        run = runPaperboy(m_db, {QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *command : {"import", "dates", "list", "show", "star", "unstar", "note"})
            QVERIFY2(run.out.contains(command), command);
        QVERIFY(!QFile::exists(m_db)); // --help opens no database
    }

    void usageErrors()
    {
        CliRun run = runPaperboy(m_db, {QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command"));
        run = runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--bogus")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--bogus"));
        run = runPaperboy(m_db, {QStringLiteral("import")});
        QCOMPARE(run.exitCode, 2);
        run = runPaperboy(
            m_db, {QStringLiteral("list"), QStringLiteral("--date"), QStringLiteral("yesterday")});
        QCOMPARE(run.exitCode, 2);
        run = runPaperboy(m_db, {QStringLiteral("show"), QStringLiteral("not-an-id")});
        QCOMPARE(run.exitCode, 2);
    }

    void importListShowStarNote()
    {
        CliRun run = runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        run = runPaperboy(m_db, {QStringLiteral("dates"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray days = run.json().array();
        QCOMPARE(days.size(), 1);
        QCOMPARE(days[0][QStringLiteral("date")].toString(), QStringLiteral("2024-03-14"));
        QCOMPARE(days[0][QStringLiteral("papers")].toInt(), 3);

        run = runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--date"),
                                 QStringLiteral("2024-03-14"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray papers = run.json().array();
        QCOMPARE(papers.size(), 3);
        QCOMPARE(papers[0][QStringLiteral("id")].toString(), QStringLiteral("2306.01667"));
        QCOMPARE(papers[1][QStringLiteral("id")].toString(), QStringLiteral("2306.05544"));
        QCOMPARE(papers[2][QStringLiteral("id")].toString(), QStringLiteral("2306.01128"));
        const QJsonObject boot = papers[1].toObject();
        for (const char *key : {"id", "version", "title", "title_zh", "authors", "abstract",
                                "abstract_zh", "categories", "abs_url", "pdf_url", "code_url",
                                "code_url_warning", "starred", "read", "note", "tags", "digest"})
            QVERIFY2(boot.contains(QLatin1String(key)), key);
        QCOMPARE(boot[QStringLiteral("title_zh")].toString(),
                 QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
        QCOMPARE(boot[QStringLiteral("authors")].toArray().size(), 5);
        QCOMPARE(boot[QStringLiteral("abs_url")].toString(),
                 QStringLiteral("https://arxiv.org/abs/2306.05544"));
        QCOMPARE(boot[QStringLiteral("code_url")].toString(),
                 QStringLiteral("https://github.com/princeton-nlp/TransformerPrograms"));
        QVERIFY(boot[QStringLiteral("code_url_warning")].toString().contains(
            QStringLiteral("Learning Transformer Programs")));
        QVERIFY(boot[QStringLiteral("abstract")].isNull()); // the digest gave no English abstract
        QVERIFY(boot[QStringLiteral("note")].isNull());
        QVERIFY(papers[0][QStringLiteral("code_url")].isNull());
        QVERIFY(papers[0][QStringLiteral("code_url_warning")].isNull());
        QCOMPARE(boot[QStringLiteral("digest")][QStringLiteral("date")].toString(),
                 QStringLiteral("2024-03-14"));
        QCOMPARE(boot[QStringLiteral("digest")][QStringLiteral("category")].toString(),
                 QStringLiteral("cs.CV"));
        QCOMPARE(boot[QStringLiteral("digest")][QStringLiteral("position")].toInt(), 2);
        QCOMPARE(boot[QStringLiteral("starred")].toBool(), false);

        run = runPaperboy(
            m_db, {QStringLiteral("star"), QStringLiteral("https://arxiv.org/abs/2306.05544v1")});
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(
            m_db, {QStringLiteral("note"), QStringLiteral("2306.05544"), QStringLiteral("-")},
            QStringLiteral("多行笔记\nsecond line\n").toUtf8());
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(
            m_db, {QStringLiteral("show"), QStringLiteral("2306.05544"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json()[QStringLiteral("starred")].toBool(), true);
        QCOMPARE(run.json()[QStringLiteral("note")].toString(),
                 QStringLiteral("多行笔记\nsecond line"));

        // Re-import keeps the star and the note.
        run = runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()});
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(m_db, {QStringLiteral("unstar"), QStringLiteral("2306.01667")});
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(
            m_db, {QStringLiteral("show"), QStringLiteral("2306.05544"), QStringLiteral("--json")});
        QCOMPARE(run.json()[QStringLiteral("starred")].toBool(), true);
        QCOMPARE(run.json()[QStringLiteral("note")].toString(),
                 QStringLiteral("多行笔记\nsecond line"));

        run = runPaperboy(m_db, {QStringLiteral("show"), QStringLiteral("2306.05544")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("BOOT:使用 Bootstrapping")));

        run = runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2401.99999")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("not in the library"));
    }

    // Plain text reads math as a reader would; --json keeps what arXiv published (#23).
    void showConvertsMath()
    {
        const QString feed =
            QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-rss/rss_2024-11-28_first120items.xml");
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), feed}).exitCode, 0);

        CliRun run = runPaperboy(m_db, {QStringLiteral("show"), QStringLiteral("2411.17792")});
        QCOMPARE(run.exitCode, 0);
        const QString fusion = QString::fromUtf8(run.out);
        QVERIFY2(fusion.contains(QStringLiteral("Title     : H³Fusion: Helpful, Harmless")),
                 qPrintable(fusion));
        QVERIFY(!fusion.contains(QLatin1Char('$')));

        run = runPaperboy(m_db, {QStringLiteral("show"), QStringLiteral("2411.17898")});
        const QString erm = QString::fromUtf8(run.out);
        QVERIFY2(erm.contains(QStringLiteral("h ∈ ℋ")), qPrintable(erm));
        QVERIFY(erm.contains(QStringLiteral("ℍ")));
        QVERIFY(!erm.contains(QStringLiteral("\\mathcal")));

        run = runPaperboy(
            m_db, {QStringLiteral("show"), QStringLiteral("2411.17792"), QStringLiteral("--json")});
        QVERIFY(run.json()[QStringLiteral("title")].toString().startsWith(
            QStringLiteral("$H^3$Fusion")));

        run = runPaperboy(
            m_db, {QStringLiteral("list"), QStringLiteral("--date"), QStringLiteral("2024-11-28")});
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("H³Fusion")));
    }

    void badFilesFailClearlyAndChangeNothing()
    {
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2306.05544")}).exitCode,
                 0);
        const QByteArray before =
            runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--json")}).out;

        const QString empty = writeFile(QStringLiteral("empty.txt"), {});
        const QString binary =
            writeFile(QStringLiteral("noise.bin"), QByteArray("\x7f"
                                                              "ELF\x02\x01\x01\x00\x00\x00",
                                                              10)
                                                       .repeated(300));
        QByteArray truncatedBytes;
        {
            QFile f(foundingDigestPath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            truncatedBytes = f.readAll();
        }
        // Cut inside paper 2, before its arXiv link.
        truncatedBytes.truncate(
            truncatedBytes.indexOf("文章链接:https://arxiv.org/abs/2306.05544"));
        const QString truncated = writeFile(QStringLiteral("truncated.txt"), truncatedBytes + "\n");
        const QString unknown =
            writeFile(QStringLiteral("notes.txt"), "Shopping list:\n- milk\n- eggs\n");
        for (const QString &path : {empty, binary, truncated, unknown}) {
            const CliRun run = runPaperboy(m_db, {QStringLiteral("import"), path});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
        }
        const CliRun unknownRun = runPaperboy(m_db, {QStringLiteral("import"), unknown});
        QVERIFY(unknownRun.err.contains("unknown format"));
        const CliRun truncatedRun = runPaperboy(m_db, {QStringLiteral("import"), truncated});
        QVERIFY2(truncatedRun.err.contains(QStringLiteral("%1:").arg(truncated).toUtf8()),
                 truncatedRun.err.constData());
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--json")}).out, before);

        // One good file among bad ones is still imported; the exit code reports the failure.
        const CliRun mixed = runPaperboy(
            m_db, {QStringLiteral("import"), empty,
                   fixture(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml"))});
        QCOMPARE(mixed.exitCode, 1);
        const CliRun list =
            runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--date"),
                               QStringLiteral("2024-11-28"), QStringLiteral("--json")});
        QCOMPARE(list.json().array().size(), 120);
    }

    void hugeAndLargeDigests()
    {
        QFile fixtureFile(foundingDigestPath());
        QVERIFY(fixtureFile.open(QIODevice::ReadOnly));
        const QByteArray digest = fixtureFile.readAll();

        // 100 MB that looks like a digest: refused with a reason, nothing stored.
        const QString huge = m_dir.filePath(QStringLiteral("huge.txt"));
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray block = digest.repeated(64);
            while (file.size() < 100LL * 1024 * 1024)
                file.write(block);
        }
        CliRun run = runPaperboy(m_db, {QStringLiteral("import"), huge});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("too large") && run.err.contains(huge.toUtf8()),
                 run.err.constData());
        QFile::remove(huge);

        // 2,000 entries in one digest: imported whole.
        QByteArray big = "每日学术速递2024.06.01\nSubjects: cs.LG\n\n";
        for (int i = 1; i <= 2000; ++i)
            big += QStringLiteral("%1.Paper %1\n标题:论文%1\n作者:A B, C "
                                  "D\n文章链接:https://arxiv.org/abs/2406.%2\n摘要:摘要。\n\n")
                       .arg(i)
                       .arg(i, 5, 10, QLatin1Char('0'))
                       .toUtf8();
        const QString bigPath = writeFile(QStringLiteral("big.txt"), big);
        run = runPaperboy(m_db, {QStringLiteral("import"), bigPath});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--date"),
                                 QStringLiteral("2024-06-01"), QStringLiteral("--json")});
        QCOMPARE(run.json().array().size(), 2000);
    }

    void newerDatabaseRefused()
    {
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("dates")}).exitCode, 0);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        const CliRun run = runPaperboy(m_db, {QStringLiteral("list")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("newer Paperboy"));
    }

    // An upgrade can rebuild the search index for minutes: the command says so before it
    // starts, once, and a library already at the latest version opens silently.
    void upgradeIsAnnounced()
    {
        QVERIFY(
            QFile::copy(QStringLiteral(PAPERBOY_TEST_DATA "/upgrades/schema-v004.sqlite"), m_db));
        QFile::setPermissions(m_db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        CliRun run = runPaperboy(m_db, {QStringLiteral("dates")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("upgrading") && run.err.contains("from schema version 4 to "),
                 run.err.constData());
        run = runPaperboy(m_db, {QStringLiteral("dates")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains("upgrading"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLibrary)
#include "tst_cli_library.moc"
