#include "store.h"

#include "core/tex_math.h"
#include "store/search_deferral.h"
#include "store/sql_values.h"
#include "store/sqlite_statement.h"

#include <sqlite3.h>

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

using sql::isoNow;
using sql::joinList;
using sql::textOrNull;

namespace {

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType(QMetaType::QString));
}

} // namespace

Store::Store(Database &database) : m_database(database) {}

QSqlQuery &Store::statement(const QString &sql)
{
    // Preparing costs more than running for one-row statements; bulk imports reuse them.
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        it = m_statements.insert(sql, query);
    }
    return it.value();
}

bool Store::fail(const QString &what) const
{
    m_error = what;
    return false;
}

QDateTime Store::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool Store::isArxivSource(const QString &source)
{
    return source.startsWith(QLatin1String("arxiv")) || source == QLatin1String("oai-pmh");
}

bool Store::upsertPaper(const Paper &paper, int rank, qint64 *paperId, bool *added, bool *changed)
{
    // Per field: a new non-empty value replaces an empty one, and replaces a known one only
    // when it comes from a source at least as authoritative.
    static const QString sql = QStringLiteral(
        "INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories,"
        " primary_category, comment, journal_ref, doi, published, updated, code_url,"
        " code_url_source, project_url, code_stars, metadata_rank)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(arxiv_id) DO UPDATE SET"
        " version = max(version, excluded.version),"
        " title = CASE WHEN excluded.title IS NOT NULL AND (title IS NULL OR "
        "excluded.metadata_rank >= metadata_rank) THEN excluded.title ELSE title END,"
        " authors = CASE WHEN excluded.authors IS NOT NULL AND (authors IS NULL OR "
        "excluded.metadata_rank >= metadata_rank) THEN excluded.authors ELSE authors END,"
        " abstract = CASE WHEN excluded.abstract IS NOT NULL AND (abstract IS NULL OR "
        "excluded.metadata_rank >= metadata_rank) THEN excluded.abstract ELSE abstract END,"
        " categories = CASE WHEN excluded.categories IS NOT NULL AND (categories IS NULL OR "
        "excluded.metadata_rank >= metadata_rank) THEN excluded.categories ELSE categories END,"
        " primary_category = CASE WHEN excluded.primary_category IS NOT NULL AND (primary_category "
        "IS NULL OR excluded.metadata_rank >= metadata_rank) THEN excluded.primary_category ELSE "
        "primary_category END,"
        " comment = coalesce(excluded.comment, comment),"
        " journal_ref = coalesce(excluded.journal_ref, journal_ref),"
        " doi = coalesce(excluded.doi, doi),"
        " published = CASE WHEN published IS NULL OR (excluded.published IS NOT NULL AND "
        "excluded.published < published) THEN excluded.published ELSE published END,"
        " updated = CASE WHEN updated IS NULL OR (excluded.updated IS NOT NULL AND "
        "excluded.updated > updated) THEN excluded.updated ELSE updated END,"
        " code_url = CASE WHEN code_url IS NULL THEN excluded.code_url ELSE code_url END,"
        " code_url_source = CASE WHEN code_url IS NULL THEN excluded.code_url_source ELSE "
        "code_url_source END,"
        " project_url = coalesce(project_url, excluded.project_url),"
        " code_stars = coalesce(excluded.code_stars, code_stars),"
        " metadata_rank = max(metadata_rank, excluded.metadata_rank)"
        " RETURNING id");
    // Raw statements, cached on the connection: this runs once per paper of every import.
    SqliteStatement &exists =
        m_database.cachedStatement(QStringLiteral("SELECT id FROM papers WHERE arxiv_id = ?"));
    exists.bindText(1, paper.arxivId);
    *added = !exists.next();
    if (!exists.error().isEmpty())
        return fail(exists.error());
    exists.reset();

    SqliteStatement &q = m_database.cachedStatement(sql);
    const QString primary = paper.primaryCategory.isEmpty() && !paper.categories.isEmpty()
                                ? paper.categories.first()
                                : paper.primaryCategory;
    q.bindText(1, paper.arxivId);
    q.bindInt(2, paper.version);
    q.bindTextOrNull(3, paper.title);
    q.bindTextOrNull(4, joinList(paper.authors));
    q.bindTextOrNull(5, paper.abstract);
    q.bindTextOrNull(6, paper.categories.join(QLatin1Char(' ')));
    q.bindTextOrNull(7, primary);
    q.bindTextOrNull(8, paper.comment);
    q.bindTextOrNull(9, paper.journalRef);
    q.bindTextOrNull(10, paper.doi);
    q.bindTextOrNull(11,
                     paper.published.isValid() ? paper.published.toString(Qt::ISODate) : QString());
    q.bindTextOrNull(12, paper.updated.isValid() ? paper.updated.toString(Qt::ISODate) : QString());
    q.bindTextOrNull(13, paper.codeUrl);
    q.bindTextOrNull(14, paper.codeUrl.isEmpty() ? QString() : paper.codeUrlSource);
    q.bindTextOrNull(15, paper.projectUrl);
    if (paper.codeStars < 0)
        q.bindNull(16);
    else
        q.bindInt(16, paper.codeStars);
    q.bindInt(17, rank);
    if (!q.next())
        return fail(QStringLiteral("saving paper %1: %2").arg(paper.arxivId, q.error()));
    *paperId = q.integer(0);
    q.reset();
    *changed = !*added;
    return true;
}

