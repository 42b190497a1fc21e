#pragma once

// The sidebar's days: year > month > day, newest first, only days that have a digest.
// Counts refresh in place (dataChanged) so a recount after marking papers read keeps the
// view's selection and expansion.

#include "store/store.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QHash>
#include <QIcon>
#include <QList>

#include <memory>
#include <vector>

namespace paperboy {

// What the fetcher knows about a day beyond its digests: a failed or partial fetch. A day
// with a status but no digest still gets a row, so a failed day can be fetched again.
struct DayStatus
{
    QString text;    // short, shown beside the day: "incomplete", "failed"
    QString details; // tooltip
    QIcon icon;
};

class DayTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        LabelColumn,
        UnreadColumn,
        PapersColumn,
        ColumnCount
    };
    enum Role
    {
        DateRole = Qt::UserRole + 1,
        LevelRole,
        UnreadRole,
        PapersRole,
        StatusRole,     // the status text, empty when none
        PlaceholderRole // true for a day that has a status but no digest
    };
    enum Level
    {
        YearLevel,
        MonthLevel,
        DayLevel
    };

    explicit DayTreeModel(QObject *parent = nullptr);
    ~DayTreeModel() override;

    void setDays(const QList<DaySummary> &days);
    void setDayStatus(const QDate &date, const DayStatus &status);
    void clearDayStatus(const QDate &date);
    void setDayStatuses(const QHash<QDate, DayStatus> &statuses);

    QList<QDate> dates() const; // days with a digest, newest first
    QModelIndex indexOfDate(const QDate &date, int column = LabelColumn) const;
    // The day with a digest before/after `date` (older/newer); invalid when there is none.
    QDate olderDay(const QDate &date) const;
    QDate newerDay(const QDate &date) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column) const;
    QString label(const Node &node) const;
    void rebuild();
    QList<QDate> placeholderDates() const;
    void announceStatus(const QDate &date);

    std::unique_ptr<Node> m_root;
    QList<DaySummary> m_days; // newest first
    QHash<QDate, Node *> m_dayNodes;
    QHash<QDate, DayStatus> m_status;
    QList<QDate> m_dates;
};

} // namespace paperboy
