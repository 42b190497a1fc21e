#include "sidebar/day_bar_delegate.h"

#include "common/palette_colors.h"
#include "sidebar/day_tree_model.h"

#include <QApplication>
#include <QPainter>

#include <cmath>

namespace paperboy {

DayBarDelegate::DayBarDelegate(QAbstractItemModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
    if (!model)
        return;
    auto recount = [this] { m_most = -1; };
    connect(model, &QAbstractItemModel::modelReset, this, recount);
    connect(model, &QAbstractItemModel::dataChanged, this, recount);
    connect(model, &QAbstractItemModel::rowsInserted, this, recount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, recount);
}

int DayBarDelegate::mostPapers() const
{
    if (m_most >= 0 || !m_model)
        return std::max(m_most, 0);
    // Years > months > days: a few thousand rows at most, counted once per change.
    int most = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (index.data(DayTreeModel::LevelRole).toInt() == DayTreeModel::DayLevel)
                most = std::max(most, index.data(DayTreeModel::PapersRole).toInt());
            else
                walk(index);
        }
    };
    walk({});
    m_most = most;
    return most;
}

double DayBarDelegate::barFraction(const QModelIndex &index) const
{
    if (index.data(DayTreeModel::LevelRole).toInt() != DayTreeModel::DayLevel ||
        index.data(DayTreeModel::PlaceholderRole).toBool())
        return -1;
    const int papers = index.data(DayTreeModel::PapersRole).toInt();
    const int most = mostPapers();
    if (papers <= 0 || most <= 0)
        return -1;
    return std::clamp(double(papers) / double(most), 0.0, 1.0);
}

QColor DayBarDelegate::barColor(const QPalette &palette, bool selected)
{
    // Between the accent and the background: seen, never louder than the text.
    const QColor background = palette.color(selected ? QPalette::Highlight : QPalette::Base);
    return mixColors(accentColor(palette, selected), background, selected ? 0.35 : 0.45);
}

void DayBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const double fraction = barFraction(index);
    if (fraction < 0)
        return;
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
    const int width = std::max(1, int(std::lround(text.width() * fraction)));
    const QRect bar(text.left(), option.rect.bottom() - kBarHeight, width, kBarHeight - 1);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(barColor(option.palette, option.state & QStyle::State_Selected));
    painter->drawRoundedRect(bar, 1, 1);
    painter->restore();
}

} // namespace paperboy
