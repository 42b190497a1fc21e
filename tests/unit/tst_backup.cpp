// Backup and restore of user data: round trip, merge rules, refusals, rotation.

#include "backup/auto_backup.h"
#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, 0), Qt::UTC);
}

// A library with a clock the test moves by hand.
struct Library
{
    Database db;
    std::unique_ptr<Store> store;
    QDateTime clock = at(1);

    bool open(const QString &path)
    {
        if (!db.open(path))
            return false;
        store = std::make_unique<Store>(db);
        store->setClock([this] { return clock; });
        return true;
    }

    QStringList rows() const
    {
        return userData(db.connection()); // every user table, saved searches included
    }

    bool addSearch(const QString &name, const QString &query, const QDateTime &created)
    {
        QSqlQuery q(db.connection());
        q.prepare(
            QStringLiteral("INSERT INTO saved_searches (name, query, created) VALUES (?,?,?)"));
        q.addBindValue(name);
        q.addBindValue(query);
        q.addBindValue(backupTimestamp(created));
        return q.exec();
    }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_a;
    std::unique_ptr<Library> m_b;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    QString backupOf(Library &library, const QString &name)
    {
        QString error;
        const QString file = path(name);
        if (!writeBackupFile(library.db, file, &error, at(20)))
            qWarning("%s", qPrintable(error));
        return file;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_a = std::make_unique<Library>();
        m_b = std::make_unique<Library>();
        QVERIFY2(m_a->open(path(QStringLiteral("a.sqlite"))), qPrintable(m_a->db.error()));
        QVERIFY2(m_b->open(path(QStringLiteral("b.sqlite"))), qPrintable(m_b->db.error()));
    }

    void cleanup()
    {
        m_a.reset();
        m_b.reset();
        m_dir.reset();
    }

    void roundTripGivesIdenticalRows()
    {
        Library &a = *m_a;
        QVERIFY(Importer(*a.store).importFile(foundingDigestPath()).ok);
        const QList<PaperView> papers = a.store->dayPapers(QDate(2024, 3, 14));
        QVERIFY(papers.size() >= 3);
        const QString p1 = papers.at(0).paper.arxivId, p2 = papers.at(1).paper.arxivId,
                      p3 = papers.at(2).paper.arxivId;
        a.clock = at(2);
        QVERIFY(a.store->setStarred(p1, true));
        QVERIFY(a.store->setStarred(p2, true));
        a.clock = at(3);
        QVERIFY(a.store->setStarred(p2, false));
        QVERIFY(a.store->setRead(p1, true));
        QVERIFY(a.store->setNote(p1, QStringLiteral("多行\nnote with \"quotes\" and {braces}")));
        QVERIFY(a.store->addTags(p1, {QStringLiteral("reading group"), QStringLiteral("视觉")}));
        // Tags alone, and user data for a paper the cache does not have.
        QVERIFY(a.store->addTags(p3, {QStringLiteral("later")}));
        QVERIFY(a.store->setNote(QStringLiteral("math/0211159"), QStringLiteral("old paper")));
        QVERIFY(
            a.addSearch(QStringLiteral("diffusion"), QStringLiteral("diffusion AND video"), at(4)));

        const QString file = backupOf(a, QStringLiteral("backup.json"));
        const QJsonObject root = QJsonDocument::fromJson(readAll(file)).object();
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("paperboy-backup"));
        // Version 3 only when the user translated a paper (issue #17).
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(root.value(QLatin1String("created")).toString(),
                 QStringLiteral("2024-03-20T12:00:00.000Z"));
        QCOMPARE(root.value(QLatin1String("papers")).toArray().size(), 4);
        QCOMPARE(root.value(QLatin1String("saved_searches")).toArray().size(), 1);

