// The crash harness's inputs and references: what each source stores when nothing is
// killed (what "whole" means), and the library the processes start from.

#include "crash_harness.h"
#include "crash_inputs.h"

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_http_server.h"
#include "test_pdf.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

namespace paperboy::crash {

namespace {

QString fixturePath(const QString &relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + relative;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QMap<QString, DigestShape> shapesOf(const QString &path, QStringList *problems)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly)) {
        problems->append(db.error());
        return {};
    }
    return readDigestShapes(db.connection(), problems);
}

} // namespace

bool CrashHarness::prepare()
{
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::temp().filePath(QStringLiteral("paperboy-crash-XXXXXX")));
    m_server = std::make_unique<test::TestHttpServer>();
    if (!m_dir->isValid() || !m_server->listen()) {
        m_stats.problems.append(QStringLiteral("cannot set up a temporary folder or the server"));
        return false;
    }
    m_server->route(QStringLiteral("/rss/cs.CV"),
                    {test::TestHttpServer::arxivRssFixture(
                        QStringLiteral("rss_2024-11-28_first120items.xml"))});
    m_server->route(
        QStringLiteral("/api/daily_papers"),
        {test::CannedResponse::ok(test::TestHttpServer::readFile(fixturePath(QStringLiteral(
                                      "hf-daily/hf_daily_papers_2026-06-12_first15.json"))),
                                  "application/json; charset=utf-8")});
    m_server->route(
        QStringLiteral("/data/2026-06-12_AI_enhanced_Chinese.jsonl"),
        {test::CannedResponse::ok(test::TestHttpServer::readFile(fixturePath(QStringLiteral(
                                      "digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"))),
                                  "text/plain; charset=utf-8")});
    // Kept PDFs (issue #21): a generated PDF with a text layer for each paper the harness keeps.
    for (const char *id : {"2306.05544", "2306.01667", "2306.04634"})
        m_server->route(
            QStringLiteral("/pdf/") + QLatin1String(id),
            {test::CannedResponse::ok(
                test::makeTextPdf({QStringLiteral("Crash run PDF of ") + QLatin1String(id),
                                   QStringLiteral("Second page of the run")}),
                "application/pdf")});
    m_database = m_dir->filePath(QStringLiteral("library.sqlite"));
    m_importFiles = {
        fixturePath(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl")),
        fixturePath(QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json")),
    };
    return writeInputs() && buildReference() && importBaseline();
}

bool CrashHarness::writeInputs()
{
    for (int day = 1; day <= 3; ++day) {
        const QDate date(2024, 5, day);
        const QString path = m_dir->filePath(
            QStringLiteral("meiri-xueshu-sudi_%1_cs.LG.txt").arg(date.toString(Qt::ISODate)));
        // Overlapping ids across days: the same paper listed on several days.
        if (!writeFile(path, syntheticDigest(date, m_options.syntheticEntries, day * 100))) {
            m_stats.problems.append(QStringLiteral("cannot write %1").arg(path));
            return false;
        }
        m_importFiles.append(path);
    }
    // The window's day: the newest, imported once, touched by nothing but the window.
    const QString windowDay =
        m_dir->filePath(QStringLiteral("meiri-xueshu-sudi_2030-01-01_cs.LG.txt"));
    m_snapshot = m_dir->filePath(QStringLiteral("arxiv-metadata-snapshot.jsonl"));
    m_upgradeTemplate = m_dir->filePath(QStringLiteral("version-6.sqlite"));
    QString error;
    if (!writeFile(windowDay, syntheticDigest(QDate(2030, 1, 1), 20, 900)) ||
        !writeFile(m_snapshot, syntheticSnapshot(m_options.snapshotPapers, 40)) ||
        !buildOldLibrary(fixturePath(QStringLiteral("upgrades/schema-v006.sqlite")),
                         m_upgradeTemplate, m_options.upgradePapers, &error)) {
        m_stats.problems.append(QStringLiteral("cannot write the inputs: %1").arg(error));
        return false;
    }
    m_upgradeUser = readUserKeys(m_upgradeTemplate, &error);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("crash-upgrade-count"));
        db.setDatabaseName(m_upgradeTemplate);
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT count(*) FROM papers")) && q.next())
            m_upgradePapers = q.value(0).toLongLong();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("crash-upgrade-count"));
    m_importFiles.append(windowDay); // last: loaders never pick it (see startLoader)
    return error.isEmpty() && m_upgradePapers > m_options.upgradePapers;
}

