#include "sqlite_statement.h"

#include <sqlite3.h>

namespace paperboy {

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql) : m_db(db)
{
    if (!db) {
        m_error = QStringLiteral("no database connection");
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bindText(int index, const QString &value)
{
    // UTF-16 straight from the QString: SQLite converts once, no QByteArray in between.
    static const char16_t empty[] = u"";
    const void *data = value.isNull() ? static_cast<const void *>(empty)
                                      : static_cast<const void *>(value.utf16());
    sqlite3_bind_text16(m_stmt, index, data, int(value.size() * sizeof(char16_t)),
                        SQLITE_TRANSIENT);
}

void SqliteStatement::bindTextOrNull(int index, const QString &value)
{
    if (value.isEmpty())
        bindNull(index);
    else
        bindText(index, value);
}

void SqliteStatement::bindInt(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bindBlob(int index, QByteArrayView value)
{
    // A null pointer would bind NULL: an empty value is an empty blob.
    static const char empty = 0;
    sqlite3_bind_blob64(m_stmt, index, value.data() ? value.data() : &empty,
                        sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindReal(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        bindInt(index, value.toLongLong());
        break;
    default:
        bindText(index, value.toString());
        break;
    }
}

bool SqliteStatement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteStatement::exec()
{
    while (next()) {
    }
    const bool ok = m_stmt && m_error.isEmpty();
    const QString error = m_error;
    reset();
    m_error = error;
    return ok;
}

void SqliteStatement::reset()
{
    if (!m_stmt)
        return; // keeps the reason it could not be prepared
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_error.clear();
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArrayView SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return {data, qsizetype(sqlite3_column_bytes(m_stmt, column))};
}

} // namespace paperboy
