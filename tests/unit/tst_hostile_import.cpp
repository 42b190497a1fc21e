// Digests written by an attacker go through import and the command line as inert text:
// markup stays literal, script and local URLs are kept as words, a 1 MB abstract is stored
// whole, control characters never reach a terminal, a few broken UTF-8 bytes cost one
// character each (not the day's digest), and malformed XML changes nothing.
// The window's side is tests/gui/tst_hostile_window.cpp.

#include "cli_runner.h"
#include "import/importer.h"
#include "import/text_decoding.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"
#include "tst_hostile_content.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// Runs paperboy with its standard output on a pseudo-terminal, as in a user's shell.
QByteArray runOnTerminal(const QString &database, const QStringList &arguments)
{
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        return "<no pty>";
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), database);
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QString::fromLocal8Bit(ptsname(master)));
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    QByteArray output;
    char buffer[4096];
    auto drain = [&] {
        for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0;)
            output.append(buffer, n);
    };
    while (!process.waitForFinished(20))
        drain();
    drain();
    close(master);
    return output;
}

} // namespace

class TestHostileImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fewBrokenBytesAreReplaced();
    void digestTextIsStoredLiterally();
    void rssIsStoredLiterally();
    void malformedRssChangesNothing();
    void terminalNeverGetsControlCharacters();
    void pipesAndJsonKeepTheText();
    void searchRewriteCutsEachChunkOnce();
    void longChineseTextIsSearchable();

private:
    std::optional<PaperView> view(const QString &id) { return m_store->paperView(id); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    QString m_textPath;
    QString m_rssPath;
};

void TestHostileImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QStringList files = hostile::writeFiles(QDir(m_dir->path()));
    QCOMPARE(files.size(), 2);
    m_textPath = files.at(0);
    m_rssPath = files.at(1);
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("library.sqlite"))));
    m_store = std::make_unique<Store>(*m_db);
}

void TestHostileImport::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TestHostileImport::fewBrokenBytesAreReplaced()
{
    QString text;
    QString error;
    QString warning;
    QByteArray bytes = QByteArray(500, 'x') + "\xff" + QByteArray(500, 'y') + "\xc3\x28";
    QVERIFY2(decodeText(bytes, &text, &error, &warning), qPrintable(error));
    QCOMPARE(text.count(QChar::ReplacementCharacter), 2);
    QVERIFY2(warning.startsWith(QStringLiteral("2 byte sequences")), qPrintable(warning));
    // A literal U+FFFD in the file is not a broken byte.
    warning.clear();
    QVERIFY(decodeText("ok \xEF\xBF\xBD ok", &text, &error, &warning));
    QVERIFY(warning.isEmpty());
    // Mostly not UTF-8 (Latin-1 text, GBK without a decoder): refused, as before.
    bytes = QByteArray("caf\xe9 na\xefve r\xe9sum\xe9 ").repeated(20);
    QVERIFY(!decodeText(bytes, &text, &error, &warning));
    QVERIFY(!error.isEmpty());
    QVERIFY(!decodeText(QByteArray("\x00\x01\xff garbage", 12), &text, &error));
}

void TestHostileImport::digestTextIsStoredLiterally()
{
    const ImportReport report = Importer(*m_store).importFile(m_textPath);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.summary.entries, 4);
    QVERIFY2(report.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("not UTF-8")),
             qPrintable(report.warnings.join(QLatin1Char('\n'))));

    const auto markup = view(hostile::kMarkupPaper);
    QVERIFY(markup);
    QCOMPARE(markup->paper.title, hostile::kMarkupTitle);
    QCOMPARE(markup->entry.translatedTitle, hostile::kMarkupChineseTitle);
    QCOMPARE(markup->paper.abstract.isEmpty() ? markup->entry.translatedAbstract
                                              : markup->paper.abstract,
             hostile::kMarkupAbstract);
    QVERIFY(markup->paper.authors.join(QLatin1Char(','))
                .contains(QStringLiteral("<eve@evil.example>")));
    QCOMPARE(markup->entry.codeUrlAsGiven, hostile::kJavascriptCode);

    const auto bidi = view(hostile::kFileLinkPaper);
    QVERIFY(bidi);
    QVERIFY(bidi->paper.title.contains(QStringLiteral("\u202Egnp.exe")));
    QCOMPARE(bidi->entry.codeUrlAsGiven, hostile::kFileCode);
    const QString big =
        bidi->paper.abstract.isEmpty() ? bidi->entry.translatedAbstract : bidi->paper.abstract;
    QCOMPARE(big.size(), hostile::kBigAbstractChars);

    const auto data = view(hostile::kDataLinkPaper);
    QVERIFY(data);
    QCOMPARE(data->entry.codeUrlAsGiven, hostile::kDataCode);

    const auto broken = view(hostile::kInvalidUtf8Paper);
    QVERIFY(broken);
    const QString abstract = broken->paper.abstract + broken->entry.translatedAbstract;
    QVERIFY2(abstract.contains(QStringLiteral("bad \uFFFD\uFFFD bytes \uFFFD( here")),
             qPrintable(abstract));
}

