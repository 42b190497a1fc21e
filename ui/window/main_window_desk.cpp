#include "window/main_window_desk.h"

#include "desk/add_controller.h"
#include "desk/zotero_controller.h"
#include "paperlist/paper_list_panel.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QWidget>

namespace paperboy {

void connectDesk(QWidget *window, Library *library, ListController *lists, PaperListPanel *list,
                 const ReaderActions &actions,
                 const std::function<void(const QString &, bool)> &status)
{
    auto *adder = new AddController(library, lists, window);
    auto *zotero = new ZoteroController(window);
    QObject::connect(adder, &AddController::message, window, status);
    QObject::connect(zotero, &ZoteroController::message, window, status);
    QObject::connect(actions.addPapers, &QAction::triggered, adder,
                     &AddController::pasteFromClipboard);
    QObject::connect(actions.saveToZotero, &QAction::triggered, zotero,
                     [zotero, list] { zotero->save(list->selectedPapers()); });
}

AddController *deskAdder(const QWidget *window)
{
    return window->findChild<AddController *>(QString(), Qt::FindDirectChildrenOnly);
}

} // namespace paperboy
