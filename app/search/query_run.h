#pragma once

// Running one statement of a search plan (searcher.cpp, trends.cpp): forward only, its
// bindings in order, and on failure the error in the caller's result, told apart when the
// window interrupted the statement because the reader moved on.

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace paperboy {

inline bool isInterruptError(const QSqlError &error)
{
    return error.nativeErrorCode() == QLatin1String("9"); // SQLITE_INTERRUPT
}

// `Result` has `ok`, `error` and `interrupted` (SearchResult, TrendSeries, TrendAxis).
template <typename Result>
bool runQuery(QSqlQuery &q, const QString &sql, const QVariantList &bindings, Result &result)
{
    q.setForwardOnly(true);
    if (q.prepare(sql)) {
        for (const QVariant &value : bindings)
            q.addBindValue(value);
        if (q.exec())
            return true;
    }
    result.ok = false;
    result.error = q.lastError().text();
    result.interrupted = isInterruptError(q.lastError());
    return false;
}

} // namespace paperboy
