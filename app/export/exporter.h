#pragma once

// One entry point for every export format, shared by the CLI, the export dialog and the
// "copy citation" actions.

#include "core/paper.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

enum class ExportFormat
{
    BibTeX,
    Ris,
    CslJson,
    Csv,
    Markdown
};

struct ExportOptions
{
    bool bilingual = false; // Markdown: English + Chinese where a digest gave Chinese
    QString heading;        // Markdown: the list's title
};

// "bibtex", "ris", "csljson" (also "csl-json", "json"), "csv", "markdown" (also "md").
std::optional<ExportFormat> exportFormatFromName(const QString &name);
QString exportFormatName(ExportFormat format);  // the canonical name above
QStringList exportFormatNames();                // canonical names, for help texts
QString exportFileSuffix(ExportFormat format);  // "bib", "ris", "json", "csv", "md"
QString exportDisplayName(ExportFormat format); // "BibTeX", "RIS (Zotero, EndNote)", ...
QString exportMimeType(ExportFormat format);    // for the clipboard and file dialogs

// The export as text (every format is UTF-8 text).
QString exportPapers(const QList<PaperView> &papers, ExportFormat format,
                     const ExportOptions &options = {});

// Writes UTF-8 through a temporary file renamed into place, so a failure never leaves a half
// file. On failure returns false and *error names the file.
bool writeTextFile(const QString &path, const QString &text, QString *error);

} // namespace paperboy
