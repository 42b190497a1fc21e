#pragma once

// Getting papers and user data out of the window and back: citations to the clipboard, the
// Export dialog, backing up and restoring user data, and the automatic backup on start. Files
// are written on the writer thread; results come back as status messages.

#include "backup/backup_restore.h"
#include "export/exporter.h"
#include "library/library.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

class QWidget;

namespace paperboy {

struct ExportChoice;
struct ExportContext;

class ExportController : public QObject
{
    Q_OBJECT
public:
    ExportController(Library *library, QWidget *window);

    // Citations of `papers` on the clipboard, in list order.
    void copyCitations(const QList<PaperView> &papers, ExportFormat format);

    // Opens File > Export… (non-blocking); the export starts when it is accepted.
    void openExportDialog(const ExportContext &context);
    void exportTo(const ExportChoice &choice);

    // The menu entries: ask for a file (and, to restore, for confirmation), then run.
    void chooseBackupFile();
    void chooseRestoreFile();
    // The same without asking.
    void backUpTo(const QString &path);
    void restoreFrom(const QString &path);

    // rotateAutomaticBackup on the writer thread; reported only when it fails.
    void runAutomaticBackup(const QString &folder, int keep);

    QMessageBox *restoreReportDialog() const { return m_report; }

signals:
    void message(const QString &text, bool isError);
    // A restore changed user data: lists, counts and the detail pane are stale.
    void userDataRestored();
    // Before a restore reads the library, edits still being typed must be saved.
    void aboutToRestore();

private:
    void showRestoreReport(const QString &path, const RestoreReport &report);
    QString startFolder() const;
    void rememberFolder(const QString &path);

    Library *m_library;
    QWidget *m_window;
    QPointer<QMessageBox> m_report;
};

} // namespace paperboy
