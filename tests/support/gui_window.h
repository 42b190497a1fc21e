#pragma once

// Driving the reader window as a user would: through objectNames, clicks and keys.
// Header-only, for the tests/gui programs (which link the UI library).

#include "sidebar/day_tree_model.h"
#include "window/main_window.h"
#include "paperlist/paper_list_panel.h"
#include "store/database.h"
#include "store/store.h"

#include <QListView>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace paperboy::gui_test {

inline std::unique_ptr<MainWindow> openWindow(const QString &databasePath,
                                              bool importSample = false)
{
    MainWindow::Options options;
    options.importSample = importSample;
    auto window = std::make_unique<MainWindow>(databasePath, options);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active; shortcuts may not fire");
    return window;
}

inline QListView *paperListView(MainWindow &window)
{
    return window.findChild<QListView *>(QStringLiteral("paperList"));
}

inline int listedCount(MainWindow &window)
{
    return paperListView(window)->model()->rowCount();
}

inline QString currentId(MainWindow &window)
{
    return window.paperList()->currentId();
}

// Clicks the day in the sidebar; true when it became the current day.
inline bool chooseDay(MainWindow &window, const QDate &date)
{
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("dayTree"));
    auto *model = qobject_cast<DayTreeModel *>(tree ? tree->model() : nullptr);
    if (!model)
        return false;
    const QModelIndex index = model->indexOfDate(date);
    if (!index.isValid())
        return false;
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    return tree->currentIndex().siblingAtColumn(0) == index;
}

// Clicks the paper at `row` of the (filtered) list.
inline bool selectRow(MainWindow &window, int row)
{
    QListView *view = paperListView(window);
    if (!view || row >= view->model()->rowCount())
        return false;
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    return view->currentIndex() == index;
}

// What another process would read from the file, on its own connection.
inline UserState storedState(const QString &databasePath, const QString &id)
{
    Database database;
    if (!database.open(databasePath, Database::Mode::ReadOnly))
        return {};
    return Store(database).userState(id);
}

} // namespace paperboy::gui_test
