#pragma once

// A real library for the targets that write one (the store, restore): a template with a
// stored day and user data on it is built once; each input gets a fresh copy in a RAM-backed
// folder, opened through the real Database. Dumps compare tables by their natural keys, and
// the derived tables (search index, day counts) are checked against what they derive from.

#include "core/paper.h"
#include "fuzz_common.h"
#include "search/smart_views.h"
#include "store/database.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <memory>

namespace paperboy::fuzz {

// The clock every write of a target reads: stored timestamps are then the same each time.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2024, 3, 20), QTime(9, 0), Qt::UTC);
}

inline QStringList dumpRows(const QSqlDatabase &db, const QString &sql)
{
    QStringList rows;
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        fail("a dump query failed");
    }
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        rows.append(fields.join(QLatin1Char('|')));
    }
    return rows;
}

inline bool hasTable(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

// Everything the user wrote, every kind of it the schema has.
inline QStringList userRows(const QSqlDatabase &db)
{
    QStringList rows =
        dumpRows(db, QStringLiteral("SELECT * FROM user_papers ORDER BY arxiv_id")) +
        dumpRows(db, QStringLiteral("SELECT * FROM user_tags ORDER BY arxiv_id, tag")) +
        dumpRows(db, QStringLiteral("SELECT * FROM saved_searches ORDER BY name"));
    if (hasTable(db, QStringLiteral("note_history")))
        rows += dumpRows(db, QStringLiteral("SELECT * FROM note_history ORDER BY 1"));
    return rows;
}

// The cache by natural keys (surrogate ids of rows a save may delete and insert again are
// left out). The day counts count read marks and the search rows hold notes and tags, so a
// restore may change them: it leaves both out and checks them with checkDerived().
inline QStringList cacheRows(const QSqlDatabase &db, bool withDayCounts = true)
{
    const QString digestKey = QStringLiteral("d.date, d.source, d.category");
    return dumpRows(db, QStringLiteral("SELECT * FROM papers ORDER BY arxiv_id")) +
           dumpRows(db, QStringLiteral("SELECT date, source, category, title, same_as,"
                                       " entry_count, imported_at FROM digests"
                                       " ORDER BY date, source, category")) +
           dumpRows(db, QStringLiteral("SELECT %1, p.arxiv_id, e.position, e.announce_type,"
                                       " e.code_url, e.code_url_warning, e.upvotes,"
                                       " e.organisation FROM digest_entries e"
                                       " JOIN digests d ON d.id = e.digest_id"
                                       " JOIN papers p ON p.id = e.paper_id ORDER BY %1,"
                                       " p.arxiv_id")
                            .arg(digestKey)) +
           dumpRows(db, QStringLiteral("SELECT %1, p.arxiv_id, t.language, t.title, t.abstract"
                                       " FROM entry_translations t"
                                       " JOIN digest_entries e ON e.id = t.entry_id"
                                       " JOIN digests d ON d.id = e.digest_id"
                                       " JOIN papers p ON p.id = e.paper_id ORDER BY %1,"
                                       " p.arxiv_id, t.language")
                            .arg(digestKey)) +
           dumpRows(db, QStringLiteral("SELECT %1, p.arxiv_id, a.language, a.tldr,"
                                       " a.motivation, a.method, a.result, a.conclusion,"
                                       " a.keywords FROM entry_ai_summaries a"
                                       " JOIN digest_entries e ON e.id = a.entry_id"
                                       " JOIN digests d ON d.id = e.digest_id"
                                       " JOIN papers p ON p.id = e.paper_id ORDER BY %1,"
                                       " p.arxiv_id")
                            .arg(digestKey)) +
           (withDayCounts
                ? dumpRows(db, QStringLiteral("SELECT * FROM search_extra ORDER BY paper_id"))
                : dumpRows(db, QStringLiteral("SELECT paper_id, translation, summary"
                                              " FROM search_extra ORDER BY paper_id"))) +
           (withDayCounts ? dumpRows(db, QStringLiteral("SELECT * FROM day_counts ORDER BY date"))
                          : QStringList());
}

// The (digest, paper) pairs stored: what a reader finds listed on each day.
inline QStringList storedListings(const QSqlDatabase &db)
{
    return dumpRows(db, QStringLiteral("SELECT d.date || '|' || d.source || '|' || d.category"
                                       " || '|' || p.arxiv_id FROM digest_entries e"
                                       " JOIN digests d ON d.id = e.digest_id"
                                       " JOIN papers p ON p.id = e.paper_id ORDER BY 1"));
}

// The derived tables agree with what they derive from.
inline void checkDerived(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"))) {
        std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
        fail("the search index does not match the library");
    }
    const QStringList counted =
        dumpRows(db, QStringLiteral("SELECT date, papers, read FROM day_counts"
                                    " WHERE papers <> 0 OR read <> 0 ORDER BY date"));
    const QStringList recounted = dumpRows(
        db, QStringLiteral(
                "SELECT d.date, count(DISTINCT e.paper_id), count(DISTINCT CASE WHEN u.read = 1"
                " THEN e.paper_id END) FROM digests d JOIN digest_entries e"
                " ON e.digest_id = d.id JOIN papers p ON p.id = e.paper_id"
                " LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id WHERE d.same_as IS NULL"
                " GROUP BY d.date ORDER BY d.date"));
    if (counted != recounted) {
        std::fprintf(stderr, "day_counts:\n  %s\nrecounted:\n  %s\n",
                     qPrintable(counted.join(QStringLiteral("\n  "))),
                     qPrintable(recounted.join(QStringLiteral("\n  "))));
        fail("day counts differ from the digests they count");
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")) || q.next())
        fail("a row points at nothing");
}

inline QString ramFolder()
{
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                     : QDir::tempPath();
}

// The template: one stored day (arXiv's listing and a Chinese digest of it) and user data on
// papers in and out of the cache.
inline void fillTemplate(Database &database)
{
    Store store(database);
    store.setClock(fixedNow);
    Digest rss;
    rss.date = QDate(2024, 3, 14);
    rss.source = QStringLiteral("arxiv-rss");
    rss.category = QStringLiteral("cs.CV");
    Digest zh = rss;
    zh.source = QStringLiteral("meiri-xueshu-sudi");
    const QStringList ids{QStringLiteral("2306.01667"), QStringLiteral("2306.05544"),
                          QStringLiteral("2403.09123")};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        DigestEntry entry;
        entry.position = int(i + 1);
        entry.paper.arxivId = ids.at(i);
        entry.paper.title = QStringLiteral("Paper %1 on $\\alpha$-blending").arg(i + 1);
        entry.paper.authors = {QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing")};
        entry.paper.abstract = QStringLiteral("We study things, number %1.").arg(i + 1);
        entry.paper.categories = {QStringLiteral("cs.CV")};
        entry.paper.published = QDate(2024, 3, 13);
        entry.announceType = QStringLiteral("new");
        rss.entries.append(entry);
        entry.translationLanguage = QStringLiteral("zh");
        entry.translatedTitle = QStringLiteral("论文 %1").arg(i + 1);
        entry.codeUrlAsGiven = QStringLiteral("https://github.com/example/p%1").arg(i + 1);
        zh.entries.append(entry);
    }
    if (!store.saveDigests({rss, zh}))
        fail("cannot store the template's digests");
    SmartViews views(store);
    views.setClock(fixedNow);
    const bool ok =
        store.setStarred(QStringLiteral("2306.05544"), true) &&
        store.setNote(QStringLiteral("2306.01667"), QStringLiteral("check Table 2")) &&
        store.addTags(QStringLiteral("2306.01667"),
                      {QStringLiteral("to-read"), QStringLiteral("group meeting")}) &&
        store.setRead(QStringLiteral("2403.09123"), true) &&
        store.setRead(QStringLiteral("2403.09124"), true) &&
        store.setNote(QStringLiteral("math/0211159"), QStringLiteral("old favourite")) &&
        store.addTags(QStringLiteral("hep-th/9901001"), {QStringLiteral("strings")}) &&
        views.saveSearch(QStringLiteral("diffusion"), QStringLiteral("diffusion is:starred"));
    if (!ok)
        fail("cannot write the template's user data");
}

class LibraryCopies
{
public:
    LibraryCopies() : m_dir(ramFolder() + QStringLiteral("/paperboy-fuzz-XXXXXX"))
    {
        if (!m_dir.isValid())
            fail("no temporary folder");
        Database database;
        if (!database.open(templatePath()))
            fail("cannot create the template library");
        fillTemplate(database);
        database.close(); // the last connection: SQLite folds the WAL into the file
    }

    // A fresh copy of the template, open.
    std::unique_ptr<Database> fresh()
    {
        const QString path = m_dir.filePath(QStringLiteral("work.sqlite"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (!QFile::copy(templatePath(), path))
            fail("cannot copy the template library");
        auto database = std::make_unique<Database>();
        if (!database->open(path))
            fail("cannot open a copy of the template library");
        return database;
    }

private:
    QString templatePath() const { return m_dir.filePath(QStringLiteral("template.sqlite")); }

    QTemporaryDir m_dir;
};

inline LibraryCopies &libraryCopies()
{
    // Destroyed at exit, which takes the folder with it (a crash leaves it in /dev/shm).
    static LibraryCopies copies;
    return copies;
}

} // namespace paperboy::fuzz
