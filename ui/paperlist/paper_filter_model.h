#pragma once

// Narrows the paper list by the filter box and the sidebar's category choice, without a new
// query: both change as the user types or clicks, and the day is already in memory.

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace paperboy {

class PaperListModel;

class PaperFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PaperFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    // Empty: every category.
    void setCategories(const QStringList &categories);
    QStringList categories() const { return m_categories; }
    // Hides the papers that were read when the list arrived (or the toggle was switched on);
    // a paper read while on screen stays until the list is read again.
    void setHideRead(bool hide);
    bool hidesRead() const { return m_hideRead; }
    // Best first by the ranking's score (PaperListModel::ScoreRole); else the list's order.
    void setSortByScore(bool byScore);
    bool sortsByScore() const { return m_byScore; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void takeReadSnapshot();

    bool m_hideRead = false;
    bool m_byScore = false;
    QSet<QString> m_readWhenListed;
    QString m_text;
    QStringList m_categories;
};

} // namespace paperboy
