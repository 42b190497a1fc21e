// Dismissals, followed authors and rules (issue #16): user data, written by the reader's own
// actions, and by rules on the papers an import or fetch adds (applyRules, called from
// saveDigests inside its transaction).

#include "store.h"

#include "core/author_names.h"
#include "search/searcher.h"
#include "store/search_deferral.h"
#include "store/sql_values.h"
#include "store/sqlite_statement.h"
#include "store/write_transaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace paperboy {

using sql::isoNow;
using sql::textOrNull;

QString ruleActionName(RuleAction action)
{
    switch (action) {
    case RuleAction::Tag:
        return QStringLiteral("tag");
    case RuleAction::Star:
        return QStringLiteral("star");
    case RuleAction::Read:
        return QStringLiteral("read");
    case RuleAction::Dismiss:
        return QStringLiteral("dismiss");
    case RuleAction::Highlight:
        return QStringLiteral("highlight");
    }
    return {};
}

std::optional<RuleAction> ruleActionFromName(const QString &name)
{
    for (const RuleAction action : {RuleAction::Tag, RuleAction::Star, RuleAction::Read,
                                    RuleAction::Dismiss, RuleAction::Highlight})
        if (ruleActionName(action) == name)
            return action;
    return std::nullopt;
}

bool Store::setDismissed(const QStringList &arxivIds, bool dismissed)
{
    const QString when = isoNow(now());
    QList<QVariantList> rows;
    for (const QString &id : arxivIds)
        rows.append({id, dismissed ? 1 : 0, when});
    const QString error = sql::execEachInTransaction(
        m_database,
        QStringLiteral("INSERT INTO user_dismissals (arxiv_id, dismissed, changed) VALUES (?,?,?)"
                       " ON CONFLICT(arxiv_id) DO UPDATE SET dismissed = excluded.dismissed,"
                       " changed = excluded.changed WHERE dismissed <> excluded.dismissed"),
        rows);
    return error.isEmpty() || fail(error);
}

bool Store::setFollowed(const QString &name, bool followed, bool *changed)
{
    if (changed)
        *changed = false;
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    const QString key = foldAuthorName(name);
    if (key.isEmpty())
        return fail(QStringLiteral("'%1' is not a name").arg(name));
    QSqlQuery q(m_database.connection());
    // Following again keeps the spelling first given; unfollowing a name never followed
    // writes nothing.
    q.prepare(followed
                  ? QStringLiteral("INSERT INTO user_follows (name_key, name, followed, changed)"
                                   " VALUES (?,?,1,?) ON CONFLICT(name_key) DO UPDATE SET"
                                   " followed = 1, changed = excluded.changed WHERE followed <> 1")
                  : QStringLiteral("UPDATE user_follows SET followed = 0, changed = ?"
                                   " WHERE name_key = ? AND followed <> 0"));
    if (followed) {
        q.addBindValue(key);
        q.addBindValue(name.simplified());
        q.addBindValue(isoNow(now()));
    } else {
        q.addBindValue(isoNow(now()));
        q.addBindValue(key);
    }
    if (!q.exec())
        return fail(q.lastError().text());
    if (changed)
        *changed = q.numRowsAffected() > 0;
    return true;
}

QList<FollowedAuthor> Store::followedAuthors() const
{
    QList<FollowedAuthor> result;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT name, name_key, changed FROM user_follows"
                               " WHERE followed = 1 ORDER BY name COLLATE NOCASE, name"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(),
                       QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs)});
    return result;
}

void Store::markFollowed(QList<PaperView> &views) const
{
    SqliteStatement &q = m_database.cachedStatement(
        QStringLiteral("SELECT name_key FROM user_follows WHERE followed = 1"));
    QStringList keys;
    while (q.next())
        keys.append(q.text(0));
    q.reset();
    if (keys.isEmpty())
        return;
    const FollowedAuthors follows(keys);
    for (PaperView &view : views)
        view.user.followedAuthors = follows.matching(view.paper.authors);
}

QList<Rule> Store::rules() const
{
    QList<Rule> result;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT name, query, action, argument, created FROM user_rules"
                               " ORDER BY name COLLATE NOCASE, name"))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        Rule rule;
        rule.name = q.value(0).toString();
        rule.query = q.value(1).toString();
        rule.action = ruleActionFromName(q.value(2).toString()).value_or(RuleAction::Highlight);
        rule.argument = q.value(3).toString();
        rule.created = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        result.append(rule);
    }
    return result;
}

