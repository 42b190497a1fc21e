// The one fuzz-regression suite. Inputs the libFuzzer targets (tests/fuzz) found breaking a
// promise are kept as they were found in tests/fuzz/regressions/<target>/ and replayed here
// through the checks of the target that found them (its source is built into this test, see
// tests/CMakeLists.txt), so a normal build checks the fixed behaviour and the asan preset
// (UBSan halts on error) checks the crash itself is gone. Each finding also has a test of its
// own below, saying what went wrong in words.

#define PAPERBOY_FUZZ_REPLAY // fuzz::fail() throws (fuzz_common.h)

#include "backup/backup_file.h"
#include "cli/cli.h"
#include "cli/cli_parse.h"
#include "export/exporter.h"
#include "fetch/polite_http.h"
#include "fuzz_common.h"
#include "fuzz_replay.h"
#include "import/arxiv_snapshot_parser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace paperboy;

namespace {

QString regressionRoot()
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/../fuzz/regressions/");
}

QString regressionDir(const QString &target)
{
    return regressionRoot() + target;
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
    void initTestCase();
    void everyTargetIsKnown();
    void keptInputsPassTheirTargetsChecks_data();
    void keptInputsPassTheirTargetsChecks();
    void snapshotYearOverflow();
    void snapshotDatesOfTooManyDigitsAreNoDates_data();
    void snapshotDatesOfTooManyDigitsAreNoDates();
    void backupWithoutCreatedRoundTrips();
    void dbWithEqualsBeforeTheCommand();
    void bibtexMathCannotReachFiles();
    void bibtexEscapedDollarDoesNotCloseMath();
    void hugeRetryAfterIsTheLongestWait();
    void dbTwiceAndFlagsWithValuesAreUsageErrors_data();
    void dbTwiceAndFlagsWithValuesAreUsageErrors();
};

void TestFuzzRegressions::initTestCase()
{
    QVERIFY(!fuzzReplayTargets().isEmpty());
    int argc = 1;
    char name[] = "tst_fuzz_regressions";
    char *args[] = {name, nullptr};
    char **argv = args;
    for (const FuzzReplayTarget &target : fuzzReplayTargets())
        if (target.initialize)
            QCOMPARE(target.initialize(&argc, &argv), 0);
}

// A folder of kept inputs belongs to a target that still exists.
void TestFuzzRegressions::everyTargetIsKnown()
{
    const QStringList folders = QDir(regressionRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!folders.isEmpty());
    for (const QString &folder : folders) {
        const bool known = std::any_of(fuzzReplayTargets().cbegin(), fuzzReplayTargets().cend(),
                                       [&](const FuzzReplayTarget &t) { return t.name == folder; });
        QVERIFY2(known, qPrintable(folder));
    }
}

void TestFuzzRegressions::keptInputsPassTheirTargetsChecks_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    for (qsizetype t = 0; t < fuzzReplayTargets().size(); ++t) {
        const QString name = fuzzReplayTargets().at(t).name;
        const QDir dir(regressionDir(name));
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name + u'/' + file)) << int(t) << dir.filePath(file);
    }
}

