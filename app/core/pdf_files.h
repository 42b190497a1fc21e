#pragma once

// Where kept PDFs live (issue #21): <data folder>/pdfs/, one file per paper named after its
// arXiv id. The library (user_pdfs) stores the file name only, so a moved data folder keeps
// its PDFs.

#include <QString>

namespace paperboy {

QString pdfFolder();
// "2306.05544.pdf"; an old-style id's slash becomes '_' ("hep-th_9901001.pdf").
QString pdfFileNameFor(const QString &arxivId);
// The absolute path of a stored file name; empty for an empty name.
QString pdfPath(const QString &fileName);

} // namespace paperboy
