// Reading less (issue #16), the reader's side: dismissals, followed authors (matched after TeX
// accents and case are folded), is:followed / is:dismissed / is:highlighted, and rules that
// act on the papers each import, bulk import and fetch adds, in the same transaction. All of
// it is user data: it survives re-imports, upgrades, backups and restores.

#include "core/author_names.h"
#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "backup/backup_format.h"
#include "fetch_test_env.h"
#include "import/importer.h"
#include "search/searcher.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QString kBoot = QStringLiteral("2306.05544");  // Jiatao Gu et al., diffusion
const QString kScene = QStringLiteral("2306.01667"); // ... Olivier J. Hénaff
const QString kTextDigest = QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt");
const QString kJsonDigest = QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl");

Rule rule(const QString &name, const QString &query, RuleAction action, const QString &tag = {})
{
    Rule r;
    r.name = name;
    r.query = query;
    r.action = action;
    r.argument = tag;
    return r;
}

} // namespace

class TestCuration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    int m_opened = 0;

    bool openLibrary()
    {
        m_store.reset();
        m_db = std::make_unique<Database>();
        if (!m_db->open(m_dir.filePath(QStringLiteral("lib%1.sqlite").arg(++m_opened))))
            return false;
        m_store = std::make_unique<Store>(*m_db);
        m_store->setClock([] { return QDateTime(QDate(2024, 3, 20), QTime(9, 0), Qt::UTC); });
        return true;
    }

    ImportReport import(const QString &relative)
    {
        return Importer(*m_store).importFile(fixture(relative));
    }

    QStringList found(const QString &query)
    {
        SearchOptions options;
        options.limit = 0;
        QStringList ids;
        for (const PaperView &view :
             Searcher(m_db->connection()).searchViews(*m_store, parseSearchQuery(query), options))
            ids.append(view.paper.arxivId);
        ids.sort();
        return ids;
    }

    int count(const QString &query)
    {
        return Searcher(m_db->connection()).count(parseSearchQuery(query));
    }