        const RestoreReport report = restoreBackupFile(m_b->db, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.papersAdded, 4);
        QCOMPARE(report.searchesAdded, 1);
        QVERIFY(report.conflicts.isEmpty());
        QCOMPARE(m_b->rows(), a.rows());
        QCOMPARE(m_b->rows().size(), a.rows().size());
        QCOMPARE(a.rows().size(), 7); // 3 user_papers + 3 user_tags + 1 saved search
    }

    void disjointPapersMerge()
    {
        m_a->clock = at(2);
        QVERIFY(m_a->store->setStarred(QStringLiteral("2401.00001"), true));
        m_b->clock = at(3);
        QVERIFY(m_b->store->setStarred(QStringLiteral("2401.00002"), true));
        QVERIFY(m_b->store->addTags(QStringLiteral("2401.00002"), {QStringLiteral("b")}));
        const QStringList before = m_b->rows();
        const RestoreReport report =
            restoreBackupFile(m_b->db, backupOf(*m_a, QStringLiteral("a.json")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.papersAdded, 1);
        QCOMPARE(report.papersUpdated, 0);
        QVERIFY(report.conflicts.isEmpty());
        const QStringList after = m_b->rows();
        for (const QString &row : before)
            QVERIFY2(after.contains(row), qPrintable(row));
        QVERIFY(m_b->store->userState(QStringLiteral("2401.00001")).starred);
        QCOMPARE(m_b->store->userState(QStringLiteral("2401.00001")).starredChanged, at(2));
    }

    void sameFieldsDifferentFieldsMerge()
    {
        const QString id = QStringLiteral("2401.00001");
        m_a->clock = at(2);
        QVERIFY(m_a->store->setNote(id, QStringLiteral("from the backup")));
        m_b->clock = at(3);
        QVERIFY(m_b->store->setStarred(id, true));
        const RestoreReport report =
            restoreBackupFile(m_b->db, backupOf(*m_a, QStringLiteral("a.json")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.papersUpdated, 1);
        QCOMPARE(report.fieldsTaken, 1);
        QVERIFY2(report.conflicts.isEmpty(), qPrintable(report.conflicts.value(0).field));
        const UserState state = m_b->store->userState(id);
        QVERIFY(state.starred);
        QCOMPARE(state.starredChanged, at(3));
        QCOMPARE(state.note, QStringLiteral("from the backup"));
        QCOMPARE(state.noteChanged, at(2));
    }

    void sameFieldBothChangedNewerWins()
    {
        const QString older = QStringLiteral("2401.00001"), newer = QStringLiteral("2401.00002");
        // Backup newer for `older`'s note; library newer for `newer`'s star.
        m_b->clock = at(2);
        QVERIFY(m_b->store->setNote(older, QStringLiteral("library note")));
        m_a->clock = at(3);
        QVERIFY(m_a->store->setNote(older, QStringLiteral("backup note")));
        QVERIFY(m_a->store->setStarred(newer, true));
        m_b->clock = at(4);
        QVERIFY(m_b->store->setStarred(newer, true));
        QVERIFY(m_b->store->setStarred(newer, false));

        const RestoreReport report =
            restoreBackupFile(m_b->db, backupOf(*m_a, QStringLiteral("a.json")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.conflicts.size(), 2);
        const RestoreConflict &note = report.conflicts.at(0);
        QCOMPARE(note.id, older);
        QCOMPARE(note.field, QStringLiteral("note"));
        QCOMPARE(note.libraryValue, QStringLiteral("library note"));
        QCOMPARE(note.backupValue, QStringLiteral("backup note"));
        QVERIFY(note.backupWon);
        const RestoreConflict &star = report.conflicts.at(1);
        QCOMPARE(star.id, newer);
        QCOMPARE(star.field, QStringLiteral("starred"));
        QVERIFY(!star.backupWon);
        QCOMPARE(m_b->store->userState(older).note, QStringLiteral("backup note"));
        QCOMPARE(m_b->store->userState(older).noteChanged, at(3));
        QVERIFY(!m_b->store->userState(newer).starred);
        QCOMPARE(m_b->store->userState(newer).starredChanged, at(4));
    }

    void tagsAreAUnion()
    {
        const QString id = QStringLiteral("2401.00001");
        m_a->clock = at(2);
        QVERIFY(m_a->store->addTags(id, {QStringLiteral("shared"), QStringLiteral("backup only")}));
        m_b->clock = at(5);
        QVERIFY(
            m_b->store->addTags(id, {QStringLiteral("shared"), QStringLiteral("library only")}));
        const RestoreReport report =
            restoreBackupFile(m_b->db, backupOf(*m_a, QStringLiteral("a.json")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.tagsAdded, 1);
        QCOMPARE(report.papersUpdated, 1);
        QCOMPARE(m_b->store->userState(id).tags,
                 (QStringList{QStringLiteral("backup only"), QStringLiteral("library only"),
                              QStringLiteral("shared")}));
        // The library's own "shared" keeps its date.
        QCOMPARE(dumpRows(m_b->db.connection(),
                          QStringLiteral("SELECT added FROM user_tags WHERE tag = 'shared'")),
                 QStringList{backupTimestamp(at(5))});
    }

    void savedSearchesMerge()
    {
        QVERIFY(m_a->addSearch(QStringLiteral("same"), QStringLiteral("q"), at(1)));
        QVERIFY(
            m_a->addSearch(QStringLiteral("newer in backup"), QStringLiteral("backup q"), at(5)));
        QVERIFY(m_a->addSearch(QStringLiteral("only backup"), QStringLiteral("x"), at(1)));
        QVERIFY(m_b->addSearch(QStringLiteral("same"), QStringLiteral("q"), at(2)));
        QVERIFY(
            m_b->addSearch(QStringLiteral("newer in backup"), QStringLiteral("library q"), at(3)));
        const RestoreReport report =
            restoreBackupFile(m_b->db, backupOf(*m_a, QStringLiteral("a.json")));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.searchesAdded, 1);
        QCOMPARE(report.searchesReplaced, 1);
        QCOMPARE(report.conflicts.size(), 1);
        QCOMPARE(report.conflicts.first().field, QStringLiteral("saved_search"));
        QCOMPARE(dumpRows(m_b->db.connection(),
                          QStringLiteral("SELECT name, query FROM saved_searches ORDER BY name")),
                 (QStringList{QStringLiteral("newer in backup|backup q"),
                              QStringLiteral("only backup|x"), QStringLiteral("same|q")}));
    }

    void restoringTwiceIsIdempotent()
    {
        m_a->clock = at(2);
        QVERIFY(m_a->store->setStarred(QStringLiteral("2401.00001"), true));
        QVERIFY(m_a->store->setNote(QStringLiteral("2401.00002"), QStringLiteral("n")));
        QVERIFY(m_a->store->addTags(QStringLiteral("2401.00003"), {QStringLiteral("t")}));
        QVERIFY(m_a->addSearch(QStringLiteral("s"), QStringLiteral("q"), at(2)));
        m_b->clock = at(3);
        QVERIFY(m_b->store->setNote(QStringLiteral("2401.00002"), QStringLiteral("m")));
        const QString file = backupOf(*m_a, QStringLiteral("a.json"));
        const RestoreReport first = restoreBackupFile(m_b->db, file);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(first.changedAnything());
        const QStringList once = m_b->rows();
        const RestoreReport second = restoreBackupFile(m_b->db, file);
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY(!second.changedAnything());
        QCOMPARE(second.papersUnchanged, 3);
        QCOMPARE(second.tagsAdded, 0);
        QCOMPARE(m_b->rows(), once);
        // The library's newer note stays and is reported both times, never flipped.
        QCOMPARE(m_b->store->userState(QStringLiteral("2401.00002")).note, QStringLiteral("m"));
        QCOMPARE(second.conflicts.size(), 1);
    }

    void badFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\"format\": \"paperboy-backup\", ")
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("other format") << QByteArray(R"({"format": "zotero", "version": 1})")
                                      << QStringLiteral("not a Paperboy backup");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not a Paperboy backup");
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "paperboy-backup", "version": )" +
                          QByteArray::number(kBackupFormatVersion + 1) + R"(, "papers": []})")
            << QStringLiteral("newer Paperboy");
        QTest::newRow("bad version")
            << QByteArray(R"({"format": "paperboy-backup", "version": "1"})")
            << QStringLiteral("version");
        QTest::newRow("bad field late in the file")
            << QByteArray(
                   R"({"format": "paperboy-backup", "version": 1, "papers": [)"
                   R"({"id": "2401.00009", "starred": true, "starred_changed": "2024-03-09T00:00:00.000Z"},)"
                   R"({"id": "2401.00010", "starred": "yes"}]})")
            << QStringLiteral("papers[1]: \"starred\" must be true or false");
        QTest::newRow("bad timestamp")
            << QByteArray(
                   R"({"format": "paperboy-backup", "version": 1, "papers": [{"id": "x", "read_changed": "yesterday"}]})")
            << QStringLiteral("read_changed");
        QTest::newRow("tag without date")
            << QByteArray(
                   R"({"format": "paperboy-backup", "version": 1, "papers": [{"id": "x", "tags": [{"tag": "t"}]}]})")
            << QStringLiteral("papers[0].tags[0]");
    }

    void badFilesChangeNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        m_b->clock = at(2);
        QVERIFY(m_b->store->setStarred(QStringLiteral("2401.00001"), true));
        const QStringList before = m_b->rows();
        const QString file = path(QStringLiteral("bad.json"));
        QVERIFY(writeAll(file, content));
        const RestoreReport report = restoreBackupFile(m_b->db, file);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(file), qPrintable(report.error));
        QVERIFY2(report.error.contains(message), qPrintable(report.error));
        QCOMPARE(m_b->rows(), before);
    }

    void missingFileIsNamed()
    {
        const RestoreReport report = restoreBackupFile(m_b->db, path(QStringLiteral("nope.json")));
        QVERIFY(!report.ok);
        QVERIFY(report.error.contains(QStringLiteral("nope.json")));
    }

    void failedWriteKeepsThePreviousBackup()
    {
        QVERIFY(m_a->store->setStarred(QStringLiteral("2401.00001"), true));
        const QString file = backupOf(*m_a, QStringLiteral("keep.json"));
        const QByteArray good = readAll(file);
        QVERIFY(!good.isEmpty());
        QString error;
        QVERIFY(!writeBackupFile(m_a->db, path(QStringLiteral("no/such/dir/x.json")), &error));
        QVERIFY(error.contains(QStringLiteral("no/such/dir/x.json")));
        QCOMPARE(readAll(file), good);
        // Only finished files in the folder: no temporary leftovers.
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*.json*")}, QDir::Files),
                 QStringList{QStringLiteral("keep.json")});
    }

    void rotation()
    {
        QVERIFY(m_a->store->setStarred(QStringLiteral("2401.00001"), true));
        const QString folder = path(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeAll(folder + QStringLiteral("/notes.txt"), "mine"));
        for (int day = 1; day <= 10; ++day) {
            const AutomaticBackupResult result =
                rotateAutomaticBackup(m_a->db, folder, 7, at(day, 12));
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(QFileInfo(result.path).fileName(),
                     automaticBackupFileName(m_a->db.path(), at(day, 12).toLocalTime().date()));
        }
        // Twice the same day: still one file for that day.
        QVERIFY(rotateAutomaticBackup(m_a->db, folder, 7, at(10, 13)).ok);
        QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
        QVERIFY(files.removeOne(QStringLiteral("notes.txt")));
        QCOMPARE(files.size(), 7);
        QCOMPARE(files.last(),
                 automaticBackupFileName(m_a->db.path(), at(10, 13).toLocalTime().date()));
        QVERIFY(!files.contains(
            automaticBackupFileName(m_a->db.path(), at(2, 12).toLocalTime().date())));
        // Each one is a restorable backup.
        QString error;
        QVERIFY2(readBackupFile(folder + QLatin1Char('/') + files.first(), &error),
                 qPrintable(error));
        QVERIFY(defaultBackupFolder().endsWith(QStringLiteral("/backups")));
    }

    // Two libraries backed up into one folder on the same days: each keeps its own files and
    // its own rotation (they used to write the same dated file, the second overwriting the
    // first, and to rotate each other's). A backup named by an older version is left alone.
    void librariesShareAFolder()
    {
        QVERIFY(m_a->store->setStarred(QStringLiteral("2401.00001"), true));
        QVERIFY(m_b->store->setNote(QStringLiteral("2401.00002"), QStringLiteral("b's")));
        const QString folder = path(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(folder));
        const QString legacy = folder + QStringLiteral("/paperboy-backup-2024-03-01.json");
        QVERIFY(writeAll(legacy, "an older version's backup"));
        for (int day = 1; day <= 10; ++day) {
            const AutomaticBackupResult a = rotateAutomaticBackup(m_a->db, folder, 7, at(day));
            const AutomaticBackupResult b = rotateAutomaticBackup(m_b->db, folder, 7, at(day));
            QVERIFY2(a.ok && b.ok, qPrintable(a.error + b.error));
            QVERIFY(a.path != b.path);
        }
        QString error;
        const std::optional<BackupData> ofA =
            readBackupFile(QDir(folder).filePath(automaticBackupFileName(
                               m_a->db.path(), at(10).toLocalTime().date())),
                           &error);
        const std::optional<BackupData> ofB =
            readBackupFile(QDir(folder).filePath(automaticBackupFileName(
                               m_b->db.path(), at(10).toLocalTime().date())),
                           &error);
        QVERIFY2(ofA && ofB, qPrintable(error));
        QCOMPARE(ofA->papers.size(), 1);
        QVERIFY(ofA->papers.first().starred);
        QCOMPARE(ofB->papers.size(), 1);
        QCOMPARE(ofB->papers.first().note, std::optional(QStringLiteral("b's")));
        const QString tagA = automaticBackupLibraryTag(m_a->db.path());
        const QString tagB = automaticBackupLibraryTag(m_b->db.path());
        QVERIFY(tagA != tagB);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("paperboy-backup-%1-*").arg(tagA)}).size(),
                 7);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("paperboy-backup-%1-*").arg(tagB)}).size(),
                 7);
        QCOMPARE(readAll(legacy), QByteArray("an older version's backup"));
        // Same file name in two folders: still two libraries.
        QVERIFY(automaticBackupLibraryTag(QStringLiteral("/x/paperboy.sqlite")) !=
                automaticBackupLibraryTag(QStringLiteral("/y/paperboy.sqlite")));
        QVERIFY(automaticBackupLibraryTag(QStringLiteral("/x/my library!.sqlite"))
                    .startsWith(QStringLiteral("my_library_-")));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