bool Store::saveRule(const Rule &rule)
{
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    const QString name = rule.name.simplified();
    if (name.isEmpty())
        return fail(QStringLiteral("a rule needs a name"));
    if (rule.action == RuleAction::Tag && rule.argument.simplified().isEmpty())
        return fail(QStringLiteral("a tag rule needs a tag"));
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO user_rules (name, query, action, argument, created) VALUES (?,?,?,?,?)"
        " ON CONFLICT(name) DO UPDATE SET query = excluded.query, action = excluded.action,"
        " argument = excluded.argument, created = excluded.created"));
    q.addBindValue(name);
    q.addBindValue(rule.query);
    q.addBindValue(ruleActionName(rule.action));
    q.addBindValue(rule.action == RuleAction::Tag ? textOrNull(rule.argument.simplified())
                                                  : textOrNull(QString()));
    q.addBindValue(isoNow(rule.created.isValid() ? rule.created : now()));
    return q.exec() || fail(q.lastError().text());
}

bool Store::removeRule(const QString &name, bool *removed)
{
    if (removed)
        *removed = false;
    bool found = false;
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM user_rules WHERE name = ?"));
        q.addBindValue(name.simplified());
        if (!q.exec())
            return q.lastError().text();
        found = q.numRowsAffected() > 0;
        QSqlQuery marks(db);
        marks.prepare(QStringLiteral("DELETE FROM user_highlights WHERE rule = ?"));
        marks.addBindValue(name.simplified());
        return marks.exec() ? QString() : marks.lastError().text();
    });
    const bool ok = error.isEmpty() || fail(error);
    if (ok && removed)
        *removed = found;
    return ok;
}

bool Store::applyRules(qint64 firstNewId, int *actions)
{
    m_error.clear();
    const QList<Rule> all = rules();
    if (!m_error.isEmpty())
        return false;
    if (all.isEmpty())
        return true;
    const Searcher searcher(m_database.connection());
    const QString when = isoNow(now());
    SqliteStatement &arxivId =
        m_database.cachedStatement(QStringLiteral("SELECT arxiv_id FROM papers WHERE id = ?"));
    for (const Rule &rule : all) {
        SearchOptions options;
        options.limit = 0;
        options.minPaperId = firstNewId;
        const SearchResult found = searcher.search(parseSearchQuery(rule.query), options);
        if (!found.ok)
            return fail(QStringLiteral("rule '%1': %2").arg(rule.name, found.error));
        if (found.paperIds.isEmpty())
            continue;
        QString sql;
        switch (rule.action) {
        case RuleAction::Tag:
            sql = QStringLiteral("INSERT INTO user_tags (arxiv_id, tag, added) VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT DO NOTHING");
            break;
        case RuleAction::Star:
            sql = QStringLiteral(
                "INSERT INTO user_papers (arxiv_id, starred, starred_changed) VALUES (?1, 1, ?3)"
                " ON CONFLICT(arxiv_id) DO UPDATE SET starred = 1, starred_changed = ?3"
                " WHERE starred <> 1");
            break;
        case RuleAction::Read:
            sql = QStringLiteral(
                "INSERT INTO user_papers (arxiv_id, read, read_changed) VALUES (?1, 1, ?3)"
                " ON CONFLICT(arxiv_id) DO UPDATE SET read = 1, read_changed = ?3"
                " WHERE read <> 1");
            break;
        case RuleAction::Dismiss:
            sql = QStringLiteral(
                "INSERT INTO user_dismissals (arxiv_id, dismissed, changed) VALUES (?1, 1, ?3)"
                " ON CONFLICT(arxiv_id) DO UPDATE SET dismissed = 1, changed = ?3"
                " WHERE dismissed <> 1");
            break;
        case RuleAction::Highlight:
            sql = QStringLiteral("INSERT INTO user_highlights (arxiv_id, rule, added)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
            break;
        }
        SqliteStatement &write = m_database.cachedStatement(sql);
        const QString argument =
            rule.action == RuleAction::Tag ? rule.argument.simplified() : rule.name;
        // A tag changes the paper's search text: indexed once after the rule, not paper by
        // paper (an FTS5 update per tagged paper made an import with a tag rule 40 % slower).
        // Before the next rule, which may search for that tag.
        const bool deferIndex = rule.action == RuleAction::Tag;
        if (deferIndex &&
            !m_database.execScript(QStringLiteral("INSERT INTO search_deferral (id) VALUES (1)")))
            return fail(m_database.error());
        for (const qint64 paperId : found.paperIds) {
            arxivId.reset();
            arxivId.bindInt(1, paperId);
            if (!arxivId.next()) {
                const QString error = arxivId.error();
                arxivId.reset();
                if (error.isEmpty())
                    continue;
                return fail(error);
            }
            const QString id = arxivId.text(0);
            arxivId.reset();
            write.reset();
            write.bindText(1, id);
            write.bindText(2, argument);
            write.bindText(3, when);
            if (!write.exec())
                return fail(QStringLiteral("rule '%1': %2").arg(rule.name, write.error()));
            *actions += sqlite3_changes(m_database.handle()) > 0 ? 1 : 0;
        }
        if (deferIndex && !m_database.execScript(QLatin1String(kIndexPending)))
            return fail(
                QStringLiteral("cannot update the search index: %1").arg(m_database.error()));
    }
    return true;
}

} // namespace paperboy
