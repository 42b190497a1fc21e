// The restore's writes of issue #21's kept PDFs (see user_rows.h). Which rows a restore
// writes is the backup module's decision (backup/backup_restore.cpp).

#include "store/user_rows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

bool UserRowsWriter::hasPdf(const QString &id, bool *found)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM user_pdfs WHERE arxiv_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    *found = q.next();
    return true;
}

bool UserRowsWriter::writePdf(const PdfRow &row, const QString &fileName)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO user_pdfs (arxiv_id, file_name, pages, bytes, added_at)"
                             " VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(row.id);
    q.addBindValue(fileName);
    q.addBindValue(row.pages < 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(row.pages));
    q.addBindValue(row.bytes);
    q.addBindValue(row.added);
    return q.exec() || fail(q.lastError().text());
}

} // namespace paperboy
