#pragma once

// Every multi-statement user-data write goes through here, so none half-applies and none
// repeats the transaction's begin, rollback and commit.

#include "store/database.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

namespace paperboy::sql {

// `body` inside one write transaction (BEGIN IMMEDIATE): committed when it returns no error,
// rolled back when it does. Refused at once on a read-only library. Returns the error, empty
// on success.
QString inWriteTransaction(Database &database, const std::function<QString(QSqlDatabase &)> &body);

// The most common body: `sql` executed once per row of bind values. No rows, no lock taken.
QString execEachInTransaction(Database &database, const QString &sql,
                              const QList<QVariantList> &rows);

} // namespace paperboy::sql
