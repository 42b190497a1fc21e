#include "store/added_papers.h"

#include "store/database.h"
#include "store/sql_values.h"
#include "store/write_transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

QString AddedPapers::markAdded(const QStringList &ids, const QDateTime &now,
                               QStringList *newlyAdded)
{
    m_error.clear();
    QStringList fresh;
    if (ids.isEmpty())
        return {};
    const QString stamp = sql::isoNow(now);
    m_error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO user_added (arxiv_id, added_at) VALUES (?, ?)"
                                      " ON CONFLICT (arxiv_id) DO NOTHING"));
        for (const QString &id : ids) {
            insert.addBindValue(id);
            insert.addBindValue(stamp);
            if (!insert.exec())
                return insert.lastError().text();
            if (insert.numRowsAffected() > 0 && !fresh.contains(id))
                fresh.append(id);
        }
        return {};
    });
    if (newlyAdded)
        *newlyAdded = m_error.isEmpty() ? fresh : QStringList();
    return m_error;
}

QList<AddedPaper> AddedPapers::list() const
{
    m_error.clear();
    QList<AddedPaper> papers;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT arxiv_id, added_at FROM user_added"
                               " ORDER BY added_at DESC, arxiv_id"))) {
        m_error = q.lastError().text();
        return papers;
    }
    while (q.next())
        papers.append({q.value(0).toString(),
                       QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs)});
    return papers;
}

QStringList AddedPapers::ids() const
{
    QStringList result;
    for (const AddedPaper &paper : list())
        result.append(paper.id);
    return result;
}

bool AddedPapers::isAdded(const QString &id) const
{
    m_error.clear();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM user_added WHERE arxiv_id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return q.next();
}

} // namespace paperboy
