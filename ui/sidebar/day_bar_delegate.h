#pragma once

// The sidebar's days (issue #22): each day's label carries a quiet bar along its foot, as
// long as the day's paper count against the largest day in the sidebar, so busy and quiet
// days show at a glance. Years, months, repeats (no papers of their own) and days without a
// listing have none.

#include <QPointer>
#include <QStyledItemDelegate>

class QAbstractItemModel;

namespace paperboy {

class DayBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `model` is the DayTreeModel the delegate draws; the largest day is counted again after
    // it changes.
    explicit DayBarDelegate(QAbstractItemModel *model, QObject *parent = nullptr);

    static constexpr int kBarHeight = 3;

    // The bar's length as a fraction of the label's width (0..1); negative for no bar.
    double barFraction(const QModelIndex &index) const;
    // The bar's colour: the accent, faint, readable on a selected row too.
    static QColor barColor(const QPalette &palette, bool selected);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int mostPapers() const;

    QPointer<QAbstractItemModel> m_model;
    mutable int m_most = -1; // the largest day's papers; -1: to count again
};

} // namespace paperboy