private slots:
    void init() { QVERIFY(openLibrary()); }

    void foldedNames()
    {
        QCOMPARE(foldAuthorName(QStringLiteral("Olivier J. Hénaff")),
                 QStringLiteral("olivier j henaff"));
        QCOMPARE(foldAuthorName(QStringLiteral("olivier  J H\\'enaff")),
                 QStringLiteral("olivier j henaff"));
        QCOMPARE(foldAuthorName(QStringLiteral("Przemys{\\l}aw Bir\\'o")),
                 foldAuthorName(QStringLiteral("PRZEMYSŁAW BIRÓ")));
        QCOMPARE(foldAuthorName(QStringLiteral("O'Brien, Jr.")), QStringLiteral("o brien jr"));
        QCOMPARE(foldAuthorName(QStringLiteral("张 伟")), QStringLiteral("张 伟"));
        QVERIFY(foldAuthorName(QStringLiteral(" .,- ")).isEmpty());
        const FollowedAuthors follows({QStringLiteral("Jiatao GU")});
        QCOMPARE(follows.matching({QStringLiteral("Jiatao Gu"), QStringLiteral("Jiatao Guo")}),
                 QStringList{QStringLiteral("Jiatao Gu")});
    }

    void dismissals()
    {
        QVERIFY(import(kTextDigest).ok);
        QVERIFY(!m_store->paperView(kBoot)->user.dismissed);
        QVERIFY(m_store->setDismissed({kBoot, kScene}, true));
        QVERIFY(m_store->paperView(kBoot)->user.dismissed);
        QVERIFY(m_store->userState(kBoot).dismissed);
        QCOMPARE(found(QStringLiteral("is:dismissed")), (QStringList{kScene, kBoot}));
        QCOMPARE(count(QStringLiteral("-is:dismissed")), 1);
        QCOMPARE(found(QStringLiteral("is:dismissed distillation")), QStringList{kBoot});
        QVERIFY(m_store->setDismissed({kScene}, false));
        QCOMPARE(found(QStringLiteral("is:dismissed")), QStringList{kBoot});
        // Undismissing keeps when it happened, so an older backup cannot bring it back.
        QCOMPARE(dumpRows(m_db->connection(),
                          QStringLiteral("SELECT dismissed, changed FROM user_dismissals"
                                         " WHERE arxiv_id = '%1'")
                              .arg(kScene)),
                 QStringList{QStringLiteral("0|2024-03-20T09:00:00.000Z")});
    }

    void followedAuthorsMatchFolded()
    {
        QVERIFY(import(kTextDigest).ok);
        QVERIFY(import(QStringLiteral("arxiv-snapshot/sample.jsonl")).ok);
        bool changed = false;
        QVERIFY(m_store->setFollowed(QStringLiteral("olivier j. H\\'enaff"), true, &changed));
        QVERIFY(changed);
        QVERIFY(m_store->setFollowed(QStringLiteral("Olivier J Hénaff"), true, &changed));
        QVERIFY(!changed);                                                // one person
        QVERIFY(m_store->setFollowed(QStringLiteral("c. balazs"), true)); // "C. Bal\'azs"
        QVERIFY(!m_store->setFollowed(QStringLiteral(" - "), true));
        const QList<FollowedAuthor> authors = m_store->followedAuthors();
        QCOMPARE(authors.size(), 2);
        QCOMPARE(authors.at(1).name, QStringLiteral("olivier j. H\\'enaff"));
        QCOMPARE(authors.at(1).key, QStringLiteral("olivier j henaff"));

        const PaperView scene = *m_store->paperView(kScene);
        QCOMPARE(scene.user.followedAuthors, QStringList{QStringLiteral("Olivier J. Hénaff")});
        QVERIFY(m_store->paperView(kBoot)->user.followedAuthors.isEmpty());
        QCOMPARE(found(QStringLiteral("is:followed")),
                 (QStringList{QStringLiteral("0704.0001"), kScene}));
        QCOMPARE(found(QStringLiteral("is:followed scene")), QStringList{kScene});
        QCOMPARE(count(QStringLiteral("-is:followed")), m_store->paperCount() - 2);
        const QList<PaperView> day = m_store->dayPapers(QDate(2024, 3, 14));
        QCOMPARE(day.at(0).user.followedAuthors.size(), 1);

        // The index may see a name across two authors ("Balažević David" in "Ivana
        // Balažević, David Steiner"); the exact test does not.
        QVERIFY(m_store->setFollowed(QStringLiteral("Balazevic David"), true));
        QCOMPARE(found(QStringLiteral("is:followed")),
                 (QStringList{QStringLiteral("0704.0001"), kScene}));
        QVERIFY(m_store->setFollowed(QStringLiteral("Balazevic David"), false, &changed));
        QVERIFY(changed);

        QVERIFY(m_store->setFollowed(QStringLiteral("OLIVIER J HENAFF"), false, &changed));
        QVERIFY(changed);
        QVERIFY(m_store->setFollowed(QStringLiteral("Nobody Followed"), false, &changed));
        QVERIFY(!changed);
        QCOMPARE(found(QStringLiteral("is:followed")), QStringList{QStringLiteral("0704.0001")});
        QVERIFY(m_store->paperView(kScene)->user.followedAuthors.isEmpty());
        QVERIFY(m_store->setFollowed(QStringLiteral("C. Balázs"), false));
        QCOMPARE(count(QStringLiteral("is:followed")), 0);
    }

    void rulesActOnNewPapersOnly()
    {
        QVERIFY(import(kJsonDigest).ok);
        QVERIFY(m_store->saveRule(rule(QStringLiteral("diffusion"), QStringLiteral("diffusion"),
                                       RuleAction::Tag, QStringLiteral("gen"))));
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("friedman"), QStringLiteral("author:Friedman"), RuleAction::Star)));
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("scene"), QStringLiteral("scene"), RuleAction::Highlight)));
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("seen it"), QStringLiteral("bootstrapping"), RuleAction::Read)));
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("no boot"), QStringLiteral("BOOT"), RuleAction::Dismiss)));
        // Rules run by name: this one sees the tag "diffusion" gave (the search index is
        // brought up to date after each tag rule).
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("gen stars"), QStringLiteral("tag:gen"), RuleAction::Star)));
        QVERIFY(
            !m_store->saveRule(rule(QStringLiteral("x"), QStringLiteral("y"), RuleAction::Tag)));
        QCOMPARE(m_store->rules().size(), 6);
        // The papers already in the library are left alone.
        QCOMPARE(userData(m_db->connection()).filter(QStringLiteral("|")).size(), 6);
        const QStringList before = found(QStringLiteral("diffusion"));
        QVERIFY(!before.isEmpty());

        const ImportReport report = import(kTextDigest);
        QVERIFY(report.ok);
        QCOMPARE(report.summary.papersAdded, 3);
        const PaperView boot = *m_store->paperView(kBoot);
        QCOMPARE(boot.user.tags, QStringList{QStringLiteral("gen")});
        QVERIFY(boot.user.dismissed);
        QVERIFY(boot.user.read);
        QVERIFY(m_store->paperView(kScene)->user.highlighted);
        QVERIFY(boot.user.starred);
        QCOMPARE(found(QStringLiteral("is:starred -tag:gen")),
                 QStringList{QStringLiteral("2306.01128")});
        QCOMPARE(found(QStringLiteral("tag:gen")), QStringList{kBoot});
        QCOMPARE(found(QStringLiteral("is:starred tag:gen")), QStringList{kBoot});
        QCOMPARE(found(QStringLiteral("is:highlighted")), QStringList{kScene});
        QCOMPARE(report.summary.ruleActions, 6); // one paper each

        // Imported again: nothing new, nothing done.
        const QStringList user = userData(m_db->connection());
        const ImportReport again = import(kTextDigest);
        QVERIFY(again.ok);
        QCOMPARE(again.summary.ruleActions, 0);
        QCOMPARE(userData(m_db->connection()), user);

        // Removing a highlight rule takes its marks with it; its other papers keep the rest.
        bool removed = false;
        QVERIFY(m_store->removeRule(QStringLiteral("scene"), &removed));
        QVERIFY(removed);
        QVERIFY(!m_store->paperView(kScene)->user.highlighted);
        QVERIFY(m_store->removeRule(QStringLiteral("scene"), &removed));
        QVERIFY(!removed);
    }

    void rulesRunInBulkImports()
    {
        QVERIFY(m_store->saveRule(rule(QStringLiteral("hep"), QStringLiteral("cat:hep-ph"),
                                       RuleAction::Tag, QStringLiteral("physics"))));
        const ImportReport report = import(QStringLiteral("arxiv-snapshot/sample.jsonl"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(report.summary.ruleActions > 0);
        QCOMPARE(count(QStringLiteral("tag:physics")), count(QStringLiteral("cat:hep-ph")));
    }

    void rulesRunInFetches()
    {
        FetchTestEnv env;
        QVERIFY(env.setUp());
        QVERIFY(env.store->saveRule(rule(QStringLiteral("diffusion"), QStringLiteral("diffusion"),
                                         RuleAction::Tag, QStringLiteral("gen"))));
        QVERIFY(env.store->saveRule(
            rule(QStringLiteral("quiet"), QStringLiteral("remote sensing"), RuleAction::Dismiss)));
        env.server.route(
            QStringLiteral("/rss/cs.CV"),
            {TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"))});
        const FetchSummary summary = env.run(FetchRequest::today());
        QVERIFY2(summary.ok(), qPrintable(describe(summary)));
        const Searcher searcher(env.db.connection());
        const int diffusion = searcher.count(parseSearchQuery(QStringLiteral("diffusion")));
        QVERIFY(diffusion > 3);
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("tag:gen"))), diffusion);
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("is:dismissed"))),
                 searcher.count(parseSearchQuery(QStringLiteral("\"remote sensing\""))));
        // Fetched again: the papers are known, the rules do nothing more.
        const QStringList user = env.user();
        env.server.route(
            QStringLiteral("/rss/cs.CV"),
            {TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"))});
        FetchRequest again = FetchRequest::today();
        again.force = true;
        QVERIFY(env.run(again).ok());
        QCOMPARE(env.user(), user);
    }

    void survivesReimportBackupAndRestore()
    {
        QVERIFY(import(kTextDigest).ok);
        QVERIFY(import(kJsonDigest).ok);
        QVERIFY(m_store->setDismissed({kBoot}, true));
        QVERIFY(m_store->setFollowed(QStringLiteral("Jiatao Gu"), true));
        QVERIFY(m_store->setFollowed(QStringLiteral("Danqi Chen"), true));
        QVERIFY(m_store->setFollowed(QStringLiteral("Danqi Chen"), false));
        QVERIFY(m_store->saveRule(
            rule(QStringLiteral("scene"), QStringLiteral("scene"), RuleAction::Highlight)));
        QVERIFY(m_store->saveRule(rule(QStringLiteral("tagger"), QStringLiteral("\"in context\""),
                                       RuleAction::Tag, QStringLiteral("icl"))));
        QSqlQuery mark(m_db->connection());
        QVERIFY(mark.exec(QStringLiteral("INSERT INTO user_highlights VALUES ('%1', 'scene',"
                                         " '2024-03-20T09:00:00.000Z')")
                              .arg(kScene)));
        const QStringList user = userData(m_db->connection());
        QCOMPARE(user.size(), 1 + 2 + 2 + 1);

        // Re-imports never touch it.
        QVERIFY(import(kTextDigest).ok);
        QVERIFY(import(kJsonDigest).ok);
        QCOMPARE(userData(m_db->connection()), user);

        // A backup holds it; restoring into an empty library gives the same rows.
        const QString file = m_dir.filePath(QStringLiteral("backup.json"));
        QString error;
        BackupData written;
        QVERIFY2(writeBackupFile(*m_db, file, &error, {}, &written), qPrintable(error));
        QCOMPARE(written.dismissals.size(), 1);
        QCOMPARE(written.followedAuthors.size(), 2);
        QCOMPARE(written.rules.size(), 2);
        QCOMPARE(written.highlights.size(), 1);
        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->dismissals, written.dismissals);
        QCOMPARE(read->followedAuthors, written.followedAuthors);
        QCOMPARE(read->rules, written.rules);
        QCOMPARE(read->highlights, written.highlights);
        // The streamed file is what the JSON writer makes of the same data.
        QFile bytes(file);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        QCOMPARE(bytes.readAll(), QJsonDocument(backupToJson(written)).toJson());

        QVERIFY(openLibrary());
        const RestoreReport report = restoreBackupFile(*m_db, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.dismissalsTaken, 1);
        QCOMPARE(report.followsTaken, 2);
        QCOMPARE(report.rulesAdded, 2);
        QCOMPARE(report.highlightsAdded, 1);
        QCOMPARE(userData(m_db->connection()), user);
        // Restoring again changes nothing.
        const RestoreReport twice = restoreBackupFile(*m_db, file);
        QVERIFY(twice.ok && !twice.changedAnything());

        // A later change in the library beats the older backup's, and is reported.
        m_store->setClock([] { return QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC); });
        QVERIFY(m_store->setDismissed({kBoot}, false));
        QVERIFY(m_store->setFollowed(QStringLiteral("Danqi Chen"), true));
        const RestoreReport newer = restoreBackupFile(*m_db, file);
        QVERIFY(newer.ok);
        QCOMPARE(newer.dismissalsTaken + newer.followsTaken, 0);
        QCOMPARE(newer.conflicts.size(), 2);
        QVERIFY(!m_store->userState(kBoot).dismissed);
        QCOMPARE(m_store->followedAuthors().size(), 2);
    }

    void badCurationInABackupChangesNothing()
    {
        QVERIFY(import(kTextDigest).ok);
        const QString file = m_dir.filePath(QStringLiteral("bad.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"format": "paperboy-backup", "version": 1, "papers": [],
                     "rules": [{"name": "x", "query": "y", "action": "explode",
                                "created": "2024-03-20T09:00:00.000Z"}]})");
        out.close();
        const QStringList user = userData(m_db->connection());
        const RestoreReport report = restoreBackupFile(*m_db, file);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QLatin1String("rules[0]")), qPrintable(report.error));
        QCOMPARE(userData(m_db->connection()), user);
    }
};

QTEST_GUILESS_MAIN(TestCuration)
#include "tst_curation.moc"
