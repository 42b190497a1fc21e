#include "fault_sweep.h"

#include "fault_library.h"

#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "fetch/fetch_storage.h"
#include "import/bulk_import.h"
#include "import/importer.h"
#include "search/smart_views.h"
#include "store/added_papers.h"
#include "store/version_store.h"
#include "test_db.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace paperboy::test {

namespace fault_library {

const QDateTime kNow(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
const QString kPaper = QStringLiteral("2306.05544");
const QString kOtherPaper = QStringLiteral("2306.01667");

bool withStore(const QString &path, QString *error,
               const std::function<bool(Store &, QString *)> &work, const QDateTime &now)
{
    Database db;
    if (!db.open(path)) {
        *error = db.error();
        return false;
    }
    Store store(db);
    store.setClock([now] { return now; });
    return work(store, error);
}

bool prepareLibrary(const QString &path)
{
    QString error;
    return withStore(
        path, &error,
        [](Store &store, QString *) {
            SmartViews views(store);
            return Importer(store).importFile(foundingDigestPath()).ok &&
                   store.setStarred(kPaper, true) &&
                   store.setNote(kPaper, QStringLiteral("读完了, then read again")) &&
                   store.addTags(kPaper, {QStringLiteral("kd"), QStringLiteral("diffusion")}) &&
                   store.addTags(kOtherPaper, {QStringLiteral("kd")}) &&
                   store.setReadMany({kPaper, kOtherPaper}, true) &&
                   views.saveSearch(QStringLiteral("distillation"),
                                    QStringLiteral("distillation")) &&
                   VersionStore(store.database()).markSeen(kPaper, 1, kNow.addDays(-1)) &&
                   // Issue #16's user data: a dismissal, an author followed, a rule.
                   store.setDismissed({QStringLiteral("2306.04634")}, true) &&
                   store.setFollowed(QStringLiteral("Jiatao Gu"), true) &&
                   store.saveRule(makeRule(QStringLiteral("distillation"),
                                           QStringLiteral("distillation"),
                                           RuleAction::Highlight)) &&
                   // Issue #22's: a saved trend.
                   SavedTrends(store).save(
                       sweepTrend(QStringLiteral("distillation"),
                                  {QStringLiteral("distillation"), QStringLiteral("tag:kd")}),
                       false) == SavedTrends::SaveResult::Saved &&
                   // Issue #21's: a kept PDF with the text of its pages, a paper added by hand.
                   PdfStore(store.database()).keep(sweepPdf(kPaper), sweepPdfPages(1)) &&
                   AddedPapers(store.database())
                       .markAdded({kOtherPaper}, kNow.addDays(-1))
                       .isEmpty();
        },
        kNow.addDays(-1));
}

QByteArray digestText(const QDate &date, int entries)
{
    QByteArray text = QStringLiteral("每日学术速递%1\n\nSubjects: cs.LG\n\n")
                          .arg(date.toString(QStringLiteral("yyyy.MM.dd")))
                          .toUtf8();
    for (int i = 1; i <= entries; ++i)
        text += QStringLiteral("%1.Faults at every write, number %1\n\n标题:每次写入的故障 %1\n\n"
                               "作者:Ada Lovelace, Alan Turing\n\n"
                               "文章链接:https://arxiv.org/abs/2406.%2\n\n"
                               "摘要:\n\n        第 %1 篇:写入要么完整,要么没有。\n\n")
                    .arg(i)
                    .arg(i, 5, 10, QLatin1Char('0'))
                    .toUtf8();
    return text;
}

QString digestName(const QDate &date)
{
    return QStringLiteral("meiri-xueshu-sudi_%1_cs.LG.txt").arg(date.toString(Qt::ISODate));
}

Run storeCall(const std::function<bool(Store &)> &call, const QString &pragma)
{
    return [call, pragma](const QString &path, QString *error) {
        return withStore(path, error, [&](Store &store, QString *message) {
            if (!pragma.isEmpty())
                store.database().execScript(pragma);
            if (call(store))
                return true;
            *message = store.lastError();
            return false;
        });
    };
}

Run importBytes(const QByteArray &bytes, const QString &name)
{
    return [bytes, name](const QString &path, QString *error) {
        return withStore(path, error, [&](Store &store, QString *message) {
            const ImportReport report = Importer(store).importBytes(bytes, name);
            *message = report.error;
            return report.ok;
        });
    };
}

} // namespace fault_library

namespace {

using namespace fault_library;

const QByteArray kOldBackup = "{\"an older backup\": true}\n";

Run viewsCall(const std::function<bool(SmartViews &)> &call)
{
    return [call](const QString &path, QString *error) {
        return withStore(path, error, [&](Store &store, QString *message) {
            SmartViews views(store);
            views.setClock([] { return kNow; });
            if (call(views))
                return true;
            *message = views.lastError();
            return false;
        });
    };
}

QStringList difference(const QStringList &actual, const QStringList &expected)
{
    const QSet<QString> a(actual.cbegin(), actual.cend());
    const QSet<QString> e(expected.cbegin(), expected.cend());
    QStringList lines;
    for (const QString &row : actual)
        if (!e.contains(row) && lines.size() < 6)
            lines.append(QStringLiteral("  + ") + row.left(160));
    for (const QString &row : expected)
        if (!a.contains(row) && lines.size() < 12)
            lines.append(QStringLiteral("  - ") + row.left(160));
    return lines;
}

FaultOperation backupOperation()
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    op.kinds = FaultVfs::Read;
    op.run = [](const QString &path, QString *error) {
        const QString target = QFileInfo(path).dir().filePath(QStringLiteral("backup.json"));
        QFile old(target);
        if (!old.exists() && (!old.open(QIODevice::WriteOnly) || old.write(kOldBackup) < 0)) {
            *error = QStringLiteral("test: cannot write the older backup");
            return false;
        }
        old.close();
        Database db;
        if (!db.open(path)) {
            *error = db.error();
            return false;
        }
        return writeBackupFile(db, target, error, kNow);
    };
    op.check = [](const QString &path, bool succeeded) {
        const QDir dir = QFileInfo(path).dir();
        const QStringList strays =
            dir.entryList(QDir::Files).filter(QRegularExpression(QStringLiteral("^backup")));
        if (strays != QStringList{QStringLiteral("backup.json")})
            return QStringLiteral("files beside the backup: %1").arg(strays.join(u' '));
        QFile file(dir.filePath(QStringLiteral("backup.json")));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("the backup file is gone");
        const QByteArray bytes = file.readAll();
        if (!succeeded)
            return bytes == kOldBackup ? QString()
                                       : QStringLiteral("a failed backup replaced "
                                                        "the older one");
        QString error;
        const std::optional<BackupData> data = readBackupFile(file.fileName(), &error);
        if (!data)
            return QStringLiteral("the backup does not read back: %1").arg(error);
        return data->papers.size() == 2
                   ? QString()
                   : QStringLiteral("the backup holds %1 papers, not 2").arg(data->papers.size());
    };
    return op;
}

FaultOperation restoreOperation()
{
    // The backup comes from another library that changed the same papers a day later.
    auto inputs = std::make_shared<QTemporaryDir>();
    const QString backup = inputs->filePath(QStringLiteral("other.json"));
    FaultOperation op;
    op.prepare = [inputs, backup](const QString &path) {
        const QString other = inputs->filePath(QStringLiteral("other.sqlite"));
        QString error;
        return prepareLibrary(path) && prepareLibrary(other) &&
               withStore(
                   other, &error,
                   [&](Store &store, QString *message) {
                       SmartViews views(store);
                       return store.setStarred(kOtherPaper, true) &&
                              store.setNote(kPaper, QStringLiteral("restored thought")) &&
                              store.setNote(kOtherPaper, QStringLiteral("新的笔记")) &&
                              store.addTags(kOtherPaper, {QStringLiteral("restored")}) &&
                              store.setReadMany({kPaper}, false) &&
                              VersionStore(store.database()).markSeen(kPaper, 2, kNow) &&
                              views.saveSearch(QStringLiteral("restored search"),
                                               QStringLiteral("tag:restored")) &&
                              store.setDismissed({kOtherPaper}, true) &&
                              store.setDismissed({QStringLiteral("2306.04634")}, false) &&
                              store.setFollowed(QStringLiteral("Olivier J. Hénaff"), true) &&
                              store.setFollowed(QStringLiteral("Jiatao Gu"), false) &&
                              store.saveRule(makeRule(QStringLiteral("restored rule"),
                                                      QStringLiteral("diffusion"), RuleAction::Tag,
                                                      QStringLiteral("restored"))) &&
                              SavedTrends(store).save(sweepTrend(QStringLiteral("restored trend"),
                                                                 {QStringLiteral("diffusion")}),
                                                      false) == SavedTrends::SaveResult::Saved &&
                              AddedPapers(store.database())
                                  .markAdded({kPaper, QStringLiteral("2306.04634")}, kNow)
                                  .isEmpty() &&
                              [&] {
                                  Database &db = store.database();
                                  return writeBackupFile(db, backup, message, kNow.addDays(1));
                              }();
                   },
                   kNow.addDays(1));
    };
    op.run = [inputs, backup](const QString &path, QString *error) {
        Database db;
        if (!db.open(path)) {
            *error = db.error();
            return false;
        }
        const RestoreReport report = restoreBackupFile(db, backup);
        *error = report.error;
        return report.ok;
    };
    return op;
}

FaultOperation fetchStorageOperation(int scale)
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    // The validators remember when they were saved, by the wall clock.
    op.normalize = [](const QString &row) {
        static const QRegularExpression saved(QStringLiteral(R"(\|[0-9T:.-]+Z$)"));
        return row.startsWith(QLatin1String("http_validators|")) ? QString(row).remove(saved) : row;
    };
    op.partialAllowed = true; // the digest, then the ledger, then the validators
    op.run = [scale](const QString &path, QString *error) {
        const QString rss =
            QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-rss/rss_2024-11-28_first120items.xml");
        QFile file(rss);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("test: cannot read %1").arg(rss);
            return false;
        }
        QString format;
        const ParseResult parsed = Importer::parse(file.readAll(), rss, &format);
        if (!parsed.ok() || parsed.digests.isEmpty()) {
            *error = QStringLiteral("test: cannot parse %1: %2").arg(rss, parsed.error);
            return false;
        }
        return withStore(path, error, [&](Store &store, QString *message) {
            ListingCommit commit;
            commit.digest = parsed.digests.first();
            commit.digest.entries = commit.digest.entries.mid(0, 5 * scale);
            commit.categories = {QStringLiteral("cs.CV")};
            commit.url = QUrl(QStringLiteral("https://rss.arxiv.org/rss/cs.CV"));
            commit.validators.etag = "\"a-tag\"";
            commit.validators.lastModified = "Thu, 28 Nov 2024 05:00:00 GMT";
            commit.validators.listingDate = commit.digest.date;
            commit.validators.papers = int(commit.digest.entries.size());
            commit.now = kNow;
            const CommitResult result = commitListing(store, commit);
            *message = result.error;
            return result.error.isEmpty();
        });
    };
    return op;
}

