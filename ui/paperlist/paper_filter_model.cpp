#include "paperlist/paper_filter_model.h"

#include "common/paper_text.h"
#include "paperlist/paper_list_model.h"

#include <algorithm>

namespace paperboy {

PaperFilterModel::PaperFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    connect(this, &QSortFilterProxyModel::sourceModelChanged, this, [this] {
        if (sourceModel())
            connect(sourceModel(), &QAbstractItemModel::modelReset, this, [this] {
                if (!m_hideRead)
                    return;
                takeReadSnapshot();
                invalidateRowsFilter();
            });
    });
}

void PaperFilterModel::takeReadSnapshot()
{
    m_readWhenListed.clear();
    const auto *model = qobject_cast<const PaperListModel *>(sourceModel());
    if (!model)
        return;
    for (const PaperView &view : model->papers())
        if (view.user.read)
            m_readWhenListed.insert(view.paper.arxivId);
}

void PaperFilterModel::setHideRead(bool hide)
{
    if (hide == m_hideRead)
        return;
    m_hideRead = hide;
    if (hide)
        takeReadSnapshot();
    else
        m_readWhenListed.clear();
    invalidateRowsFilter();
}

void PaperFilterModel::setSortByScore(bool byScore)
{
    if (byScore == m_byScore)
        return;
    m_byScore = byScore;
    if (auto *model = qobject_cast<PaperListModel *>(sourceModel()); model && byScore)
        model->fetchAll(); // a proxy sorts only the rows it was handed
    sort(byScore ? 0 : -1, Qt::DescendingOrder);
}

bool PaperFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(PaperListModel::ScoreRole);
    const QVariant b = right.data(PaperListModel::ScoreRole);
    // Unscored papers go last; ties keep the list's own order (descending sort: reversed).
    if (a.isValid() != b.isValid())
        return !a.isValid();
    if (a.isValid() && a.toDouble() != b.toDouble())
        return a.toDouble() < b.toDouble();
    return left.row() > right.row();
}

void PaperFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void PaperFilterModel::setCategories(const QStringList &categories)
{
    if (categories == m_categories)
        return;
    m_categories = categories;
    invalidateRowsFilter();
}

bool PaperFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const PaperListModel *>(sourceModel());
    const PaperView *view = model ? model->paperAt(sourceRow) : nullptr;
    if (!view)
        return true;
    if (m_hideRead && m_readWhenListed.contains(view->paper.arxivId))
        return false;
    if (!m_categories.isEmpty()) {
        const QStringList own = categoriesOf(*view);
        if (std::none_of(own.begin(), own.end(),
                         [this](const QString &c) { return m_categories.contains(c); }))
            return false;
    }
    return matchesFilterText(*view, m_text);
}

} // namespace paperboy
