// Inputs the libFuzzer targets (tests/fuzz) found crashing, kept as they were found in
// tests/fuzz/regressions/<target>/ and replayed here, so a normal build checks the fixed
// behaviour and the asan preset (UBSan halts on error) checks the crash itself is gone.

#include "import/arxiv_snapshot_parser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace paperboy;

namespace {

QString regressionDir(const QString &target)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/../fuzz/regressions/") + target;
}

QByteArray readRegression(const QString &target, const QString &name)
{
    QFile file(QDir(regressionDir(target)).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray snapshotLine(const QByteArray &created)
{
    return R"({"id":"0704.0001","title":"T","abstract":"A","categories":"cs.CV",)"
           R"("versions":[{"version":"v1","created":")" +
           created + R"("}]})" + '\n';
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void everyKeptInputIsReplayed();
    void snapshotYearOverflow();
    void snapshotDatesOfTooManyDigitsAreNoDates_data();
    void snapshotDatesOfTooManyDigitsAreNoDates();
};

// Whatever else is kept, the parser of its target reads it without failing the whole input.
void TestFuzzRegressions::everyKeptInputIsReplayed()
{
    const QStringList files =
        QDir(regressionDir(QStringLiteral("fuzz_arxiv_snapshot"))).entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        const QByteArray bytes = readRegression(QStringLiteral("fuzz_arxiv_snapshot"), name);
        QVERIFY2(!bytes.isEmpty(), qPrintable(name));
        QVERIFY2(parseArxivSnapshot(bytes).ok(), qPrintable(name));
    }
}

// fuzz_arxiv_snapshot, 2026-11-29: a "created" date with a 130-digit year overflowed an int
// (signed overflow, UBSan) while reading the number.
void TestFuzzRegressions::snapshotYearOverflow()
{
    const QByteArray bytes = readRegression(QStringLiteral("fuzz_arxiv_snapshot"),
                                            QStringLiteral("year-overflow.jsonl"));
    QVERIFY(bytes.contains("Dec 2066666666"));
    const ParseResult result = parseArxivSnapshot(bytes);
    QVERIFY(result.ok());
    QVERIFY(!result.papers.isEmpty());
    QCOMPARE(result.papers.first().arxivId, QStringLiteral("0704.0001"));
    QVERIFY2(!result.papers.first().published.isValid(),
             qPrintable(result.papers.first().published.toString(Qt::ISODate)));
}

void TestFuzzRegressions::snapshotDatesOfTooManyDigitsAreNoDates_data()
{
    QTest::addColumn<QByteArray>("created");
    QTest::addColumn<QDate>("published");
    QTest::newRow("ordinary") << QByteArray("Mon, 2 Apr 2007 19:18:42 GMT") << QDate(2007, 4, 2);
    QTest::newRow("five-digit year") << QByteArray("Mon, 2 Apr 20070 19:18:42 GMT") << QDate();
    QTest::newRow("long day") << QByteArray("Mon, 0000000002 Apr 2007 19:18:42 GMT") << QDate();
    QTest::newRow("int-sized year") << QByteArray("Mon, 2 Apr 4294967298 19:18:42 GMT") << QDate();
}

void TestFuzzRegressions::snapshotDatesOfTooManyDigitsAreNoDates()
{
    QFETCH(QByteArray, created);
    QFETCH(QDate, published);
    const ParseResult result = parseArxivSnapshot(snapshotLine(created));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.papers.size(), 1);
    QCOMPARE(result.papers.first().published, published);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
