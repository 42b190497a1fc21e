#include "pdf_text/pdf_text.h"

#include <poppler-qt6.h>

#include <QFileInfo>
#include <QRectF>
#include <QVariant>

#include <memory>
#include <mutex>

namespace paperboy {

PdfText extractPdfText(const QString &path, const std::function<bool()> &cancelled)
{
    // Poppler prints what it finds wrong in a file ("Couldn't find trailer dictionary") on
    // stderr; the error returned here names the file instead.
    static std::once_flag quiet;
    std::call_once(quiet, [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
    });
    PdfText result;
    if (!QFileInfo(path).isFile()) {
        result.error = QStringLiteral("%1: no such file").arg(path);
        return result;
    }
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document) {
        result.error = QStringLiteral("%1: not a PDF Poppler can read").arg(path);
        return result;
    }
    if (document->isLocked()) {
        result.error = QStringLiteral("%1: the PDF is locked with a password").arg(path);
        return result;
    }
    const int count = document->numPages();
    result.pages.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (cancelled && cancelled()) {
            result.error = QStringLiteral("%1: cancelled").arg(path);
            result.pages.clear();
            return result;
        }
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        // An empty rectangle asks for the whole page.
        result.pages.append(page ? page->text(QRectF()) : QString());
    }
    return result;
}

} // namespace paperboy
