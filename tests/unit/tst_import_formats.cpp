// One import for every format: each recorded fixture through Importer, with exact counts, and
// the same paper arriving from several sources staying one paper with one star.

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

class TestImportFormats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(
            m_db->open(m_dir.filePath(QStringLiteral("%1-%2.sqlite")
                                          .arg(QLatin1String(QTest::currentTestFunction()))
                                          .arg(QString::fromUtf8(QTest::currentDataTag())
                                                   .replace(QLatin1Char('/'), QLatin1Char('_'))))));
        m_store = std::make_unique<Store>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void everyFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("digests");
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("papers");
        QTest::addColumn<QString>("errorPart");
        auto row = [](const char *file, const char *format, bool ok, int digests, int entries,
                      int papers, const char *error = "") {
            QTest::newRow(file) << QString::fromUtf8(file) << QString::fromUtf8(format) << ok
                                << digests << entries << papers << QString::fromUtf8(error);
        };
        row("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt", "每日学术速递", true, 1, 3, 3);
        row("arxiv-rss/rss_2024-11-28_first120items.xml", "arXiv RSS", true, 1, 120, 120);
        row("arxiv-rss/rss_empty_test_archive_2024-11-28.xml", "arXiv RSS", true, 0, 0,
            0); // no announcement
        row("arxiv-rss/rss_error_bad_archive_astroph_2024-11-28.xml", "arXiv RSS", false, 0, 0, 0,
            "Bad archive");
        row("arxiv-api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml", "arXiv API", true, 0, 0,
            10);
        row("arxiv-api/legacy2016_search_au_del_maestro.xml", "arXiv API", true, 0, 0, 10);
        row("arxiv-api/legacy2025-08_id_list_missing_ids.xml", "arXiv API", true, 0, 0, 1);
        row("arxiv-api/new2025-11-11_id_list_missing_ids_links_without_rel.xml", "arXiv API", true,
            0, 0, 1);
        row("arxiv-api/arxivpy_id_abc_s0_m100_b79c8dcf6bc3.body.xml", "arXiv API", false, 0, 0, 0,
            "incorrect id format");
        row("arxiv-api/arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml", "arXiv API", false, 0,
            0, 0, "no papers");
        row("oai-pmh/paperhive_nock_ListRecords_503-Retry-After_then_200_arXiv_2018.resp1_200.xml",
            "OAI-PMH", true, 2, 2, 2);
        row("oai-pmh/saelim_ListRecords_arXivRaw_resumptionToken_2015_TRIMMED-BY-AUTHOR.xml",
            "OAI-PMH", true, 5, 6, 6);
        row("oai-pmh/saelim_error_badArgument_2015.xml", "OAI-PMH", false, 0, 0, 0, "badArgument");
        row("hf-daily/hf_daily_papers_2026-06-12_first15.json", "Hugging Face", true, 1, 15, 15);
        row("hf-daily/hf_error_404_body_UNVERIFIED_URL.json", "", false, 0, 0, 0, "unknown format");
        row("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl", "daily-arXiv", true, 1, 250,
            250);
        row("arxiv-snapshot/sample.jsonl", "snapshot", true, 5, 5, 5);
    }

    void everyFixture()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(bool, ok);
        QFETCH(int, digests);
        QFETCH(int, entries);
        QFETCH(int, papers);
        QFETCH(QString, errorPart);
        Importer importer(*m_store);
        const ImportReport report = importer.importFile(fixture(file));
        QCOMPARE(report.ok, ok);
        QVERIFY2(report.format.contains(format), qPrintable(report.format));
        if (!ok) {
            QVERIFY2(report.error.contains(errorPart), qPrintable(report.error));
            QVERIFY(report.error.contains(fixture(file)));
            QCOMPARE(m_store->paperCount(), 0);
            return;
        }
        QCOMPARE(report.summary.digests, digests);
        QCOMPARE(report.summary.entries, entries);
        QCOMPARE(m_store->paperCount(), papers);
    }

    void saturdayRepeatsFridayHonestly()
    {
        Importer importer(*m_store);
        QVERIFY(importer
                    .importFile(fixture(
                        QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")))
                    .ok);
        QVERIFY(importer
                    .importFile(fixture(
                        QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl")))
                    .ok);
        const QList<DaySummary> days = m_store->days();
        QCOMPARE(days.size(), 2);
        QCOMPARE(days[0].date, QDate(2026, 6, 13));
        QCOMPARE(days[0].sameAs, QDate(2026, 6, 12));
        QCOMPARE(days[0].papers, 0);
        QCOMPARE(days[1].papers, 250);
        QCOMPARE(m_store->paperCount(), 250);
    }

    void digestSummaryLanguageComesFromTheFileName()
    {
        Importer importer(*m_store);
        const QByteArray line =
            "{\"id\": \"2606.12785\", \"categories\": [\"cs.GT\"], \"pdf\": "
            "\"https://arxiv.org/pdf/2606.12785\", \"abs\": \"https://arxiv.org/abs/2606.12785\", "
            "\"authors\": [\"Farhad "
            "Mohsin\"], \"title\": \"The No-show Paradox\", \"summary\": \"Abstract.\", "
            "\"AI\": {\"tldr\": \"Short.\", \"motivation\": \"Why.\", \"method\": \"How.\", "
            "\"result\": \"What.\", \"conclusion\": \"So.\"}}\n";
        QVERIFY(
            importer.importBytes(line, QStringLiteral("data/2026-06-12_AI_enhanced_English.jsonl"))
                .ok);
        QCOMPARE(m_store->dayPapers(QDate(2026, 6, 12)).first().entry.ai.language,
                 QStringLiteral("en"));
        QVERIFY(
            importer.importBytes(line, QStringLiteral("data/2026-06-15_AI_enhanced_Chinese.jsonl"))
                .ok);
        QCOMPARE(m_store->dayPapers(QDate(2026, 6, 15)).first().entry.ai.language,
                 QStringLiteral("zh"));
        QCOMPARE(m_store->dayPapers(QDate(2026, 6, 15)).first().entry.ai.tldr,
                 QStringLiteral("Short."));
    }

    void onePaperThreeSourcesOneStar()
    {
        // 2306.01667 arrives from the digest text, an API record and a hand-made HF day.
        Importer importer(*m_store);
        QVERIFY(importer.importFile(foundingDigestPath()).ok);
        // A raw string literal here confuses moc; hence the escapes.
        const QByteArray hf =
            "[{\"paper\":{\"id\":\"2306.01667\",\"title\":\"Towards In-context Scene "
            "Understanding\",\"summary\":\"In-context learning - the ability to configure a "
            "model's behavior with different prompts - has revolutionized "
            "NLP.\",\"authors\":[{\"name\":\"Ivana "
            "Balažević\"}],\"upvotes\":7,\"githubRepo\":\"https://github.com/example/"
            "hummingbird\",\"githubStars\":12},\"submittedOnDailyAt\":\"2024-03-15T00:00:00.000Z\"}"
            "]";
        const ImportReport hfReport =
            importer.importBytes(hf, QStringLiteral("hf-2024-03-15.json"));
        QVERIFY2(hfReport.ok, qPrintable(hfReport.error));
        Paper api;
        api.arxivId = QStringLiteral("2306.01667");
        api.version = 2;
        api.title = QStringLiteral("Towards In-context Scene Understanding");
        api.abstract =
            QStringLiteral("In-context learning$\\unicode{x2013}$the ability to configure a "
                           "model's behavior with different prompts$\\unicode{x2013}$has "
                           "revolutionized the field of natural language processing.");
        api.categories = {QStringLiteral("cs.CV"), QStringLiteral("cs.LG")};
        QVERIFY(m_store->saveDigests({}, {api}));
        QVERIFY(m_store->setStarred(QStringLiteral("2306.01667"), true));

        QCOMPARE(
            dumpRows(m_db->connection(),
                     QStringLiteral("SELECT count(*) FROM papers WHERE arxiv_id = '2306.01667'")),
            QStringList{QStringLiteral("1")});
        QCOMPARE(dumpRows(m_db->connection(),
                          QStringLiteral("SELECT count(*) FROM digest_entries e JOIN papers p ON "
                                         "p.id = e.paper_id WHERE p.arxiv_id = '2306.01667'")),
                 QStringList{QStringLiteral("2")});
        const PaperView inDigest = m_store->dayPapers(QDate(2024, 3, 14)).first();
        const PaperView inHf = m_store->dayPapers(QDate(2024, 3, 15)).first();
        QVERIFY(inDigest.user.starred);
        QVERIFY(inHf.user.starred);
        QCOMPARE(inHf.paper.abstract, api.abstract); // arXiv wins the English fields
        QCOMPARE(inHf.paper.version, 2);
        QCOMPARE(inHf.entry.upvotes, 7);
        QCOMPARE(inHf.paper.codeStars, 12);
        QCOMPARE(inDigest.entry.translatedTitle, QStringLiteral("迈向情境场景理解"));
        QCOMPARE(inHf.entry.translatedTitle,
                 QStringLiteral("迈向情境场景理解")); // found across digests
        QCOMPARE(m_store->starredPapers().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestImportFormats)
#include "tst_import_formats.moc"
