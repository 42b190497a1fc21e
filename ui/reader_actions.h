#pragma once

// Every command of the window as a named QAction with its shortcut, in one place; the menus,
// the context menu and the shortcuts help are all built from these.
//
// Single-letter shortcuts live on the window, and text fields (filter, note, tags) take
// printable keys first through Qt's ShortcutOverride, so typing "s" in a note writes an "s".

#include <QList>
#include <QObject>

class QAction;
class QMenuBar;
class QMenu;
class QWidget;

namespace paperboy {

struct ReaderActions
{
    explicit ReaderActions(QWidget *window);

    QAction *importFiles;
    QAction *fetchToday;
    QAction *quit;

    QAction *nextPaper;
    QAction *previousPaper;
    QAction *nextDay;
    QAction *previousDay;
    QAction *focusFilter;
    QAction *focusNote;
    QAction *focusList;

    QAction *toggleStar;
    QAction *toggleRead;
    QAction *markAllRead;
    QAction *openAbstract;
    QAction *openPdf;
    QAction *openCode;
    QAction *copyLink;
    QAction *copyId;

    QAction *shortcutsHelp;
    QAction *about;

    // Actions acting on the selected paper: enabled only while one is shown.
    QList<QAction *> paperActions() const;
    // Everything with a shortcut, grouped as the help shows it.
    QList<QList<QAction *>> groups() const;

    void buildMenus(QMenuBar *bar) const;
    void fillContextMenu(QMenu *menu) const;
};

} // namespace paperboy
