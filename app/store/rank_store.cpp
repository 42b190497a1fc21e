#include "rank_store.h"

#include "store/sql_values.h"
#include "store/sqlite_statement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace paperboy {

namespace {

// The columns RankText is read from; `p` is the paper. The Chinese is the newest translation
// any digest gave (by row id), else the user's own (issue #17), title and abstract on
// separate lines. Machine translations are left out: the translator runs on its own for
// starred papers, so having one would itself say "starred" and teach the model that papers
// with Chinese are interesting.
const char kTextColumns[] =
    "p.id, p.title, p.authors, p.abstract,"
    " coalesce((SELECT coalesce(t.title, '') || char(10) || coalesce(t.abstract, '')"
    "   FROM digest_entries e JOIN entry_translations t ON t.entry_id = e.id"
    "   WHERE e.paper_id = p.id ORDER BY t.id DESC LIMIT 1),"
    "  (SELECT coalesce(u.title, '') || char(10) || coalesce(u.abstract, '')"
    "   FROM user_translations u WHERE u.arxiv_id = p.arxiv_id AND u.language = 'zh'))";

RankText readText(const SqliteStatement &q)
{
    RankText text;
    text.paperId = q.integer(0);
    text.title = q.text(1);
    text.authors = sql::splitList(q.text(2));
    text.abstract = q.text(3);
    text.translation = q.text(4).trimmed();
    return text;
}

} // namespace

bool RankStore::fail(const QString &error) const
{
    m_error = error;
    return false;
}

std::optional<StoredVocabulary> RankStore::vocabulary(bool terms) const
{
    m_error.clear();
    QSqlQuery state(m_database.connection());
    if (!state.exec(QStringLiteral("SELECT key, value FROM rank_state"))) {
        fail(state.lastError().text());
        return std::nullopt;
    }
    StoredVocabulary vocabulary;
    bool fitted = false;
    while (state.next()) {
        const QString key = state.value(0).toString();
        if (key == QLatin1String("english_terms")) {
            vocabulary.englishSize = state.value(1).toInt();
            fitted = true;
        } else if (key == QLatin1String("fitted_at")) {
            vocabulary.fittedAt = state.value(1).toLongLong();
        } else if (key == QLatin1String("version")) {
            vocabulary.version = state.value(1).toInt();
        }
    }
    if (!fitted || !terms)
        return fitted ? std::optional(vocabulary) : std::nullopt;
    SqliteStatement q(m_database.handle(), QStringLiteral("SELECT term, idf FROM rank_terms"
                                                          " ORDER BY id"));
    while (q.next()) {
        vocabulary.terms.append(q.text(0));
        vocabulary.idf.append(float(q.real(1)));
    }
    if (!q.error().isEmpty()) {
        fail(q.error());
        return std::nullopt;
    }
    return vocabulary;
}

bool RankStore::replaceVocabulary(const StoredVocabulary &vocabulary)
{
    m_error.clear();
    QSqlDatabase db = m_database.connection();
    if (const QString error = Database::beginWrite(db); !error.isEmpty())
        return fail(error);
    auto rollback = [&](const QString &error) {
        db.rollback();
        return fail(error);
    };
    // Unconditional deletes: SQLite empties the tables without visiting their rows.
    if (!m_database.execScript(QStringLiteral("DELETE FROM rank_features; DELETE FROM rank_stale;"
                                              " DELETE FROM rank_terms; DELETE FROM rank_state;")))
        return rollback(m_database.error());
    SqliteStatement insert(m_database.handle(),
                           QStringLiteral("INSERT INTO rank_terms (id, term, idf) VALUES (?,?,?)"));
    for (qsizetype i = 0; i < vocabulary.terms.size(); ++i) {
        insert.bindInt(1, i);
        insert.bindText(2, vocabulary.terms.at(i));
        insert.bindReal(3, double(vocabulary.idf.value(i, 1.0f)));
        if (!insert.exec())
            return rollback(insert.error());
    }
    SqliteStatement state(m_database.handle(),
                          QStringLiteral("INSERT INTO rank_state (key, value) VALUES (?,?)"));
    const std::pair<const char *, qint64> values[] = {{"english_terms", vocabulary.englishSize},
                                                      {"fitted_at", vocabulary.fittedAt},
                                                      {"version", vocabulary.version}};
    for (const auto &[key, value] : values) {
        state.bindText(1, QLatin1String(key));
        state.bindInt(2, value);
        if (!state.exec())
            return rollback(state.error());
    }
    if (!db.commit())
        return rollback(db.lastError().text());
    return true;
}

