// Code links arriving for the papers the reader keeps (issue #18): Store::saveDigests asks
// before its writes which kept papers of the import have no code link, and after them which
// of those have one now, inside the same transaction, so the answer is exactly what this save
// changed (a second import of the same file finds the link already there and reports nothing).

#include "store.h"

#include "store/sqlite_statement.h"

#include <QSet>

namespace paperboy {

namespace {

// The papers the reader keeps, as the version check watches them (VersionStore::watchedIds).
// A kept id the cache does not hold yet counts as "without a code link": the import that
// brings the paper with one gives it its first. A paper has a code link when its row has one
// (abstract, comment, Hugging Face) or any digest listed one for it.
const char kKeptWithoutLink[] =
    "SELECT k.arxiv_id FROM (SELECT arxiv_id FROM user_papers WHERE starred = 1"
    " OR (note IS NOT NULL AND note <> '') UNION SELECT arxiv_id FROM user_tags) k"
    " LEFT JOIN papers p ON p.arxiv_id = k.arxiv_id"
    " WHERE p.id IS NULL OR (p.code_url IS NULL AND NOT EXISTS (SELECT 1 FROM digest_entries e"
    " WHERE e.paper_id = p.id AND e.code_url IS NOT NULL))";

// The link a reader sees first (PaperView::codeUrl prefers a digest's as given), the title,
// and whether the paper is starred.
const char kLinkNow[] =
    "SELECT coalesce((SELECT e.code_url FROM digest_entries e WHERE e.paper_id = p.id"
    " AND e.code_url IS NOT NULL ORDER BY e.id LIMIT 1), p.code_url), p.title,"
    " coalesce((SELECT u.starred FROM user_papers u WHERE u.arxiv_id = p.arxiv_id), 0)"
    " FROM papers p WHERE p.arxiv_id = ?";

} // namespace

bool Store::keptWithoutCodeLink(QSet<QString> *ids)
{
    ids->clear();
    SqliteStatement &q = m_database.cachedStatement(QString::fromLatin1(kKeptWithoutLink));
    while (q.next())
        ids->insert(q.text(0));
    const QString error = q.error();
    q.reset();
    return error.isEmpty() || fail(QStringLiteral("cannot read the kept papers: %1").arg(error));
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
