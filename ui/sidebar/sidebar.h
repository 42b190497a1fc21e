#pragma once

// The left pane: the search box, days with digests (year > month > day, with counts), a
// calendar jump, the smart views, saved searches and tags, and the category filters.

#include "sidebar/day_tree_model.h"
#include "library/library.h"

#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QListWidget;
class QToolButton;
class QTreeView;

namespace paperboy {

class ViewsPanel;

class Sidebar : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);

    DayTreeModel *dayModel() const { return m_days; }
    QTreeView *dayTree() const { return m_tree; }
    ViewsPanel *viewsPanel() const { return m_viewsPanel; }
    QLineEdit *searchEdit() const { return m_search; }

    void setDays(const QList<DaySummary> &days);
    // Hook for the fetcher: mark a day as failed or incomplete (text beside it, icon, tooltip).
    void setDayStatus(const QDate &date, const DayStatus &status);
    // Replaces every day's status at once (days without a digest get a row of their own).
    void setDayStatuses(const QHash<QDate, DayStatus> &statuses);
    void setCounts(const SidebarCounts &counts);
    void focusSearch();

    // Selects without emitting sourceChosen; the caller loads the list itself.
    void showSource(const ListSource &source);
    ListSource currentSource() const { return m_current; }
    QStringList checkedCategories() const;

signals:
    void sourceChosen(const paperboy::ListSource &source);
    void categoriesChanged(const QStringList &categories);
    void message(const QString &text);
    void searchEdited(const QString &text);
    void searchSubmitted(const QString &text);
    void fetchDayRequested(const QDate &date);

private:
    void chooseDay(const QModelIndex &index);
    void showDayMenu(const QPoint &pos);
    void updateCalendar(const QList<DaySummary> &days);
    void updateCategories(const QList<DaySummary> &days);
    void expandAround(const QDate &date);

    DayTreeModel *m_days = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_jump = nullptr;
    QCalendarWidget *m_calendar = nullptr;
    QLineEdit *m_search = nullptr;
    ViewsPanel *m_viewsPanel = nullptr;
    QListWidget *m_categories = nullptr;
    ListSource m_current;
    bool m_updating = false;
};

} // namespace paperboy
