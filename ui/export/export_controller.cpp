#include "export/export_controller.h"

#include "backup/auto_backup.h"
#include "backup/backup_file.h"
#include "common/settings.h"
#include "export/export_dialog.h"
#include "export/markdown_notes.h"
#include "search/paper_selection.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace paperboy {

namespace {

struct ExportOutcome
{
    int papers = 0;
    QStringList missing;
    QString error;
    std::array<int, 4> notes{}; // Markdown notes: created, updated, unchanged, left alone
};

} // namespace

ExportController::ExportController(Library *library, QWidget *window)
    : QObject(window), m_library(library), m_window(window)
{
}

QString ExportController::startFolder() const
{
    QSettings settings;
    const QString folder = settings::exportFolder.value(settings);
    if (!folder.isEmpty() && QDir(folder).exists())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void ExportController::rememberFolder(const QString &path)
{
    QSettings settings;
    settings::exportFolder.setValue(settings, QFileInfo(path).absolutePath());
}

void ExportController::copyCitations(const QList<PaperView> &papers, ExportFormat format)
{
    if (papers.isEmpty()) {
        emit message(tr("No paper selected."), false);
        return;
    }
    // The papers are on screen already; formatting a selection takes no time worth a thread.
    const QString text = exportPapers(papers, format);
    auto *mime = new QMimeData;
    mime->setText(text);
    QGuiApplication::clipboard()->setMimeData(mime);
    emit message(papers.size() == 1
                     ? tr("Copied the %1 of %2.")
                           .arg(exportDisplayName(format), papers.first().paper.arxivId)
                     : tr("Copied the %1 of %n papers.", nullptr, int(papers.size()))
                           .arg(exportDisplayName(format)),
                 false);
}

void ExportController::openExportDialog(const ExportContext &context)
{
    ExportContext withFolder = context;
    withFolder.folder = startFolder();
    QSettings settings;
    withFolder.notesFolder = settings::notesFolder.value(settings);
    auto *dialog = new ExportDialog(withFolder, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { exportTo(dialog->choice()); });
    dialog->open();
}

void ExportController::exportTo(const ExportChoice &choice)
{
    if (choice.markdownNotes) {
        QSettings settings;
        settings::notesFolder.setValue(settings, choice.path);
    } else {
        rememberFolder(choice.path);
    }
    emit message(tr("Exporting %1…").arg(choice.describe), false);
    m_library->write(
        this,
        [choice](Store &store) {
            ExportOutcome outcome;
            const SelectedPapers selected = selectPapers(store, choice.selection);
            if (!selected.error.isEmpty()) {
                outcome.error = selected.error;
                return outcome;
            }
            if (choice.markdownNotes) {
                const MarkdownNotesResult notes = writeMarkdownNotes(selected.papers, choice.path);
                outcome.error = notes.error;
                outcome.papers =
                    int(notes.created.size() + notes.updated.size() + notes.unchanged.size());
                outcome.notes = {int(notes.created.size()), int(notes.updated.size()),
                                 int(notes.unchanged.size()), int(notes.skipped.size())};
                outcome.missing = selected.missingIds;
                return outcome;
            }
            ExportOptions options = choice.options;
            options.heading = selected.heading;
            const QString text = exportPapers(selected.papers, choice.format, options);
            outcome.papers = int(selected.papers.size());
            outcome.missing = selected.missingIds;
            if (!writeTextFile(choice.path, text, &outcome.error))
                outcome.papers = 0;
            return outcome;
        },
        [this, choice](ExportOutcome outcome) {
            if (!outcome.error.isEmpty()) {
                emit message(tr("Export failed: %1").arg(outcome.error), true);
                return;
            }
            QString text = choice.markdownNotes
                               ? tr("Wrote %n notes to %1: %2 new, %3 updated, %4 unchanged.",
                                    nullptr, outcome.papers)
                                     .arg(QDir::toNativeSeparators(choice.path))
                                     .arg(outcome.notes[0])
                                     .arg(outcome.notes[1])
                                     .arg(outcome.notes[2])
                               : tr("Exported %n papers to %1.", nullptr, outcome.papers)
                                     .arg(QDir::toNativeSeparators(choice.path));
            if (choice.markdownNotes && outcome.notes[3] > 0)
                text += QLatin1Char(' ') +
                        tr("%n files without Paperboy's marker line were left alone.", nullptr,
                           outcome.notes[3]);
            if (!outcome.missing.isEmpty())
                text += QLatin1Char(' ') + tr("Papers tagged but not in the library, left out: %1.")
                                               .arg(outcome.missing.size());
            emit message(text, false);
        });
}

void ExportController::chooseBackupFile()
{
    const QString suggested = QDir(startFolder())
                                  .filePath(QStringLiteral("paperboy-user-data-%1.json")
                                                .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Back Up User Data"), suggested,
                                     tr("Paperboy backup (*.json);;All files (*)"));
    if (!path.isEmpty())
        backUpTo(path);
}

void ExportController::backUpTo(const QString &path)
{
    rememberFolder(path);
    struct Outcome
    {
        bool ok = false;
        QString error;
        int papers = 0;
        int searches = 0;
    };
    m_library->write(
        this,
        [path](Store &store) {
            Outcome outcome;
            BackupData written;
            outcome.ok = writeBackupFile(store.database(), path, &outcome.error, {}, &written);
            outcome.papers = int(written.papers.size());
            outcome.searches = int(written.savedSearches.size());
            return outcome;
        },
        [this, path](Outcome outcome) {
            if (!outcome.ok) {
                emit message(tr("Backup failed: %1").arg(outcome.error), true);
                return;
            }
            emit message(tr("Backed up the user data (papers: %1, saved searches: %2) to %3.")
                             .arg(outcome.papers)
                             .arg(outcome.searches)
                             .arg(QDir::toNativeSeparators(path)),
                         false);
        });
}

void ExportController::chooseRestoreFile()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Restore User Data"), startFolder(),
                                     tr("Paperboy backup (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Restore User Data"),
        tr("Merge the stars, read marks, notes, tags and saved searches of\n%1\ninto this "
           "library?\n\nNothing is deleted: tags are combined, and where both changed a field "
           "the newer change wins.")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        restoreFrom(path);
}

