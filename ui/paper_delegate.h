#pragma once

// Paints a paper as a compact block: marks in a gutter, the title (bold while unread), the
// Chinese title in a lighter colour beneath, then authors, category and a code mark.

#include <QStyledItemDelegate>

namespace paperboy {

class PaperDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PaperDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString starGlyph(bool starred);
    static QString codeMark();

private:
    struct Metrics;
    Metrics metrics(const QStyleOptionViewItem &option) const;
};

} // namespace paperboy