QList<qint64> RankStore::ids(const QString &sql, const QVariantList &bindings) const
{
    m_error.clear();
    QList<qint64> result;
    SqliteStatement q(m_database.handle(), sql);
    for (qsizetype i = 0; i < bindings.size(); ++i)
        q.bind(int(i + 1), bindings.at(i));
    while (q.next())
        result.append(q.integer(0));
    if (!q.error().isEmpty())
        fail(q.error());
    return result;
}

qint64 RankStore::maxPaperId() const
{
    const QList<qint64> max = ids(QStringLiteral("SELECT coalesce(max(id), 0) FROM papers"));
    return max.value(0);
}

qint64 RankStore::lastVectorPaperId() const
{
    const QList<qint64> max =
        ids(QStringLiteral("SELECT coalesce(max(paper_id), 0) FROM rank_features"));
    return max.value(0);
}

int RankStore::staleCount() const
{
    return int(ids(QStringLiteral("SELECT count(*) FROM rank_stale")).value(0));
}

QList<RankText> RankStore::texts(const QString &where, const QVariantList &bindings) const
{
    m_error.clear();
    QList<RankText> result;
    SqliteStatement q(m_database.handle(),
                      QStringLiteral("SELECT ") + QLatin1String(kTextColumns) + where);
    for (qsizetype i = 0; i < bindings.size(); ++i)
        q.bind(int(i + 1), bindings.at(i));
    while (q.next())
        result.append(readText(q));
    if (!q.error().isEmpty())
        fail(q.error());
    return result;
}

QList<RankText> RankStore::textsAfter(qint64 afterId, int limit) const
{
    return texts(QStringLiteral(" FROM papers p WHERE p.id > ? ORDER BY p.id LIMIT ?"),
                 {afterId, limit});
}

QList<RankText> RankStore::staleTexts(int limit) const
{
    return texts(QStringLiteral(" FROM rank_stale s JOIN papers p ON p.id = s.paper_id"
                                " ORDER BY s.paper_id LIMIT ?"),
                 {limit});
}

QList<RankText> RankStore::textsOf(const QList<qint64> &paperIds) const
{
    m_error.clear();
    QList<RankText> result;
    SqliteStatement q(m_database.handle(), QStringLiteral("SELECT ") + QLatin1String(kTextColumns) +
                                               QStringLiteral(" FROM papers p WHERE p.id = ?"));
    for (const qint64 id : paperIds) {
        q.reset();
        q.bindInt(1, id);
        if (q.next())
            result.append(readText(q));
        if (!q.error().isEmpty()) {
            fail(q.error());
            break;
        }
    }
    return result;
}

QList<RankText> RankStore::sampleTexts(int count) const
{
    // Evenly spaced ids looked up one by one: a scan testing every row would read every
    // abstract of a large library.
    const qint64 last = maxPaperId();
    if (last <= 0 || count <= 0)
        return {};
    QList<qint64> wanted;
    const double step = std::max(1.0, double(last) / count);
    for (double id = last; id >= 1 && wanted.size() < count; id -= step)
        wanted.prepend(qint64(id));
    return textsOf(wanted);
}

int RankStore::buildVectors(int limit, const Vectorizer &vectorize)
{
    m_error.clear();
    QSqlDatabase db = m_database.connection();
    if (const QString error = Database::beginWrite(db); !error.isEmpty()) {
        fail(error);
        return -1;
    }
    QList<RankText> pending = textsAfter(lastVectorPaperId(), limit);
    if (pending.isEmpty() && m_error.isEmpty())
        pending = staleTexts(limit);
    if (!m_error.isEmpty()) {
        const QString error = m_error;
        db.rollback();
        fail(error);
        return -1;
    }
    QList<std::pair<qint64, QByteArray>> vectors;
    vectors.reserve(pending.size());
    for (const RankText &text : std::as_const(pending))
        vectors.append({text.paperId, vectorize(text)});
    if (!saveVectors(vectors)) {
        const QString error = m_error;
        db.rollback();
        fail(error);
        return -1;
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        fail(error);
        return -1;
    }
    return int(vectors.size());
}

