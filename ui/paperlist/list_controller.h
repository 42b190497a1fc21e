#pragma once

// What the paper list shows: the source chosen (a day, a smart view, a tag, a search), its
// heading and empty message, the way back from a search, [ and ] between days, and the list
// following a tag or saved search that was renamed. It asks the library for lists and puts
// what comes back into the list panel; the rows' user data then follows UserData on its own.

#include "library/library.h"

#include <QDate>
#include <QObject>

class QSettings;
class QWidget;

namespace paperboy {

class DayTreeModel;
class DetailPane;
class PaperListPanel;
class Sidebar;

class ListController : public QObject
{
    Q_OBJECT
public:
    ListController(Library *library, Sidebar *sidebar, PaperListPanel *list, DetailPane *detail,
                   QWidget *window);

    ListSource source() const { return m_source; }
    QDate lastDay() const { return m_lastDay; }

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

    // The days arrived: on the first call, list the day shown last time (or the newest).
    void showFirstDay(const QList<DaySummary> &days);
    // Lists `source` (the sidebar already shows it).
    void choose(const ListSource &source);
    // Marks `source` in the sidebar and lists it.
    void showAndList(const ListSource &source);
    // The same, then chooses `arxivId` when the list arrives (a notification was clicked).
    void showAndSelect(const ListSource &source, const QString &arxivId);
    // Back from a search to where the reader was before it.
    void leaveSearch();
    // Reads the current list again (new papers, a renamed tag).
    void reload();
    void setSearchOrder(bool byRelevance);
    void stepDay(int direction);   // +1 newer, -1 older
    void stepPaper(int direction); // +1 next, -1 previous
    // A tag or saved search got a new name (empty: deleted); a list showing it follows.
    void followTagRename(const QString &from, const QString &to);
    void followSavedSearchRename(const QString &from, const QString &to);

    // Papers left the list on screen (For you after "not interested") or came back (undo):
    // its heading counts again.
    void setListedCount(int count);

    QString heading(const ListSource &source, int count, const ListResult &result = {}) const;
    QString emptyMessage(const ListSource &source) const;

signals:
    void sourceChanged(const paperboy::ListSource &source);
    void message(const QString &text, bool isError);

private:
    void onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                      const ListResult &result);
    void onTotalCounted(const ListSource &source, int total);
    DayTreeModel *days() const;

    Library *m_library;
    Sidebar *m_sidebar;
    PaperListPanel *m_list;
    DetailPane *m_detail;
    QWidget *m_window;

    ListSource m_source;
    // What the list shows now, so a match count arriving later can redo its heading.
    int m_listedCount = 0;
    ListResult m_listResult;
    ListSource m_beforeSearch; // where clearing the search box goes back to
    QDate m_lastDay;           // the day shown last, for [ and ] from a smart view
    QString m_wantedPaper;     // selected once its list arrives (restored on start)
};

} // namespace paperboy
