#include "version_store.h"

#include "core/code_links.h"
#include "store/database.h"
#include "store/sql_values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace paperboy {

using namespace Qt::StringLiterals;
using sql::joinList;
using sql::splitList;
using sql::textOrNull;

namespace {

// True while a paper has a version the reader has not opened; the same rule as the search
// planner's is:updated (searcher.cpp). Binds the arXiv id three times.
const char kUpdated[] =
    "(SELECT max(v.version) FROM paper_versions v WHERE v.arxiv_id = ?) >"
    " coalesce((SELECT s.version FROM user_seen_versions s WHERE s.arxiv_id = ?),"
    " (SELECT min(v.version) FROM paper_versions v WHERE v.arxiv_id = ?))";

bool accepted(const QString &comment)
{
    static const QRegularExpression pattern(
        u"\\b(accepted (at|to|by|for|in)|to appear (in|at)|published (in|at))\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(comment).hasMatch();
}

} // namespace

QStringList VersionStore::watchedIds()
{
    QSqlQuery q(m_database.connection());
    QStringList ids;
    if (!q.exec(u"SELECT arxiv_id FROM papers WHERE arxiv_id IN ("
                " SELECT arxiv_id FROM user_papers WHERE starred = 1"
                " OR (note IS NOT NULL AND note <> '')"
                " UNION SELECT arxiv_id FROM user_tags) ORDER BY arxiv_id"_s)) {
        m_error = q.lastError().text();
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QList<VersionChange> VersionStore::record(const QList<Paper> &papers, const QDateTime &now,
                                          QString *error)
{
    QList<VersionChange> changes;
    QSqlDatabase db = m_database.connection();
    QSqlQuery current(db);
    current.prepare(
        u"SELECT p.version, p.title, p.authors, p.abstract, p.comment, p.journal_ref,"
        " p.doi, coalesce(p.updated, p.published), p.code_url,"
        " coalesce((SELECT starred FROM user_papers u WHERE u.arxiv_id = p.arxiv_id), 0)"
        " FROM papers p WHERE p.arxiv_id = ?"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR IGNORE INTO paper_versions (arxiv_id, version, date, title,"
                   " abstract, authors, comment, journal_ref, doi, code_url, recorded_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?)"_s);
    auto store = [&](const QString &id, const PaperVersion &v) {
        insert.addBindValue(id);
        insert.addBindValue(v.version);
        insert.addBindValue(v.date.isValid() ? QVariant(v.date.toString(Qt::ISODate))
                                             : QVariant(QMetaType(QMetaType::QString)));
        insert.addBindValue(textOrNull(v.title));
        insert.addBindValue(textOrNull(v.abstract));
        insert.addBindValue(textOrNull(joinList(v.authors)));
        insert.addBindValue(textOrNull(v.comment));
        insert.addBindValue(textOrNull(v.journalRef));
        insert.addBindValue(textOrNull(v.doi));
        insert.addBindValue(textOrNull(v.codeUrl));
        insert.addBindValue(sql::isoNow(now));
        return insert.exec();
    };
    const bool transaction = db.transaction();
    for (const Paper &paper : papers) {
        current.addBindValue(paper.arxivId);
        if (!current.exec()) {
            m_error = current.lastError().text();
            break;
        }
        if (!current.next())
            continue; // not in the cache: nothing the reader keeps
        PaperVersion old;
        // A digest that gave no version listed a new paper: version 1.
        old.version = std::max(1, current.value(0).toInt());
        old.title = current.value(1).toString();
        old.authors = splitList(current.value(2).toString());
        old.abstract = current.value(3).toString();
        old.comment = current.value(4).toString();
        old.journalRef = current.value(5).toString();
        old.doi = current.value(6).toString();
        old.date = QDate::fromString(current.value(7).toString(), Qt::ISODate);
        old.codeUrl = current.value(8).toString();
        const bool starred = current.value(9).toBool();
        current.finish();
        if (paper.version <= old.version)
            continue;
        PaperVersion latest;
        latest.version = paper.version;
        latest.date = paper.updated;
        latest.title = paper.title;
        latest.authors = paper.authors;
        latest.abstract = paper.abstract;
        latest.comment = paper.comment;
        latest.journalRef = paper.journalRef;
        latest.doi = paper.doi;
        latest.codeUrl = bestCodeLink(paper.abstract, paper.comment);
        if (!store(paper.arxivId, old) || !store(paper.arxivId, latest)) {
            m_error = insert.lastError().text();
            break;
        }
        VersionChange change;
        change.arxivId = paper.arxivId;
        change.fromVersion = old.version;
        change.toVersion = latest.version;
        change.title = latest.title.isEmpty() ? old.title : latest.title;
        change.starred = starred;
        change.journalRefArrived = old.journalRef.isEmpty() && !latest.journalRef.isEmpty();
        change.doiArrived = old.doi.isEmpty() && !latest.doi.isEmpty();
        change.acceptedArrived = accepted(latest.comment) && !accepted(old.comment);
        if (old.codeUrl.isEmpty() && !latest.codeUrl.isEmpty())
            change.codeUrl = latest.codeUrl;
        changes.append(change);
    }
    if (!m_error.isEmpty()) {
        if (transaction)
            db.rollback();
        if (error)
            *error = m_error;
        return {};
    }
    if (transaction && !db.commit()) {
        m_error = db.lastError().text();
        if (error)
            *error = m_error;
        return {};
    }
    return changes;
}

namespace {

const char kVersionColumns[] = "v.version, v.date, v.title, v.abstract, v.authors, v.comment,"
                               " v.journal_ref, v.doi, v.code_url";

// Reads the columns of kVersionColumns starting at `first`.
PaperVersion versionAt(const QSqlQuery &q, int first)
{
    PaperVersion v;
    v.version = q.value(first).toInt();
    v.date = QDate::fromString(q.value(first + 1).toString(), Qt::ISODate);
    v.title = q.value(first + 2).toString();
    v.abstract = q.value(first + 3).toString();
    v.authors = splitList(q.value(first + 4).toString());
    v.comment = q.value(first + 5).toString();
    v.journalRef = q.value(first + 6).toString();
    v.doi = q.value(first + 7).toString();
    v.codeUrl = q.value(first + 8).toString();
    return v;
}

} // namespace

QList<PaperVersion> VersionStore::versions(const QString &arxivId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT %1 FROM paper_versions v WHERE v.arxiv_id = ? ORDER BY v.version"_s.arg(
        QLatin1String(kVersionColumns)));
    q.addBindValue(arxivId);
    QList<PaperVersion> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(versionAt(q, 0));
    return list;
}

QHash<QString, QList<PaperVersion>> VersionStore::versionsOf(const QStringList &arxivIds)
{
    QHash<QString, QList<PaperVersion>> byId;
    if (arxivIds.isEmpty())
        return byId;
    // One bound JSON array instead of a statement per paper or a list of a thousand
    // placeholders; the primary key (arxiv_id, version) answers each id.
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT v.arxiv_id, %1 FROM json_each(?) j"
              " JOIN paper_versions v ON v.arxiv_id = j.value ORDER BY v.arxiv_id, v.version"_s.arg(
                  QLatin1String(kVersionColumns)));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(arxivIds)).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return byId;
    }
    while (q.next())
        byId[q.value(0).toString()].append(versionAt(q, 1));
    return byId;
}

bool VersionStore::markSeen(const QString &arxivId, int version, const QDateTime &now)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO user_seen_versions (arxiv_id, version, seen_at) VALUES (?,?,?)"
              " ON CONFLICT(arxiv_id) DO UPDATE SET version = excluded.version,"
              " seen_at = excluded.seen_at WHERE excluded.version > version"_s);
    q.addBindValue(arxivId);
    q.addBindValue(version);
    q.addBindValue(sql::isoNow(now));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool VersionStore::isUpdated(const QString &arxivId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT "_s + QLatin1String(kUpdated));
    for (int i = 0; i < 3; ++i)
        q.bindValue(i, arxivId);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    return q.value(0).toBool();
}

} // namespace paperboy