bool Store::saveDigest(const Digest &digest, ImportSummary &summary)
{
    // "No category" is stored as '' so the (date, source, category) key stays unique.
    const QString category = digest.category.isNull() ? QStringLiteral("") : digest.category;
    QSqlDatabase db = m_database.connection();
    const int rank = isArxivSource(digest.source) ? 1 : 0;

    QSqlQuery find(db);
    find.prepare(
        QStringLiteral("SELECT id FROM digests WHERE date = ? AND source = ? AND category = ?"));
    find.addBindValue(digest.date.toString(Qt::ISODate));
    find.addBindValue(digest.source);
    find.addBindValue(category);
    if (!find.exec())
        return fail(find.lastError().text());
    qint64 digestId = -1;
    int positionOffset = 0;
    const bool exists = find.next();
    if (exists)
        digestId = find.value(0).toLongLong();
    // A day only grows. A listing that lacks papers stored for this digest (a truncated copy,
    // a shorter answer) only adds the papers it brings, after the stored ones, and leaves the
    // stored entries as they are; a listing that holds them all may reorder and update them.
    int unlisted = 0;
    if (exists && !digest.additive && !countUnlisted(digestId, digest, &unlisted))
        return false;
    summary.entriesKept += unlisted;
    const bool appending = exists && (digest.additive || unlisted > 0);
    if (appending) {
        QSqlQuery last(db);
        last.prepare(QStringLiteral(
            "SELECT coalesce(max(position), 0) FROM digest_entries WHERE digest_id = ?"));
        last.addBindValue(digestId);
        if (!last.exec() || !last.next())
            return fail(last.lastError().text());
        positionOffset = last.value(0).toInt();
        QSqlQuery update(db);
        update.prepare(QStringLiteral(
            "UPDATE digests SET entry_count = entry_count + ?, imported_at = ? WHERE id = ?"));
        update.addBindValue(int(digest.entries.size()));
        update.addBindValue(isoNow(now()));
        update.addBindValue(digestId);
        if (!update.exec())
            return fail(update.lastError().text());
    } else if (exists) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE digests SET title = ?, same_as = ?, entry_count = ?,"
                                      " imported_at = ? WHERE id = ?"));
        update.addBindValue(textOrNull(digest.title));
        update.addBindValue(dateOrNull(digest.sameAs));
        update.addBindValue(int(digest.entries.size()));
        update.addBindValue(isoNow(now()));
        update.addBindValue(digestId);
        if (!update.exec())
            return fail(update.lastError().text());
    } else {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO digests (date, source, category, title, same_as,"
                                      " entry_count, imported_at) VALUES (?,?,?,?,?,?,?)"));
        insert.addBindValue(digest.date.toString(Qt::ISODate));
        insert.addBindValue(digest.source);
        insert.addBindValue(category);
        insert.addBindValue(textOrNull(digest.title));
        insert.addBindValue(dateOrNull(digest.sameAs));
        insert.addBindValue(int(digest.entries.size()));
        insert.addBindValue(isoNow(now()));
        if (!insert.exec())
            return fail(insert.lastError().text());
        digestId = insert.lastInsertId().toLongLong();
    }
    ++summary.digests;

    // A stored entry the listing repeats is updated in place; a value the listing leaves out
    // never clears one stored before.
    SqliteStatement &entry = m_database.cachedStatement(QStringLiteral(
        "INSERT INTO digest_entries (digest_id, paper_id, position, announce_type, code_url,"
        " code_url_warning, upvotes, organisation) VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT(digest_id, paper_id) DO UPDATE SET position = excluded.position,"
        " announce_type = coalesce(excluded.announce_type, announce_type),"
        " code_url_warning = CASE WHEN excluded.code_url IS NULL THEN code_url_warning"
        " ELSE excluded.code_url_warning END,"
        " code_url = coalesce(excluded.code_url, code_url),"
        " upvotes = coalesce(excluded.upvotes, upvotes),"
        " organisation = coalesce(excluded.organisation, organisation)"
        " RETURNING id"));
    QSqlQuery translation(db);
    translation.prepare(QStringLiteral(
        "INSERT INTO entry_translations (entry_id, language, title, abstract) VALUES (?,?,?,?)"
        " ON CONFLICT(entry_id, language) DO UPDATE SET title = coalesce(excluded.title, title),"
        " abstract = coalesce(excluded.abstract, abstract)"));
    QSqlQuery ai(db);
    ai.prepare(QStringLiteral(
        "INSERT INTO entry_ai_summaries (entry_id, language, tldr, motivation, method, result,"
        " conclusion, keywords) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(entry_id) DO UPDATE SET"
        " language = coalesce(excluded.language, language), tldr = coalesce(excluded.tldr, tldr),"
        " motivation = coalesce(excluded.motivation, motivation),"
        " method = coalesce(excluded.method, method), result = coalesce(excluded.result, result),"
        " conclusion = coalesce(excluded.conclusion, conclusion),"
        " keywords = coalesce(excluded.keywords, keywords)"));
    // Papers of this listing already stored in this digest: by an earlier chunk of an
    // additive load, or earlier in this very listing (the first position wins either way).
    QSet<qint64> listed;
    if (appending && !storedPaperIds(digestId, &listed))
        return false;

    for (const DigestEntry &e : digest.entries) {
        if (!e.paper.isValid())
            return fail(QStringLiteral("entry %1 of the %2 digest of %3 has no arXiv id")
                            .arg(e.position)
                            .arg(digest.source, digest.date.toString(Qt::ISODate)));
        qint64 paperId = 0;
        bool added = false;
        bool changed = false;
        if (!upsertPaper(e.paper, rank, &paperId, &added, &changed))
            return false;
        summary.papersAdded += added ? 1 : 0;
        summary.papersUpdated += changed ? 1 : 0;
        entry.bindInt(1, digestId);
        entry.bindInt(2, paperId);
        entry.bindInt(3, e.position + positionOffset);
        entry.bindTextOrNull(4, e.announceType);
        entry.bindTextOrNull(5, e.codeUrlAsGiven);
        entry.bindTextOrNull(6, e.codeUrlWarning);
        if (e.upvotes < 0)
            entry.bindNull(7);
        else
            entry.bindInt(7, e.upvotes);
        entry.bindTextOrNull(8, e.organisation);
        if (listed.contains(paperId))
            continue; // the same paper twice in one digest: the first position wins
        listed.insert(paperId);
        if (!entry.next())
            return fail(entry.error());
        const qint64 entryId = entry.integer(0);
        entry.reset();
        ++summary.entries;
        if (!e.translatedTitle.isEmpty() || !e.translatedAbstract.isEmpty()) {
            translation.addBindValue(entryId);
            translation.addBindValue(e.translationLanguage.isEmpty() ? QStringLiteral("zh")
                                                                     : e.translationLanguage);
            translation.addBindValue(textOrNull(e.translatedTitle));
            translation.addBindValue(textOrNull(e.translatedAbstract));
            if (!translation.exec())
                return fail(translation.lastError().text());
        }
        if (!e.ai.isEmpty()) {
            ai.addBindValue(entryId);
            ai.addBindValue(textOrNull(e.ai.language));
            ai.addBindValue(textOrNull(e.ai.tldr));
            ai.addBindValue(textOrNull(e.ai.motivation));
            ai.addBindValue(textOrNull(e.ai.method));
            ai.addBindValue(textOrNull(e.ai.result));
            ai.addBindValue(textOrNull(e.ai.conclusion));
            ai.addBindValue(textOrNull(joinList(e.ai.keywords)));
            if (!ai.exec())
                return fail(ai.lastError().text());
        }
    }
    QSqlQuery count(db);
    count.prepare(QStringLiteral("UPDATE digests SET entry_count = (SELECT count(*) FROM"
                                 " digest_entries WHERE digest_id = ?) WHERE id = ?"));
    count.addBindValue(digestId);
    count.addBindValue(digestId);
    if (!count.exec())
        return fail(count.lastError().text());
    return true;
}

