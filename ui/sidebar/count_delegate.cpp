#include "sidebar/count_delegate.h"

#include "common/palette_colors.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace paperboy {

CountDelegate::CountDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void CountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &styleOption,
                          const QModelIndex &index) const
{
    const QVariant countValue = index.data(CountRole);
    const int count = countValue.isValid() ? countValue.toInt() : -1;
    QStyleOptionViewItem option = styleOption;
    initStyleOption(&option, index);
    QString countText;
    int countWidth = 0;
    if (count >= 0) {
        countText = QLocale().toString(count);
        countWidth = option.fontMetrics.horizontalAdvance(countText) + 12;
    }
    // The name elides before the count does.
    const QString name = option.text;
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget);
    const QRect nameRect = textRect.adjusted(0, 0, -countWidth, 0);
    painter->save();
    painter->setFont(option.font);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(name, Qt::ElideRight, nameRect.width()));
    if (!countText.isEmpty()) {
        painter->setPen(secondaryTextColor(option.palette, selected));
        painter->drawText(textRect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                          countText);
    }
    painter->restore();
}

} // namespace paperboy