// Every kept input, through the checks of the target that found it.
void TestFuzzRegressions::keptInputsPassTheirTargetsChecks()
{
    QFETCH(int, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    try {
        QCOMPARE(fuzzReplayTargets().at(target).testOneInput(
                     reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())),
                 0);
    } catch (const fuzz::CheckFailed &failed) {
        QFAIL(failed.what());
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

// fuzz_backup: a backup without "created" was read, but written back with "created": "",
// which reading refuses: a restored-then-saved backup could not be read again.
void TestFuzzRegressions::backupWithoutCreatedRoundTrips()
{
    QString error;
    const std::optional<BackupData> read = backupFromJson(
        readRegression(QStringLiteral("fuzz_backup"), QStringLiteral("no-created.json")),
        QStringLiteral("old.json"), &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(read->created.isEmpty());
    const QByteArray written = QJsonDocument(backupToJson(*read)).toJson();
    const std::optional<BackupData> again =
        backupFromJson(written, QStringLiteral("again.json"), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->created, read->created);
}

// fuzz_cli_args: `--db PATH` and `--db=PATH` both worked after the command name, but before
// it `--db=PATH` was taken for an unknown command (and the window ignored it).
void TestFuzzRegressions::dbWithEqualsBeforeTheCommand()
{
    const QList<Command> commands = cliCommands();
    const QStringList spellings[] = {
        {QStringLiteral("paperboy"), QStringLiteral("--db=lib.sqlite"), QStringLiteral("dates")},
        {QStringLiteral("paperboy"), QStringLiteral("--db"), QStringLiteral("lib.sqlite"),
         QStringLiteral("dates")},
        {QStringLiteral("paperboy"), QStringLiteral("dates"), QStringLiteral("--db=lib.sqlite")}};
    for (const QStringList &arguments : spellings) {
        const CliInvocation invocation = parseCli(arguments, commands);
        QCOMPARE(int(invocation.kind), int(CliInvocation::Kind::Run));
        QCOMPARE(invocation.command->name, QStringLiteral("dates"));
        QCOMPARE(invocation.databasePath.value_or(QString()), QStringLiteral("lib.sqlite"));
    }
}

// fuzz_export: math in a title was kept as TeX when its braces balanced, \input and \def
// included; TeX runs them in math mode too, so citing the paper read a file or redefined a
// command. Such math is written as text now; harmless math stays TeX.
void TestFuzzRegressions::bibtexMathCannotReachFiles()
{
    PaperView view;
    view.paper.arxivId = QStringLiteral("2306.01667");
    view.paper.title = QStringLiteral("A $\\input{/etc/passwd}$ B $\\def\\x{1}\\x$ C"
                                      " $a\\\\\\write18{rm}$ D $\\alpha\\\\beta^{2}$");
    const QString bib = exportPapers({view}, ExportFormat::BibTeX);
    for (const char *command : {"\\input", "\\def", "\\write"})
        QVERIFY2(!bib.contains(QLatin1String(command)), qPrintable(bib));
    QVERIFY2(bib.contains(QStringLiteral("$\\alpha\\\\beta^{2}$")), qPrintable(bib));
}

// fuzz_export: in "$x\$ and $y$" the escaped dollar was taken for the end of the math, so
// the BibTeX title left math open ("Missing $ inserted" in the citing document).
void TestFuzzRegressions::bibtexEscapedDollarDoesNotCloseMath()
{
    PaperView view;
    view.paper.arxivId = QStringLiteral("2306.01667");
    view.paper.title = QStringLiteral("$x\\$ and $y$");
    const QString bib = exportPapers({view}, ExportFormat::BibTeX);
    const qsizetype start = bib.indexOf(QLatin1String("title = {"));
    QVERIFY(start >= 0);
    const QString title = bib.mid(start, bib.indexOf(QLatin1Char('\n'), start) - start);
    int shifts = 0;
    for (qsizetype i = 0; i < title.size(); ++i) {
        qsizetype backslashes = 0;
        while (i - backslashes > 0 && title.at(i - backslashes - 1) == QLatin1Char('\\'))
            ++backslashes;
        shifts += title.at(i) == QLatin1Char('$') && backslashes % 2 == 0 ? 1 : 0;
    }
    QVERIFY2(shifts % 2 == 0, qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("$x\\$ and $")), qPrintable(title));
}

// fuzz_http_dates: a Retry-After of more digits than qint64 holds ("12099999999999999999999")
// was no wait at all (-1), so the client retried on its own schedule against a server that
// asked it to stay away; one that fitted in qint64 but not in milliseconds overflowed.
void TestFuzzRegressions::hugeRetryAfterIsTheLongestWait()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1733500000, Qt::UTC);
    constexpr qint64 longest = std::numeric_limits<qint64>::max() / 1000 * 1000;
    QCOMPARE(PoliteHttp::retryAfterMs("12099999999999999999999", now), longest);
    QCOMPARE(PoliteHttp::retryAfterMs(" 9223372036854775807 ", now), longest);
    QCOMPARE(PoliteHttp::retryAfterMs("9223372036854776", now), longest); // 1 s past the last
    QCOMPARE(PoliteHttp::retryAfterMs("9223372036854775", now), longest);
    QCOMPARE(PoliteHttp::retryAfterMs("120", now), qint64(120000));
    QCOMPARE(PoliteHttp::retryAfterMs("-5", now), qint64(-1));
}

// fuzz_cli_args: with two --db the last one won, wherever they stood ("--db a star X
// --db=b" starred in b), and a flag's inline value was dropped, so "note ID --clear=no"
// cleared the note. Both are usage errors now.
void TestFuzzRegressions::dbTwiceAndFlagsWithValuesAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const auto args = [](const char *line) {
        return QString::fromLatin1(line).split(QLatin1Char(' '));
    };
    QTest::newRow("db twice before")
        << args("paperboy --db a.sqlite --db=b.sqlite dates") << QStringLiteral("--db given twice");
    QTest::newRow("db before and after")
        << args("paperboy --db=a.sqlite dates --db b.sqlite") << QStringLiteral("--db given twice");
    QTest::newRow("flag with a value")
        << args("paperboy note 2306.05544 --clear=no") << QStringLiteral("--clear takes no value");
    QTest::newRow("json with a value")
        << args("paperboy dates --json=no") << QStringLiteral("--json takes no value");
}

void TestFuzzRegressions::dbTwiceAndFlagsWithValuesAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliInvocation invocation = parseCli(arguments, cliCommands());
    QCOMPARE(int(invocation.kind), int(CliInvocation::Kind::UsageError));
    QVERIFY2(invocation.message.contains(message), qPrintable(invocation.message));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
