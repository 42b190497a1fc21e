#pragma once

// Papers as Markdown notes for a knowledge base (issue #21): one file per paper in a folder
// such as an Obsidian or Logseq vault, named by arXiv id ("2401.01234.md"; an old-style id's
// slash becomes '_': "hep-th_9901001.md"). Each file is
//
//   ---                                  YAML front matter, written by Paperboy:
//   id, title, authors, categories, tags, links (abs, pdf, code, doi), published, updated,
//   listed (the first digest's day)
//   ---
//   # Title
//   the reader's Paperboy note
//   <!-- paperboy: ... -->               the marker line (kMarkdownNotesMarker)
//   anything the reader writes in the vault
//
// The next export rewrites everything above the marker and keeps every byte below it. A file
// of that name without the marker is not Paperboy's (or the marker was deleted): it is left
// alone and reported, never overwritten. An unchanged note is not rewritten. Each file is
// replaced whole through a temporary file, so a failure never leaves half a note.

#include "core/paper.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

inline constexpr char kMarkdownNotesMarker[] =
    "<!-- paperboy: everything above this line is rewritten by the next export; "
    "write your own text below it -->";

struct MarkdownNotesResult
{
    QStringList created; // file paths
    QStringList updated;
    QStringList unchanged;
    QStringList skipped; // files without the marker: left alone
    QString error;       // the first failure; the files before it are written

    bool ok() const { return error.isEmpty(); }
};

// The file name of a paper's note: "2401.01234.md", "hep-th_9901001.md".
QString markdownNoteFileName(const QString &arxivId);
// What Paperboy writes above the marker, the marker line included.
QString markdownNoteHead(const PaperView &view);
// Writes or updates one note per paper in `folder` (created if missing).
MarkdownNotesResult writeMarkdownNotes(const QList<PaperView> &papers, const QString &folder);

} // namespace paperboy
