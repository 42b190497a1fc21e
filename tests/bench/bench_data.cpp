#include "bench_data.h"

#include "store/database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <memory>
#include <vector>

namespace paperboy::bench {

namespace {

const char kUnitSeparator = '\x1f';

// A thin RAII prepared statement over the raw API: the generator must not pay for QVariant.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_error = sqlite3_errmsg(db);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    void text(int i, const std::string &value)
    {
        if (value.empty())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_text(m_stmt, i, value.data(), int(value.size()), SQLITE_TRANSIENT);
    }
    void integer(int i, sqlite3_int64 value) { sqlite3_bind_int64(m_stmt, i, value); }
    bool run()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_error;
};

bool exec(sqlite3 *db, const std::string &sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(message ? message : "sqlite error") + QStringLiteral(" in: ") +
             QString::fromStdString(sql.substr(0, 200));
    sqlite3_free(message);
    return false;
}

std::string iso(const QDate &date)
{
    return date.toString(Qt::ISODate).toStdString();
}

// What the generated file promises; a mismatch regenerates it.
std::string shapeKey(const CacheShape &shape)
{
    // The schema is not part of it: an older file is upgraded by the app's own migrations.
    return "papers=" + std::to_string(shape.papers) + ";days=" + std::to_string(shape.days) +
           ";v=2";
}

bool cacheMatches(const QString &path, const CacheShape &shape)
{
    if (!QFileInfo::exists(path))
        return false;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    bool matches = false;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM bench_meta WHERE key = 'shape'", -1, &stmt,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        std::string stored = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        const std::size_t schema = stored.find(";schema=");
        if (schema != std::string::npos) // written by an earlier bench
            stored.erase(schema, stored.find(';', schema + 1) - schema);
        matches = stored == shapeKey(shape);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return matches;
}

struct Trigger
{
    std::string name;
    std::string sql;
};

// Index-maintaining triggers: the generator builds those indexes once at the end instead.
std::vector<Trigger> indexTriggers(sqlite3 *db)
{
    std::vector<Trigger> triggers;
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND"
                       " (name LIKE 'search%' OR name LIKE '%fts%')",
                       -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        triggers.push_back({reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)),
                            reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1))});
    sqlite3_finalize(stmt);
    return triggers;
}

bool tableExists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
    const bool found = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return found;
}

const char *const kTags[] = {"to read",  "reading group", "diffusion", "theory",
                             "baseline", "cite",          "important", "later",
                             "survey",   "code",          "robotics",  "数据集"};

struct SearchExtra
{
    std::string translation;
    std::string note;
    std::string tags;
};

