#pragma once

// "Save to Zotero" (issue #21) through the connector protocol Zotero's desktop app serves on
// 127.0.0.1:23119, the one its browser extension uses: POST /connector/ping to know Zotero is
// there, then POST /connector/saveItems with the items (export/zotero_item.h) and a session id.
// Zotero answers 201 when it saved them. Local and quick: no politeness queue, one try, a
// short timeout, no proxy. The answer comes back as finished(), never synchronously.

#include <QJsonArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace paperboy {

struct ZoteroResult
{
    bool ok = false;
    int saved = 0;           // items Zotero took
    bool notRunning = false; // nothing answers at the connector's address
    QString error;           // in words, naming the address
};

class ZoteroConnector : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultUrl() { return QUrl(QStringLiteral("http://127.0.0.1:23119")); }

    explicit ZoteroConnector(const QUrl &base = defaultUrl(), QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    bool isBusy() const { return m_busy; }
    // Pings, then saves `items` in one saveItems request. False while a save goes on.
    bool save(const QJsonArray &items);

signals:
    void finished(const paperboy::ZoteroResult &result);

private:
    QNetworkReply *post(const QString &path, const QByteArray &body);
    void onPing(QNetworkReply *reply, const QJsonArray &items);
    void onSaved(QNetworkReply *reply, int count);
    void finish(const ZoteroResult &result);
    QString failure(QNetworkReply *reply, const QString &path) const;

    QUrl m_base;
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 15000;
    bool m_busy = false;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::ZoteroResult)
