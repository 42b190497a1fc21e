// A stored day only grows (issue #15): a truncated copy of a digest, or a shorter listing of
// it from a fetch, never removes a paper stored before, and an entry cut off at the end of a
// file is reported (file and line) rather than stored half.

#include "cli_runner.h"
#include "import/digest_text_parser.h"
#include "import/importer.h"
#include "test_db.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QByteArray foundingDigest()
{
    QFile file(foundingDigestPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList dayIds(Store &store, const QDate &date)
{
    QStringList ids;
    const QList<PaperView> views = store.dayPapers(date);
    for (const PaperView &view : views)
        ids.append(view.paper.arxivId);
    return ids;
}

const QDate kDay(2024, 3, 14);
const QStringList kFullDay = {QStringLiteral("2306.01667"), QStringLiteral("2306.05544"),
                              QStringLiteral("2306.01128")};

DigestEntry entryFor(const QString &id, int position, const QString &translatedTitle = {})
{
    DigestEntry entry;
    entry.paper.arxivId = id;
    entry.paper.title = QStringLiteral("Paper %1").arg(id);
    entry.position = position;
    entry.translationLanguage = QStringLiteral("zh");
    entry.translatedTitle = translatedTitle;
    return entry;
}

} // namespace

class TestPartialCopies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        m_store.reset();
        m_database = std::make_unique<Database>();
        const QString path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QFile::remove(path);
        QVERIFY2(m_database->open(path), qPrintable(m_database->error()));
        m_store = std::make_unique<Store>(*m_database);
    }

    // The report of the audit: the copy cut inside entry 2 left the day with 1 paper of 3.
    void truncatedCopyAfterTheFullOneKeepsTheDay()
    {
        const QByteArray full = foundingDigest();
        Importer importer(*m_store);
        QVERIFY(importer.importBytes(full, QStringLiteral("full.txt")).ok);
        QCOMPARE(dayIds(*m_store, kDay), kFullDay);
        const QStringList stored = cacheData(m_database->connection());

        const qsizetype cut = full.indexOf("扩散模型已经证明") + 40; // inside entry 2's abstract
        const ImportReport report = importer.importBytes(full.left(cut), QStringLiteral("cut.txt"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(dayIds(*m_store, kDay), kFullDay);
        QCOMPARE(cacheData(m_database->connection()), stored);
        QVERIFY2(report.warnings.join(u'\n').contains(QStringLiteral("line 19: paper 2")),
                 qPrintable(report.warnings.join(u'\n')));
        QCOMPARE(report.summary.entriesKept, 2);
    }

    // Wherever the copy stops after entry 1, nothing stored changes and no half entry is
    // stored; a cut inside an entry is reported.
    void everyCutLeavesTheStoredDayWhole()
    {
        const QByteArray full = foundingDigest();
        Importer importer(*m_store);
        QVERIFY(importer.importBytes(full, QStringLiteral("full.txt")).ok);
        const QStringList stored = cacheData(m_database->connection());
        const qsizetype from = full.indexOf("\n2.BOOT") + 1;
        const qsizetype to = full.indexOf("更多Ai资讯");
        QVERIFY(from > 0 && to > from);
        int reported = 0;
        int cuts = 0;
        for (qsizetype cut = from + 1; cut < to - 1; cut += 53) {
            ++cuts;
            const ImportReport report =
                importer.importBytes(full.left(cut), QStringLiteral("cut.txt"));
            QVERIFY2(report.ok,
                     qPrintable(QStringLiteral("cut at byte %1: %2").arg(cut).arg(report.error)));
            QVERIFY2(cacheData(m_database->connection()) == stored,
                     qPrintable(QStringLiteral("cut at byte %1 changed the stored day").arg(cut)));
            const QString warnings = report.warnings.join(u'\n');
            // A cut just after a line break may leave a whole entry: nothing to report.
            if (warnings.contains(QStringLiteral("it was not imported")) ||
                full.at(cut - 1) == '\n')
                ++reported;
            else
                qWarning("cut at byte %lld not reported: %s", qlonglong(cut), qPrintable(warnings));
        }
        QCOMPARE(reported, cuts);
    }

    void cutCopyFirstThenTheFullOne()
    {
        const QByteArray full = foundingDigest();
        Importer importer(*m_store);
        const qsizetype cut = full.indexOf("学习变压器程序") + 3; // inside entry 3's title
        const ImportReport partial =
            importer.importBytes(full.left(cut), QStringLiteral("cut.txt"));
        QVERIFY2(partial.ok, qPrintable(partial.error));
        QCOMPARE(dayIds(*m_store, kDay), kFullDay.mid(0, 2));
        QVERIFY(partial.warnings.join(u'\n').contains(QStringLiteral("line 33: paper 3")));
        QVERIFY(importer.importBytes(full, QStringLiteral("full.txt")).ok);
        QCOMPARE(dayIds(*m_store, kDay), kFullDay);
    }

    void copyCutInsideItsFirstPaperIsRefused()
    {
        const QByteArray full = foundingDigest();
        Importer importer(*m_store);
        const qsizetype cut = full.indexOf("上下文学习") + 6;
        const ImportReport report = importer.importBytes(full.left(cut), QStringLiteral("cut.txt"));
        QVERIFY(!report.ok);
        QVERIFY2(report.error.startsWith(QStringLiteral("cut.txt:7:")), qPrintable(report.error));
        QVERIFY(!m_store->hasPapers());
    }

    // The parser alone: the cut entry is left out, not returned with half an abstract.
    void parserLeavesOutTheCutEntry()
    {
        const QByteArray full = foundingDigest();
        const qsizetype cut = full.indexOf("扩散模型已经证明") + 40;
        const ParseResult result = parseDigestText(QString::fromUtf8(full.left(cut)));
        QVERIFY(result.ok());
        QCOMPARE(result.digests.size(), 1);
        QCOMPARE(result.digests.first().entries.size(), 1);
        QVERIFY(result.warnings.join(u'\n').contains(QStringLiteral("line 19: paper 2")));

        // The whole file, and a copy ending after a complete entry, warn of nothing.
        QVERIFY(!parseDigestText(QString::fromUtf8(full))
                     .warnings.join(u'\n')
                     .contains(QStringLiteral("not imported")));
        const qsizetype endOfEntry2 = full.indexOf("\n3.Learning") + 1;
        const ParseResult two = parseDigestText(QString::fromUtf8(full.left(endOfEntry2)));
        QCOMPARE(two.digests.first().entries.size(), 2);
        QVERIFY(!two.warnings.join(u'\n').contains(QStringLiteral("not imported")));
    }

    // A shorter listing adds its new papers after the stored ones and changes nothing
    // stored; a later complete listing may reorder and update.
    void shorterListingAddsCompleteListingReorders()
    {
        Digest first;
        first.date = kDay;
        first.source = QStringLiteral("arxiv-rss");
        first.category = QStringLiteral("cs.CV");
        first.entries = {entryFor(QStringLiteral("2401.00001"), 1, QStringLiteral("一")),
                         entryFor(QStringLiteral("2401.00002"), 2, QStringLiteral("二")),
                         entryFor(QStringLiteral("2401.00003"), 3, QStringLiteral("三"))};
        QVERIFY2(m_store->saveDigests({first}), qPrintable(m_store->lastError()));
        auto day = [this] {
            QStringList order;
            const QList<PaperView> views = m_store->dayPapers(kDay);
            for (const PaperView &view : views)
                order.append(view.paper.arxivId.right(1) + view.entry.translatedTitle);
            return order;
        };

        Digest shorter = first;
        shorter.entries = {entryFor(QStringLiteral("2401.00003"), 1, QStringLiteral("三 (新)")),
                           entryFor(QStringLiteral("2401.00004"), 2, QStringLiteral("四"))};
        ImportSummary summary;
        QVERIFY2(m_store->saveDigests({shorter}, {}, &summary), qPrintable(m_store->lastError()));
        QCOMPARE(summary.entriesKept, 2);
        QCOMPARE(day(), (QStringList{QStringLiteral("1一"), QStringLiteral("2二"),
                                     QStringLiteral("3三"), QStringLiteral("4四")}));

        Digest complete = first;
        complete.entries = {entryFor(QStringLiteral("2401.00004"), 1),
                            entryFor(QStringLiteral("2401.00003"), 2, QStringLiteral("三 (新)")),
                            entryFor(QStringLiteral("2401.00002"), 3),
                            entryFor(QStringLiteral("2401.00001"), 4)};
        QVERIFY2(m_store->saveDigests({complete}, {}, &summary), qPrintable(m_store->lastError()));
        QCOMPARE(summary.entriesKept, 0);
        // Updated where the listing says something, kept where it says nothing.
        QCOMPARE(day(), (QStringList{QStringLiteral("4四"), QStringLiteral("3三 (新)"),
                                     QStringLiteral("2二"), QStringLiteral("1一")}));
        QCOMPARE(m_store->days().first().papers, 4);
    }

    // The command line, as the audit ran it: the whole papers are kept, the cut is reported
    // with file and line, and the exit code (1) tells a script that the copy was incomplete.
    void commandLineReportsTheCut()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const QByteArray full = foundingDigest();
        const QString cutPath = m_dir.filePath(QStringLiteral("cut-copy.txt"));
        QFile cutFile(cutPath);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(full.left(full.indexOf("扩散模型已经证明") + 40));
        cutFile.close();
        QCOMPARE(runPaperboy(db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
        const CliRun run = runPaperboy(db, {QStringLiteral("import"), cutPath});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("%1: warning: line 19: paper 2").arg(cutPath).toUtf8()),
            run.err.constData());
        const CliRun list =
            runPaperboy(db, {QStringLiteral("list"), QStringLiteral("--date"),
                             QStringLiteral("2024-03-14"), QStringLiteral("--json")});
        QCOMPARE(list.json().array().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestPartialCopies)
#include "tst_partial_copies.moc"
