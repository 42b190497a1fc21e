// paperboy export / backup / restore as a user runs them, each in its own process.

#include "cli_runner.h"
#include "test_db.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_first;  // first paper of the fixture day
    QString m_second; // second paper

    CliRun run(const QStringList &arguments, const QString &db = {})
    {
        return runPaperboy(db.isEmpty() ? m_db : db, arguments);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // `backup` without a file writes into the data folder: keep it inside the test.
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("xdg-data")).toUtf8());
        m_db = m_dir.filePath(QStringLiteral("library.sqlite"));
        CliRun r = run({QStringLiteral("import"), foundingDigestPath()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray papers = r.json().array();
        QVERIFY(papers.size() >= 2);
        m_first = papers.at(0).toObject().value(QLatin1String("id")).toString();
        m_second = papers.at(1).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(run({QStringLiteral("star"), m_first}).exitCode, 0);
        QCOMPARE(
            run({QStringLiteral("note"), m_first, QStringLiteral("discuss, on Friday")}).exitCode,
            0);
    }

    void helpListsCommands()
    {
        const CliRun r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"export", "backup", "restore"})
            QVERIFY2(r.out.contains(command), command);
    }

    void usageErrors()
    {
        CliRun r = run({QStringLiteral("export"), QStringLiteral("--starred")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--format"));
        r = run({QStringLiteral("export"), QStringLiteral("--starred"), QStringLiteral("--format"),
                 QStringLiteral("docx")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("docx"));
        r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("bibtex")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("export"), QStringLiteral("--starred"), QStringLiteral("--tag"),
                 QStringLiteral("x"), QStringLiteral("--format"), QStringLiteral("bibtex")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("exactly one"));
        r = run({QStringLiteral("export"), QStringLiteral("--date"), QStringLiteral("14.3.2024"),
                 QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("export"), QStringLiteral("--id"), QStringLiteral("9999.99999"),
                 QStringLiteral("--format"), QStringLiteral("bibtex")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("9999.99999"));
        r = run({QStringLiteral("restore")});
        QCOMPARE(r.exitCode, 2);
    }

    void exportStarredToStdout()
    {
        const CliRun r = run({QStringLiteral("export"), QStringLiteral("--starred"),
                              QStringLiteral("--format"), QStringLiteral("bibtex")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.count("@misc{"), 1);
        QVERIFY(r.out.contains(QStringLiteral("eprint = {%1}").arg(m_first).toUtf8()));
    }

    void exportIdsAndFormats()
    {
        CliRun r = run({QStringLiteral("export"), QStringLiteral("--id"), m_first,
                        QStringLiteral("--id"), QStringLiteral("arXiv:%1").arg(m_second),
                        QStringLiteral("--format"), QStringLiteral("ris")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.count("TY  - UNPB"), 2);
        QVERIFY(r.out.contains("N1  - discuss, on Friday"));

        r = run({QStringLiteral("export"), QStringLiteral("--id"),
                 m_first + QLatin1Char(',') + m_second, QStringLiteral("--format"),
                 QStringLiteral("csljson")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().array().size(), 2);
        QCOMPARE(r.json().array().at(1).toObject().value(QLatin1String("number")).toString(),
                 m_second);

        r = run({QStringLiteral("export"), QStringLiteral("--id"), m_first,
                 QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("id,version,title,title_zh,"));
        QVERIFY(r.out.contains("\"discuss, on Friday\"\r\n"));
    }

    void exportDayAsBilingualMarkdownFile()
    {
        const QString out = m_dir.filePath(QStringLiteral("reading-list.md"));
        const CliRun r =
            run({QStringLiteral("export"), QStringLiteral("--date"), QStringLiteral("2024-03-14"),
                 QStringLiteral("--format"), QStringLiteral("markdown"),
                 QStringLiteral("--bilingual"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QString text = QString::fromUtf8(readAll(out));
        QVERIFY(text.startsWith(QStringLiteral("# Reading list: 2024-03-14\n")));
        QVERIFY(text.contains(QStringLiteral("标题")));
        QVERIFY(text.contains(QStringLiteral("discuss, on Friday")));
    }

    void exportTagAndSearch()
    {
        QCOMPARE(run({QStringLiteral("tag"), m_second, QStringLiteral("group")}).exitCode, 0);
        CliRun r = run({QStringLiteral("export"), QStringLiteral("--tag"), QStringLiteral("group"),
                        QStringLiteral("--format"), QStringLiteral("bibtex")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.count("@misc{"), 1);
        r = run({QStringLiteral("export"), QStringLiteral("--search"), QStringLiteral("is:starred"),
                 QStringLiteral("--format"), QStringLiteral("csljson")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().array().size(), 1);
    }

    void backupAndRestoreIntoAFreshLibrary()
    {
        const QString file = m_dir.filePath(QStringLiteral("backup.json"));
        CliRun r = run({QStringLiteral("backup"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("backup.json"));
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        r = run({QStringLiteral("restore"), file, QStringLiteral("--json")}, fresh);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = r.json().object();
        QVERIFY(report.value(QLatin1String("papers_added")).toInt() >= 1);
        QVERIFY(report.value(QLatin1String("conflicts")).toArray().isEmpty());
        // Same user data on both sides.
        paperboy::Database a, b;
        QVERIFY(a.open(m_db, paperboy::Database::Mode::ReadOnly));
        QVERIFY(b.open(fresh, paperboy::Database::Mode::ReadOnly));
        QCOMPARE(userData(b.connection()), userData(a.connection()));
        // Twice: nothing new, still fine.
        r = run({QStringLiteral("restore"), file}, fresh);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("0 papers added, 0 updated"), r.out.constData());
    }

    void restoreRefusesBadFiles()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "paperboy-backup", "version": 99})");
        file.close();
        const CliRun r = run({QStringLiteral("restore"), bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("bad.json"));
        QVERIFY(r.err.contains("newer"));
    }

    void automaticBackupWithoutFile()
    {
        const CliRun r = run({QStringLiteral("backup"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString path = r.json().object().value(QLatin1String("file")).toString();
        QVERIFY2(path.startsWith(m_dir.filePath(QStringLiteral("xdg-data"))), qPrintable(path));
        QVERIFY(QFile::exists(path));
        QVERIFY(QFileInfo(path).fileName().startsWith(QStringLiteral("paperboy-backup-")));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
