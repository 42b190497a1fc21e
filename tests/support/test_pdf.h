#pragma once

// PDFs with a real text layer, made in the test: one page per text, in Helvetica (one of the
// standard fonts every reader has), so Poppler extracts the words back. Written by hand, byte
// by byte with a correct cross-reference table, to need nothing but QtCore.

#include <QByteArray>
#include <QStringList>

namespace paperboy::test {

// ASCII text only; each line of a page's text becomes a line on the page.
QByteArray makeTextPdf(const QStringList &pageTexts);

} // namespace paperboy::test
