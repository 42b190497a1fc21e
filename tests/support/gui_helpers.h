#pragma once

// Driving menus and dialogs the way a user does, for the window tests: a context menu is
// opened with a real QContextMenuEvent and one of its actions (found by objectName) chosen
// while it is open; a dialog is found by objectName once it shows.

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QMenu>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace paperboy::gui_test {

// The first enabled action named `objectName` in `menu` and its submenus.
inline QAction *findMenuAction(QMenu *menu, const QString &objectName)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == objectName && action->isEnabled())
            return action;
        if (QMenu *sub = action->menu())
            if (QAction *found = findMenuAction(sub, objectName))
                return found;
    }
    return nullptr;
}

// Opens the context menu of `widget` (a viewport, usually) at `pos`, triggers the action
// named `actionName` and closes the menu. Returns the actions the menu offered (their
// objectNames, submenus included) so a test can also check what was there.
inline QStringList chooseFromContextMenu(QWidget *widget, const QPoint &pos,
                                         const QString &actionName, bool *triggered = nullptr)
{
    auto offered = std::make_shared<QStringList>();
    auto done = std::make_shared<bool>(false);
    auto *poll = new QTimer;
    poll->setInterval(20);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QObject::connect(poll, &QTimer::timeout, poll, [=] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) {
            if (clock->elapsed() > 5000)
                poll->stop();
            return;
        }
        poll->stop();
        std::function<void(QMenu *)> collect = [&](QMenu *m) {
            for (QAction *action : m->actions()) {
                if (!action->objectName().isEmpty())
                    offered->append(action->objectName());
                if (action->menu())
                    collect(action->menu());
            }
        };
        collect(menu);
        QAction *action = findMenuAction(menu, actionName);
        menu->close();
        if (action && action->isEnabled()) {
            action->trigger();
            *done = true;
        }
    });
    poll->start();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &event);
    // The menu ran its own loop; if none opened, give the timer its time here.
    QElapsedTimer waited;
    waited.start();
    while (poll->isActive() && waited.elapsed() < 6000)
        QTest::qWait(20);
    delete poll;
    if (triggered)
        *triggered = *done;
    return *offered;
}

// The top-level widget named `objectName` (a dialog), once it is visible.
template <typename T> T *waitForWindow(const QString &objectName, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *found = qobject_cast<T *>(widget))
                if (found->objectName() == objectName && found->isVisible())
                    return found;
        QTest::qWait(20);
    }
    return nullptr;
}

} // namespace paperboy::gui_test
