#include "http_validators.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

QVariant bytesOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                           : QVariant(QString::fromLatin1(bytes));
}

} // namespace

std::optional<HttpValidators> HttpValidatorStore::get(const QUrl &url) const
{
    m_error.clear();
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT etag, last_modified, listing_date, papers FROM http_validators"
              " WHERE url = ?"_s);
    q.addBindValue(url.toString(QUrl::FullyEncoded));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    HttpValidators v;
    v.etag = q.value(0).toString().toLatin1();
    v.lastModified = q.value(1).toString().toLatin1();
    v.listingDate = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    v.papers = q.value(3).toInt();
    return v;
}

bool HttpValidatorStore::put(const QUrl &url, const HttpValidators &validators)
{
    m_error.clear();
    QSqlQuery q(m_database.connection());
    if (validators.isEmpty()) {
        q.prepare(u"DELETE FROM http_validators WHERE url = ?"_s);
        q.addBindValue(url.toString(QUrl::FullyEncoded));
    } else {
        q.prepare(u"INSERT OR REPLACE INTO http_validators (url, etag, last_modified,"
                  " listing_date, papers, stored_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(url.toString(QUrl::FullyEncoded));
        q.addBindValue(bytesOrNull(validators.etag));
        q.addBindValue(bytesOrNull(validators.lastModified));
        q.addBindValue(validators.listingDate.isValid()
                           ? QVariant(validators.listingDate.toString(Qt::ISODate))
                           : QVariant(QMetaType(QMetaType::QString)));
        q.addBindValue(validators.papers);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    }
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace paperboy