void ExportController::restoreFrom(const QString &path)
{
    emit aboutToRestore();
    rememberFolder(path);
    emit message(tr("Restoring user data from %1…").arg(QDir::toNativeSeparators(path)), false);
    m_library->write(
        this, [path](Store &store) { return restoreBackupFile(store.database(), path); },
        [this, path](RestoreReport report) {
            if (!report.ok) {
                emit message(tr("Restore failed: %1").arg(report.error), true);
                return;
            }
            emit message(tr("Restored user data from %1.").arg(QDir::toNativeSeparators(path)),
                         false);
            if (report.changedAnything())
                emit userDataRestored();
            showRestoreReport(path, report);
        });
}

void ExportController::showRestoreReport(const QString &path, const RestoreReport &report)
{
    if (m_report)
        m_report->close();
    QStringList lines;
    lines << tr("Papers with new user data: %1").arg(report.papersAdded)
          << tr("Papers updated: %1").arg(report.papersUpdated)
          << tr("Papers unchanged: %1").arg(report.papersUnchanged)
          << tr("Fields taken from the backup: %1").arg(report.fieldsTaken)
          << tr("Tags added: %1").arg(report.tagsAdded)
          << tr("Saved searches added: %1, replaced: %2")
                 .arg(report.searchesAdded)
                 .arg(report.searchesReplaced)
          << tr("Conflicts: %1").arg(report.conflicts.size());
    QStringList conflicts;
    for (const RestoreConflict &conflict : report.conflicts)
        conflicts << tr("%1 %2: library \"%3\" (%4), backup \"%5\" (%6); kept the %7")
                         .arg(conflict.id, conflict.field, conflict.libraryValue,
                              conflict.libraryChanged, conflict.backupValue, conflict.backupChanged,
                              conflict.backupWon ? tr("backup's") : tr("library's"));
    m_report = new QMessageBox(QMessageBox::Information, tr("User Data Restored"),
                               tr("Merged %1 into the library.").arg(QFileInfo(path).fileName()),
                               QMessageBox::Close, m_window);
    m_report->setObjectName(QStringLiteral("restoreReportDialog"));
    m_report->setInformativeText(lines.join(QLatin1Char('\n')));
    if (!conflicts.isEmpty())
        m_report->setDetailedText(conflicts.join(QLatin1Char('\n')));
    m_report->setAttribute(Qt::WA_DeleteOnClose);
    m_report->setModal(false);
    m_report->show();
}

void ExportController::runAutomaticBackup(const QString &folder, int keep)
{
    if (folder.isEmpty() || keep <= 0)
        return;
    m_library->write(
        this,
        [folder, keep](Store &store) {
            return rotateAutomaticBackup(store.database(), folder, keep);
        },
        [this](AutomaticBackupResult result) {
            if (!result.ok)
                emit message(tr("Automatic backup failed: %1").arg(result.error), true);
        });
}

} // namespace paperboy
