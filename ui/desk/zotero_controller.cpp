#include "desk/zotero_controller.h"

#include "common/settings.h"
#include "export/zotero_item.h"
#include "fetch/zotero_connector.h"

#include <QSettings>

namespace paperboy {

ZoteroController::ZoteroController(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("zoteroController"));
}

bool ZoteroController::isBusy() const
{
    return m_connector && m_connector->isBusy();
}

void ZoteroController::save(const QList<PaperView> &papers)
{
    if (papers.isEmpty()) {
        emit message(tr("No paper selected."), false);
        return;
    }
    if (isBusy()) {
        emit message(tr("Still saving to Zotero; try again in a moment."), true);
        return;
    }
    QSettings settings;
    const QUrl url(settings::zoteroConnector.value(settings));
    delete m_connector;
    m_connector = new ZoteroConnector(url, this);
    const QString first = papers.first().paper.arxivId;
    const int count = int(papers.size());
    connect(m_connector, &ZoteroConnector::finished, this,
            [this, first, count](const ZoteroResult &result) {
                if (result.ok) {
                    emit message(count == 1 ? tr("Saved %1 to Zotero.").arg(first)
                                            : tr("Saved %n papers to Zotero.", nullptr, count),
                                 false);
                    emit saved(count);
                } else if (result.notRunning) {
                    emit message(tr("Zotero is not running: start Zotero's desktop app, then "
                                    "press Z again. (Nothing answers at %1.)")
                                     .arg(settings::zoteroConnector.value(QSettings())),
                                 true);
                } else {
                    emit message(tr("Zotero did not save the paper: %1").arg(result.error), true);
                }
            });
    emit message(count == 1 ? tr("Saving %1 to Zotero…").arg(first)
                            : tr("Saving %n papers to Zotero…", nullptr, count),
                 false);
    m_connector->save(zoteroItems(papers));
}

} // namespace paperboy