FaultOperation migrationOperation()
{
    FaultOperation op;
    op.prepare = [](const QString &path) {
        return QFile::copy(QStringLiteral(PAPERBOY_TEST_DATA "/upgrades/schema-v006.sqlite"),
                           path) &&
               QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    };
    op.run = [](const QString &path, QString *error) {
        Database db;
        if (db.open(path))
            return true;
        *error = db.error();
        return false;
    };
    return op;
}

FaultOperation bulkOperation(int scale)
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    op.leaveOut = {QStringLiteral("import_checkpoints")}; // the time of each chunk
    op.partialAllowed = true;
    op.run = [scale](const QString &path, QString *error) {
        return withStore(path, error, [&](Store &store, QString *message) {
            BulkImport bulk(store);
            // Chunks, each its own transaction: two here, six in the long run.
            bulk.setChunkBytes(scale > 1 ? 1000 : 3000);
            const ImportReport report = bulk.importSnapshot(
                QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-snapshot/sample.jsonl"));
            *message = report.error;
            return report.ok;
        });
    };
    return op;
}

} // namespace

QStringList faultOperationNames()
{
    return {QStringLiteral("import"),
            QStringLiteral("import-again"),
            QStringLiteral("fetch-storage"),
            QStringLiteral("star"),
            QStringLiteral("note"),
            QStringLiteral("tag"),
            QStringLiteral("untag"),
            QStringLiteral("rename-tag"),
            QStringLiteral("read-many"),
            QStringLiteral("save-search"),
            QStringLiteral("rename-search"),
            QStringLiteral("checkpoint"),
            QStringLiteral("migration-v6"),
            QStringLiteral("backup"),
            QStringLiteral("restore"),
            QStringLiteral("bulk-snapshot"),
            QStringLiteral("seen-version"),
            QStringLiteral("version-check"),
            QStringLiteral("user-translation"),
            QStringLiteral("machine-translation"),
            QStringLiteral("dismiss"),
            QStringLiteral("undismiss"),
            QStringLiteral("follow"),
            QStringLiteral("unfollow"),
            QStringLiteral("rule-add"),
            QStringLiteral("rule-remove"),
            QStringLiteral("import-rules"),
            QStringLiteral("trend-save"),
            QStringLiteral("trend-replace"),
            QStringLiteral("trend-delete"),
            QStringLiteral("pdf-keep"),
            QStringLiteral("pdf-remove"),
            QStringLiteral("add-papers")};
}

