// Fault operations on kept PDFs (issue #21): keeping one with the text of its pages (one
// transaction: the row and every page) and removing one (the row, and its text by trigger).
// Part of the fault sweep; the starting library keeps a PDF of kPaper.

#include "fault_library.h"

#include "core/pdf_files.h"
#include "store/pdf_store.h"

namespace paperboy::test::fault_library {

QStringList sweepPdfPages(int scale)
{
    QStringList pages;
    for (int i = 1; i <= 3 * scale; ++i)
        pages.append(QStringLiteral("Page %1 of the kept PDF: distillation, 蒸馏模型.").arg(i));
    return pages;
}

KeptPdf sweepPdf(const QString &arxivId)
{
    KeptPdf pdf;
    pdf.arxivId = arxivId;
    pdf.fileName = pdfFileNameFor(arxivId);
    pdf.bytes = 123456;
    pdf.addedAt = kNow.addDays(-1);
    return pdf;
}

FaultOperation pdfOperation(const QString &name, int scale)
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    auto pdfCall = [](const std::function<bool(PdfStore &)> &call) -> Run {
        return [call](const QString &path, QString *error) {
            return withStore(path, error, [&](Store &store, QString *message) {
                PdfStore pdfs(store.database());
                pdfs.setClock([] { return kNow; });
                if (call(pdfs))
                    return true;
                *message = pdfs.lastError();
                return false;
            });
        };
    };
    if (name == QLatin1String("pdf-keep")) {
        op.run = pdfCall([scale](PdfStore &pdfs) {
            return pdfs.keep(sweepPdf(QStringLiteral("2306.01667")), sweepPdfPages(scale));
        });
    } else if (name == QLatin1String("pdf-remove")) {
        op.run = pdfCall([](PdfStore &pdfs) {
            bool removed = false;
            return pdfs.remove(kPaper, &removed) && removed;
        });
    } else {
        return {};
    }
    return op;
}

} // namespace paperboy::test::fault_library
