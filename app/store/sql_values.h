#pragma once

// Values bound into SQL statements the same way by every writer of the library file.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace paperboy::sql {

// Empty text is stored as NULL, so "no note" and "never set" read alike.
inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Change times are UTC with milliseconds: backups merge per field by comparing them.
inline QString isoNow(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// Lists (authors, keywords, tags) are stored joined by the unit separator, which no
// title or name contains.
inline constexpr QChar kListSeparator(0x1f);

inline QString joinList(const QStringList &list)
{
    return list.join(kListSeparator);
}

inline QStringList splitList(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(kListSeparator);
}

} // namespace paperboy::sql
