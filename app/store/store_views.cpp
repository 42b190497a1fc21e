// Reading papers as the window and the command line show them: one day's list, the smart
// views, single papers and search results, each row joined with its translation, AI summary
// and the user's own data.

#include "store.h"

#include "store/sql_values.h"
#include "store/sqlite_statement.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

using sql::splitList;

namespace {

// Most rows have no user dates: skip the parser for empty text.
QDate isoDate(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

QDateTime isoDateTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// Columns shared by every paper view query; readView() depends on this order. Needs the
// joins of kViewJoins.
const char kViewColumns[] =
    "p.arxiv_id, p.version, p.title, p.authors, p.abstract, p.categories, p.primary_category,"
    " p.comment, p.journal_ref, p.doi, p.published, p.updated, p.code_url, p.code_url_source,"
    " p.project_url, p.code_stars,"
    " e.position, e.announce_type, e.code_url, e.code_url_warning, e.upvotes, e.organisation,"
    " d.date, d.source, d.category,"
    " t.language, t.title, t.abstract,"
    " a.language, a.tldr, a.motivation, a.method, a.result, a.conclusion, a.keywords,"
    " u.starred, u.read, u.note, u.starred_changed, u.read_changed, u.note_changed,"
    " CASE WHEN x.tags IS NOT NULL THEN (SELECT group_concat(tag, char(31)) FROM"
    "   (SELECT tag FROM user_tags WHERE arxiv_id = p.arxiv_id ORDER BY tag)) END,"
    " ut.title, ut.abstract, ut.changed,"
    " mt.title, mt.abstract, mt.provider, mt.model, mt.created, mt.source_hash, mt.stale,"
    " EXISTS (SELECT 1 FROM user_dismissals xd WHERE xd.arxiv_id = p.arxiv_id"
    "   AND xd.dismissed = 1),"
    " EXISTS (SELECT 1 FROM user_highlights xh WHERE xh.arxiv_id = p.arxiv_id)";

// Translations and AI summaries are looked up across all of the paper's entries, preferring
// the entry being shown: a Chinese title from one digest helps the reader in every digest.
// search_extra (migration 003) has a row only for papers with a translation, a summary, a
// note or tags: most papers skip the four lookups through it.
const char kViewJoins[] =
    " LEFT JOIN search_extra x ON x.paper_id = p.id"
    " LEFT JOIN entry_translations t ON x.translation IS NOT NULL AND t.id = coalesce("
    "   (SELECT id FROM entry_translations WHERE entry_id = e.id ORDER BY id LIMIT 1),"
    "   (SELECT t2.id FROM digest_entries e2 JOIN entry_translations t2 ON t2.entry_id = e2.id"
    "    WHERE e2.paper_id = p.id ORDER BY t2.id DESC LIMIT 1))"
    " LEFT JOIN entry_ai_summaries a ON x.summary IS NOT NULL AND a.entry_id = coalesce("
    "   (SELECT entry_id FROM entry_ai_summaries WHERE entry_id = e.id),"
    "   (SELECT e3.id FROM digest_entries e3 JOIN entry_ai_summaries a3 ON a3.entry_id = e3.id"
    "    WHERE e3.paper_id = p.id ORDER BY e3.id DESC LIMIT 1))"
    " LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id"
    // The user's and the machine's Chinese (migration 011) are in search_extra.translation
    // too: papers without any translation skip both lookups.
    " LEFT JOIN user_translations ut ON x.translation IS NOT NULL AND ut.arxiv_id = p.arxiv_id"
    "   AND ut.language = 'zh'"
    " LEFT JOIN machine_translations mt ON x.translation IS NOT NULL AND mt.paper_id = p.id"
    "   AND mt.language = 'zh'";

PaperView readView(const SqliteStatement &q)
{
    PaperView view;
    Paper &p = view.paper;
    p.arxivId = q.text(0);
    p.version = int(q.integer(1));
    p.title = q.text(2);
    p.authors = splitList(q.text(3));
    p.abstract = q.text(4);
    p.categories = q.text(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    p.primaryCategory = q.text(6);
    p.comment = q.text(7);
    p.journalRef = q.text(8);
    p.doi = q.text(9);
    p.published = isoDate(q.text(10));
    p.updated = isoDate(q.text(11));
    p.codeUrl = q.text(12);
    p.codeUrlSource = q.text(13);
    p.projectUrl = q.text(14);
    p.codeStars = q.isNull(15) ? -1 : int(q.integer(15));
    DigestEntry &e = view.entry;
    e.position = int(q.integer(16));
    e.announceType = q.text(17);
    e.codeUrlAsGiven = q.text(18);
    e.codeUrlWarning = q.text(19);
    e.upvotes = q.isNull(20) ? -1 : int(q.integer(20));
    e.organisation = q.text(21);
    view.digestDate = isoDate(q.text(22));
    view.digestSource = q.text(23);
    view.digestCategory = q.text(24);
    e.translationLanguage = q.text(25);
    e.translatedTitle = q.text(26);
    e.translatedAbstract = q.text(27);
    e.ai.language = q.text(28);
    e.ai.tldr = q.text(29);
    e.ai.motivation = q.text(30);
    e.ai.method = q.text(31);
    e.ai.result = q.text(32);
    e.ai.conclusion = q.text(33);
    e.ai.keywords = splitList(q.text(34));
    UserState &u = view.user;
    u.starred = int(q.integer(35)) != 0;
    u.read = int(q.integer(36)) != 0;
    u.note = q.text(37);
    u.starredChanged = isoDateTime(q.text(38));
    u.readChanged = isoDateTime(q.text(39));
    u.noteChanged = isoDateTime(q.text(40));
    u.tags = splitList(q.text(41));
    if (!q.isNull(44)) { // changed is NOT NULL in every row
        UserTranslation &ut = view.user.translation;
        ut.language = QStringLiteral("zh");
        ut.title = q.text(42);
        ut.abstract = q.text(43);
        ut.changed = isoDateTime(q.text(44));
    }
    if (!q.isNull(47)) { // provider is NOT NULL in every row
        MachineTranslation &mt = view.machineTranslation;
        mt.language = QStringLiteral("zh");
        mt.title = q.text(45);
        mt.abstract = q.text(46);
        mt.provider = q.text(47);
        mt.model = q.text(48);
        mt.created = isoDateTime(q.text(49));
        mt.sourceHash = q.text(50);
        mt.stale = q.integer(51) != 0;
    }
    u.dismissed = q.integer(52) != 0;
    u.highlighted = q.integer(53) != 0;
    return view;
}

bool matchesCategories(const PaperView &view, const QStringList &wanted)
{
    if (wanted.isEmpty())
        return true;
    const QStringList own = view.paper.categories.isEmpty()
                                ? view.digestCategory.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                : view.paper.categories;
    for (const QString &category : own)
        if (wanted.contains(category))
            return true;
    return false;
}

} // namespace

QList<PaperView> Store::viewsWhere(const QString &condition, const QVariantList &bindings,
                                   const QString &order, int limit) const
{
    QList<PaperView> result;
    QString sql = QStringLiteral("SELECT ") + QLatin1String(kViewColumns) +
                  QStringLiteral(" FROM papers p"
                                 " LEFT JOIN digest_entries e ON e.id = (SELECT max(id) FROM"
                                 "   digest_entries WHERE paper_id = p.id)"
                                 " LEFT JOIN digests d ON d.id = e.digest_id") +
                  QLatin1String(kViewJoins) + QStringLiteral(" WHERE ") + condition +
                  QStringLiteral(" ORDER BY ") + order;
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    SqliteStatement q(m_database.handle(), sql);
    if (!q.isValid()) {
        fail(q.error());
        return result;
    }
    for (int i = 0; i < bindings.size(); ++i)
        q.bind(i + 1, bindings.at(i));
    while (q.next())
        result.append(readView(q));
    if (!q.error().isEmpty())
        fail(q.error());
    markFollowed(result);
    return result;
}

QList<PaperView> Store::dayPapers(const QDate &date, const QStringList &categories) const
{
    // One pass per digest, in id order, each walking digest_entries_by_digest in position
    // order: a single query ordered by (digest, position) made SQLite sort every row, whole
    // abstracts included.
    QList<PaperView> result;
    QList<qint64> digestIds;
    qsizetype entries = 0;
    {
        SqliteStatement &digests = m_database.cachedStatement(
            QStringLiteral("SELECT id, entry_count FROM digests WHERE date = ? ORDER BY id"));
        digests.bindText(1, date.toString(Qt::ISODate));
        while (digests.next()) {
            digestIds.append(digests.integer(0));
            entries += digests.integer(1);
        }
        const QString error = digests.error();
        digests.reset();
        if (!error.isEmpty()) {
            fail(error);
            return result;
        }
    }
    // A thousand views are ~40 strings each: growing the list step by step moved them all
    // several times over.
    entries = std::clamp<qsizetype>(entries, 0, 20000); // a hint: never trust it with memory
    result.reserve(entries);
    static const QString sql =
        QStringLiteral("SELECT ") + QLatin1String(kViewColumns) +
        QStringLiteral(" FROM digest_entries e JOIN digests d ON d.id = e.digest_id"
                       " JOIN papers p ON p.id = e.paper_id") +
        QLatin1String(kViewJoins) + QStringLiteral(" WHERE e.digest_id = ? ORDER BY e.position");
    // Prepared once per connection. Every pass below runs to its end, so no read
    // transaction stays open between calls.
    SqliteStatement &q = m_database.cachedStatement(sql);
    if (!q.isValid()) {
        fail(q.error());
        return result;
    }
    QSet<QString> seen;
    seen.reserve(entries);
    for (const qint64 digestId : digestIds) {
        q.reset();
        q.bindInt(1, digestId);
        while (q.next()) {
            const QString id = q.text(0);
            if (seen.contains(id))
                continue; // listed by several digests that day: show it once, first listing wins
            PaperView view = readView(q);
            if (!matchesCategories(view, categories))
                continue;
            seen.insert(id);
            result.append(std::move(view));
        }
        if (!q.error().isEmpty()) {
            fail(q.error());
            q.reset();
            return result;
        }
    }
    q.reset();
    markFollowed(result);
    return result;
}

std::optional<PaperView> Store::paperView(const QString &arxivId) const
{
    const QList<PaperView> views =
        viewsWhere(QStringLiteral("p.arxiv_id = ?"), {arxivId}, QStringLiteral("p.id"));
    if (views.isEmpty())
        return std::nullopt;
    return views.first();
}

QList<PaperView> Store::starredPapers() const
{
    return viewsWhere(QStringLiteral("u.starred = 1"), {},
                      QStringLiteral("u.starred_changed DESC"));
}

QList<PaperView> Store::annotatedPapers() const
{
    return viewsWhere(QStringLiteral("u.note IS NOT NULL AND u.note <> ''"), {},
                      QStringLiteral("u.note_changed DESC"));
}

QList<PaperView> Store::unreadPapers(int limit) const
{
    // Each paper once, at its latest entry. Driven from papers, SQLite built the whole view of
    // every unread paper and sorted them all before the limit (18 s at a million papers).
    // CROSS JOIN keeps the digests outermost, walked newest first through their date index:
    // only one day's rows are sorted by position at a time and the walk stops at the limit.
    QList<PaperView> result;
    SqliteStatement q(m_database.handle(),
                      QStringLiteral("SELECT ") + QLatin1String(kViewColumns) +
                          QStringLiteral(" FROM digests d CROSS JOIN digest_entries e ON"
                                         " e.digest_id = d.id JOIN papers p ON p.id = e.paper_id") +
                          QLatin1String(kViewJoins) +
                          QStringLiteral(" WHERE coalesce(u.read, 0) = 0 AND e.id = (SELECT"
                                         " max(id) FROM digest_entries WHERE paper_id = p.id)"
                                         " ORDER BY d.date DESC, e.position, e.id LIMIT ?"));
    if (!q.isValid()) {
        fail(q.error());
        return result;
    }
    q.bindInt(1, limit > 0 ? limit : -1);
    while (q.next())
        result.append(readView(q));
    if (!q.error().isEmpty())
        fail(q.error());
    markFollowed(result);
    return result;
}

QList<PaperView> Store::viewsForPaperIds(const QList<qint64> &ids) const
{
    if (ids.isEmpty())
        return {};
    QStringList numbers;
    numbers.reserve(ids.size());
    for (const qint64 id : ids)
        numbers.append(QString::number(id));
    // Integers formatted here, so safe to inline: one statement for the whole page.
    const QString list = numbers.join(QLatin1Char(','));
    return viewsWhere(QStringLiteral("p.id IN (%1)").arg(list), {},
                      QStringLiteral("instr(',%1,', ',' || p.id || ',')").arg(list));
}

} // namespace paperboy
