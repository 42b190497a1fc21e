// Bulk import of the arXiv metadata snapshot: chunked, resumable, days by first version.

#include "import/bulk_import.h"
#include "import/importer.h"
#include "test_db.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QByteArray snapshotLine(int i)
{
    // Ten papers per day, first versions from 2020-01-01 on.
    const QDate day = QDate(2020, 1, 1).addDays(i / 10);
    const QString created = QLocale::c().toString(day.startOfDay(Qt::UTC),
                                                  QStringLiteral("ddd, d MMM yyyy 10:00:00 'GMT'"));
    return QStringLiteral(
               "{\"id\":\"2001.%1\",\"submitter\":\"A\",\"authors\":\"A. One and B. Two\","
               "\"title\":\"Paper %2 on things\",\"comments\":null,\"journal-ref\":null,"
               "\"doi\":null,\"categories\":\"cs.LG stat.ML\",\"abstract\":\"  Abstract %2.\\n\","
               "\"versions\":[{\"version\":\"v1\",\"created\":\"%3\"}],\"update_date\":\"%4\","
               "\"authors_parsed\":[[\"One\",\"A.\",\"\"],[\"Two\",\"B.\",\"\"]]}\n")
        .arg(i, 5, 10, QLatin1Char('0'))
        .arg(i)
        .arg(created, day.toString(Qt::ISODate))
        .toUtf8();
}

} // namespace

class TestBulkImport : public QObject
{
    Q_OBJECT

private slots:
    void interruptedImportResumes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("arxiv-metadata-oai-snapshot.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const int total = 3000;
        for (int i = 0; i < total; ++i) {
            file.write(snapshotLine(i));
            if (i == 1234)
                file.write("{not json at all\n");
        }
        file.close();

        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("bulk.sqlite"))));
        Store store(db);
        QVERIFY(store.setStarred(QStringLiteral("2001.00007"), true)); // user data before import

        std::atomic_bool cancel = false;
        int callbacks = 0;
        BulkImport first(store);
        first.setChunkBytes(64 * 1024);
        first.setCancelFlag(&cancel);
        first.setProgress([&](const BulkProgress &p) {
            if (++callbacks == 4)
                cancel = true;
            QVERIFY(p.bytesDone <= p.bytesTotal);
        });
        const ImportReport stopped = first.importSnapshot(path);
        QVERIFY(!stopped.ok);
        QVERIFY(stopped.error.contains(QStringLiteral("resume")));
        const int partial = store.paperCount();
        QVERIFY2(partial > 0 && partial < total, qPrintable(QString::number(partial)));

        BulkProgress last;
        BulkImport second(store);
        second.setChunkBytes(64 * 1024);
        second.setProgress([&](const BulkProgress &p) { last = p; });
        const ImportReport finished = second.importSnapshot(path);
        QVERIFY2(finished.ok, qPrintable(finished.error));
        QVERIFY(last.resumed);
        QCOMPARE(last.bytesDone, last.bytesTotal);
        QCOMPARE(store.paperCount(), total);
        QCOMPARE(last.papers, qint64(total));
        QVERIFY(std::any_of(finished.warnings.begin(), finished.warnings.end(),
                            [](const QString &w) { return w.contains(QStringLiteral("1236")); }));

        const QList<DaySummary> days = store.days();
        QCOMPARE(days.size(), total / 10);
        QCOMPARE(days.last().date, QDate(2020, 1, 1));
        QCOMPARE(days.last().papers, 10);
        const QList<PaperView> firstDay = store.dayPapers(QDate(2020, 1, 1));
        QCOMPARE(firstDay.size(), 10);
        QCOMPARE(firstDay.first().paper.arxivId, QStringLiteral("2001.00000"));
        QCOMPARE(firstDay.first().paper.authors,
                 (QStringList{QStringLiteral("A. One"), QStringLiteral("B. Two")}));
        QVERIFY(store.userState(QStringLiteral("2001.00007")).starred);

        // Running it again is a no-op, not a second copy.
        BulkImport third(store);
        const ImportReport again = third.importSnapshot(path);
        QVERIFY(again.ok);
        QCOMPARE(store.paperCount(), total);
        QCOMPARE(dumpRows(db.connection(), QStringLiteral("SELECT count(*) FROM digest_entries")),
                 QStringList{QString::number(total)});
    }

    void importerRoutesSnapshotsToBulk()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("route.sqlite"))));
        Store store(db);
        Importer importer(store);
        int progressCalls = 0;
        importer.setProgress([&](const BulkProgress &) { ++progressCalls; });
        const ImportReport report =
            importer.importFile(fixture(QStringLiteral("arxiv-snapshot/sample.jsonl")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(progressCalls >= 2);
        QCOMPARE(store.paperCount(), 5);
        QVERIFY(store.paperView(QStringLiteral("math/0211159")));
    }
};

QTEST_GUILESS_MAIN(TestBulkImport)
#include "tst_bulk_import.moc"
