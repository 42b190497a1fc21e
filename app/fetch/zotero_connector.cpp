#include "fetch/zotero_connector.h"

#include "fetch/fetch_settings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace paperboy {

ZoteroConnector::ZoteroConnector(const QUrl &base, QObject *parent)
    : QObject(parent), m_base(base), m_network(new QNetworkAccessManager(this))
{
    // The connector is on this machine: a proxy from the environment must not see it.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

bool ZoteroConnector::save(const QJsonArray &items)
{
    if (m_busy)
        return false;
    m_busy = true;
    QNetworkReply *ping = post(QStringLiteral("/connector/ping"), QByteArrayLiteral("{}"));
    connect(ping, &QNetworkReply::finished, this, [this, ping, items] { onPing(ping, items); });
    return true;
}

QNetworkReply *ZoteroConnector::post(const QString &path, const QByteArray &body)
{
    QUrl url = m_base;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, PolitenessSettings::defaultUserAgent());
    // Zotero refuses connector requests that do not say which protocol they speak.
    request.setRawHeader(QByteArrayLiteral("X-Zotero-Connector-API-Version"),
                         QByteArrayLiteral("3"));
    request.setTransferTimeout(m_timeoutMs);
    return m_network->post(request, body);
}

QString ZoteroConnector::failure(QNetworkReply *reply, const QString &path) const
{
    const QString where = m_base.toString(QUrl::RemoveUserInfo);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        QString body = QString::fromUtf8(reply->readAll()).simplified();
        if (body.size() > 200)
            body = body.left(200) + QStringLiteral("…");
        if (path.endsWith(QLatin1String("saveItems")) &&
            body.contains(QLatin1String("libraryEditable")))
            return QStringLiteral("Zotero at %1 could not save: the library selected in Zotero "
                                  "is read-only")
                .arg(where);
        return QStringLiteral("Zotero at %1 answered HTTP %2 to %3%4")
            .arg(where)
            .arg(status)
            .arg(path, body.isEmpty() ? QString() : QStringLiteral(": ") + body);
    }
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("Zotero is not running: nothing answers at %1 (start Zotero and "
                              "try again)")
            .arg(where);
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return QStringLiteral("Zotero at %1 did not answer %2 within %3 s")
            .arg(where, path)
            .arg(m_timeoutMs / 1000.0);
    default:
        return QStringLiteral("Zotero at %1 cannot be reached: %2")
            .arg(where, reply->errorString());
    }
}

void ZoteroConnector::onPing(QNetworkReply *reply, const QJsonArray &items)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        ZoteroResult result;
        result.notRunning = status == 0 && reply->error() == QNetworkReply::ConnectionRefusedError;
        result.error = failure(reply, QStringLiteral("/connector/ping"));
        return finish(result);
    }
    if (items.isEmpty()) {
        ZoteroResult result;
        result.ok = true;
        return finish(result);
    }
    const QJsonObject body{
        {QStringLiteral("sessionID"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("uri"), items.first().toObject().value(QStringLiteral("url"))},
        {QStringLiteral("items"), items}};
    QNetworkReply *save = post(QStringLiteral("/connector/saveItems"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact));
    const int count = int(items.size());
    connect(save, &QNetworkReply::finished, this, [this, save, count] { onSaved(save, count); });
}

void ZoteroConnector::onSaved(QNetworkReply *reply, int count)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ZoteroResult result;
    if (status == 201 || status == 200) {
        result.ok = true;
        result.saved = count;
    } else {
        result.notRunning = status == 0 && reply->error() == QNetworkReply::ConnectionRefusedError;
        result.error = failure(reply, QStringLiteral("/connector/saveItems"));
    }
    finish(result);
}

void ZoteroConnector::finish(const ZoteroResult &result)
{
    m_busy = false;
    emit finished(result);
}

} // namespace paperboy
