// Schema versions: fresh databases, upgrades from every earlier version, refusing newer ones.

#include "search/searcher.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// Builds a database the way Paperboy at schema `version` left it, from the migration files in
// the source tree, and fills it with a paper, a digest and user data.
bool buildOldDatabase(const QString &path, int version)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    const QDir dir(QStringLiteral(PAPERBOY_TEST_DATA "/../../resources/migrations"));
    bool ok = true;
    for (int v = 1; v <= version && ok; ++v) {
        const QStringList matches =
            dir.entryList({QStringLiteral("%1_*.sql").arg(v, 3, 10, QLatin1Char('0'))});
        QFile file(dir.filePath(matches.value(0)));
        ok = !matches.isEmpty() && file.open(QIODevice::ReadOnly) &&
             sqlite3_exec(db, file.readAll().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    const QByteArray data =
        QStringLiteral(
            "INSERT INTO papers (id, arxiv_id, version, title, authors) VALUES (1, '2306.05544', "
            "1, 'BOOT', 'Jiatao Gu');"
            "INSERT INTO digests (id, date, source, category, imported_at) VALUES (1, "
            "'2024-03-14', 'meiri-xueshu-sudi', 'cs.CV', '2024-03-14T00:00:00Z');"
            "INSERT INTO digest_entries (id, digest_id, paper_id, position) VALUES (1, 1, 1, 2);"
            "INSERT INTO entry_translations (entry_id, language, title) VALUES (1, 'zh', "
            "'BOOT:无数据蒸馏');"
            "INSERT INTO user_papers (arxiv_id, starred, starred_changed, note, note_changed) "
            "VALUES ('2306.05544', 1, '2024-03-15T08:00:00.000Z', '读完了', "
            "'2024-03-15T09:00:00.000Z');"
            "INSERT INTO user_papers (arxiv_id, read, read_changed) VALUES ('9999.99999', 1, "
            "'2024-03-15T08:00:00.000Z');"
            "INSERT INTO user_tags (arxiv_id, tag, added) VALUES ('2306.05544', 'diffusion', "
            "'2024-03-15T08:00:00.000Z');"
            "PRAGMA user_version = %1;")
            .arg(version)
            .toUtf8() +
        // Version 12's kinds of user data (issue #16), which later upgrades must keep too.
        QByteArray(version < 12 ? ""
                               : "INSERT INTO user_dismissals VALUES ('2306.05544', 1, "
                                 "'2024-03-16T08:00:00.000Z');"
                                 "INSERT INTO user_follows VALUES ('jiatao gu', 'Jiatao Gu', 1, "
                                 "'2024-03-16T08:00:00.000Z');"
                                 "INSERT INTO user_rules VALUES ('gen', 'diffusion', 'tag', "
                                 "'generative', '2024-03-16T08:00:00.000Z');"
                                 "INSERT INTO user_highlights VALUES ('2306.05544', 'gen', "
                                 "'2024-03-16T08:00:00.000Z');");
    ok = ok && sqlite3_exec(db, data.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseHasLatestSchema()
    {
        QTemporaryDir dir;
        Database db;
        bool announced = false;
        db.setUpgradeListener([&announced](int, int) { announced = true; });
        QVERIFY2(db.open(dir.filePath(QStringLiteral("fresh.sqlite"))), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY2(!announced, "creating a library is not an upgrade");
    }

    void upgradesKeepEverything_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 1; v <= Database::latestSchemaVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void upgradesKeepEverything()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(buildOldDatabase(path, fromVersion));
        QStringList userBefore;
        {
            Database raw;
            // Read what is there before any upgrade through a plain connection.
            QSqlDatabase plain =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
            plain.setDatabaseName(path);
            QVERIFY(plain.open());
            userBefore = userData(plain);
            plain.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
        QCOMPARE(userBefore.size(), fromVersion < 12 ? 3 : 7);

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(userData(db.connection()), userBefore);
        Store store(db);
        const std::optional<PaperView> view = store.paperView(QStringLiteral("2306.05544"));
        QVERIFY(view);
        QCOMPARE(view->paper.title, QStringLiteral("BOOT"));
        QCOMPARE(view->entry.translatedTitle, QStringLiteral("BOOT:无数据蒸馏"));
        QVERIFY(view->user.starred);
        QCOMPARE(view->user.note, QStringLiteral("读完了"));
        QCOMPARE(view->user.tags, QStringList{QStringLiteral("diffusion")});
        QCOMPARE(view->user.dismissed, fromVersion >= 12);
        QCOMPARE(view->user.followedAuthors.size(), fromVersion >= 12 ? 1 : 0);
        if (fromVersion < Database::latestSchemaVersion())
            QVERIFY(QFile::exists(Database::backupPathFor(path, fromVersion)));
        else
            QVERIFY(!QFile::exists(Database::backupPathFor(path, fromVersion)));
    }

    void version7RebuildsTheSearchIndex()
    {
        // Version 7 recreates search_fts with a one-character prefix index and adds two
        // indexes; the answers and the user tables stay as they were.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
        QVERIFY(buildOldDatabase(path, 6));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw,
                                  "INSERT INTO saved_searches (name, query, created) VALUES"
                                  " ('zh', '蒸 is:starred', '2024-03-15T08:00:00.000Z')",
                                  nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(raw);
        }
        const auto userTables = [](const QSqlDatabase &db) {
            return userData(db); // saved searches included
        };
        QStringList before;
        {
            QSqlDatabase plain =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
            plain.setDatabaseName(path);
            QVERIFY(plain.open());
            before = userTables(plain);
            plain.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v6"));
        QCOMPARE(before.size(), 4);

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(userTables(db.connection()), before);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toString().contains(QStringLiteral("prefix = '1'")),
                 qPrintable(q.value(0).toString()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                      " AND name IN ('papers_id_arxiv', 'user_papers_noted')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")));
        const Searcher searcher(db.connection());
        for (const char *text : {"蒸", "无数据蒸馏", "读", "读完了", "diffusion", "boot",
                                 "is:starred 蒸", "author:gu", "-蒸馏 is:starred"}) {
            const SearchResult result = searcher.search(parseSearchQuery(QString::fromUtf8(text)));
            QVERIFY2(result.ok, qPrintable(result.error));
            const QList<qint64> expected = text[0] == '-' ? QList<qint64>() : QList<qint64>{1};
            QCOMPARE(result.paperIds, expected);
        }
        // The recreated index follows edits through the old triggers.
        Store store(db);
        QVERIFY(store.setNote(QStringLiteral("2306.05544"), QStringLiteral("再看")));
        QVERIFY(searcher.search(parseSearchQuery(QStringLiteral("读"))).paperIds.isEmpty());
        QCOMPARE(searcher.search(parseSearchQuery(QStringLiteral("再"))).paperIds,
                 QList<qint64>{1});
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")));
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        QVERIFY(buildOldDatabase(path, Database::latestSchemaVersion()));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
            const QByteArray sql = QStringLiteral("PRAGMA user_version = %1")
                                       .arg(Database::latestSchemaVersion() + 5)
                                       .toUtf8();
            QCOMPARE(sqlite3_exec(raw, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        const QByteArray before = fileHash(path);
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.error().contains(QStringLiteral("newer Paperboy")), qPrintable(db.error()));
        QVERIFY(db.error().contains(path));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) ||
                QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }

    void notADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("text.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("this is a text file, not a database\n").repeated(200));
        file.close();
        const QByteArray before = fileHash(path);
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY(db.error().contains(path));
        QCOMPARE(fileHash(path), before);
    }

    void readOnlyOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
        }
        Database db;
        QVERIFY2(db.open(path, Database::Mode::ReadOnly), qPrintable(db.error()));
        QVERIFY(db.isReadOnly());
        Store store(db);
        QVERIFY(!store.setStarred(QStringLiteral("2306.05544"), true));
        QVERIFY(store.lastError().contains(QStringLiteral("read-only")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
