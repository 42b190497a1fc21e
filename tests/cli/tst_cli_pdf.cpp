// `paperboy pdf` as a user runs it (issue #21): the built binary against a server on
// 127.0.0.1 serving generated PDFs with a text layer; then search, show and backup see them.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"
#include "test_pdf.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kId = u"2306.05544"_s;

} // namespace

class TestCliPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;

    QString db() const { return m_dir.filePath(u"cli.sqlite"_s); }
    QString pdfs() const { return m_dir.filePath(u"xdg/paperboy/pdfs"_s); }

    // Asynchronous, so this process's event loop keeps serving the binary.
    CliRun pdf(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PAPERBOY_DB"_s, db());
        env.insert(u"PAPERBOY_MIN_REQUEST_SPACING_MS"_s, u"20"_s);
        env.insert(u"PAPERBOY_FETCH_BACKOFF_MS"_s, u"20"_s);
        env.insert(u"PAPERBOY_FETCH_TIMEOUT_MS"_s, u"2000"_s);
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(PAPERBOY_BINARY),
                      QStringList{u"pdf"_s, u"--pdf-url"_s, m_server->baseUrl() + u"/pdf/{id}"_s} +
                          arguments);
        CliRun run;
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QJsonObject show(const QString &id)
    {
        const CliRun run = runPaperboy(db(), {u"show"_s, id, u"--json"_s});
        return run.json().object();
    }

    QJsonArray results(const QString &query)
    {
        const CliRun run = runPaperboy(db(), {u"search"_s, query, u"--json"_s});
        return run.json().object().value(u"results"_s).toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Children inherit it: the data folder, and so pdfs/, live in the temporary folder.
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"xdg"_s).toUtf8());
        QCOMPARE(runPaperboy(db(), {u"import"_s, foundingDigestPath()}).exitCode, 0);
    }

    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void helpListsIt()
    {
        const CliRun run = runPaperboy(db(), {u"--help"_s});
        QVERIFY(run.out.contains("pdf ID... [--pdf-url TEMPLATE]"));
        QVERIFY(run.out.contains("fulltext:"));
    }

    void keepsSearchesAndRemoves()
    {
        const QByteArray file =
            makeTextPdf({u"Introduction\nDistillation of dense predictors."_s,
                         u"Results\nThe wombatgrid ablation is on page two."_s});
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(file, "application/pdf")});
        CliRun run = pdf({kId, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject kept = run.json().object().value(u"pdfs"_s).toArray().first().toObject();
        QCOMPARE(kept.value(u"ok"_s).toBool(), true);
        QCOMPARE(kept.value(u"pages"_s).toInt(), 2);
        QCOMPARE(kept.value(u"bytes"_s).toInteger(), file.size());
        const QString path = QDir(pdfs()).filePath(u"2306.05544.pdf"_s);
        QCOMPARE(kept.value(u"file"_s).toString(), path);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(m_server->requests().size(), 1);

        // Paper JSON.
        QJsonObject paper = show(kId);
        QCOMPARE(paper.value(u"pdf_file"_s).toString(), path);
        QCOMPARE(paper.value(u"pdf_pages"_s).toInt(), 2);

        const CliRun shown = runPaperboy(db(), {u"show"_s, kId});
        QVERIFY2(shown.out.contains("Kept PDF  : " + path.toUtf8() + " (2 pages)"),
                 shown.out.constData());

        // fulltext: finds the word on page 2 and says page 2; plain words find it too.
        QJsonArray found = results(u"fulltext:wombatgrid"_s);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value(u"id"_s).toString(), kId);
        QCOMPARE(found.first().toObject().value(u"pdf_matched_pages"_s).toArray(), QJsonArray({2}));
        QCOMPARE(results(u"wombatgrid"_s).size(), 1);
        const CliRun text = runPaperboy(db(), {u"search"_s, u"fulltext:wombatgrid"_s});
        QVERIFY2(text.out.contains("in the PDF on page 2"), text.out.constData());

        // A second run keeps what it has: no request.
        run = pdf({kId});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("kept already"));
        QCOMPARE(m_server->requests().size(), 1);

        // Backups list it, without the file.
        const QString backup = m_dir.filePath(u"backup.json"_s);
        run = runPaperboy(db(), {u"backup"_s, backup, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(u"pdfs"_s).toInt(), 1);
        QFile backupFile(backup);
        QVERIFY(backupFile.open(QIODevice::ReadOnly));
        const QByteArray backupBytes = backupFile.readAll();
        const QJsonObject document = QJsonDocument::fromJson(backupBytes).object();
        QCOMPARE(document.value(u"version"_s).toInt(), 7);
        const QJsonObject listed = document.value(u"pdfs"_s).toArray().first().toObject();
        QCOMPARE(listed.value(u"id"_s).toString(), kId);
        QCOMPARE(listed.value(u"pages"_s).toInt(), 2);
        QCOMPARE(listed.value(u"bytes"_s).toInteger(), file.size());
        QVERIFY(!backupBytes.contains("wombatgrid")); // no text, no file
        QVERIFY(!backupBytes.contains("%PDF"));

        // Removing takes the file and the text.
        run = runPaperboy(db(), {u"pdf"_s, kId, u"--remove"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(results(u"fulltext:wombatgrid"_s).size(), 0);
        QCOMPARE(results(u"wombatgrid"_s).size(), 0);
        paper = show(kId);
        QVERIFY(paper.value(u"pdf_file"_s).isNull());
        QVERIFY(paper.value(u"pdf_pages"_s).isNull());

        // The restore finds no file: it says to download it again, and records nothing.
        run = runPaperboy(db(), {u"restore"_s, backup, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(u"pdfs_to_download"_s).toArray(), QJsonArray({kId}));
        QVERIFY(show(kId).value(u"pdf_file"_s).isNull());
    }

    void htmlInsteadOfAPdfIsRefused()
    {
        m_server->route(u"/pdf/"_s + kId,
                        {CannedResponse::ok("<html><body>Access denied</body></html>",
                                            "text/html; charset=utf-8")});
        const CliRun run = pdf({kId});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("not a PDF"), run.out.constData());
        QVERIFY(run.out.contains(m_server->baseUrl().toUtf8() + "/pdf/2306.05544"));
        QCOMPARE(QDir(pdfs()).entryList(QDir::Files), QStringList());
        QVERIFY(show(kId).value(u"pdf_file"_s).isNull());
    }

    void tooBigIsRefused()
    {
        const QByteArray file = makeTextPdf({QString(4000, u'x')});
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(file, "application/pdf")});
        const CliRun run = pdf({kId, u"--max-mb"_s, u"0.001"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("larger than the limit"), run.out.constData());
        QCOMPARE(QDir(pdfs()).entryList(QDir::Files), QStringList());
    }

    void usageErrors()
    {
        QCOMPARE(pdf({u"not-an-id"_s}).exitCode, 2);
        QCOMPARE(runPaperboy(db(), {u"pdf"_s, kId, u"--pdf-url"_s, u"ftp://x/{id}"_s}).exitCode, 2);
        QCOMPARE(runPaperboy(db(), {u"pdf"_s, kId, u"--pdf-url"_s, u"https://x/pdf"_s}).exitCode,
                 2);
        QCOMPARE(runPaperboy(db(), {u"pdf"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliPdf)
#include "tst_cli_pdf.moc"
