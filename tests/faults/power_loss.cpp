#include "power_loss.h"

#include "../crash/crash_inputs.h"

#include "backup/backup_restore.h"
#include "fault_vfs.h"
#include "fetch/fetch_storage.h"
#include "import/importer.h"
#include "search/smart_views.h"
#include "store/database.h"
#include "store/store.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <cstdio>

namespace paperboy::faults {

using namespace Qt::StringLiterals;
using test::FaultVfs;

namespace {

const QDateTime kStart(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
const QStringList kTags = {QStringLiteral("kd"), QStringLiteral("蒸馏"), QStringLiteral("later")};

QString fixturePath(const QString &relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + relative;
}

QHash<QString, QString> readUserKeys(const QString &path)
{
    QString error;
    return crash::readUserKeys(path, &error);
}

QMap<QString, crash::DigestShape> readShapes(const QString &path, QStringList *problems)
{
    QMap<QString, crash::DigestShape> shapes;
    const QString name = QStringLiteral("power-loss-shapes");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open())
            shapes = crash::readDigestShapes(db, problems);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return shapes;
}

} // namespace

struct PowerLossRunner::Step
{
    enum Kind
    {
        Star,
        Read,
        Note,
        Tag,
        Untag,
        RenameTag,
        SaveSearch,
        Import,
        Fetch,
        Restore,
    };
    Kind kind = Star;
    QStringList papers;
    QString text; // note, tag, search name or import file
    QString other; // renamed tag, search query
    bool flag = false;

