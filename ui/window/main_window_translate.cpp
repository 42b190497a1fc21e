// The reader window's wiring of both languages (#17): the translation controller's actions,
// the detail pane's buttons, automatic runs after fetches, imports and stars.

#include "window/main_window.h"

#include "detail/detail_pane.h"
#include "fetch/fetch_controller.h"
#include "fetch/import_controller.h"
#include "paperlist/list_controller.h"
#include "paperlist/paper_list_panel.h"
#include "translate/translation_controller.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>

namespace paperboy {

void MainWindow::connectTranslation(bool completeEnglish)
{
    m_translate = new TranslationController(m_library, m_list, m_detail, this, completeEnglish);
    statusBar()->addPermanentWidget(m_translate->progressWidget());
    connect(m_translate, &TranslationController::message, this,
            [this](const QString &text, bool isError) { showStatus(text, isError); });
    connect(m_translate, &TranslationController::messageWithdrawn, this,
            [this](const QString &text) {
                if (m_status->text() == text)
                    showStatus(QString());
            });
    connect(m_translate, &TranslationController::papersChanged, this,
            &MainWindow::reloadEverything);

    const ReaderActions &a = *m_actions;
    connect(a.translatePaper, &QAction::triggered, m_translate,
            [this] { m_translate->translateCurrent(); });
    connect(a.translateAgain, &QAction::triggered, m_translate,
            [this] { m_translate->translateCurrent(true); });
    connect(a.translateDay, &QAction::triggered, this, [this] {
        // The day on screen, else the day of the paper on screen.
        const QDate date = m_lists->source().kind == ListKind::Day ? m_lists->source().date
                                                                   : m_detail->paper().digestDate;
        if (date.isValid())
            m_translate->translateDay(date);
        else
            showStatus(tr("Choose a day first: Translate This Day works on a day's papers."));
    });
    connect(m_detail, &DetailPane::translateRequested, m_translate,
            &TranslationController::translateCurrent);
    connect(m_detail, &DetailPane::translationEdited, m_translate,
            &TranslationController::saveUserTranslation);

    connect(m_fetch, &FetchController::fetchFinished, m_translate,
            &TranslationController::fetchFinished);
    connect(m_translate, &TranslationController::codeLinksArrived, this,
            &MainWindow::announceCodeLinks);
    connect(m_import, &ImportController::imported, m_translate,
            &TranslationController::papersImported);
}

} // namespace paperboy
