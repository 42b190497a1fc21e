// Code links arriving for the papers the reader keeps (issue #18): Store::saveDigests asks
// before its writes which kept papers of the import have no code link, and after them which
// of those have one now, inside the same transaction, so the answer is exactly what this save
// changed (a second import of the same file finds the link already there and reports nothing).

#include "store.h"

#include "store/sqlite_statement.h"

#include <QSet>

namespace paperboy {

namespace {

// Whether the paper is one the reader keeps, as the version check watches them
// (VersionStore::watchedIds), and has no code link in the cache: none in its row (abstract,
// comment, Hugging Face) and none a digest listed for it. A kept id the cache does not hold
// yet has none: the save that brings the paper with one gives it its first. Asked per paper
// of the save (two primary-key probes for a paper nobody kept), so the cost follows the
// import, not the size of the reader's library.
const char kKeptWithoutLink[] =
    "SELECT (EXISTS (SELECT 1 FROM user_papers u WHERE u.arxiv_id = ?1 AND (u.starred = 1"
    " OR (u.note IS NOT NULL AND u.note <> ''))) OR EXISTS (SELECT 1 FROM user_tags t"
    " WHERE t.arxiv_id = ?1)) AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.arxiv_id = ?1"
    " AND (p.code_url IS NOT NULL OR EXISTS (SELECT 1 FROM digest_entries e"
    " WHERE e.paper_id = p.id AND e.code_url IS NOT NULL)))";

// The link a reader sees first (PaperView::codeUrl prefers a digest's as given), the title,
// and whether the paper is starred.
const char kLinkNow[] =
    "SELECT coalesce((SELECT e.code_url FROM digest_entries e WHERE e.paper_id = p.id"
    " AND e.code_url IS NOT NULL ORDER BY e.id LIMIT 1), p.code_url), p.title,"
    " coalesce((SELECT u.starred FROM user_papers u WHERE u.arxiv_id = p.arxiv_id), 0)"
    " FROM papers p WHERE p.arxiv_id = ?";

} // namespace

bool Store::keptWithoutCodeLink(const QStringList &arxivIds, QStringList *ids)
{
    ids->clear();
    SqliteStatement &q = m_database.cachedStatement(QString::fromLatin1(kKeptWithoutLink));
    QSet<QString> asked;
    asked.reserve(arxivIds.size());
    for (const QString &id : arxivIds) {
        if (asked.contains(id))
            continue; // in two digests of one save, or a digest and the bare papers
        asked.insert(id);
        q.bindText(1, id);
        const bool found = q.next() && q.integer(0) != 0;
        const QString error = q.error();
        q.reset();
        if (!error.isEmpty())
            return fail(QStringLiteral("cannot read the kept papers: %1").arg(error));
        if (found)
            ids->append(id);
    }
    return true;
}

bool Store::codeLinksArrived(const QStringList &ids, QList<CodeLinkArrival> *arrivals)
{
    SqliteStatement &q = m_database.cachedStatement(QString::fromLatin1(kLinkNow));
    for (const QString &id : ids) {
        q.bindText(1, id);
        if (q.next() && !q.text(0).isEmpty())
            arrivals->append({id, q.text(1), q.text(0), q.integer(2) != 0});
        const QString error = q.error();
        q.reset();
        if (!error.isEmpty())
            return fail(QStringLiteral("cannot read the code links: %1").arg(error));
    }
    return true;
}

} // namespace paperboy
