// Translations in the library (migration 011): what the reader is shown (digest > user >
// machine, field by field), machine translations marked stale when the English changes and
// translated again, the user's own never touched by imports, machine and user translations
// found by search, the user's restored from backups, and the English enrichment queue.

#include "backup/backup_file.h"
#include "backup/backup_format.h"
#include "backup/backup_restore.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "test_db.h"
#include "translate_test_env.h"

#include <QSqlQuery>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace paperboy::translate;
using namespace Qt::StringLiterals;

namespace {

QString idOf(int n)
{
    return englishPaper(n).arxivId;
}

MachineTranslation machine(const QString &title, const QString &abstract, const Paper &paper)
{
    MachineTranslation m;
    m.language = u"zh"_s;
    m.title = title;
    m.abstract = abstract;
    m.provider = u"openai"_s;
    m.model = u"qwen2.5:7b"_s;
    m.created = QDateTime(QDate(2024, 3, 15), QTime(8, 0), Qt::UTC);
    m.sourceHash = sourceHash(paper.title, paper.abstract);
    return m;
}

QList<qint64> searchIds(Database &db, const QString &text)
{
    return Searcher(db.connection()).search(parseSearchQuery(text)).paperIds;
}

} // namespace

class TestTranslationStore : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void precedenceDigestUserMachine();
    void userStatesCarryTheUsersChinese();
    void machineTranslationKeepsProvenance();
    void englishChangeMarksStaleAndTranslatesAgain();
    void spacingOnlyChangeIsNotSentAgain();
    void importsNeverTouchTheUsersTranslation();
    void searchFindsMachineAndUserTranslations();
    void userTranslationOfAPaperNotYetInTheCacheIsIndexedOnArrival();
    void restoreMergesTranslationsNewerWins();
    void enrichQueueFollowsIncompletePapers();

private:
    std::unique_ptr<TranslateTestEnv> m_env;
};

