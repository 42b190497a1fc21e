#include "fetch/import_controller.h"

#include <QFileDialog>

namespace paperboy {

ImportController::ImportController(Library *library, QWidget *window)
    : QObject(window), m_library(library), m_window(window)
{
    connect(library, &Library::importFinished, this, &ImportController::onFinished);
}

void ImportController::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_window, tr("Import Digests"), QString(),
        tr("Digests (*.txt *.html *.htm *.json *.jsonl *.xml);;All files (*)"));
    importFiles(paths);
}

void ImportController::importFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    emit message(paths.size() == 1 ? tr("Importing %1…").arg(paths.first())
                                   : tr("Importing %n files…", nullptr, int(paths.size())),
                 false);
    m_library->importFiles(paths);
}

void ImportController::onFinished(const QList<ImportReport> &reports)
{
    QStringList done;
    QStringList failed;
    int papers = 0;
    QList<CodeLinkArrival> links;
    for (const ImportReport &report : reports) {
        links += report.summary.codeLinks;
        if (report.ok) {
            done.append(report.path);
            papers += report.summary.entries;
        } else {
            failed.append(report.error);
        }
    }
    if (!failed.isEmpty())
        emit message(tr("Import failed: %1").arg(failed.join(QStringLiteral("; "))), true);
    else
        emit message(tr("Imported %n files, %1.", nullptr, int(done.size()))
                         .arg(tr("%n papers", nullptr, papers)),
                     false);
    if (!done.isEmpty())
        emit imported();
    if (!links.isEmpty())
        emit codeLinksArrived(links);
}

} // namespace paperboy