bool Store::storedPaperIds(qint64 digestId, QSet<qint64> *paperIds)
{
    SqliteStatement &q = m_database.cachedStatement(
        QStringLiteral("SELECT paper_id FROM digest_entries WHERE digest_id = ?"));
    q.bindInt(1, digestId);
    while (q.next())
        paperIds->insert(q.integer(0));
    const QString error = q.error();
    q.reset();
    return error.isEmpty() || fail(error);
}

// How many papers stored for the digest the new listing of it lacks.
bool Store::countUnlisted(qint64 digestId, const Digest &digest, int *unlisted)
{
    QSet<QString> listing;
    for (const DigestEntry &entry : digest.entries)
        listing.insert(entry.paper.arxivId);
    SqliteStatement &q = m_database.cachedStatement(
        QStringLiteral("SELECT p.arxiv_id FROM digest_entries e JOIN papers p ON p.id = e.paper_id"
                       " WHERE e.digest_id = ?"));
    q.bindInt(1, digestId);
    *unlisted = 0;
    while (q.next())
        *unlisted += listing.contains(q.text(0)) ? 0 : 1;
    const QString error = q.error();
    q.reset();
    return error.isEmpty() || fail(error);
}

bool Store::saveDigests(const QList<Digest> &digests, const QList<Paper> &papers,
                        ImportSummary *summaryOut, const std::function<bool()> &alsoInTransaction)
{
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    QSqlDatabase db = m_database.connection();
    if (const QString error = Database::beginWrite(db); !error.isEmpty())
        return fail(QStringLiteral("cannot start a transaction: %1").arg(error));
    ImportSummary summary;
    // Papers added from here on get ids above the largest one now: rules run on them only.
    qint64 firstNewId = 1;
    {
        SqliteStatement &last =
            m_database.cachedStatement(QStringLiteral("SELECT coalesce(max(id), 0) FROM papers"));
        if (last.next())
            firstNewId = last.integer(0) + 1;
        last.reset();
    }
    // The search index is brought up to date once, before the commit (migration 005).
    bool ok =
        m_database.execScript(QStringLiteral("INSERT INTO search_deferral (id) VALUES (1)")) ||
        fail(m_database.error());
    // Kept papers of this save without a code link yet: asked again after the writes.
    QStringList saved;
    for (const Digest &digest : digests)
        for (const DigestEntry &entry : digest.entries)
            saved.append(entry.paper.arxivId);
    for (const Paper &paper : papers)
        saved.append(paper.arxivId);
    QStringList watched;
    ok = ok && keptWithoutCodeLink(saved, &watched);
    for (const Digest &digest : digests) {
        if (!digest.date.isValid()) {
            ok = fail(QStringLiteral("a %1 digest has no date").arg(digest.source));
            break;
        }
        if (digest.entries.isEmpty())
            continue; // a day without announcement: the fetch ledger records it, not the cache
        if (!(ok = saveDigest(digest, summary)))
            break;
    }
    for (qsizetype i = 0; ok && i < papers.size(); ++i) {
        qint64 id = 0;
        bool added = false;
        bool changed = false;
        ok = upsertPaper(papers[i], 1, &id, &added, &changed);
        summary.papersAdded += added ? 1 : 0;
        summary.papersUpdated += changed ? 1 : 0;
    }
    if (ok && !watched.isEmpty())
        ok = codeLinksArrived(watched, &summary.codeLinks);
    if (ok && alsoInTransaction && !alsoInTransaction())
        ok = fail(QStringLiteral("cannot record progress: %1").arg(db.lastError().text()));
    if (ok)
        ok = refreshMathSearchText();
    if (ok && !m_database.execScript(QLatin1String(kIndexPending)))
        ok = fail(QStringLiteral("cannot update the search index: %1").arg(m_database.error()));
    // The reader's rules, on the new papers, now that the index holds them: in the same
    // transaction, so an import is stored with its rules' actions or not at all.
    if (ok && summary.papersAdded > 0 && !applyRules(firstNewId, &summary.ruleActions))
        ok = fail(QStringLiteral("cannot apply the rules: %1").arg(m_error));
    if (!ok) {
        const QString error = m_error;
        db.rollback();
        return fail(error);
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(QStringLiteral("cannot commit: %1").arg(error));
    }
    if (summaryOut)
        *summaryOut = summary;
    return true;
}

