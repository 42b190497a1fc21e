#pragma once

// A prepared statement on the raw SQLite handle, for the store's hot paths (a day's list,
// paper writes during imports). QSqlQuery converts every value to UTF-16 inside SQLite and
// wraps it in a QVariant; a thousand-row day of 42 columns spent most of its time there.
// Text is read as UTF-8 and converted by Qt's vectorised decoder instead.

#include <QByteArrayView>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace paperboy {

class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    // 1-based, as in SQLite. An empty QString binds NULL only through bindTextOrNull.
    void bindText(int index, const QString &value);
    void bindTextOrNull(int index, const QString &value);
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    void bindBlob(int index, QByteArrayView value);
    void bindReal(int index, double value);
    void bind(int index, const QVariant &value);

    // Steps once: true for a row. After the last row (or an error) returns false; error()
    // is then empty on success.
    bool next();
    // Runs a statement that returns no rows; false on error (error() tells why until the
    // next reset()).
    bool exec();
    // Ready to run again: bindings and the last step's error are cleared.
    void reset();

    QString text(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;
    double real(int column) const;
    // Valid until the next step or reset.
    QByteArrayView blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace paperboy