    QString name() const
    {
        static const QStringList names = {
            QStringLiteral("star"),    QStringLiteral("read"),        QStringLiteral("note"),
            QStringLiteral("tag"),     QStringLiteral("untag"),       QStringLiteral("rename-tag"),
            QStringLiteral("search"),  QStringLiteral("import"),      QStringLiteral("fetch"),
            QStringLiteral("restore")};
        return names.at(kind);
    }
};

struct PowerLossRunner::Outcome
{
    int stepsDone = 0;
    QString failedIn; // empty when every step succeeded
};

PowerLossRunner::PowerLossRunner(const PowerLossOptions &options) : m_options(options) {}

PowerLossRunner::~PowerLossRunner()
{
    FaultVfs::install().reset();
}

void PowerLossRunner::log(const QString &text) const
{
    const QByteArray line = QStringLiteral("[%1 s] %2\n")
                                .arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1)
                                .arg(text)
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

bool PowerLossRunner::prepare()
{
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::temp().filePath(QStringLiteral("paperboy-power-loss-XXXXXX")));
    if (!m_dir->isValid()) {
        m_stats.problems.append(QStringLiteral("no temporary folder"));
        return false;
    }
    m_importFiles = {
        fixturePath(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl")),
        fixturePath(QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json")),
    };
    for (int day = 1; day <= 2; ++day) {
        const QDate date(2024, 5, day);
        const QString path = m_dir->filePath(
            QStringLiteral("meiri-xueshu-sudi_%1_cs.LG.txt").arg(date.toString(Qt::ISODate)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(crash::syntheticDigest(date, 150, day * 100)) < 0)
            return false;
        m_importFiles.append(path);
    }
    if (!buildReference())
        return false;

    // The starting library: the first day stored, a few papers starred, noted and tagged.
    m_template = m_dir->filePath(QStringLiteral("template.sqlite"));
    {
        Database db;
        if (!db.open(m_template)) {
            m_stats.problems.append(db.error());
            return false;
        }
        Store store(db);
        store.setClock([] { return kStart.addDays(-1); });
        if (!Importer(store).importFile(m_importFiles.first()).ok)
            return false;
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY id"));
        while (q.next())
            m_papers.append(q.value(0).toString());
        if (m_papers.size() < 3 || !store.setStarred(m_papers.at(0), true) ||
            !store.setNote(m_papers.at(0), QStringLiteral("读完了\nyears of reading")) ||
            !store.addTags(m_papers.at(1), {kTags.at(0)}))
            return false;
    }
    m_baseline = readUserKeys(m_template);
    m_upgradeTemplate = fixturePath(QStringLiteral("upgrades/schema-v006.sqlite"));
    m_upgradeBaseline = readUserKeys(m_upgradeTemplate);
    QStringList problems;
    m_reference.insert(readShapes(m_upgradeTemplate, &problems));
    return problems.isEmpty() && !m_baseline.isEmpty() && !m_upgradeBaseline.isEmpty();
}

// Each file's digests as a run without faults stores them: what "whole" means.
bool PowerLossRunner::buildReference()
{
    int n = 0;
    for (const QString &file : std::as_const(m_importFiles)) {
        const QString path = m_dir->filePath(QStringLiteral("reference-%1.sqlite").arg(++n));
        {
            Database db;
            if (!db.open(path))
                return false;
            Store store(db);
            const ImportReport report = Importer(store).importFile(file);
            if (!report.ok) {
                m_stats.problems.append(QStringLiteral("reference import: %1").arg(report.error));
                return false;
            }
        }
        QStringList problems;
        const QMap<QString, crash::DigestShape> shapes = readShapes(path, &problems);
        m_digestsOfFile.insert(file, shapes.keys());
        m_reference.insert(shapes);
        QFile::remove(path);
    }
    // The fetch stores the recorded RSS day.
    QFile rss(fixturePath(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml")));
    if (!rss.open(QIODevice::ReadOnly))
        return false;
    QString format;
    const ParseResult parsed = Importer::parse(rss.readAll(), rss.fileName(), &format);
    if (!parsed.ok() || parsed.digests.size() != 1)
        return false;
    const QString path = m_dir->filePath(QStringLiteral("reference-fetch.sqlite"));
    {
        Database db;
        if (!db.open(path))
            return false;
        Store store(db);
        if (!store.saveDigests(parsed.digests))
            return false;
    }
    QStringList problems;
    const QMap<QString, crash::DigestShape> shapes = readShapes(path, &problems);
    m_digestsOfFile.insert(QStringLiteral("fetch"), shapes.keys());
    m_reference.insert(shapes);
    m_fetchDigest = parsed.digests.first();
    return true;
}

QList<PowerLossRunner::Step> PowerLossRunner::plan(QRandomGenerator &random, bool upgrade) const
{
    QList<Step> steps;
    const QStringList papers = upgrade ? QStringList{QStringLiteral("2306.05544"),
                                                     QStringLiteral("2403.00001"),
                                                     QStringLiteral("2411.17001")}
                                       : m_papers;
    auto paper = [&] { return papers.at(int(random.bounded(int(papers.size())))); };
    for (int i = 0; i < m_options.steps; ++i) {
        Step step;
        const int roll = int(random.bounded(20));
        step.kind = roll < 4    ? Step::Star
                    : roll < 6  ? Step::Read
                    : roll < 9  ? Step::Note
                    : roll < 11 ? Step::Tag
                    : roll < 12 ? Step::Untag
                    : roll < 13 ? Step::RenameTag
                    : roll < 14 ? Step::SaveSearch
                    : roll < 17 ? Step::Import
                    : roll < 18 ? Step::Fetch
                                : Step::Restore;
        if (upgrade && step.kind == Step::Fetch) // its day is in the old library, shorter
            step.kind = Step::Star;
        step.flag = random.bounded(3) != 0;
        step.papers = {paper()};
        switch (step.kind) {
        case Step::Read:
            step.papers.append(paper());
            step.papers.removeDuplicates();
            break;
        case Step::Note:
            step.text = QStringLiteral("note %1: 第%1次批注\n%2")
                            .arg(i)
                            .arg(QString(int(random.bounded(3000)), QLatin1Char('x')));
            break;
        case Step::Tag:
        case Step::Untag:
            step.text = kTags.at(int(random.bounded(int(kTags.size()))));
            break;
        case Step::RenameTag:
            step.text = kTags.at(int(random.bounded(int(kTags.size()))));
            step.other = kTags.at(int(random.bounded(int(kTags.size()))));
            if (step.other == step.text)
                step.kind = Step::Tag;
            break;
        case Step::SaveSearch:
            step.text = QStringLiteral("search %1").arg(random.bounded(3));
            step.other = QStringLiteral("tag:%1 run %2").arg(kTags.at(0)).arg(i);
            break;
        case Step::Import:
            // Upgrade runs skip the file the old library already holds a shorter copy of.
            step.text = m_importFiles.at(int(random.bounded(int(m_importFiles.size()) - 1)) + 1);
            break;
        case Step::Restore:
            step.papers.append(paper());
            step.papers.removeDuplicates();
            step.text = QStringLiteral("restored-%1").arg(i);
            break;
        default:
            break;
        }
        steps.append(step);
    }
    return steps;
}

PowerLossRunner::Outcome PowerLossRunner::perform(const QString &path, const QList<Step> &steps,
                                                  bool upgrade, crash::ExpectedState *expected)
{
    Outcome outcome;
    Database db;
    if (!db.open(path)) {
        outcome.failedIn = upgrade ? QStringLiteral("upgrade") : QStringLiteral("open");
        return outcome;
    }
    Store store(db);
    int tick = 0;
    auto now = [&tick] { return kStart.addSecs(++tick); };
    store.setClock(now);
    // synchronous = FULL syncs the log at every commit: what was acknowledged is durable.
    // NORMAL syncs it only at checkpoints: the last commits may go with the power (whole),
    // so then nothing acknowledged is required, only a whole library.
    QSqlQuery mode(db.connection());
    if (m_options.forceFull)
        mode.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    m_synchronous = mode.exec(QStringLiteral("PRAGMA synchronous")) && mode.next()
                        ? mode.value(0).toInt()
                        : -1;
    const bool durable = m_synchronous >= 2;
    QStringList unsynced;
    auto acknowledge = [&](const QList<QPair<QString, QString>> &writes,
                           const QStringList &digests) {
        if (!durable) {
            for (const auto &[key, value] : writes)
                expected->writeEnded(key, value);
            unsynced += digests;
            return;
        }
        for (const auto &[key, value] : writes)
            expected->writeAcknowledged(key, value);
        expected->importAcknowledged(digests);
        m_stats.acknowledgedImports += int(digests.size());
        m_stats.acknowledgedWrites += int(writes.size());
    };
    for (const Step &step : steps) {
        QList<QPair<QString, QString>> writes;
        const QString first = step.papers.first();
        switch (step.kind) {
        case Step::Star:
            writes.append({QStringLiteral("star:") + first, step.flag ? u"1"_s : u"0"_s});
            break;
        case Step::Read:
            for (const QString &paper : step.papers)
                writes.append({QStringLiteral("read:") + paper, step.flag ? u"1"_s : u"0"_s});
            break;
        case Step::Note:
            writes.append({QStringLiteral("note:") + first, step.text});
            break;
        case Step::Tag:
        case Step::Untag:
            writes.append({QStringLiteral("tag:%1:%2").arg(first, step.text),
                           step.kind == Step::Tag ? u"1"_s : u"0"_s});
            break;
        case Step::RenameTag: {
            QSqlQuery q(db.connection());
            q.prepare(QStringLiteral("SELECT arxiv_id FROM user_tags WHERE tag = ?"));
            q.addBindValue(step.text);
            q.exec();
            while (q.next()) {
                const QString paper = q.value(0).toString();
                writes.append({QStringLiteral("tag:%1:%2").arg(paper, step.text), u"0"_s});
                writes.append({QStringLiteral("tag:%1:%2").arg(paper, step.other), u"1"_s});
            }
            break;
        }
        case Step::SaveSearch:
            writes.append({QStringLiteral("search:") + step.text, step.other});
            break;
        case Step::Restore:
            for (const QString &paper : step.papers) {
                writes.append({QStringLiteral("star:") + paper, step.flag ? u"1"_s : u"0"_s});
                writes.append({QStringLiteral("note:") + paper,
                               QStringLiteral("restored note on %1").arg(paper)});
                writes.append({QStringLiteral("tag:%1:%2").arg(paper, step.text), u"1"_s});
            }
            break;
        default:
            break;
        }
        for (const auto &[key, value] : writes)
            expected->writeStarted(key, value);

        bool ok = false;
        QStringList digests;
        switch (step.kind) {
        case Step::Star:
            ok = store.setStarred(first, step.flag);
            break;
        case Step::Read:
            ok = store.setReadMany(step.papers, step.flag);
            break;
        case Step::Note:
            ok = store.setNote(first, step.text);
            break;
        case Step::Tag:
            ok = store.addTags(first, {step.text});
            break;
        case Step::Untag:
            ok = store.removeTags(first, {step.text});
            break;
        case Step::RenameTag:
            ok = store.renameTag(step.text, step.other) >= 0;
            break;
        case Step::SaveSearch: {
            SmartViews views(store);
            views.setClock(now);
            ok = views.saveSearch(step.text, step.other);
            break;
        }
        case Step::Import:
            digests = m_digestsOfFile.value(step.text);
            ok = Importer(store).importFile(step.text).ok;
            break;
        case Step::Fetch: {
            digests = m_digestsOfFile.value(QStringLiteral("fetch"));
            ListingCommit commit;
            commit.digest = m_fetchDigest;
            commit.categories = {QStringLiteral("cs.CV")};
            commit.url = QUrl(QStringLiteral("https://rss.arxiv.org/rss/cs.CV"));
            commit.validators.etag = "\"power\"";
            commit.validators.listingDate = m_fetchDigest.date;
            commit.validators.papers = int(m_fetchDigest.entries.size());
            commit.now = now();
            ok = commitListing(store, commit).error.isEmpty();
            break;
        }
        case Step::Restore: {
            BackupData data;
            data.created = backupTimestamp(now());
            for (const QString &paper : step.papers) {
                BackupPaper backup;
                backup.id = paper;
                backup.starred = step.flag;
                backup.starredChanged = backupTimestamp(now());
                backup.note = QStringLiteral("restored note on %1").arg(paper);
                backup.noteChanged = backupTimestamp(now());
                backup.tags = {{step.text, backupTimestamp(now())}};
                data.papers.append(backup);
            }
            std::sort(data.papers.begin(), data.papers.end(),
                      [](const BackupPaper &a, const BackupPaper &b) { return a.id < b.id; });
            ok = restoreBackup(db, data).ok;
            break;
        }
        }
        if (ok) {
            ++outcome.stepsDone;
            acknowledge(writes, digests);
            continue;
        }
        for (const auto &[key, value] : writes)
            expected->writeEnded(key, value);
        expected->importEnded(digests);
        outcome.failedIn = step.name();
        break;
    }
    expected->importEnded(unsynced); // NORMAL: whole or gone
    return outcome;
}

QString PowerLossRunner::freshLibrary(bool upgrade) const
{
    const QString dir = m_dir->filePath(QStringLiteral("run"));
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/library.sqlite");
    QFile::copy(upgrade ? m_upgradeTemplate : m_template, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

bool PowerLossRunner::runOnce(int index)
{
    QRandomGenerator random(m_options.seed + quint32(index));
    const bool upgrade = int(random.bounded(100)) < m_options.upgradePercent;
    const QList<Step> steps = plan(random, upgrade);
    FaultVfs &vfs = FaultVfs::install();
    const QString scope = m_dir->filePath(QStringLiteral("run")) + QLatin1Char('/');
    auto arm = [&] {
        vfs.reset();
        vfs.setScope(scope);
        vfs.trackDurability(true);
        vfs.setRealSync(false);
    };

    // How many writes and syncs the workload makes, so the power goes at any of them.
    QString path = freshLibrary(upgrade);
    arm();
    {
        crash::ExpectedState scratch;
        perform(path, steps, upgrade, &scratch);
    }
    const int calls = vfs.counts().writesOrSyncs();

    path = freshLibrary(upgrade);
    arm();
    // Now and then after the workload, once the library was closed.
    const int at = 1 + int(random.bounded(calls + calls / 10 + 1));
    vfs.powerLossAt(at);
    crash::ExpectedState expected;
    expected.setReferenceDigests(m_reference);
    const QHash<QString, QString> &baseline = upgrade ? m_upgradeBaseline : m_baseline;
    for (auto it = baseline.cbegin(); it != baseline.cend(); ++it)
        expected.writeAcknowledged(it.key(), it.value());
    const Outcome outcome = perform(path, steps, upgrade, &expected);
    const bool lost = vfs.powerLost();
    const double keep = random.bounded(2) == 0 ? 0.0 : random.generateDouble();
    const int dropped = vfs.applyPowerLoss(keep, random.generate());
    vfs.reset();

    ++m_stats.runs;
    m_stats.upgradeRuns += upgrade ? 1 : 0;
    m_stats.writesDropped += dropped;
    if (lost) {
        ++m_stats.powerLost;
        m_stats.lostIn[outcome.failedIn.isEmpty() ? QStringLiteral("closing") : outcome.failedIn] +=
            1;
    }
    if (!lost && !outcome.failedIn.isEmpty())
        m_stats.problems.append(QStringLiteral("run %1: %2 failed with the power on")
                                    .arg(index)
                                    .arg(outcome.failedIn));

    QStringList problems;
    const QString name = QStringLiteral("power-loss-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            problems.append(QStringLiteral("cannot open the library"));
        else
            problems += expected.check(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // And the app opens it, upgrading an old library that lost power in its upgrade.
    {
        Database db;
        if (!db.open(path))
            problems.append(QStringLiteral("the app cannot open it: %1").arg(db.error()));
        else if (db.schemaVersion() != Database::latestSchemaVersion() ||
                 Store(db).days().isEmpty())
            problems.append(QStringLiteral("the app opens it but lists no day"));
    }
    const QString what = QStringLiteral("run %1 (seed %2%3): power lost at call %4 of %5 (%6), "
                                        "%7 steps done, %8 unsynced writes dropped (keep %9)")
                             .arg(index)
                             .arg(m_options.seed + quint32(index))
                             .arg(upgrade ? QStringLiteral(", from version 6") : QString())
                             .arg(at)
                             .arg(calls)
                             .arg(lost ? (outcome.failedIn.isEmpty() ? QStringLiteral("closing")
                                                                     : outcome.failedIn)
                                       : QStringLiteral("after the end"))
                             .arg(outcome.stepsDone)
                             .arg(dropped)
                             .arg(keep, 0, 'f', 2);
    if (m_options.verbose)
        log(what);
    for (const QString &problem : std::as_const(problems))
        m_stats.problems.append(QStringLiteral("%1: %2").arg(what, problem));
    if (!problems.isEmpty())
        log(QStringLiteral("%1:\n  %2").arg(what, problems.join(QStringLiteral("\n  "))));
    return problems.isEmpty();
}

bool PowerLossRunner::run()
{
    m_clock.start();
    if (!prepare()) {
        if (m_stats.problems.isEmpty())
            m_stats.problems.append(QStringLiteral("cannot prepare the inputs"));
        return false;
    }
    for (int i = 0; i < m_options.runs; ++i) {
        if (!runOnce(i)) {
            m_dir->setAutoRemove(false); // the library is evidence
            break;
        }
        if ((i + 1) % 100 == 0)
            log(QStringLiteral("%1 runs, %2 lost power inside the workload, %3 acknowledged "
                               "writes checked")
                    .arg(i + 1)
                    .arg(m_stats.powerLost)
                    .arg(m_stats.acknowledgedWrites));
    }
    m_stats.elapsedMs = m_clock.elapsed();
    return m_stats.problems.isEmpty();
}

} // namespace paperboy::faults
