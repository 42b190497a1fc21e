#pragma once

// The left pane: days with digests (year > month > day, with counts), a calendar jump, the
// smart views, and the category filters.

#include "day_tree_model.h"
#include "library.h"

#include <QWidget>

class QCalendarWidget;
class QListWidget;
class QToolButton;
class QTreeView;

namespace paperboy {

class Sidebar : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);

    DayTreeModel *dayModel() const { return m_days; }
    QTreeView *dayTree() const { return m_tree; }

    void setDays(const QList<DaySummary> &days);
    // Hook for the fetcher: mark a day as failed or incomplete (text beside it, icon, tooltip).
    void setDayStatus(const QDate &date, const DayStatus &status);
    void clearDayStatus(const QDate &date);

    // Selects without emitting sourceChosen; the caller loads the list itself.
    void showSource(const ListSource &source);
    ListSource currentSource() const { return m_current; }
    QStringList checkedCategories() const;

signals:
    void sourceChosen(const paperboy::ListSource &source);
    void categoriesChanged(const QStringList &categories);
    void message(const QString &text);

private:
    void chooseDay(const QModelIndex &index);
    void chooseSmartView(int row);
    void updateCalendar(const QList<DaySummary> &days);
    void updateCategories(const QList<DaySummary> &days);
    void expandAround(const QDate &date);

    DayTreeModel *m_days = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_jump = nullptr;
    QCalendarWidget *m_calendar = nullptr;
    QListWidget *m_views = nullptr;
    QListWidget *m_categories = nullptr;
    ListSource m_current{ListKind::Day, {}};
    bool m_updating = false;
};

} // namespace paperboy