// The index also holds each paper's math as a reader sees it ("48 times 48" for
// "$48\times48$", migration 008). It is computed here, in C++, for the papers this transaction
// (re)indexes, so only new and changed papers pay for it; papers stored before version 8 get
// theirs when they are stored again.
bool Store::refreshMathSearchText()
{
    SqliteStatement &pending = m_database.cachedStatement(QStringLiteral(
        "SELECT s.paper_id, p.title, p.abstract, x.math FROM search_pending s"
        " JOIN papers p ON p.id = s.paper_id LEFT JOIN search_extra x ON x.paper_id = s.paper_id"
        " WHERE p.title GLOB '*[$\\]*' OR p.abstract GLOB '*[$\\]*' OR x.math IS NOT NULL"));
    QList<std::pair<qint64, QString>> changes;
    while (pending.next()) {
        const QString math = (texMathSearchText(pending.text(1)) + QLatin1Char(' ') +
                              texMathSearchText(pending.text(2)))
                                 .trimmed();
        if (math != pending.text(3))
            changes.append({pending.integer(0), math});
    }
    const QString error = pending.error();
    pending.reset();
    if (!error.isEmpty())
        return fail(QStringLiteral("cannot read the papers to index: %1").arg(error));
    SqliteStatement &store = m_database.cachedStatement(
        QStringLiteral("INSERT INTO search_extra (paper_id, math) VALUES (?, ?)"
                       " ON CONFLICT (paper_id) DO UPDATE SET math = excluded.math"
                       " WHERE math IS NOT excluded.math"));
    for (const auto &[paperId, math] : std::as_const(changes)) {
        store.bindInt(1, paperId);
        store.bindTextOrNull(2, math);
        const bool stored = store.exec();
        const QString storeError = store.error();
        store.reset();
        if (!stored)
            return fail(QStringLiteral("cannot index math: %1").arg(storeError));
    }
    return true;
}