bool RankStore::saveVectors(const QList<std::pair<qint64, QByteArray>> &vectors)
{
    m_error.clear();
    SqliteStatement &save = m_database.cachedStatement(
        QStringLiteral("INSERT OR REPLACE INTO rank_features (paper_id, vector) VALUES (?,?)"));
    SqliteStatement &fresh =
        m_database.cachedStatement(QStringLiteral("DELETE FROM rank_stale WHERE paper_id = ?"));
    for (const auto &[id, vector] : vectors) {
        save.reset();
        save.bindInt(1, id);
        save.bindBlob(2, vector);
        if (!save.exec())
            return fail(save.error());
        fresh.reset();
        fresh.bindInt(1, id);
        if (!fresh.exec())
            return fail(fresh.error());
    }
    return true;
}

QSet<qint64> RankStore::staleIds() const
{
    const QList<qint64> list = ids(QStringLiteral("SELECT paper_id FROM rank_stale"));
    return QSet<qint64>(list.begin(), list.end());
}

bool RankStore::readVectors(const QList<qint64> &paperIds, const VectorSink &sink) const
{
    m_error.clear();
    const QSet<qint64> stale = staleIds();
    // One statement per chunk of ids (kChunk placeholders, the last chunk padded with its
    // last id): a statement per paper cost ~8 µs each, a For You of 30 days reads 30,000.
    constexpr int kChunk = 500;
    static const QString sql = [] {
        QString text = QStringLiteral("SELECT paper_id, vector FROM rank_features"
                                      " WHERE paper_id IN (?");
        for (int i = 1; i < kChunk; ++i)
            text += QStringLiteral(",?");
        return text + QLatin1Char(')');
    }();
    QList<qint64> wanted;
    wanted.reserve(paperIds.size());
    for (const qint64 id : paperIds)
        if (!stale.contains(id))
            wanted.append(id);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    SqliteStatement &q = m_database.cachedStatement(sql);
    for (qsizetype start = 0; start < wanted.size(); start += kChunk) {
        q.reset();
        for (int i = 0; i < kChunk; ++i)
            q.bindInt(i + 1, wanted.at(std::min(start + i, wanted.size() - 1)));
        while (q.next())
            sink(q.integer(0), q.blob(1));
        if (!q.error().isEmpty()) {
            const QString error = q.error();
            q.reset();
            return fail(error);
        }
    }
    q.reset();
    return true;
}

bool RankStore::readAllVectors(const VectorSink &sink, int limit) const
{
    m_error.clear();
    const QSet<qint64> stale = staleIds();
    SqliteStatement q(m_database.handle(),
                      QStringLiteral("SELECT paper_id, vector FROM rank_features"
                                     " ORDER BY paper_id DESC LIMIT ?"));
    q.bindInt(1, limit > 0 ? limit : -1);
    while (q.next()) {
        const qint64 id = q.integer(0);
        if (!stale.contains(id))
            sink(id, q.blob(1));
    }
    return q.error().isEmpty() || fail(q.error());
}

QList<qint64> RankStore::starredIds() const
{
    // Newest first by when they were starred (ids break ties): a model learns from the
    // newest ones, the reader's interests now.
    return ids(QStringLiteral("SELECT p.id FROM user_papers u JOIN papers p"
                              " ON p.arxiv_id = u.arxiv_id WHERE u.starred = 1"
                              " ORDER BY u.starred_changed DESC, p.id DESC"));
}

QList<qint64> RankStore::taggedIds(const QString &tag) const
{
    return ids(QStringLiteral("SELECT p.id FROM user_tags t JOIN papers p"
                              " ON p.arxiv_id = t.arxiv_id WHERE t.tag = ? COLLATE NOCASE"
                              " GROUP BY p.id ORDER BY max(t.added) DESC, p.id DESC"),
               {tag.simplified()});
}

