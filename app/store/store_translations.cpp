// Titles and abstracts in another language beside the digests' own (issue #17): machine
// translations (derived data with provenance) and the user's own (user data). The English
// enrichment queue lives here too: both complete a paper the digests left half known.

#include "store.h"

#include "store/sql_values.h"
#include "store/write_transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

using sql::isoNow;
using sql::textOrNull;

namespace {

// Bound lists stay well below SQLite's 32,766 host parameters.
constexpr qsizetype kIdsPerStatement = 500;

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        text += i ? QStringLiteral(",?") : QStringLiteral("?");
    return text;
}

} // namespace

QHash<QString, Store::TranslationState> Store::translationStates(const QStringList &arxivIds,
                                                                 const QString &language) const
{
    QHash<QString, TranslationState> states;
    for (qsizetype from = 0; from < arxivIds.size(); from += kIdsPerStatement) {
        const QStringList ids = arxivIds.mid(from, kIdsPerStatement);
        QSqlQuery q(m_database.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
                      "SELECT p.arxiv_id,"
                      " EXISTS (SELECT 1 FROM digest_entries e JOIN entry_translations t"
                      "   ON t.entry_id = e.id WHERE e.paper_id = p.id AND t.language = ?"
                      "   AND (coalesce(t.title, '') <> '' OR coalesce(t.abstract, '') <> '')),"
                      " EXISTS (SELECT 1 FROM user_translations u WHERE u.arxiv_id = p.arxiv_id"
                      "   AND u.language = ?"
                      "   AND (coalesce(u.title, '') <> '' OR coalesce(u.abstract, '') <> '')),"
                      " m.title, m.abstract, m.provider, m.model, m.created, m.source_hash,"
                      " m.stale"
                      " FROM papers p LEFT JOIN machine_translations m ON m.paper_id = p.id"
                      "   AND m.language = ?"
                      " WHERE p.arxiv_id IN (%1)")
                      .arg(placeholders(ids.size())));
        for (int i = 0; i < 3; ++i)
            q.addBindValue(language);
        for (const QString &id : ids)
            q.addBindValue(id);
        if (!q.exec()) {
            fail(q.lastError().text());
            return {};
        }
        while (q.next()) {
            TranslationState state;
            state.digest = q.value(1).toInt() != 0;
            state.user = q.value(2).toInt() != 0;
            if (!q.value(5).isNull()) { // provider is NOT NULL in every row
                MachineTranslation m;
                m.language = language;
                m.title = q.value(3).toString();
                m.abstract = q.value(4).toString();
                m.provider = q.value(5).toString();
                m.model = q.value(6).toString();
                m.created = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
                m.sourceHash = q.value(8).toString();
                m.stale = q.value(9).toInt() != 0;
                state.machine = m;
            }
            states.insert(q.value(0).toString(), state);
        }
    }
    return states;
}

bool Store::saveMachineTranslations(const QList<MachineTranslationRow> &rows)
{
    QList<QVariantList> values;
    for (const MachineTranslationRow &row : rows) {
        const MachineTranslation &t = row.translation;
        values.append({t.language, textOrNull(t.title), textOrNull(t.abstract), t.provider,
                       textOrNull(t.model), isoNow(t.created.isValid() ? t.created : now()),
                       t.sourceHash, row.arxivId});
    }
    const QString error = sql::execEachInTransaction(
        m_database,
        QStringLiteral(
            "INSERT INTO machine_translations (paper_id, language, title, abstract, provider,"
            " model, created, source_hash, stale) SELECT id, ?, ?, ?, ?, ?, ?, ?, 0 FROM papers"
            " WHERE arxiv_id = ?"
            " ON CONFLICT (paper_id, language) DO UPDATE SET title = excluded.title,"
            " abstract = excluded.abstract, provider = excluded.provider, model = excluded.model,"
            " created = excluded.created, source_hash = excluded.source_hash, stale = 0"),
        values);
    return error.isEmpty() || fail(error);
}

bool Store::clearStaleMarks(const QStringList &arxivIds, const QString &language)
{
    QList<QVariantList> rows;
    for (const QString &id : arxivIds)
        rows.append({language, id});
    const QString error = sql::execEachInTransaction(
        m_database,
        QStringLiteral("UPDATE machine_translations SET stale = 0 WHERE language = ? AND"
                       " paper_id = (SELECT id FROM papers WHERE arxiv_id = ?)"),
        rows);
    return error.isEmpty() || fail(error);
}

bool Store::setUserTranslation(const QString &arxivId, const QString &language,
                               const QString &title, const QString &abstract)
{
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    QSqlQuery q(m_database.connection());
    if (title.isEmpty() && abstract.isEmpty()) {
        q.prepare(
            QStringLiteral("DELETE FROM user_translations WHERE arxiv_id = ? AND language = ?"));
        q.addBindValue(arxivId);
        q.addBindValue(language);
        return q.exec() || fail(q.lastError().text());
    }
    // `changed` moves only when the text does: restoring a backup compares it per paper.
    q.prepare(QStringLiteral(
        "INSERT INTO user_translations (arxiv_id, language, title, abstract, changed)"
        " VALUES (?,?,?,?,?) ON CONFLICT (arxiv_id, language) DO UPDATE SET"
        " title = excluded.title, abstract = excluded.abstract, changed = excluded.changed"
        " WHERE title IS NOT excluded.title OR abstract IS NOT excluded.abstract"));
    q.addBindValue(arxivId);
    q.addBindValue(language);
    q.addBindValue(textOrNull(title));
    q.addBindValue(textOrNull(abstract));
    q.addBindValue(isoNow(now()));
    return q.exec() || fail(q.lastError().text());
}

std::optional<UserTranslation> Store::userTranslation(const QString &arxivId,
                                                      const QString &language) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT title, abstract, changed FROM user_translations"
                             " WHERE arxiv_id = ? AND language = ?"));
    q.addBindValue(arxivId);
    q.addBindValue(language);
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    UserTranslation t;
    t.language = language;
    t.title = q.value(0).toString();
    t.abstract = q.value(1).toString();
    t.changed = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    return t;
}

QStringList Store::enrichQueue(int limit) const
{
    QStringList ids;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT p.arxiv_id FROM enrich_queue q JOIN papers p ON p.id ="
                             " q.paper_id ORDER BY q.paper_id LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(q.lastError().text());
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

bool Store::recordEnrichMisses(const QStringList &arxivIds, int maxMisses)
{
    if (arxivIds.isEmpty() && !m_database.isReadOnly())
        return true;
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery bump(db);
        bump.prepare(QStringLiteral("UPDATE enrich_queue SET misses = misses + 1 WHERE"
                                    " paper_id = (SELECT id FROM papers WHERE arxiv_id = ?)"));
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM enrich_queue WHERE paper_id = (SELECT id FROM"
                                    " papers WHERE arxiv_id = ?) AND misses >= ?"));
        for (const QString &id : arxivIds) {
            bump.addBindValue(id);
            if (!bump.exec())
                return bump.lastError().text();
            drop.addBindValue(id);
            drop.addBindValue(maxMisses);
            if (!drop.exec())
                return drop.lastError().text();
        }
        return {};
    });
    return error.isEmpty() || fail(error);
}

} // namespace paperboy
