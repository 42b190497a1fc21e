#pragma once

// File > Export…: which papers (this day, the selection, the starred ones, a tag, the search
// on screen), which format, and where. The dialog only collects the choice; the export itself
// runs on the writer thread.

#include "export/exporter.h"
#include "search/paper_selection.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace paperboy {

struct ExportChoice
{
    PaperSelection selection;
    ExportFormat format = ExportFormat::BibTeX;
    ExportOptions options;
    // Markdown notes for a knowledge base (issue #21): one file per paper in the folder
    // `path` (export/markdown_notes.h) instead of one file of `format`.
    bool markdownNotes = false;
    QString path;
    QString describe; // "3 selected papers", for the status bar
};

struct ExportContext
{
    QDate day;               // the day on screen, if any
    QStringList selectedIds; // in list order
    QString search;          // the search on screen, if any
    QString tag;             // the tag on screen, if any
    QStringList tags;        // every tag
    QString folder;          // where the file dialog starts
    QString notesFolder;     // where Markdown notes went last, if anywhere
};

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(const ExportContext &context, QWidget *parent = nullptr);

    ExportChoice choice() const;

    void accept() override;

private:
    enum Scope
    {
        Day,
        Selection,
        Starred,
        Tag,
        Search
    };
    void updateState();
    bool notesChosen() const;
    void browse();
    QString suggestedName() const;

    ExportContext m_context;
    QComboBox *m_scope = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_bilingual = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_pathLabel = nullptr;
    bool m_pathEdited = false;
    bool m_showsNotes = false;
};

} // namespace paperboy