void TestTranslationStore::init()
{
    m_env = std::make_unique<TranslateTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestTranslationStore::precedenceDigestUserMachine()
{
    QVERIFY(seedDay(*m_env->store, 3, {1}));
    Store &store = *m_env->store;
    // Paper 1: digest, user and machine. Paper 2: user title only, machine both. Paper 3:
    // machine only.
    QList<Store::MachineTranslationRow> rows;
    for (int n = 1; n <= 3; ++n)
        rows.append(
            {idOf(n), machine(u"机器标题 %1"_s.arg(n), u"机器摘要 %1"_s.arg(n), englishPaper(n))});
    QVERIFY(store.saveMachineTranslations(rows));
    QVERIFY(store.setUserTranslation(idOf(1), u"zh"_s, u"用户标题 1"_s, u"用户摘要 1"_s));
    QVERIFY(store.setUserTranslation(idOf(2), u"zh"_s, u"用户标题 2"_s, {}));

    const QList<PaperView> day = store.dayPapers(kTranslateDay);
    QCOMPARE(day.size(), 3);
    ShownTranslation shown = shownTranslation(day.at(0));
    QCOMPARE(shown.title, u"人工标题 1"_s);
    QCOMPARE(shown.abstract, u"人工摘要 1"_s);
    QCOMPARE(shown.source(), TranslationSource::Digest);
    QVERIFY(!shown.usesMachine());
    shown = shownTranslation(day.at(1));
    QCOMPARE(shown.title, u"用户标题 2"_s);
    QCOMPARE(shown.titleSource, TranslationSource::User);
    QCOMPARE(shown.abstract, u"机器摘要 2"_s); // field by field
    QCOMPARE(shown.abstractSource, TranslationSource::Machine);
    QCOMPARE(shown.source(), TranslationSource::User);
    QVERIFY(shown.usesMachine());
    shown = shownTranslation(day.at(2));
    QCOMPARE(shown.source(), TranslationSource::Machine);
    QCOMPARE(shown.title, u"机器标题 3"_s);
    // The same views through paperView() and the smart views' query.
    QCOMPARE(shownTranslation(*store.paperView(idOf(2))).title, u"用户标题 2"_s);
    QVERIFY(store.setStarred(idOf(3), true));
    QCOMPARE(shownTranslation(store.starredPapers().first()).title, u"机器标题 3"_s);

    // Removing the user's title lets the machine's show again.
    QVERIFY(store.setUserTranslation(idOf(2), u"zh"_s, {}, {}));
    QCOMPARE(shownTranslation(*store.paperView(idOf(2))).title, u"机器标题 2"_s);
    QVERIFY(!store.userTranslation(idOf(2), u"zh"_s));
}

void TestTranslationStore::userStatesCarryTheUsersChinese()
{
    // The window re-reads the papers on screen through userStates() when another process
    // wrote: the user's own Chinese is user state like a note.
    QVERIFY(seedDay(*m_env->store, 2));
    Store &store = *m_env->store;
    QVERIFY(store.setUserTranslation(idOf(1), u"zh"_s, u"我的标题"_s, u"我的摘要"_s));
    QVERIFY(store.setUserTranslation(idOf(2), u"ja"_s, u"日本語"_s, {}));
    const QHash<QString, UserState> states = store.userStates({idOf(1), idOf(2)});
    QCOMPARE(states.value(idOf(1)).translation.title, u"我的标题"_s);
    QCOMPARE(states.value(idOf(1)).translation.abstract, u"我的摘要"_s);
    QVERIFY(states.value(idOf(1)).translation.changed.isValid());
    QVERIFY(states.value(idOf(2)).translation.isEmpty()); // Chinese only
    QCOMPARE(store.userState(idOf(1)).translation.title, u"我的标题"_s);
    QCOMPARE(store.dayPapers(kTranslateDay).first().user.translation.abstract, u"我的摘要"_s);
}

void TestTranslationStore::machineTranslationKeepsProvenance()
{
    QVERIFY(seedDay(*m_env->store, 1));
    QVERIFY(m_env->store->saveMachineTranslations(
        {{idOf(1), machine(u"标题"_s, u"摘要"_s, englishPaper(1))},
         {u"9999.99999"_s, machine(u"无"_s, u"无"_s, englishPaper(1))}})); // unknown: skipped
    const MachineTranslation m = m_env->store->paperView(idOf(1))->machineTranslation;
    QCOMPARE(m.provider, u"openai"_s);
    QCOMPARE(m.model, u"qwen2.5:7b"_s);
    QCOMPARE(m.created, QDateTime(QDate(2024, 3, 15), QTime(8, 0), Qt::UTC));
    QCOMPARE(m.sourceHash, sourceHash(englishPaper(1).title, englishPaper(1).abstract));
    QVERIFY(!m.stale);
    QSqlQuery q(m_env->db.connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM machine_translations"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestTranslationStore::englishChangeMarksStaleAndTranslatesAgain()
{
    QVERIFY(seedDay(*m_env->store, 1));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.install();
    const TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    QVERIFY(m_env->run(settings, TranslateRequest::papers({idOf(1)}), u"k"_s).ok());

    // Version 2 on arXiv: a new abstract.
    Paper v2 = englishPaper(1);
    v2.version = 2;
    v2.abstract = u"A revised abstract with $x^2$."_s;
    QVERIFY(m_env->store->saveDigests({}, {v2}));
    PaperView view = *m_env->store->paperView(idOf(1));
    QVERIFY(view.machineTranslation.stale);
    QVERIFY(!view.machineTranslation.abstract.contains(u"revised"_s));

    const TranslateSummary again =
        m_env->run(settings, TranslateRequest::papers({idOf(1)}), u"k"_s);
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(again.count(PaperOutcome::Translated), 1);
    view = *m_env->store->paperView(idOf(1));
    QVERIFY(!view.machineTranslation.stale);
    QCOMPARE(view.machineTranslation.abstract, u"中文：A revised abstract with $x^2$."_s);
    QCOMPARE(view.machineTranslation.sourceHash, sourceHash(v2.title, v2.abstract));
}

void TestTranslationStore::spacingOnlyChangeIsNotSentAgain()
{
    QVERIFY(seedDay(*m_env->store, 1));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.install();
    const TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    QVERIFY(m_env->run(settings, TranslateRequest::papers({idOf(1)}), u"k"_s).ok());
    Paper rewrapped = englishPaper(1);
    rewrapped.abstract.replace(u"long inputs. Our"_s, u"long inputs.\n  Our"_s);
    QVERIFY(m_env->store->saveDigests({}, {rewrapped}));
    QVERIFY(m_env->store->paperView(idOf(1))->machineTranslation.stale);
    const TranslateSummary again =
        m_env->run(settings, TranslateRequest::papers({idOf(1)}), u"k"_s);
    QVERIFY(again.ok());
    QCOMPARE(again.count(PaperOutcome::Skipped), 1);
    QCOMPARE(m_env->server.requestCount(), 1);
    QVERIFY(!m_env->store->paperView(idOf(1))->machineTranslation.stale);
}

void TestTranslationStore::importsNeverTouchTheUsersTranslation()
{
    QVERIFY(seedDay(*m_env->store, 2));
    QVERIFY(m_env->store->setUserTranslation(idOf(1), u"zh"_s, u"我的"_s, u"我的摘要"_s));
    const QStringList before = userData(m_env->db.connection());
    // A Chinese digest arrives for the same paper, and the listing again with new English.
    QVERIFY(seedDay(*m_env->store, 2, {1, 2}));
    Paper changed = englishPaper(1);
    changed.title = u"A new title"_s;
    QVERIFY(m_env->store->saveDigests({}, {changed}));
    QCOMPARE(userData(m_env->db.connection()), before);
    // The digest's human translation is shown; the user's is kept for when it is not.
    QCOMPARE(shownTranslation(*m_env->store->paperView(idOf(1))).title, u"人工标题 1"_s);
    QCOMPARE(m_env->store->userTranslation(idOf(1), u"zh"_s)->title, u"我的"_s);
}

void TestTranslationStore::searchFindsMachineAndUserTranslations()
{
    QVERIFY(seedDay(*m_env->store, 3));
    Store &store = *m_env->store;
    QVERIFY(store.saveMachineTranslations(
        {{idOf(1), machine(u"稀疏注意力机制"_s, u"长序列建模"_s, englishPaper(1))}}));
    QVERIFY(store.setUserTranslation(idOf(2), u"zh"_s, u"蒸馏方法"_s, {}));
    auto idsOf = [this](const QString &text) {
        QStringList found;
        for (const PaperView &view : m_env->store->viewsForPaperIds(searchIds(m_env->db, text)))
            found.append(view.paper.arxivId);
        return found;
    };
    QCOMPARE(idsOf(u"注意力"_s), QStringList{idOf(1)});
    QCOMPARE(idsOf(u"长序列"_s), QStringList{idOf(1)});
    QCOMPARE(idsOf(u"蒸馏"_s), QStringList{idOf(2)});
    // Replaced and removed translations leave the index.
    QVERIFY(store.saveMachineTranslations(
        {{idOf(1), machine(u"稠密网络"_s, u"短序列"_s, englishPaper(1))}}));
    QVERIFY(idsOf(u"注意力"_s).isEmpty());
    QCOMPARE(idsOf(u"稠密"_s), QStringList{idOf(1)});
    QVERIFY(store.setUserTranslation(idOf(2), u"zh"_s, {}, {}));
    QVERIFY(idsOf(u"蒸馏"_s).isEmpty());
    // And the English is still found.
    QCOMPARE(idsOf(u"attention number"_s).size(), 3);
}

void TestTranslationStore::userTranslationOfAPaperNotYetInTheCacheIsIndexedOnArrival()
{
    // Restored from a backup before the paper was ever imported.
    QVERIFY(m_env->store->setUserTranslation(idOf(1), u"zh"_s, u"提前翻译的标题"_s, {}));
    QVERIFY(seedDay(*m_env->store, 1)); // saveDigests defers indexing: the deferred path
    QCOMPARE(searchIds(m_env->db, u"提前翻译"_s).size(), 1);
    Paper single = englishPaper(7);
    QVERIFY(m_env->store->setUserTranslation(single.arxivId, u"zh"_s, u"单独到来"_s, {}));
    QSqlQuery q(m_env->db.connection()); // a plain insert: the row-by-row path
    QVERIFY(q.exec(
        u"INSERT INTO papers (arxiv_id, title) VALUES ('%1', 'Alone')"_s.arg(single.arxivId)));
    QCOMPARE(searchIds(m_env->db, u"单独到来"_s).size(), 1);
}

void TestTranslationStore::restoreMergesTranslationsNewerWins()
{
    QTemporaryDir dir;
    Database other;
    QVERIFY(other.open(dir.filePath(u"other.sqlite"_s)));
    Store otherStore(other);
    QDateTime clock(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    m_env->store->setClock([&clock] { return clock; });
    otherStore.setClock([&clock] { return clock; });
    QVERIFY(m_env->store->setUserTranslation(u"2403.00001"_s, u"zh"_s, u"旧"_s, {}));
    QVERIFY(m_env->store->setUserTranslation(u"2403.00002"_s, u"zh"_s, u"只在这里"_s, {}));
    clock = clock.addDays(1);
    QVERIFY(otherStore.setUserTranslation(u"2403.00001"_s, u"zh"_s, u"新"_s, u"新摘要"_s));
    QVERIFY(otherStore.setUserTranslation(u"2403.00003"_s, u"ja"_s, u"日本語"_s, {}));

    QString error;
    const std::optional<BackupData> backup = readUserData(other, &error);
    QVERIFY2(backup, qPrintable(error));
    QCOMPARE(backup->version, kBackupVersionTranslations);
    const RestoreReport report = restoreBackup(m_env->db, *backup);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.papersAdded, 1);   // 2403.00003
    QCOMPARE(report.papersUpdated, 1); // 2403.00001, the newer edit won
    QCOMPARE(report.conflicts.size(), 1);
    QCOMPARE(report.conflicts.first().field, u"translation:zh"_s);
    QVERIFY(report.conflicts.first().backupWon);
    QCOMPARE(m_env->store->userTranslation(u"2403.00001"_s, u"zh"_s)->abstract, u"新摘要"_s);
    QCOMPARE(m_env->store->userTranslation(u"2403.00002"_s, u"zh"_s)->title, u"只在这里"_s);
    QCOMPARE(m_env->store->userTranslation(u"2403.00003"_s, u"ja"_s)->title, u"日本語"_s);
    // Again: nothing changes.
    const RestoreReport twice = restoreBackup(m_env->db, *backup);
    QVERIFY(twice.ok);
    QVERIFY(!twice.changedAnything());
    // An older edit in a backup loses to the library's.
    clock = clock.addDays(1);
    QVERIFY(m_env->store->setUserTranslation(u"2403.00001"_s, u"zh"_s, u"最新"_s, {}));
    const RestoreReport older = restoreBackup(m_env->db, *backup);
    QVERIFY(older.ok);
    QCOMPARE(m_env->store->userTranslation(u"2403.00001"_s, u"zh"_s)->title, u"最新"_s);
    QVERIFY(!older.conflicts.first().backupWon);
}

void TestTranslationStore::enrichQueueFollowsIncompletePapers()
{
    Store &store = *m_env->store;
    // A Chinese digest's paper: a title, no abstract, no categories.
    Digest digest;
    digest.date = kTranslateDay;
    digest.source = u"meiri-xueshu-sudi"_s;
    digest.category = u"cs.CV"_s;
    DigestEntry entry;
    entry.paper.arxivId = u"2403.20001"_s;
    entry.paper.title = u"Only a title"_s;
    entry.position = 1;
    entry.translationLanguage = u"zh"_s;
    entry.translatedTitle = u"只有标题"_s;
    digest.entries.append(entry);
    QVERIFY(store.saveDigests({digest}, {englishPaper(1)}));
    QCOMPARE(store.enrichQueue(), QStringList{u"2403.20001"_s});
    // arXiv did not know it twice: still queued; a third time: given up.
    QVERIFY(store.recordEnrichMisses({u"2403.20001"_s}));
    QVERIFY(store.recordEnrichMisses({u"2403.20001"_s}));
    QCOMPARE(store.enrichQueue().size(), 1);
    // Completed by the API: out of the queue.
    Paper complete;
    complete.arxivId = u"2403.20001"_s;
    complete.abstract = u"Now with an abstract."_s;
    complete.categories = {u"cs.CV"_s};
    QVERIFY(store.saveDigests({}, {complete}));
    QVERIFY(store.enrichQueue().isEmpty());
    // Missed three times: dropped.
    entry.paper.arxivId = u"2403.20002"_s;
    digest.entries = {entry};
    QVERIFY(store.saveDigests({digest}));
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.recordEnrichMisses({u"2403.20002"_s}));
    QVERIFY(store.enrichQueue().isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslationStore)
#include "tst_translation_store.moc"
