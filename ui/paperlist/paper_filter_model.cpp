#include "paperlist/paper_filter_model.h"

#include "paperlist/paper_list_model.h"
#include "common/paper_text.h"

#include <algorithm>

namespace paperboy {

PaperFilterModel::PaperFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

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
    if (!m_categories.isEmpty()) {
        const QStringList own = categoriesOf(*view);
        if (std::none_of(own.begin(), own.end(),
                         [this](const QString &c) { return m_categories.contains(c); }))
            return false;
    }
    return matchesFilterText(*view, m_text);
}

} // namespace paperboy
