#pragma once

// "Save to Zotero" in the window (issue #21): `z` and Paper > Save to Zotero send the selected
// papers to Zotero's desktop app through its connector (fetch/zotero_connector.h), without
// blocking: the answer arrives as a status line, and a clear one when Zotero is not running.
// The connector's address is the setting zotero/connector (default 127.0.0.1:23119).

#include "core/paper.h"

#include <QObject>
#include <QPointer>

namespace paperboy {

class ZoteroConnector;

class ZoteroController : public QObject
{
    Q_OBJECT
public:
    explicit ZoteroController(QObject *parent = nullptr);

    bool isBusy() const;

public slots:
    void save(const QList<paperboy::PaperView> &papers);

signals:
    void message(const QString &text, bool isError);
    void saved(int papers);

private:
    QPointer<ZoteroConnector> m_connector;
};

} // namespace paperboy