bool generate(const QString &path, const CacheShape &shape, const QList<QDate> &dates,
              QString *error)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    {
        Database schema; // the real migrations: the same schema the app writes
        if (!schema.open(path)) {
            *error = schema.error();
            return false;
        }
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return false;
    }
    std::unique_ptr<sqlite3, int (*)(sqlite3 *)> closer(db, sqlite3_close);
    if (!exec(db,
              "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;"
              " PRAGMA foreign_keys = OFF;",
              error))
        return false;
    const std::vector<Trigger> triggers = indexTriggers(db);
    if (!exec(db, "BEGIN", error))
        return false;
    for (const Trigger &trigger : triggers)
        if (!exec(db, "DROP TRIGGER " + trigger.name, error))
            return false;

    Statement paper(db, "INSERT INTO papers (id, arxiv_id, version, title, authors, abstract,"
                        " categories, primary_category, comment, published, updated, code_url,"
                        " code_url_source, metadata_rank) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
    Statement digest(db, "INSERT INTO digests (id, date, source, category, title, entry_count,"
                         " imported_at) VALUES (?,?,?,?,?,?,?)");
    Statement entry(db, "INSERT INTO digest_entries (id, digest_id, paper_id, position,"
                        " announce_type) VALUES (?,?,?,?,?)");
    Statement translation(db, "INSERT INTO entry_translations (entry_id, language, title,"
                              " abstract) VALUES (?, 'zh', ?, ?)");
    if (!paper.ok() || !digest.ok() || !entry.ok() || !translation.ok()) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }

    TextGenerator text(20240314);
    Rng &rng = text.rng();
    std::map<sqlite3_int64, SearchExtra> extras;
    const int days = int(dates.size());
    sqlite3_int64 paperId = 0;
    sqlite3_int64 entryId = 0;
    sqlite3_int64 digestId = 0;
    int monthSequence = 0;
    QDate month;
    QElapsedTimer progress;
    progress.start();
    for (int day = 0; day < days; ++day) {
        const QDate date = dates[day];
        if (date.month() != month.month() || date.year() != month.year()) {
            month = date;
            monthSequence = 0;
        }
        // Spread the papers evenly; the last day takes the remainder.
        const int count = day + 1 < days ? shape.papers / days : shape.papers - int(paperId);
        const std::string when = iso(date) + "T14:00:00.000Z";
        const sqlite3_int64 listing = ++digestId;
        digest.integer(1, listing);
        digest.text(2, iso(date));
        digest.text(3, "arxiv-rss");
        digest.text(4, "cs math physics");
        digest.text(5, "cs, math, physics updates on arXiv.org");
        digest.integer(6, count);
        digest.text(7, when);
        digest.run();
        const int chineseCount = int(count * shape.chineseShare);
        const sqlite3_int64 chineseDigest = chineseCount > 0 ? ++digestId : 0;
        if (chineseDigest) {
            digest.integer(1, chineseDigest);
            digest.text(2, iso(date));
            digest.text(3, "meiri-xueshu-sudi");
            digest.text(4, "cs.CV");
            digest.text(5, "每日学术速递");
            digest.integer(6, chineseCount);
            digest.text(7, when);
            digest.run();
        }
        int chinesePosition = 0;
        for (int i = 0; i < count; ++i) {
            ++paperId;
            const std::string id = arxivIdFor(date, ++monthSequence).toStdString();
            const std::string title = text.title();
            const std::string abstract = text.abstract();
            const std::string authors = text.authors(kUnitSeparator);
            const std::string categories = text.categories();
            const std::string primary = categories.substr(0, categories.find(' '));
            const std::string comment = rng.below(3) == 0
                                            ? std::to_string(rng.between(4, 40)) + " pages, " +
                                                  std::to_string(rng.between(1, 12)) + " figures"
                                            : std::string();
            const bool code = rng.below(10) == 0;
            paper.integer(1, paperId);
            paper.text(2, id);
            paper.integer(3, 1);
            paper.text(4, title);
            paper.text(5, authors);
            paper.text(6, abstract);
            paper.text(7, categories);
            paper.text(8, primary);
            paper.text(9, comment);
            paper.text(10, iso(date.addDays(-rng.between(1, 3))));
            paper.text(11, iso(date.addDays(-1)));
            const std::string codeUrl = code ? "https://github.com/lab/" + id : std::string();
            paper.text(12, codeUrl);
            paper.text(13, code ? "abstract" : "");
            if (!paper.run()) {
                *error = QString::fromUtf8(sqlite3_errmsg(db));
                return false;
            }
            entry.integer(1, ++entryId);
            entry.integer(2, listing);
            entry.integer(3, paperId);
            entry.integer(4, i + 1);
            entry.text(5, rng.below(5) == 0 ? "cross" : "new");
            entry.run();
            if (chineseDigest && chinesePosition < chineseCount &&
                rng.unit() < double(chineseCount - chinesePosition) / double(count - i)) {
                entry.integer(1, ++entryId);
                entry.integer(2, chineseDigest);
                entry.integer(3, paperId);
                entry.integer(4, ++chinesePosition);
                entry.text(5, "");
                entry.run();
                const std::string zhTitle = text.chineseTitle();
                const std::string zhAbstract = text.chineseAbstract();
                translation.integer(1, entryId);
                translation.text(2, zhTitle);
                translation.text(3, zhAbstract);
                translation.run();
                extras[paperId].translation = cjkBigrams(zhTitle + " " + zhAbstract);
            }
        }
        if (progress.elapsed() > 10000) {
            std::fprintf(stderr, "  generated %lld papers (%d of %d days)\n",
                         static_cast<long long>(paperId), day + 1, days);
            progress.restart();
        }
    }

    // User data of someone who has read for years: 10% read, 2% starred, notes, tags.
    Statement user(db, "INSERT INTO user_papers (arxiv_id, starred, starred_changed, read,"
                       " read_changed, note, note_changed) VALUES"
                       " ((SELECT arxiv_id FROM papers WHERE id = ?),?,?,?,?,?,?)");
    Statement tag(db, "INSERT OR IGNORE INTO user_tags (arxiv_id, tag, added) VALUES"
                      " ((SELECT arxiv_id FROM papers WHERE id = ?),?,?)");
    const std::string when = "2026-01-01T00:00:00.000Z";
    for (sqlite3_int64 id = 1; id <= paperId; ++id) {
        const bool read = rng.below(10) == 0;
        const bool starred = rng.below(50) == 0;
        const bool noted = rng.below(200) == 0;
        if (read || starred || noted) {
            const std::string note = noted ? text.note() : std::string();
            user.integer(1, id);
            user.integer(2, starred ? 1 : 0);
            user.text(3, starred ? when : "");
            user.integer(4, read ? 1 : 0);
            user.text(5, read ? when : "");
            user.text(6, note);
            user.text(7, noted ? when : "");
            user.run();
            if (noted)
                extras[id].note = cjkBigrams(note);
        }
        if (rng.below(100) == 0) {
            std::string tags;
            const int count = rng.between(1, 3);
            for (int i = 0; i < count; ++i) {
                const std::string name = kTags[rng.below(int(std::size(kTags)))];
                if (tags.find(name) != std::string::npos)
                    continue;
                tag.integer(1, id);
                tag.text(2, name);
                tag.text(3, when);
                tag.run();
                tags += (tags.empty() ? "" : ", ") + name;
            }
            extras[id].tags = cjkBigrams(tags);
        }
    }
    std::fprintf(stderr, "  rows stored; building the search index\n");
    Statement extra(db, "INSERT INTO search_extra (paper_id, translation, note, tags)"
                        " VALUES (?,?,?,?)");
    for (const auto &[id, value] : extras) {
        extra.integer(1, id);
        extra.text(2, value.translation);
        extra.text(3, value.note);
        extra.text(4, value.tags);
        extra.run();
    }
    for (const char *index : {"search_fts", "papers_fts", "translations_fts"})
        if (tableExists(db, index) &&
            !exec(db, std::string("INSERT INTO ") + index + "(" + index + ") VALUES ('rebuild')",
                  error))
            return false;
    for (const Trigger &trigger : triggers)
        if (!exec(db, trigger.sql, error))
            return false;
    if (!exec(db,
              "CREATE TABLE bench_meta (key TEXT PRIMARY KEY, value TEXT);"
              "INSERT INTO bench_meta VALUES ('shape', '" +
                  shapeKey(shape) +
                  "');"
                  "COMMIT; PRAGMA journal_mode = WAL;",
              error))
        return false;
    return true;
}

} // namespace

