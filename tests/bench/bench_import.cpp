// Write-side measurements: RSS import against bare SQLite inserts, the GUI thread while a
// fetch is stored, and the bulk snapshot import. All on fresh databases.

#include "bench_data.h"
#include "bench_measure.h"

#include "import/arxiv_rss_parser.h"
#include "import/bulk_import.h"
#include "store/database.h"
#include "store/store.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <tuple>

namespace paperboy::bench {

namespace {

QString freshPath(const Settings &settings, const QString &name)
{
    const QString path = QDir(settings.workDir).filePath(name);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return path;
}

QList<QByteArray> listings(const Settings &settings, std::uint64_t seed)
{
    // Days after the generated cache's last day, so ids never collide with it.
    TextGenerator text(seed);
    QList<QByteArray> result;
    QDate date(2026, 4, 6);
    for (int day = 0; day < settings.importDays; ++day, date = date.addDays(1))
        result.append(
            rssListing(text, date, settings.importPerDay, day * settings.importPerDay + 1));
    return result;
}

// The rows the store would write, as UTF-8, so the bare loop pays for nothing but SQLite.
struct BareRow
{
    std::string arxivId, title, authors, abstract, categories, primary, published, updated,
        announce;
    int version = 0;
};
struct BareDigest
{
    std::string date, source, category, title;
    std::vector<BareRow> rows;
};

std::string utf8(const QString &text)
{
    return text.toStdString();
}

std::vector<BareDigest> bareRows(const QList<QByteArray> &xml)
{
    std::vector<BareDigest> digests;
    for (const QByteArray &listing : xml) {
        const ParseResult parsed = parseArxivRss(listing);
        for (const Digest &digest : parsed.digests) {
            BareDigest bare{utf8(digest.date.toString(Qt::ISODate)),
                            utf8(digest.source),
                            utf8(digest.category),
                            utf8(digest.title),
                            {}};
            for (const DigestEntry &e : digest.entries) {
                const Paper &p = e.paper;
                bare.rows.push_back(
                    {utf8(p.arxivId), utf8(p.title), utf8(p.authors.join(QChar(0x1f))),
                     utf8(p.abstract), utf8(p.categories.join(QLatin1Char(' '))),
                     utf8(p.categories.value(0)), utf8(p.published.toString(Qt::ISODate)),
                     utf8(p.updated.toString(Qt::ISODate)), utf8(e.announceType), p.version});
            }
            digests.push_back(std::move(bare));
        }
    }
    return digests;
}

void bindText(sqlite3_stmt *stmt, int i, const std::string &value)
{
    if (value.empty())
        sqlite3_bind_null(stmt, i);
    else
        sqlite3_bind_text(stmt, i, value.data(), int(value.size()), SQLITE_STATIC);
}

// A bare loop over the raw API: one transaction per listing, prepared statements, nothing
// else. `schema` is run first (empty: the file already holds the app's schema).
double bareInsertSeconds(const QString &path, const std::vector<BareDigest> &digests,
                         const char *schema, const char *paperSql, const char *indexSql = nullptr)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(
        db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        nullptr, nullptr, nullptr);
    if (schema)
        sqlite3_exec(db, schema, nullptr, nullptr, nullptr);
    sqlite3_stmt *digest = nullptr;
    sqlite3_stmt *paper = nullptr;
    sqlite3_stmt *entry = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO digests (date, source, category, title, entry_count, imported_at)"
        " VALUES (?,?,?,?,?, '2026-04-06T00:00:00Z')",
        -1, &digest, nullptr);
    sqlite3_prepare_v2(db, paperSql, -1, &paper, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO digest_entries (digest_id, paper_id, position, announce_type)"
                       " VALUES (?,?,?,?)",
                       -1, &entry, nullptr);
    sqlite3_stmt *index = nullptr;
    if (indexSql)
        sqlite3_prepare_v2(db, indexSql, -1, &index, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (const BareDigest &d : digests) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        bindText(digest, 1, d.date);
        bindText(digest, 2, d.source);
        bindText(digest, 3, d.category);
        bindText(digest, 4, d.title);
        sqlite3_bind_int(digest, 5, int(d.rows.size()));
        sqlite3_step(digest);
        sqlite3_reset(digest);
        const sqlite3_int64 digestId = sqlite3_last_insert_rowid(db);
        sqlite3_int64 firstPaper = 0;
        int position = 0;
        for (const BareRow &r : d.rows) {
            bindText(paper, 1, r.arxivId);
            sqlite3_bind_int(paper, 2, r.version);
            bindText(paper, 3, r.title);
            bindText(paper, 4, r.authors);
            bindText(paper, 5, r.abstract);
            bindText(paper, 6, r.categories);
            bindText(paper, 7, r.primary);
            bindText(paper, 8, r.published);
            bindText(paper, 9, r.updated);
            if (sqlite3_step(paper) != SQLITE_DONE)
                std::fprintf(stderr, "bare insert: %s\n", sqlite3_errmsg(db));
            sqlite3_reset(paper);
            const sqlite3_int64 paperId = sqlite3_last_insert_rowid(db);
            firstPaper = firstPaper ? firstPaper : paperId;
            sqlite3_bind_int64(entry, 1, digestId);
            sqlite3_bind_int64(entry, 2, paperId);
            sqlite3_bind_int(entry, 3, ++position);
            bindText(entry, 4, r.announce);
            sqlite3_step(entry);
            sqlite3_reset(entry);
        }
        if (index) {
            sqlite3_bind_int64(index, 1, firstPaper);
            sqlite3_step(index);
            sqlite3_reset(index);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    sqlite3_finalize(digest);
    sqlite3_finalize(paper);
    sqlite3_finalize(entry);
    sqlite3_finalize(index);
    sqlite3_close(db);
    return seconds;
}

const char kBarePaper[] =
    "INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories,"
    " primary_category, published, updated, metadata_rank) VALUES (?,?,?,?,?,?,?,?,?,1)";

// What SQLite alone needs for the same rows with one full-text index, the floor: plain
// inserts, and the index filled once per transaction by one INSERT ... SELECT.
const char kMinimalSchema[] =
    "CREATE TABLE papers (id INTEGER PRIMARY KEY, arxiv_id TEXT NOT NULL UNIQUE, version INTEGER,"
    " title TEXT, authors TEXT, abstract TEXT, categories TEXT, primary_category TEXT,"
    " published TEXT, updated TEXT, metadata_rank INTEGER);"
    "CREATE TABLE digests (id INTEGER PRIMARY KEY, date TEXT, source TEXT, category TEXT,"
    " title TEXT, entry_count INTEGER, imported_at TEXT, UNIQUE (date, source, category));"
    "CREATE TABLE digest_entries (id INTEGER PRIMARY KEY, digest_id INTEGER, paper_id INTEGER,"
    " position INTEGER, announce_type TEXT, UNIQUE (digest_id, paper_id));"
    "CREATE VIRTUAL TABLE fts USING fts5(title, authors, abstract, categories,"
    " content = 'papers', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');";
const char kMinimalIndex[] =
    "INSERT INTO fts (rowid, title, authors, abstract, categories)"
    " SELECT id, title, authors, abstract, categories FROM papers WHERE id >= ?";

// Time per statement text, for finding where an import spends its time (PAPERBOY_BENCH_TRACE=1).
struct StatementTimes
{
    std::map<std::string, std::pair<qint64, int>> byText;
    static int record(unsigned, void *context, void *statement, void *nanoseconds)
    {
        auto *self = static_cast<StatementTimes *>(context);
        auto &entry = self->byText[sqlite3_sql(static_cast<sqlite3_stmt *>(statement))];
        entry.first += *static_cast<qint64 *>(nanoseconds);
        ++entry.second;
        return 0;
    }
    void print() const
    {
        std::vector<std::pair<qint64, std::string>> sorted;
        for (const auto &[text, value] : byText)
            sorted.emplace_back(value.first,
                                std::to_string(value.second) + "x " + text.substr(0, 110));
        std::sort(sorted.rbegin(), sorted.rend());
        for (std::size_t i = 0; i < sorted.size() && i < 12; ++i)
            std::fprintf(stderr, "  %8.1f ms  %s\n", sorted[i].first / 1e6,
                         sorted[i].second.c_str());
    }
};

} // namespace

QList<Figure> measureImport(const Settings &settings)
{
    std::fprintf(stderr, "import: %d listings of %d papers\n", settings.importDays,
                 settings.importPerDay);
    const QList<QByteArray> xml = listings(settings, 77);
    const std::vector<BareDigest> bare = bareRows(xml);
    std::size_t papers = 0;
    for (const BareDigest &d : bare)
        papers += d.rows.size();
    std::vector<double> ours, parseOnly, bareSame, bareMinimal, withRules;
    for (int run = 0; run < settings.runs; ++run) {
        {
            // The same import with three rules of the kinds readers write (issue #16): they
            // run on each listing's new papers inside its transaction.
            const QString path = freshPath(settings, QStringLiteral("import-rules.sqlite"));
            Database db;
            if (!db.open(path))
                return {};
            Store store(db);
            const std::tuple<const char *, const char *, RuleAction, const char *> rules[] = {
                {"learning", "learning -survey", RuleAction::Tag, "ml"},
                {"not lg", "cat:cs.LG -cat:cs.CV", RuleAction::Dismiss, ""},
                {"networks", "\"neural network\"", RuleAction::Highlight, ""}};
            for (const auto &[name, query, action, tag] : rules) {
                Rule rule;
                rule.name = QLatin1String(name);
                rule.query = QLatin1String(query);
                rule.action = action;
                rule.argument = QLatin1String(tag);
                store.saveRule(rule);
            }
            QElapsedTimer timer;
            timer.start();
            for (const QByteArray &listing : xml)
                if (!store.saveDigests(parseArxivRss(listing).digests)) {
                    std::fprintf(stderr, "import failed: %s\n", qPrintable(store.lastError()));
                    return {};
                }
            withRules.push_back(papers / (timer.nsecsElapsed() / 1e9));
        }
        {
            const QString path = freshPath(settings, QStringLiteral("import-ours.sqlite"));
            Database db;
            if (!db.open(path))
                return {};
            Store store(db);
            StatementTimes times;
            const bool trace = qEnvironmentVariableIsSet("PAPERBOY_BENCH_TRACE");
            if (trace)
                sqlite3_trace_v2(db.handle(), SQLITE_TRACE_PROFILE, &StatementTimes::record,
                                 &times);
            QElapsedTimer timer;
            timer.start();
            qint64 parseNs = 0;
            for (const QByteArray &listing : xml) {
                QElapsedTimer parse;
                parse.start();
                const ParseResult parsed = parseArxivRss(listing);
                parseNs += parse.nsecsElapsed();
                if (!store.saveDigests(parsed.digests)) {
                    std::fprintf(stderr, "import failed: %s\n", qPrintable(store.lastError()));
                    return {};
                }
            }
            ours.push_back(papers / (timer.nsecsElapsed() / 1e9));
            if (trace)
                times.print();
            parseOnly.push_back(papers / (parseNs / 1e9));
        }
        {
            const QString path = freshPath(settings, QStringLiteral("import-bare.sqlite"));
            {
                Database schema; // the app's schema, created by its migrations
                if (!schema.open(path))
                    return {};
            }
            bareSame.push_back(papers / bareInsertSeconds(path, bare, nullptr, kBarePaper));
        }
        {
            const QString path = freshPath(settings, QStringLiteral("import-minimal.sqlite"));
            bareMinimal.push_back(
                papers / bareInsertSeconds(path, bare, kMinimalSchema, kBarePaper, kMinimalIndex));
        }
    }
    const double oursRate = median(ours);
    const double bareRate = median(bareSame);
    const double ratio = oursRate / bareRate;
    Figure rate{QStringLiteral("import_rate"),
                QStringLiteral("import RSS→store (parse + saveDigests, FTS)"),
                oursRate,
                QStringLiteral("papers/s"),
                {},
                true,
                summary(ours)};
    rate.detail.insert(QStringLiteral("papers_per_run"), qint64(papers));
    rate.detail.insert(QStringLiteral("parse_only_papers_per_s"), median(parseOnly));
    Figure bareFigure{QStringLiteral("import_bare_rate"),
                      QStringLiteral("bare sqlite3 inserts, same schema"),
                      bareRate,
                      QStringLiteral("papers/s"),
                      {},
                      true,
                      summary(bareSame)};
    Figure floor{QStringLiteral("import_bare_minimal_rate"),
                 QStringLiteral("bare sqlite3 floor: plain inserts + one FTS5 batch"),
                 median(bareMinimal),
                 QStringLiteral("papers/s"),
                 {},
                 true,
                 summary(bareMinimal)};
    // The target is held against the floor: the same-schema loop, lacking the store's
    // deferred indexing, pays a flush of the index per row and would flatter us.
    const double floorRatio = oursRate / median(bareMinimal);
    Figure share{QStringLiteral("import_ratio_same_schema"),
                 QStringLiteral("import / bare (same schema, row-by-row triggers)"),
                 ratio * 100,
                 QStringLiteral("%"),
                 {},
                 true,
                 {}};
    Figure shareFloor{QStringLiteral("import_ratio"),
                      QStringLiteral("import / bare floor"),
                      floorRatio * 100,
                      QStringLiteral("%"),
                      QStringLiteral(">= 50 %"),
                      floorRatio >= 0.5,
                      {}};
    Figure rules{QStringLiteral("import_rate_rules"),
                 QStringLiteral("import RSS→store with 3 rules (tag, dismiss, highlight)"),
                 median(withRules),
                 QStringLiteral("papers/s"),
                 {},
                 true,
                 summary(withRules)};
    rules.detail.insert(QStringLiteral("ratio_to_floor_percent"),
                        median(withRules) / median(bareMinimal) * 100);
    return {rate, bareFigure, floor, share, shareFloor, rules};
}

QList<Figure> measureStall(const Settings &settings)
{
    std::fprintf(stderr, "stall: storing 10 x 1000 papers on a store thread\n");
    Settings tenDays = settings;
    tenDays.importDays = 10;
    tenDays.importPerDay = 1000;
    QList<QList<Digest>> fetched;
    for (const QByteArray &listing : listings(tenDays, 99))
        fetched.append(parseArxivRss(listing).digests);
    std::vector<double> gaps;
    std::vector<double> storeMs;
    for (int run = 0; run < settings.runs; ++run) {
        const QString path = freshPath(settings, QStringLiteral("stall.sqlite"));
        StoreThread writer(path, Database::Mode::ReadWrite);
        QEventLoop loop;
        QObject context;
        bool opened = false;
        QObject::connect(&writer, &StoreThread::opened, &context, [&] {
            opened = true;
            loop.quit();
        });
        QObject::connect(&writer, &StoreThread::failed, &context, [&] { loop.quit(); });
        loop.exec();
        if (!opened)
            return {};
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(5);
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 maxGap = 0;
        QObject::connect(&tick, &QTimer::timeout, &context, [&] {
            const qint64 now = clock.nsecsElapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
        });
        clock.start();
        tick.start();
        // One post per listing, as the fetcher stores each day it receives.
        int remaining = int(fetched.size());
        QElapsedTimer storing;
        storing.start();
        for (const QList<Digest> &digests : fetched)
            writer.post(
                &context, [digests](Store &store) { return store.saveDigests(digests); },
                [&](bool) {
                    if (--remaining == 0)
                        loop.quit();
                });
        loop.exec();
        storeMs.push_back(storing.nsecsElapsed() / 1e6);
        tick.stop();
        gaps.push_back(maxGap / 1e6);
    }
    Figure stall{QStringLiteral("gui_stall_max"),
                 QStringLiteral("longest GUI-thread gap while 10k papers are stored (5 ms timer)"),
                 *std::max_element(gaps.begin(), gaps.end()),
                 QStringLiteral("ms"),
                 QStringLiteral("<= 50 ms"),
                 false,
                 summary(gaps)};
    stall.met = stall.value <= 50;
    stall.detail.insert(QStringLiteral("store_ms"), summary(storeMs));
    return {stall};
}

QList<Figure> measureBulk(const Settings &settings)
{
    const QString snapshot =
        QDir(settings.workDir)
            .filePath(QStringLiteral("snapshot-%1.jsonl").arg(settings.snapshotLines));
    QString error;
    if (!QFile::exists(snapshot)) {
        std::fprintf(stderr, "bulk: writing a %d-line snapshot\n", settings.snapshotLines);
        if (!writeSnapshot(snapshot, settings.snapshotLines, &error)) {
            std::fprintf(stderr, "bulk: %s\n", qPrintable(error));
            return {};
        }
    }
    std::fprintf(stderr, "bulk: importing %s\n", qPrintable(snapshot));
    std::vector<double> rates;
    const int runs = std::max(1, std::min(settings.runs, 3)); // each run is long
    for (int run = 0; run < runs; ++run) {
        const QString path = freshPath(settings, QStringLiteral("bulk.sqlite"));
        Database db;
        if (!db.open(path))
            return {};
        Store store(db);
        BulkImport bulk(store);
        QElapsedTimer timer;
        timer.start();
        const ImportReport report = bulk.importSnapshot(snapshot);
        if (!report.ok) {
            std::fprintf(stderr, "bulk: %s\n", qPrintable(report.error));
            return {};
        }
        rates.push_back(report.summary.papersAdded / (timer.nsecsElapsed() / 1e9));
    }
    Figure rate{QStringLiteral("bulk_rate"),
                QStringLiteral("bulk snapshot import"),
                median(rates),
                QStringLiteral("papers/s"),
                {},
                true,
                summary(rates)};
    rate.detail.insert(QStringLiteral("lines"), settings.snapshotLines);
    rate.detail.insert(QStringLiteral("bytes"), QFile(snapshot).size());
    return {rate};
}

} // namespace paperboy::bench