void TestHostileImport::rssIsStoredLiterally()
{
    const ImportReport report = Importer(*m_store).importFile(m_rssPath);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.summary.entries, 2);
    const auto markup = view(hostile::kRssMarkupPaper);
    QVERIFY(markup);
    QCOMPARE(markup->paper.title,
             QStringLiteral("<b>RSS bold</b> <script>alert(5)</script> \u202Etxt.exe"));
    QCOMPARE(markup->paper.authors.first(), QStringLiteral("<i>Eve</i>"));
    QVERIFY(markup->paper.abstract.startsWith(QStringLiteral("<script>alert(6)</script>")));
    // A javascript: "link" in an abstract is not a code link.
    QVERIFY(markup->paper.codeUrl.isEmpty());
    const auto big = view(hostile::kRssBigPaper);
    QVERIFY(big);
    QCOMPARE(big->paper.abstract.size(), hostile::kBigAbstractChars);
}

void TestHostileImport::malformedRssChangesNothing()
{
    QVERIFY(Importer(*m_store).importFile(m_textPath).ok);
    const QStringList before = cacheData(m_db->connection());
    QByteArray bytes = hostile::rssFeed();
    bytes.replace("RSS bold", "RSS \xff\xfe bold");
    const QString path = m_dir->filePath(QStringLiteral("broken.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const ImportReport report = Importer(*m_store).importFile(path);
    QVERIFY(!report.ok);
    QVERIFY2(report.error.contains(path) && report.error.contains(QStringLiteral("encoded")),
             qPrintable(report.error));
    QCOMPARE(cacheData(m_db->connection()), before);
}

void TestHostileImport::terminalNeverGetsControlCharacters()
{
    QVERIFY(Importer(*m_store).importFile(m_textPath).ok);
    const QString db = m_db->path();
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("list"), QStringLiteral("--date"), hostile::kDay},
          QStringList{QStringLiteral("show"), hostile::kMarkupPaper}}) {
        const QByteArray shown = runOnTerminal(db, arguments);
        QVERIFY2(shown.contains(hostile::kMarkupPaper.toUtf8()), shown.constData());
        QVERIFY2(!shown.contains('\x1b') && !shown.contains('\x07'),
                 shown.toPercentEncoding().constData());
    }
    const QByteArray list =
        runOnTerminal(db, {QStringLiteral("list"), QStringLiteral("--date"), hostile::kDay});
    QVERIFY(list.contains("\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD with \xEF\xBF\xBD[2J"));
    QVERIFY(list.contains("<b>Bold</b> <script>alert(1)</script>"));
}

void TestHostileImport::pipesAndJsonKeepTheText()
{
    QVERIFY(Importer(*m_store).importFile(m_textPath).ok);
    // Not a terminal: the bytes as stored, for scripts that process them.
    const CliRun show =
        runPaperboy(m_db->path(), {QStringLiteral("show"), hostile::kFileLinkPaper});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains("\x1b]0;pwned\x07"));
    const CliRun json = runPaperboy(
        m_db->path(), {QStringLiteral("show"), hostile::kMarkupPaper, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().object().value(QStringLiteral("title")).toString(), hostile::kMarkupTitle);
}

// The CJK rewrite behind search (search_extra_source) once copied the whole text for each
// character: a long Chinese abstract or note took seconds to minutes to store while holding
// the write lock. Each chunk of 64 characters must be cut from the text once, in its own
// subquery, not re-evaluated inside the join with the character positions.
void TestHostileImport::searchRewriteCutsEachChunkOnce()
{
    for (const char *column : {"translation", "summary", "note", "tags"}) {
        QSqlQuery explain(m_db->connection());
        QVERIFY(explain.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT %1 FROM "
                                            "search_extra_source WHERE paper_id = 1")
                                 .arg(QLatin1String(column))));
        QStringList plan;
        while (explain.next())
            plan.append(explain.value(3).toString());
        QVERIFY2(plan.contains(QStringLiteral("MATERIALIZE c")) ||
                     plan.contains(QStringLiteral("CO-ROUTINE c")),
                 qPrintable(QStringLiteral("%1:\n%2").arg(QLatin1String(column),
                                                          plan.join(QLatin1Char('\n')))));
    }
}

void TestHostileImport::longChineseTextIsSearchable()
{
    QVERIFY(Importer(*m_store).importFile(m_textPath).ok);
    QString note = QStringLiteral("开头的词 ");
    for (int i = 0; i < 6000; ++i)
        note += QStringLiteral("第%1段笔记，").arg(i);
    QVERIFY(note.size() > 40000);
    QVERIFY(m_store->setNote(hostile::kMarkupPaper, note));
    QCOMPARE(m_store->userState(hostile::kMarkupPaper).note, note);
    const Searcher searcher(m_db->connection());
    QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("开头的词"))), 1);
    QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("第12段笔记"))), 1);
}

QTEST_GUILESS_MAIN(TestHostileImport)
#include "tst_hostile_import.moc"
