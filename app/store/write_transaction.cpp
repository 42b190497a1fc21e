#include "store/write_transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy::sql {

QString inWriteTransaction(Database &database, const std::function<QString(QSqlDatabase &)> &body)
{
    if (database.isReadOnly())
        return QStringLiteral("%1 is open read-only").arg(database.path());
    QSqlDatabase db = database.connection();
    if (QString error = Database::beginWrite(db); !error.isEmpty())
        return error;
    QString error = body(db);
    if (error.isEmpty() && !db.commit())
        error = db.lastError().text();
    if (!error.isEmpty())
        db.rollback();
    return error;
}

QString execEachInTransaction(Database &database, const QString &sql,
                              const QList<QVariantList> &rows)
{
    if (rows.isEmpty())
        return database.isReadOnly() ? QStringLiteral("%1 is open read-only").arg(database.path())
                                     : QString();
    return inWriteTransaction(database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariantList &row : rows) {
            for (const QVariant &value : row)
                q.addBindValue(value);
            if (!q.exec())
                return q.lastError().text();
        }
        return {};
    });
}

} // namespace paperboy::sql
