#pragma once

// Every command of the window as a named QAction with its shortcut, in one place; the menus,
// the context menu and the shortcuts help are all built from these.
//
// Single-letter shortcuts live on the window, and text fields (filter, note, tags) take
// printable keys first through Qt's ShortcutOverride, so typing "s" in a note writes an "s".

#include <QCoreApplication>
#include <QList>
#include <QObject>

class QAction;
class QMenuBar;
class QMenu;
class QWidget;

namespace paperboy {

struct ReaderActions
{
    Q_DECLARE_TR_FUNCTIONS(paperboy::ReaderActions)

public:
    explicit ReaderActions(QWidget *window);

    QAction *importFiles;
    QAction *addPapers; // issue #21: the arXiv links or ids on the clipboard (Ctrl+V)
    QAction *fetchToday;
    QAction *fetchDays;
    QAction *checkVersions;
    QAction *exportPapers;
    QAction *backupUserData;
    QAction *restoreUserData;
    QAction *quit;

    QAction *nextPaper;
    QAction *previousPaper;
    QAction *nextDay;
    QAction *previousDay;
    QAction *focusFilter;
    QAction *focusSearch;
    QAction *focusNote;
    QAction *focusTags;
    QAction *focusList;

    QAction *toggleStar;
    QAction *toggleRead;
    QAction *markAllRead;
    QAction *openAbstract;
    QAction *openPdf;
    QAction *openCode;
    QAction *openProject;
    QAction *copyLink;
    QAction *copyId;
    QAction *copyBibtex;
    QAction *copyRis;
    QAction *copyCslJson;
    QAction *saveToZotero; // issue #21 (z)
    QAction *addTag;
    QAction *saveSearch;
    QAction *showTrends;
    QAction *translatePaper;
    QAction *translateAgain; // a new machine translation of the paper on screen (forced)
    QAction *translateDay;

    QAction *shortcutsHelp;
    QAction *about;

    // Actions acting on the selected paper: enabled only while one is shown.
    QList<QAction *> paperActions() const;
    // Everything with a shortcut, grouped as the help shows it.
    QList<QList<QAction *>> groups() const;

    void buildMenus(QMenuBar *bar) const;
    // The list's menu; `tagMenu` gets the tags to add (filled by the window).
    void fillContextMenu(QMenu *menu, QMenu *tagMenu) const;
};

// An action's text for a button or the shortcuts help, without its accelerator, whether it is
// written "&File" or, as Chinese menus write it, "文件(&F)".
QString withoutAccelerator(const QString &text);

} // namespace paperboy
