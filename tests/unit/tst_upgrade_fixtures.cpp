// Upgrades from libraries that earlier Paperboy versions wrote: the committed fixtures in
// tests/data/upgrades/ (one per schema version, built by generate.sh from the migration files
// of that time). Every paper, every piece of user data and the pre-migration copy are checked
// for whatever fixtures exist and whatever Database::latestSchemaVersion() is, so a new
// migration is tested against every older library without editing this file.

#include "search/search_query.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QString fixtureDir()
{
    return fixture(QStringLiteral("upgrades"));
}

// schema-v003.sqlite -> 3
int fixtureVersion(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^schema-v(\d+)\.sqlite$)"));
    const QRegularExpressionMatch match = pattern.match(fileName);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// A plain connection that never migrates, for reading a file as it is.
class RawDb
{
public:
    explicit RawDb(const QString &path) : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_db.open();
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    const QSqlDatabase &db() const { return m_db; }
    QString scalar(const QString &sql) const
    {
        QSqlQuery q(m_db);
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<failed>");
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// Ordinary tables, without FTS shadow tables and the derived search tables: what a user or
// a source put there.
QStringList dataTables(const QSqlDatabase &db)
{
    return dumpRows(
        db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT "
                           "LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%' AND name NOT "
                           "LIKE 'search_%' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
}

QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    return dumpRows(
        db, QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
}

// Every row of `table`, restricted to `columns`, in a stable order.
QStringList tableRows(const QSqlDatabase &db, const QString &table, const QStringList &columns)
{
    const QString list = columns.join(QStringLiteral(", "));
    return dumpRows(db, QStringLiteral("SELECT %1 FROM %2 ORDER BY %1").arg(list, table));
}

const QStringList kUserTables = {QStringLiteral("user_papers"), QStringLiteral("user_tags"),
                                 QStringLiteral("saved_searches")};

struct Snapshot
{
    QMap<QString, QStringList> columns; // table -> columns at the fixture's version
    QMap<QString, QStringList> rows;    // table -> rows of those columns
    QStringList paperIds;
};

Snapshot snapshotOf(const QSqlDatabase &db)
{
    Snapshot s;
    for (const QString &table : dataTables(db)) {
        s.columns[table] = columnsOf(db, table);
        s.rows[table] = tableRows(db, table, s.columns[table]);
    }
    s.paperIds = dumpRows(db, QStringLiteral("SELECT arxiv_id FROM papers ORDER BY arxiv_id"));
    return s;
}

// Every paper survives, readable through the store as the window and CLI read it; search
// knows the old notes and tags at once.
void checkThroughTheStore(Database &db, const Snapshot &before)
{
    Store store(db);
    QCOMPARE(
        dumpRows(db.connection(), QStringLiteral("SELECT arxiv_id FROM papers ORDER BY arxiv_id")),
        before.paperIds);
    for (const QString &id : before.paperIds) {
        const std::optional<PaperView> view = store.paperView(id);
        QVERIFY2(view.has_value(), qPrintable(id));
        QCOMPARE(view->paper.arxivId, id);
    }
    const std::optional<PaperView> boot = store.paperView(QStringLiteral("2306.05544"));
    QVERIFY(boot);
    QCOMPARE(boot->paper.title,
             QStringLiteral("BOOT: Data-free Distillation of Denoising Diffusion Models"));
    QCOMPARE(boot->paper.authors.size(), 3);
    QVERIFY(!boot->entry.translatedTitle.isEmpty());
    QVERIFY(boot->user.starred);
    QVERIFY(boot->user.note.startsWith(QStringLiteral("读完了: check Table 2\n")));
    QCOMPARE(boot->user.tags.size(), 2);
    QCOMPARE(store.days().size(), 3);
    QCOMPARE(store.dayPapers(QDate(2024, 3, 14)).size(), 3);
    // User data of a paper the cache never held.
    QVERIFY(store.userState(QStringLiteral("9999.99999")).starred);

    // Cache tables keep their rows too (columns as of the old version).
    for (auto it = before.columns.cbegin(); it != before.columns.cend(); ++it)
        QCOMPARE(tableRows(db.connection(), it.key(), it.value()), before.rows.value(it.key()));

    const Searcher searcher(db.connection());
    QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("ablation"))), 1);
    QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("tag:蒸馏"))), 1);
    QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("is:starred"))), 2);
}

} // namespace

