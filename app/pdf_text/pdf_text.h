#pragma once

// The text of a PDF, page by page, through Poppler (Debian's libpoppler-qt6). Its own small
// library (paperboy_pdf_text): Poppler pulls in QtGui, which the core must not link, so the
// command line and the window link this and hand the pages to the store (PdfStore).
// Safe on any thread: each call opens its own document. Slow for big files (a second or more
// for a long paper): the window calls it off the GUI thread.

#include <QString>
#include <QStringList>

#include <functional>

namespace paperboy {

struct PdfText
{
    QStringList pages; // one entry per page, in order; a page without text is empty
    QString error;     // names the file; empty on success

    bool ok() const { return error.isEmpty(); }
};

// `cancelled` (optional) is asked between pages; when it says yes the result carries an error.
PdfText extractPdfText(const QString &path, const std::function<bool()> &cancelled = {});

} // namespace paperboy