FaultOperation faultOperation(const QString &name, int scale)
{
    const QDate day(2024, 6, 1);
    FaultOperation op;
    op.prepare = prepareLibrary;
    if (name == QLatin1String("import")) {
        op.run = importBytes(digestText(day, 3 * scale), digestName(day));
    } else if (name == QLatin1String("import-again")) {
        // The same day listed again, longer: the stored day grows.
        op.prepare = [day, scale](const QString &path) {
            QString error;
            return prepareLibrary(path) &&
                   importBytes(digestText(day, 3 * scale), digestName(day))(path, &error);
        };
        op.run = importBytes(digestText(day, 4 * scale), digestName(day));
    } else if (name == QLatin1String("fetch-storage")) {
        return fetchStorageOperation(scale);
    } else if (name == QLatin1String("star")) {
        op.run = storeCall([](Store &s) { return s.setStarred(kOtherPaper, true); });
    } else if (name == QLatin1String("note")) {
        op.run = storeCall([scale](Store &s) {
            return s.setNote(kPaper,
                             QStringLiteral("第二个想法, a second thought. ").repeated(4 * scale));
        });
    } else if (name == QLatin1String("tag")) {
        op.run = storeCall([](Store &s) {
            return s.addTags(kOtherPaper, {QStringLiteral("to-read"), QStringLiteral("蒸馏")});
        });
    } else if (name == QLatin1String("untag")) {
        op.run = storeCall([](Store &s) {
            return s.removeTags(kPaper, {QStringLiteral("kd"), QStringLiteral("diffusion")});
        });
    } else if (name == QLatin1String("rename-tag")) {
        op.run = storeCall([](Store &s) {
            return s.renameTag(QStringLiteral("kd"), QStringLiteral("distillation")) >= 0;
        });
    } else if (name == QLatin1String("read-many")) {
        op.run = storeCall([](Store &s) {
            return s.setReadMany({kPaper, kOtherPaper, QStringLiteral("2306.04634")}, false);
        });
    } else if (name == QLatin1String("save-search")) {
        op.run = viewsCall([](SmartViews &v) {
            return v.saveSearch(QStringLiteral("boot"), QStringLiteral("BOOT is:starred"));
        });
    } else if (name == QLatin1String("rename-search")) {
        op.run = viewsCall([](SmartViews &v) {
            return v.renameSavedSearch(QStringLiteral("distillation"), QStringLiteral("kd"));
        });
    } else if (name == QLatin1String("checkpoint")) {
        // The commit's automatic checkpoint copies the log into the file: its writes and
        // syncs come after the commit point.
        op.run = storeCall([](Store &s) { return s.setStarred(kOtherPaper, true); },
                           QStringLiteral("PRAGMA wal_autocheckpoint = 1;"));
    } else if (name == QLatin1String("migration-v6")) {
        return migrationOperation();
    } else if (name == QLatin1String("backup")) {
        return backupOperation();
    } else if (name == QLatin1String("restore")) {
        return restoreOperation();
    } else if (name == QLatin1String("bulk-snapshot")) {
        return bulkOperation(scale);
    } else if (name == QLatin1String("seen-version") || name == QLatin1String("version-check")) {
        return versionsOperation(name);
    } else if (name == QLatin1String("user-translation")) {
        // The user's own Chinese (#17): user data, indexed for search by triggers.
        op.run = storeCall([scale](Store &s) {
            return s.setUserTranslation(kPaper, QStringLiteral("zh"), QStringLiteral("我的标题"),
                                        QStringLiteral("我自己的摘要。").repeated(4 * scale));
        });
    } else if (name == QLatin1String("machine-translation")) {
        // A translation service's answer for two papers in one transaction (#17).
        op.run = storeCall([scale](Store &s) {
            QList<Store::MachineTranslationRow> rows;
            for (const QString &id : {kPaper, kOtherPaper}) {
                MachineTranslation t;
                t.language = QStringLiteral("zh");
                t.title = QStringLiteral("机器标题 ") + id;
                t.abstract = QStringLiteral("机器摘要。").repeated(4 * scale);
                t.provider = QStringLiteral("deepl");
                t.created = QDateTime(QDate(2024, 6, 2), QTime(8, 0), Qt::UTC);
                t.sourceHash = QStringLiteral("0123456789abcdef");
                rows.append({id, t});
            }
            return s.saveMachineTranslations(rows);
        });
    } else if (FaultOperation curation = curationOperation(name, scale); curation.run) {
        return curation;
    } else if (FaultOperation trend = savedTrendOperation(name); trend.run) {
        return trend;
    } else if (FaultOperation pdf = pdfOperation(name, scale); pdf.run) {
        return pdf;
    } else if (name == QLatin1String("add-papers")) {
        // Issue #21: three papers marked added in one transaction, one of them added before
        // (it keeps its first time).
        op.run = [](const QString &path, QString *error) {
            return withStore(path, error, [](Store &store, QString *message) {
                *message =
                    AddedPapers(store.database())
                        .markAdded({kPaper, kOtherPaper, QStringLiteral("2306.04634")}, kNow);
                return message->isEmpty();
            });
        };
    } else {
        return {};
    }
    return op;
}