QList<DaySummary> Store::days() const
{
    // Counts come from day_counts (kept by triggers, migration 005), so the sidebar costs the
    // same at a thousand papers as at a million: one row per digest, one per day.
    QList<DaySummary> result;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT g.date, coalesce(c.papers, 0), coalesce(c.papers - c.read, 0), g.sources,"
            " g.categories, g.same_as"
            " FROM (SELECT date, group_concat(DISTINCT source) AS sources,"
            "   group_concat(DISTINCT category) AS categories, max(same_as) AS same_as,"
            "   max(EXISTS (SELECT 1 FROM digest_entries e WHERE e.digest_id = d.id)) AS listed"
            "   FROM digests d GROUP BY date) g"
            " LEFT JOIN day_counts c ON c.date = g.date"
            " WHERE g.listed ORDER BY g.date DESC"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        DaySummary day;
        day.date = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        day.papers = q.value(1).toInt();
        day.unread = q.value(2).toInt();
        day.sources = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        static const QRegularExpression separators(QStringLiteral("[, ]"));
        day.categories = q.value(4).toString().split(separators, Qt::SkipEmptyParts);
        day.categories.removeDuplicates();
        day.sameAs = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        result.append(day);
    }
    return result;
}

QList<CategoryCount> Store::categories() const
{
    QList<CategoryCount> result;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT primary_category, count(*) FROM papers"
                               " WHERE primary_category IS NOT NULL GROUP BY primary_category"
                               " ORDER BY primary_category"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toInt()});
    return result;
}

std::optional<Digest> Store::previousDigest(const Digest &digest) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, date FROM digests WHERE source = ? AND category = ?"
                             " AND date < ? ORDER BY date DESC LIMIT 1"));
    q.addBindValue(digest.source);
    q.addBindValue(digest.category);
    q.addBindValue(digest.date.toString(Qt::ISODate));
    if (!q.exec() || !q.next())
        return std::nullopt;
    Digest previous;
    previous.source = digest.source;
    previous.category = digest.category;
    previous.date = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    QSqlQuery entries(m_database.connection());
    entries.prepare(QStringLiteral("SELECT p.arxiv_id, e.position FROM digest_entries e"
                                   " JOIN papers p ON p.id = e.paper_id WHERE e.digest_id = ?"
                                   " ORDER BY e.position"));
    entries.addBindValue(q.value(0));
    if (!entries.exec())
        return std::nullopt;
    while (entries.next()) {
        DigestEntry entry;
        entry.paper.arxivId = entries.value(0).toString();
        entry.position = entries.value(1).toInt();
        previous.entries.append(entry);
    }
    return previous;
}

bool Store::hasPapers() const
{
    // count(*) walks a million-row index (~70 ms); the first row answers the question.
    QSqlQuery q(m_database.connection());
    return q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM papers)")) && q.next() &&
           q.value(0).toBool();
}

int Store::paperCount() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM papers")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Store::hasPaper(const QString &arxivId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM papers WHERE arxiv_id = ?"));
    q.addBindValue(arxivId);
    return q.exec() && q.next();
}

} // namespace paperboy
