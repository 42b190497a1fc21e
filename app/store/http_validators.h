#pragma once

// Remembers ETag / Last-Modified per URL in the database (http_validators, migration 002), so
// the next fetch of a feed can be conditional and a 304 can be told apart from "no data".
// Saved only once the response's data is stored.

#include "store/database.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QUrl>

#include <optional>

namespace paperboy {

struct HttpValidators
{
    QByteArray etag;
    QByteArray lastModified;
    QDate listingDate; // what the URL answered with when these were saved
    int papers = 0;

    bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
};

class HttpValidatorStore
{
public:
    explicit HttpValidatorStore(Database &database) : m_database(database) {}

    QString lastError() const { return m_error; }
    std::optional<HttpValidators> get(const QUrl &url) const;
    // Saving empty validators forgets the URL.
    bool put(const QUrl &url, const HttpValidators &validators);

private:
    Database &m_database;
    mutable QString m_error;
};

} // namespace paperboy