int RankStore::starredCount() const
{
    return int(ids(QStringLiteral("SELECT count(*) FROM user_papers u JOIN papers p"
                                  " ON p.arxiv_id = u.arxiv_id WHERE u.starred = 1"))
                   .value(0));
}

int RankStore::taggedCount(const QString &tag) const
{
    return int(ids(QStringLiteral("SELECT count(DISTINCT p.id) FROM user_tags t JOIN papers p"
                                  " ON p.arxiv_id = t.arxiv_id WHERE t.tag = ? COLLATE NOCASE"),
                   {tag.simplified()})
                   .value(0));
}

QList<qint64> RankStore::dismissedIds() const
{
    // CROSS JOIN keeps the dismissals outside: without statistics SQLite chose to scan every
    // paper and look each up among the dismissals (100 ms at a million papers, none dismissed).
    return ids(QStringLiteral("SELECT p.id FROM user_dismissals d CROSS JOIN papers p"
                              " ON p.arxiv_id = d.arxiv_id WHERE d.dismissed = 1 ORDER BY p.id"));
}

std::optional<qint64> RankStore::paperId(const QString &arxivId) const
{
    const QList<qint64> found =
        ids(QStringLiteral("SELECT id FROM papers WHERE arxiv_id = ?"), {arxivId});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QHash<QString, qint64> RankStore::paperIds(const QStringList &arxivIds) const
{
    QHash<QString, qint64> result;
    SqliteStatement &q =
        m_database.cachedStatement(QStringLiteral("SELECT id FROM papers WHERE arxiv_id = ?"));
    for (const QString &arxivId : arxivIds) {
        q.reset();
        q.bindText(1, arxivId);
        if (q.next())
            result.insert(arxivId, q.integer(0));
    }
    q.reset();
    return result;
}

QHash<qint64, QString> RankStore::arxivIds(const QList<qint64> &paperIds) const
{
    QHash<qint64, QString> result;
    SqliteStatement &q =
        m_database.cachedStatement(QStringLiteral("SELECT arxiv_id FROM papers WHERE id = ?"));
    for (const qint64 id : paperIds) {
        q.reset();
        q.bindInt(1, id);
        if (q.next())
            result.insert(id, q.text(0));
    }
    q.reset();
    return result;
}

namespace {
// Papers a digest dated ?1..?2 listed, unread, not starred, not dismissed (For You's candidates).
const char kUnreadListed[] =
    " FROM digests d JOIN digest_entries e ON e.digest_id = d.id"
    " JOIN papers p ON p.id = e.paper_id"
    " WHERE d.date BETWEEN ? AND ?"
    " AND NOT EXISTS (SELECT 1 FROM user_papers u WHERE u.arxiv_id = p.arxiv_id"
    "   AND (u.read = 1 OR u.starred = 1))"
    " AND NOT EXISTS (SELECT 1 FROM user_dismissals x WHERE x.arxiv_id = p.arxiv_id"
    "   AND x.dismissed = 1)";
} // namespace

QList<qint64> RankStore::unreadListed(const QDate &from, const QDate &to) const
{
    return ids(QStringLiteral("SELECT DISTINCT e.paper_id") + QLatin1String(kUnreadListed),
               {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
}

int RankStore::unreadListedCount(const QDate &from, const QDate &to) const
{
    return int(
        ids(QStringLiteral("SELECT count(DISTINCT e.paper_id)") + QLatin1String(kUnreadListed),
            {from.toString(Qt::ISODate), to.toString(Qt::ISODate)})
            .value(0));
}

QList<qint64> RankStore::listedOn(const QDate &date) const
{
    return ids(QStringLiteral("SELECT DISTINCT e.paper_id FROM digests d JOIN digest_entries e"
                              " ON e.digest_id = d.id WHERE d.date = ?"),
               {date.toString(Qt::ISODate)});
}

QDate RankStore::newestDigestDate() const
{
    SqliteStatement q(m_database.handle(),
                      QStringLiteral("SELECT max(date) FROM digests d WHERE EXISTS"
                                     " (SELECT 1 FROM digest_entries e WHERE e.digest_id = d.id)"));
    return q.next() ? QDate::fromString(q.text(0), Qt::ISODate) : QDate();
}

} // namespace paperboy
