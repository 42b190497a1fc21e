// `paperboy export --format markdown-notes` (issue #21): one Markdown note per paper in a
// folder (an Obsidian or Logseq vault), YAML front matter and the reader's note above a marker
// line; the next export rewrites that part in place and keeps what was written below it.

#include "cli_runner.h"
#include "test_db.h"

#include "export/markdown_notes.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kPaper = u"2306.05544"_s;

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

class TestCliNotes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void aNoteAPaperWithFrontMatter();
    void theNextExportUpdatesInPlace();
    void filesWithoutTheMarkerAreLeftAlone();
    void tagAndIdSelections();
    void usage();

private:
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }
    QString vault() const { return m_dir->filePath(u"vault"_s); }
    QString notePath(const QString &id) const
    {
        return QDir(vault()).filePath(markdownNoteFileName(id));
    }
    CliRun exportDay()
    {
        return runPaperboy(dbPath(), {u"export"_s, u"--date"_s, u"2024-03-14"_s, u"--format"_s,
                                      u"markdown-notes"_s, u"--out"_s, vault(), u"--json"_s});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliNotes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Database db;
    QVERIFY(db.open(dbPath()));
    Store store(db);
    QVERIFY(Importer(store).importFile(foundingDigestPath()).ok);
    QVERIFY(store.addTags(kPaper, {u"kd"_s, u"to \"read\""_s}));
    QVERIFY(store.setNote(kPaper, u"Table 2 matters.\n\n- check the ablation"_s));
}

void TestCliNotes::aNoteAPaperWithFrontMatter()
{
    const CliRun result = exportDay();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json().object();
    const qsizetype papers = json.value(u"created"_s).toArray().size();
    QVERIFY(papers > 1);
    QCOMPARE(QDir(vault()).entryList({u"*.md"_s}, QDir::Files).size(), papers);
    const QString text = readText(notePath(kPaper));
    QVERIFY2(text.startsWith(u"---\nid: \"2306.05544\"\ntitle: \""_s), qPrintable(text));
    QVERIFY2(text.contains(u"\ntags:\n  - \"kd\"\n  - \"to \\\"read\\\"\"\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nlinks:\n  abs: \"https://arxiv.org/abs/2306.05544\"\n"
                           "  pdf: \"https://arxiv.org/pdf/2306.05544\"\n"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"\nlisted: 2024-03-14\n---\n\n# "_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nauthors:\n  - \""_s), qPrintable(text));
    QVERIFY2(text.contains(u"Table 2 matters.\n\n- check the ablation\n\n"_s +
                           QLatin1String(kMarkdownNotesMarker) + u"\n"_s),
             qPrintable(text));
    QVERIFY(text.endsWith(QLatin1String(kMarkdownNotesMarker) + u"\n"_s));
}

void TestCliNotes::theNextExportUpdatesInPlace()
{
    QCOMPARE(exportDay().exitCode, 0);
    const QString path = notePath(kPaper);
    // The reader writes in the vault, below the marker.
    const QString mine = u"\n## My thoughts\n\nLinks to [[Distillation]].\n"_s;
    QVERIFY(writeText(path, readText(path) + mine));
    const QString otherPath = notePath(u"2306.01667"_s);
    const QString otherBefore = readText(otherPath);
    const QDateTime otherTime = QFileInfo(otherPath).lastModified();

    QCOMPARE(runPaperboy(dbPath(), {u"note"_s, kPaper, u"A new thought."_s}).exitCode, 0);
    QCOMPARE(runPaperboy(dbPath(), {u"tag"_s, kPaper, u"vault"_s}).exitCode, 0);
    const CliRun result = exportDay();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json().object();
    QCOMPARE(json.value(u"updated"_s).toArray(), QJsonArray{path});
    QVERIFY(json.value(u"created"_s).toArray().isEmpty());
    QVERIFY(json.value(u"unchanged"_s).toArray().contains(otherPath));
    const QString text = readText(path);
    QVERIFY2(text.contains(u"  - \"vault\"\n"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"Table 2 matters."_s), qPrintable(text));
    QVERIFY2(text.endsWith(u"A new thought.\n\n"_s + QLatin1String(kMarkdownNotesMarker) + u"\n"_s +
                           mine),
             qPrintable(text));
    // Unchanged notes are not rewritten.
    QCOMPARE(readText(otherPath), otherBefore);
    QCOMPARE(QFileInfo(otherPath).lastModified(), otherTime);
}

void TestCliNotes::filesWithoutTheMarkerAreLeftAlone()
{
    QVERIFY(QDir().mkpath(vault()));
    const QString path = notePath(kPaper);
    QVERIFY(writeText(path, u"# My own page about 2306.05544\n"_s));
    const CliRun result = exportDay();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().object().value(u"skipped"_s).toArray(), QJsonArray{path});
    QVERIFY2(result.err.contains("has no Paperboy marker line; left alone"),
             result.err.constData());
    QCOMPARE(readText(path), u"# My own page about 2306.05544\n"_s);
}

void TestCliNotes::tagAndIdSelections()
{
    CliRun result = runPaperboy(dbPath(), {u"export"_s, u"--tag"_s, u"kd"_s, u"--format"_s,
                                           u"markdown-notes"_s, u"--out"_s, vault()});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("1 note created"), result.err.constData());
    QCOMPARE(QDir(vault()).entryList({u"*.md"_s}, QDir::Files), QStringList{u"2306.05544.md"_s});
    result = runPaperboy(dbPath(), {u"export"_s, u"--id"_s, u"2306.01667"_s, u"--format"_s,
                                    u"markdown-notes"_s, u"--out"_s, vault(), u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().object().value(u"created"_s).toArray().size(), 1);
}

void TestCliNotes::usage()
{
    CliRun result = runPaperboy(
        dbPath(), {u"export"_s, u"--tag"_s, u"kd"_s, u"--format"_s, u"markdown-notes"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--out names the folder"), result.err.constData());
    // A file where the folder should be: refused, the file untouched.
    const QString file = m_dir->filePath(u"a-file"_s);
    QVERIFY(writeText(file, u"keep"_s));
    result = runPaperboy(dbPath(), {u"export"_s, u"--tag"_s, u"kd"_s, u"--format"_s,
                                    u"markdown-notes"_s, u"--out"_s, file});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("is a file, not a folder"), result.err.constData());
    QCOMPARE(readText(file), u"keep"_s);
}

QTEST_GUILESS_MAIN(TestCliNotes)
#include "tst_cli_notes.moc"