// Each source's digests as an unkilled run stores them: what "whole" means.
bool CrashHarness::buildReference()
{
    QMap<QString, DigestShape> reference;
    QStringList problems;
    int n = 0;
    for (const QString &file : m_importFiles + QStringList{m_snapshot}) {
        const QString path = m_dir->filePath(QStringLiteral("reference-%1.sqlite").arg(++n));
        {
            Database db;
            if (!db.open(path)) {
                m_stats.problems.append(db.error());
                return false;
            }
            Store store(db);
            const ImportReport report = Importer(store).importFile(file);
            if (!report.ok) {
                m_stats.problems.append(QStringLiteral("reference import: %1").arg(report.error));
                return false;
            }
        }
        const QMap<QString, DigestShape> shapes = shapesOf(path, &problems);
        m_digestsOfFile.insert(file, shapes.keys());
        reference.insert(shapes);
        QFile::remove(path);
    }
    m_snapshotDigests = m_digestsOfFile.value(m_snapshot);
    const QString base = m_server->baseUrl();
    const QList<std::pair<QStringList, QStringList *>> fetches = {
        {{QStringLiteral("fetch"), QStringLiteral("--force"), QStringLiteral("--rss-url"),
          base + QStringLiteral("/rss/")},
         &m_fetchDigests},
        {{QStringLiteral("fetch"), QStringLiteral("--force"), QStringLiteral("--source"),
          QStringLiteral("hf"), QStringLiteral("--date"), QStringLiteral("2026-06-12"),
          QStringLiteral("--hf-url"), base + QStringLiteral("/api/daily_papers")},
         &m_hfDigests},
        {{QStringLiteral("fetch"), QStringLiteral("--force"), QStringLiteral("--source"),
          QStringLiteral("digest"), QStringLiteral("--date"), QStringLiteral("2026-06-12"),
          QStringLiteral("--digest-url"),
          base + QStringLiteral("/data/{date}_AI_enhanced_{lang}.jsonl")},
         &m_digestDigests},
    };
    for (const auto &[arguments, digests] : fetches) {
        const QString path = m_dir->filePath(QStringLiteral("reference-%1.sqlite").arg(++n));
        QProcess *fetch = startPaperboy(arguments, path);
        const bool fetched = waitForProcess(fetch, 60000) && fetch->exitCode() == 0;
        const QString error = QString::fromUtf8(fetch->readAllStandardError());
        delete fetch;
        if (!fetched) {
            m_stats.problems.append(QStringLiteral("reference fetch failed: %1").arg(error));
            return false;
        }
        const QMap<QString, DigestShape> shapes = shapesOf(path, &problems);
        *digests = shapes.keys();
        for (auto it = shapes.cbegin(); it != shapes.cend(); ++it)
            if (reference.contains(it.key()) && !(reference.value(it.key()) == it.value()))
                problems.append(
                    QStringLiteral("%1 differs between import and fetch").arg(it.key()));
        reference.insert(shapes);
        QFile::remove(path);
    }
    if (!problems.isEmpty()) {
        m_stats.problems += problems;
        return false;
    }
    m_expected.setReferenceDigests(reference);
    m_expected.setGrowingDigests(
        QSet<QString>(m_snapshotDigests.cbegin(), m_snapshotDigests.cend()));
    return true;
}

// A library with papers to star before anything is killed, and the window's day.
bool CrashHarness::importBaseline()
{
    Database db;
    if (!db.open(m_database)) {
        m_stats.problems.append(db.error());
        return false;
    }
    Store store(db);
    Importer importer(store);
    for (const QString &file : {m_importFiles.at(0), m_importFiles.at(4), m_importFiles.last()}) {
        const ImportReport report = importer.importFile(file);
        if (!report.ok) {
            m_stats.problems.append(report.error);
            return false;
        }
        m_expected.importAcknowledged(m_digestsOfFile.value(file));
    }
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT arxiv_id FROM papers WHERE arxiv_id NOT LIKE '3001.%' "
                          "ORDER BY id LIMIT 72"));
    while (q.next())
        m_papers.append(q.value(0).toString());
    q.exec(QStringLiteral("SELECT arxiv_id FROM papers WHERE arxiv_id LIKE '3001.%'"));
    while (q.next())
        m_windowPapers.append(q.value(0).toString());
    if (m_papers.size() < 72 || m_windowPapers.size() != 20) {
        m_stats.problems.append(QStringLiteral("the baseline holds too few papers"));
        return false;
    }
    // Papers of their own for tag renames and restores, so no other writer holds them.
    m_restorePapers = m_papers.mid(60, 6);
    m_renamePapers = m_papers.mid(66, 6);
    m_papers = m_papers.mid(0, 60);
    for (const QString &paper : std::as_const(m_renamePapers)) {
        if (!store.addTags(paper, {QStringLiteral("rename-a")})) {
            m_stats.problems.append(store.lastError());
            return false;
        }
        m_expected.writeAcknowledged(QStringLiteral("tag:%1:rename-a").arg(paper),
                                     QStringLiteral("1"));
    }
    return true;
}

} // namespace paperboy::crash