QList<QDate> announcementDays(int days)
{
    QList<QDate> dates;
    QDate date(2026, 3, 13); // a Friday
    while (dates.size() < days) {
        if (date.dayOfWeek() <= 5)
            dates.prepend(date);
        date = date.addDays(-1);
    }
    return dates;
}

QString arxivIdFor(const QDate &date, int sequence)
{
    return QStringLiteral("%1%2.%3")
        .arg(date.year() % 100, 2, 10, QLatin1Char('0'))
        .arg(date.month(), 2, 10, QLatin1Char('0'))
        .arg(sequence, 5, 10, QLatin1Char('0'));
}

bool ensureCache(const QString &path, const CacheShape &shape, CacheInfo *info, QString *error)
{
    info->dates = announcementDays(shape.days);
    if (!cacheMatches(path, shape)) {
        std::fprintf(stderr, "generating %d papers over %d days into %s\n", shape.papers,
                     shape.days, qPrintable(path));
        QElapsedTimer timer;
        timer.start();
        if (!generate(path, shape, info->dates, error))
            return false;
        info->generated = true;
        info->seconds = timer.elapsed() / 1000.0;
        std::fprintf(stderr, "  done in %.0f s\n", info->seconds);
    }
    // A cache from an older build: migrate it as the app would (timed, the copy it keeps
    // before migrating is removed again).
    Database database;
    QElapsedTimer timer;
    timer.start();
    int before = -1;
    {
        sqlite3 *db = nullptr;
        sqlite3_stmt *stmt = nullptr;
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            before = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(db);
    }
    if (before != Database::latestSchemaVersion()) {
        std::fprintf(stderr, "upgrading the cache from schema %d\n", before);
        if (!database.open(path)) {
            *error = database.error();
            return false;
        }
        database.close();
        QFile::remove(Database::backupPathFor(path, before));
        info->migrationSeconds = timer.elapsed() / 1000.0;
        std::fprintf(stderr, "  upgraded in %.1f s\n", info->migrationSeconds);
    }
    info->bytes = QFileInfo(path).size();
    return true;
}

