#pragma once

// How every JSON writer (paper JSON, backups, command reports) spells a missing value: null,
// never an empty string, -1 or an invalid date.

#include <QDate>
#include <QJsonValue>
#include <QString>

namespace paperboy {

inline QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

inline QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// Counts where -1 (or any negative) means "unknown".
inline QJsonValue countOrNull(int count)
{
    return count < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(count);
}

} // namespace paperboy
