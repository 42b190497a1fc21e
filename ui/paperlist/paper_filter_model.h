#pragma once

// Narrows the paper list by the filter box and the sidebar's category choice, without a new
// query: both change as the user types or clicks, and the day is already in memory.

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_categories;
};

} // namespace paperboy