QByteArray rssListing(TextGenerator &text, const QDate &date, int papers, int firstSequence)
{
    const QString day = QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy"));
    QByteArray xml;
    xml.reserve(papers * 2200);
    xml +=
        "<?xml version='1.0' encoding='UTF-8'?>\n<rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\""
        " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" version=\"2.0\">\n  "
        "<channel>\n"
        "    <title>cs updates on arXiv.org</title>\n    <link>http://rss.arxiv.org/rss/cs</link>\n"
        "    <description>cs updates on the arXiv.org e-print archive.</description>\n"
        "    <language>en-us</language>\n    <pubDate>";
    xml += day.toUtf8() + " 00:00:00 -0500</pubDate>\n";
    for (int i = 0; i < papers; ++i) {
        const QByteArray id = arxivIdFor(date, firstSequence + i).toUtf8();
        const bool cross = text.rng().below(5) == 0;
        xml += "    <item>\n      <title>" + QByteArray::fromStdString(text.title()) +
               "</title>\n      <link>https://arxiv.org/abs/" + id +
               "</link>\n      <description>arXiv:" + id +
               "v1 Announce Type: " + (cross ? "cross" : "new") +
               " \nAbstract: " + QByteArray::fromStdString(text.abstract()) +
               "</description>\n      <guid isPermaLink=\"false\">oai:arXiv.org:" + id +
               "v1</guid>\n";
        const std::string categories = text.categories();
        for (const QByteArray &category : QByteArray::fromStdString(categories).split(' '))
            xml += "      <category>" + category + "</category>\n";
        xml += "      <pubDate>" + day.toUtf8() +
               " 00:00:00 -0500</pubDate>\n"
               "      <arxiv:announce_type>" +
               QByteArray(cross ? "cross" : "new") +
               "</arxiv:announce_type>\n      <dc:rights>http://arxiv.org/licenses/"
               "nonexclusive-distrib/1.0/</dc:rights>\n      <dc:creator>" +
               QByteArray::fromStdString(text.authors(',')).replace(",", ", ") +
               "</dc:creator>\n    </item>\n";
    }
    xml += "  </channel>\n</rss>\n";
    return xml;
}

bool writeSnapshot(const QString &path, int lines, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    TextGenerator text(1991);
    const QList<QDate> dates = announcementDays(std::max(1, lines / 800));
    QByteArray line;
    for (int i = 0; i < lines; ++i) {
        const QDate date = dates[int(qint64(i) * dates.size() / lines)];
        const QByteArray id = arxivIdFor(date, i % 99999 + 1).toUtf8();
        QByteArray abstract = QByteArray::fromStdString(text.abstract());
        // The snapshot wraps abstracts at ~80 columns with a leading space, as arXiv does.
        for (qsizetype at = 80; at < abstract.size(); at += 81)
            if (abstract.at(at) == ' ')
                abstract[at] = '\n';
        const QByteArray created =
            QLocale::c().toString(date, QStringLiteral("ddd, d MMM yyyy")).toUtf8() +
            " 18:00:00 GMT";
        line = "{\"id\":\"" + id + "\",\"submitter\":\"A. Author\",\"authors\":\"" +
               QByteArray::fromStdString(text.authors(',')).replace(",", ", ") + "\",\"title\":\"" +
               QByteArray::fromStdString(text.title()) +
               "\",\"comments\":\"12 pages\",\"journal-ref\":null,\"doi\":null,\"report-no\":null,"
               "\"categories\":\"" +
               QByteArray::fromStdString(text.categories()) +
               "\",\"license\":null,\"abstract\":\"  " + abstract.replace("\n", "\\n") +
               "\\n\",\"versions\":[{\"version\":\"v1\",\"created\":\"" + created +
               "\"}],\"update_date\":\"" + date.toString(Qt::ISODate).toUtf8() +
               "\",\"authors_parsed\":[]}\n";
        if (file.write(line) != line.size()) {
            *error = file.errorString();
            return false;
        }
    }
    return true;
}

} // namespace paperboy::bench