class TestUpgradeFixtures : public QObject
{
    Q_OBJECT

private slots:
    void fixturesCoverEveryEarlierVersion();
    void upgradeKeepsEverything_data();
    void upgradeKeepsEverything();
};

void TestUpgradeFixtures::fixturesCoverEveryEarlierVersion()
{
    const QStringList files =
        QDir(fixtureDir()).entryList({QStringLiteral("schema-v*.sqlite")}, QDir::Files);
    QVERIFY2(!files.isEmpty(), qPrintable(fixtureDir()));
    int highest = 0;
    for (const QString &file : files)
        highest = std::max(highest, fixtureVersion(file));
    QVERIFY2(highest <= Database::latestSchemaVersion(),
             "a fixture is newer than this build's schema");
    // No holes below the newest fixture: each version was captured while it was current.
    for (int v = 1; v <= highest; ++v)
        QVERIFY2(
            files.contains(QStringLiteral("schema-v%1.sqlite").arg(v, 3, 10, QLatin1Char('0'))),
            qPrintable(QStringLiteral("no fixture for schema version %1").arg(v)));
    if (highest < Database::latestSchemaVersion() - 1)
        qWarning("no fixture for schema version %d yet: run tests/data/upgrades/generate.sh "
                 "with the migrations of that version",
                 Database::latestSchemaVersion() - 1);
}

void TestUpgradeFixtures::upgradeKeepsEverything_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("version");
    const QStringList files =
        QDir(fixtureDir()).entryList({QStringLiteral("schema-v*.sqlite")}, QDir::Files);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file << fixtureVersion(file);
}

void TestUpgradeFixtures::upgradeKeepsEverything()
{
    QFETCH(QString, file);
    QFETCH(int, version);
    QVERIFY(version >= 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    QVERIFY(QFile::copy(QDir(fixtureDir()).filePath(file), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));

    Snapshot before;
    {
        RawDb raw(path);
        QVERIFY2(raw.db().isOpen(), qPrintable(raw.db().lastError().text()));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), version);
        before = snapshotOf(raw.db());
    }
    // The fixture must hold something to lose.
    for (const QString &table : kUserTables)
        QVERIFY2(before.rows.value(table).size() >= 2, qPrintable(table));
    QVERIFY(before.paperIds.size() >= 5);

    Database db;
    QList<QPair<int, int>> announced;
    db.setUpgradeListener([&announced](int from, int to) { announced.append({from, to}); });
    QVERIFY2(db.open(path), qPrintable(db.error()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    // The window and the command line say an upgrade is under way, once, before it starts.
    if (version < Database::latestSchemaVersion())
        QCOMPARE(announced, (QList<QPair<int, int>>{{version, Database::latestSchemaVersion()}}));
    else
        QVERIFY(announced.isEmpty());

    // User data: every row and every column the old version had, byte for byte.
    for (const QString &table : kUserTables)
        QCOMPARE(tableRows(db.connection(), table, before.columns.value(table)),
                 before.rows.value(table));

    // Every paper survives, readable through the store as the window and CLI read it.
    checkThroughTheStore(db, before);
    if (QTest::currentTestFailed())
        return;

    // The copy kept before migrating is the old library, whole and valid.
    const QString backup = Database::backupPathFor(path, version);
    if (version == Database::latestSchemaVersion()) {
        QVERIFY2(!QFile::exists(backup), "no copy without a migration");
        return;
    }
    QVERIFY2(QFile::exists(backup), qPrintable(backup));
    db.close();
    {
        RawDb copy(backup);
        QVERIFY(copy.db().isOpen());
        QCOMPARE(copy.scalar(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(copy.scalar(QStringLiteral("PRAGMA user_version")).toInt(), version);
        const Snapshot kept = snapshotOf(copy.db());
        QCOMPARE(kept.columns, before.columns);
        QCOMPARE(kept.rows, before.rows);
    }
    // And the copy is a library in its own right: restoring it is opening it.
    const QString restored = dir.filePath(QStringLiteral("restored.sqlite"));
    QVERIFY(QFile::copy(backup, restored));
    Database again;
    QVERIFY2(again.open(restored), qPrintable(again.error()));
    QCOMPARE(Store(again).userState(QStringLiteral("2403.00001")).starred, true);
}

QTEST_GUILESS_MAIN(TestUpgradeFixtures)
#include "tst_upgrade_fixtures.moc"
