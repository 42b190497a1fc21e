#include "window/main_window_trends.h"

#include "paperlist/list_controller.h"
#include "trends/trends_window.h"

#include <QAction>

namespace paperboy {

void connectTrendsWindow(QWidget *window, Library *library, ListController *lists, QAction *action)
{
    QObject::connect(action, &QAction::triggered, window, [window, library, lists] {
        auto *trends = window->findChild<TrendsWindow *>();
        if (!trends) {
            trends = new TrendsWindow(library, window);
            QObject::connect(trends, &TrendsWindow::listRequested, window,
                             [window, lists](const ListSource &source) {
                                 lists->showAndList(source);
                                 window->raise();
                                 window->activateWindow();
                             });
        }
        const ListSource source = lists->source();
        if (source.isSearch() && trends->queries().join(QString()).isEmpty())
            trends->setQueries({source.query});
        trends->show();
        trends->raise();
        trends->activateWindow();
    });
}

} // namespace paperboy
