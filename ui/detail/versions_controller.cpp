#include "detail/versions_controller.h"

#include "detail/detail_pane.h"
#include "library/library.h"
#include "library/user_data.h"
#include "store/version_store.h"

namespace paperboy {

namespace {

struct Loaded
{
    QList<PaperVersion> versions;
    bool updated = false;
};

} // namespace

VersionsController::VersionsController(Library *library, DetailPane *pane, QObject *parent)
    : QObject(parent), m_library(library), m_pane(pane)
{
    connect(pane, &DetailPane::paperShown, this, &VersionsController::onPaperShown);
}

void VersionsController::onPaperShown(const QString &arxivId)
{
    m_library->read(
        this,
        [arxivId](Store &store) {
            VersionStore versions(store.database());
            return Loaded{versions.versions(arxivId), versions.isUpdated(arxivId)};
        },
        [this, arxivId](const Loaded &loaded) {
            m_pane->showVersions(arxivId, loaded.versions);
            if (!loaded.updated || loaded.versions.isEmpty())
                return;
            // Opened: the paper leaves "Updated" (user data: through its one writer).
            m_library->userData()->markVersionSeen(arxivId, loaded.versions.last().version);
        });
}

} // namespace paperboy