FaultSweep::FaultSweep(FaultOperation operation) : m_op(std::move(operation)) {}

// An operation of several transactions (a bulk import's chunks; a fetch's digest, ledger and
// validators) may stop between two of them: then every row is one it had before or one it
// has after, the user's rows are untouched, and no digest is half-stored (readState).
bool FaultSweep::isStep(const State &state) const
{
    if (state.version != m_before.version || state.userRows != m_before.userRows)
        return false;
    const QSet<QString> before(m_before.rows.cbegin(), m_before.rows.cend());
    const QSet<QString> after(m_after.rows.cbegin(), m_after.rows.cend());
    for (const QString &row : state.rows)
        if (!before.contains(row) && !after.contains(row))
            return false;
    return true;
}

FaultSweep::State FaultSweep::readState(const QString &path) const
{
    State state;
    const QString name = QStringLiteral("fault-sweep-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            state.integrity = db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA integrity_check"));
            state.integrity = q.next() ? q.value(0).toString() : q.lastError().text();
            q.exec(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
            if (q.next() && q.value(0).toInt() != 0)
                state.integrity +=
                    QStringLiteral("; %1 foreign key violations").arg(q.value(0).toInt());
            // No digest is ever half-stored, whatever else a failure leaves.
            q.exec(QStringLiteral("SELECT count(*) FROM digests d WHERE entry_count <> (SELECT "
                                  "count(*) FROM digest_entries e WHERE e.digest_id = d.id)"));
            if (q.next() && q.value(0).toInt() != 0)
                state.integrity +=
                    QStringLiteral("; %1 half-stored digests").arg(q.value(0).toInt());
            q.exec(QStringLiteral("PRAGMA user_version"));
            state.version = q.next() ? q.value(0).toInt() : -1;
            q.finish();
            state.rows = libraryRows(db, m_op.leaveOut);
            if (m_op.normalize)
                for (QString &row : state.rows)
                    row = m_op.normalize(row);
            state.userRows = userData(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

QString FaultSweep::freshCopy(const QString &name) const
{
    const QString dir = m_dir.filePath(name);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/library.sqlite");
    QFile::copy(m_template, path);
    return path;
}

bool FaultSweep::prepare()
{
    FaultVfs &vfs = FaultVfs::install();
    vfs.reset();
    vfs.setScope(m_dir.path() + QLatin1Char('/'));
    m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
    if (!m_op.prepare || !m_op.prepare(m_template)) {
        problem(QStringLiteral("cannot prepare the starting library"));
        return false;
    }
    if (QFile::exists(m_template + QStringLiteral("-wal"))) {
        problem(QStringLiteral("the starting library was left with a log (a connection open?)"));
        return false;
    }
    m_before = readState(m_template);
    const QString path = freshCopy(QStringLiteral("reference"));
    vfs.reset();
    vfs.setRealSync(false);
    QString error;
    if (!m_op.run(path, &error)) {
        problem(QStringLiteral("the operation fails without faults: %1").arg(error));
        return false;
    }
    m_stats.reference = vfs.counts();
    m_after = readState(path);
    if (m_before.integrity != QLatin1String("ok") || m_after.integrity != QLatin1String("ok"))
        problem(QStringLiteral("integrity before %1, after %2")
                    .arg(m_before.integrity, m_after.integrity));
    if (m_op.kinds != FaultVfs::Read && m_after.sameAs(m_before))
        problem(QStringLiteral("the operation changes nothing: a test that cannot fail"));
    if (m_op.check)
        if (const QString p = m_op.check(path, true); !p.isEmpty())
            problem(QStringLiteral("without faults: %1").arg(p));
    return m_problems.isEmpty();
}

void FaultSweep::failEach(int kinds, bool both, int stride)
{
    FaultVfs &vfs = FaultVfs::install();
    // How many calls of these kinds the operation makes, with mapping as the runs will have it.
    vfs.reset();
    vfs.setRealSync(false);
    vfs.setMmapAllowed(!(kinds & FaultVfs::Read));
    QString error;
    const QString path = freshCopy(QStringLiteral("count"));
    if (!m_op.run(path, &error)) {
        problem(QStringLiteral("the operation fails without faults: %1").arg(error));
        return;
    }
    const FaultVfs::Counts counts = vfs.counts();
    const int calls = (kinds & FaultVfs::Read ? counts.reads : 0) +
                      (kinds & FaultVfs::Write ? counts.writes : 0) +
                      (kinds & FaultVfs::Sync ? counts.syncs : 0);
    stride = std::max(1, stride);
    for (int n = 1; n <= calls && m_problems.size() < 20; n += stride) {
        ++m_stats.points;
        const bool full = m_stats.points % 2 == 1; // taking turns, whatever the stride
        if (both || full)
            runOnce(kinds, n, FaultVfs::Error::Full);
        if (both || !full)
            runOnce(kinds, n, FaultVfs::Error::IoErr);
    }
    vfs.reset();
}

void FaultSweep::runOnce(int kinds, int n, FaultVfs::Error error)
{
    FaultVfs &vfs = FaultVfs::install();
    const bool full = error == FaultVfs::Error::Full;
    const QString where =
        QStringLiteral("%1 at %2 %3")
            .arg(full ? QStringLiteral("full disk") : QStringLiteral("I/O error"),
                 kinds == FaultVfs::Read ? QStringLiteral("read") : QStringLiteral("write or sync"))
            .arg(n);
    const QString path = freshCopy(QStringLiteral("run"));
    vfs.reset();
    vfs.setRealSync(false);
    vfs.setMmapAllowed(!(kinds & FaultVfs::Read));
    vfs.failAt(n, kinds, error, full);
    QString message;
    const bool ok = m_op.run(path, &message);
    const bool fired = vfs.fired();
    vfs.reset();
    ++m_stats.runs;
    ++(ok ? m_stats.successes : m_stats.errors);
    if (!fired && !ok)
        problem(QStringLiteral("%1: no fault fired, yet it failed: %2").arg(where, message));
    if (!ok && message.trimmed().isEmpty())
        problem(QStringLiteral("%1: failed without saying why").arg(where));
    if (!ok && full && kinds != FaultVfs::Read && !message.contains(QLatin1String("full")))
        problem(
            QStringLiteral("%1: the error does not say the disk is full: %2").arg(where, message));

    const State state = readState(path);
    if (state.integrity != QLatin1String("ok"))
        problem(QStringLiteral("%1: integrity_check: %2").arg(where, state.integrity));
    if (ok && !state.sameAs(m_after))
        problem(QStringLiteral("%1: it succeeded but the library is not as after it:\n%2")
                    .arg(where, difference(state.rows, m_after.rows).join(u'\n')));
    const bool partial = !state.sameAs(m_before) && !state.sameAs(m_after);
    if (!ok && partial && !(m_op.partialAllowed && isStep(state)))
        problem(QStringLiteral("%1: it failed and left the library half-changed (%2):\n%3")
                    .arg(where, message, difference(state.rows, m_before.rows).join(u'\n')));
    if (m_op.check)
        if (const QString p = m_op.check(path, ok); !p.isEmpty())
            problem(QStringLiteral("%1: %2").arg(where, p));
    if (state.sameAs(m_after) && m_op.kinds != FaultVfs::Read)
        return; // done (an error after the commit point): nothing to do again
    if (!partial && m_stats.errors % m_retryEvery != 0)
        return;

    // The disk is well again: the same operation on the same library succeeds.
    vfs.reset();
    vfs.setRealSync(false);
    QString again;
    if (!m_op.run(path, &again)) {
        problem(QStringLiteral("%1: the operation fails again with the disk well: %2")
                    .arg(where, again));
        return;
    }
    const State retried = readState(path);
    if (!retried.sameAs(m_after))
        problem(QStringLiteral("%1: run again, it does not end as without faults:\n%2")
                    .arg(where, difference(retried.rows, m_after.rows).join(u'\n')));
    if (m_op.check)
        if (const QString p = m_op.check(path, true); !p.isEmpty())
            problem(QStringLiteral("%1: run again: %2").arg(where, p));
}

} // namespace paperboy::test
