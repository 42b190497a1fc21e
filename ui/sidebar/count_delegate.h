#pragma once

// Sidebar rows with a number at the right end (smart views, saved searches, tags): the style
// draws the row, the count is drawn in the secondary colour so names stay the focus.

#include <QStyledItemDelegate>

namespace paperboy {

class CountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The role holding the count (an int; negative or missing: nothing drawn).
    static constexpr int CountRole = Qt::UserRole + 20;

    explicit CountDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace paperboy
