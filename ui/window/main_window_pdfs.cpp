#include "window/main_window_pdfs.h"

#include "detail/detail_pane.h"
#include "library/library.h"
#include "paperlist/list_controller.h"
#include "paperlist/paper_list_model.h"
#include "pdf/pdf_controller.h"
#include "pdf/pdf_line.h"

#include <QAction>

namespace paperboy {

PdfController *connectPdfs(QWidget *window, Library *library, DetailPane *detail,
                           ListController *lists, PaperListModel *model, QAction *openPdf,
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
    // The list's rows say them too.
    QObject::connect(library, &Library::listLoaded, line,
                     [line, detail, query, pdfs, model](const ListSource &source,
                                                        const QList<PaperView> &papers) {
                         if (detail->hasPaper())
                             line->showPaper(detail->paper().paper.arxivId, query());
                         if (!source.isSearch() || source.query.trimmed().isEmpty())
                             return;
                         QStringList ids;
                         for (const PaperView &view : papers)
                             ids.append(view.paper.arxivId);
                         pdfs->lookUpPages(source.query, ids, model,
                                           [model](const QHash<QString, QList<int>> &pages) {
                                               model->setPdfPages(pages);
                                           });
                     });
    QObject::connect(openPdf, &QAction::triggered, pdfs, [pdfs, detail] {
        if (detail->hasPaper())
            pdfs->openOrOffer(detail->paper().paper.arxivId, detail->pdfLink());
    });
    QObject::connect(pdfs, &PdfController::status, window, std::move(showStatus));
    return pdfs;
}

} // namespace paperboy
