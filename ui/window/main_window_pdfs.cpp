#include "window/main_window_pdfs.h"

#include "detail/detail_pane.h"
#include "library/library.h"
#include "paperlist/list_controller.h"
#include "pdf/pdf_controller.h"
#include "pdf/pdf_line.h"

#include <QAction>

namespace paperboy {

PdfController *connectPdfs(QWidget *window, Library *library, DetailPane *detail,
                           ListController *lists, QAction *openPdf,
                           std::function<void(const QString &, bool)> showStatus)
{
    auto *pdfs = new PdfController(library, window);
    auto *line = new PdfLine(pdfs);
    detail->addHeaderLine(line);
    // During a search the line says on which pages of the PDF its words are.
    auto query = [lists] {
        const ListSource source = lists->source();
        return source.isSearch() ? source.query : QString();
    };
    QObject::connect(detail, &DetailPane::paperShown, line,
                     [line, query](const QString &id) { line->showPaper(id, query()); });
    // A new search may keep the same paper on screen: its pages are those of the new words.
    QObject::connect(library, &Library::listLoaded, line, [line, detail, query] {
        if (detail->hasPaper())
            line->showPaper(detail->paper().paper.arxivId, query());
    });
    QObject::connect(openPdf, &QAction::triggered, pdfs, [pdfs, detail] {
        if (detail->hasPaper())
            pdfs->openOrOffer(detail->paper().paper.arxivId, detail->pdfLink());
    });
    QObject::connect(pdfs, &PdfController::status, window, std::move(showStatus));
    return pdfs;
}

} // namespace paperboy
