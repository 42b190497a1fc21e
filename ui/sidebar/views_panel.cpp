#include "sidebar/views_panel.h"

#include "common/plain_tool_tip.h"
#include "sidebar/count_delegate.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

namespace paperboy {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;
constexpr int kQueryRole = Qt::UserRole + 3;

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QListWidget *makeList(const char *objectName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(QLatin1String(objectName));
    list->setItemDelegate(new CountDelegate(list));
    list->setUniformItemSizes(true);
    list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return list;
}

} // namespace

ViewsPanel::ViewsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("viewsPanel"));
    m_views = makeList("smartViews", this);
    const struct
    {
        ListKind kind;
        QString glyph;
        QString name;
    } views[] = {{ListKind::Starred, QStringLiteral("\u2605"), tr("Starred")},
                 {ListKind::Annotated, QStringLiteral("\u270E"), tr("Annotated")},
                 {ListKind::Unread, QStringLiteral("\u25CF"), tr("Unread")},
                 {ListKind::Updated, QStringLiteral("\u21BB"), tr("Updated")},
                 {ListKind::ForYou, QStringLiteral("\u2726"), tr("For You")},
                 {ListKind::Followed, QStringLiteral("\u263A"), tr("Followed Authors")},
                 {ListKind::Added, QStringLiteral("\u271A"), tr("Added")}};
    for (const auto &view : views) {
        auto *item = new QListWidgetItem(view.glyph + QStringLiteral("  ") + view.name, m_views);
        item->setData(kKindRole, int(view.kind));
    }
    m_views->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_views->item(4)->setToolTip(
        tr("Unread papers of the last 7 days, best first by what you starred"));
    fitHeight(m_views, m_views->count());

    m_searchesLabel = sectionLabel(tr("Saved Searches"), this);
    m_searches = makeList("savedSearchList", this);
    m_searches->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_searches, &QWidget::customContextMenuRequested, this, &ViewsPanel::showSearchMenu);

    m_tagsLabel = sectionLabel(tr("Tags"), this);
    m_tags = makeList("tagList", this);
    m_tags->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tags, &QWidget::customContextMenuRequested, this, &ViewsPanel::showTagMenu);

    for (QListWidget *list : {m_views, m_searches, m_tags}) {
        connect(list, &QListWidget::currentItemChanged, this, [this, list](QListWidgetItem *item) {
            if (!m_updating && item)
                choose(list, item);
        });
        connect(list, &QListWidget::itemClicked, this,
                [this, list](QListWidgetItem *item) { choose(list, item); });
    }
    for (QWidget *hidden :
         std::initializer_list<QWidget *>{m_searchesLabel, m_searches, m_tagsLabel, m_tags})
        hidden->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionLabel(tr("Views"), this));
    layout->addWidget(m_views);
    layout->addWidget(m_searchesLabel);
    layout->addWidget(m_searches);
    layout->addWidget(m_tagsLabel);
    layout->addWidget(m_tags);
}

void ViewsPanel::fitHeight(QListWidget *list, int maxRows)
{
    const int rows = qBound(1, list->count(), maxRows);
    const int rowHeight = list->count() > 0 ? list->sizeHintForRow(0) : fontMetrics().height() + 4;
    list->setFixedHeight(rowHeight * rows + 2 * list->frameWidth() + 2);
    list->setVerticalScrollBarPolicy(list->count() > maxRows ? Qt::ScrollBarAsNeeded
                                                             : Qt::ScrollBarAlwaysOff);
}

void ViewsPanel::setCounts(const SidebarCounts &sidebar)
{
    m_updating = true;
    const SmartViewCounts &counts = sidebar.counts;
    // For You counts the papers it will rank (counted on the reader thread, not ranked).
    const int viewCounts[] = {counts.starred, counts.annotated, counts.unread, counts.updated,
                              counts.forYou,  counts.followed,  counts.added};
    for (int row = 0; row < m_views->count(); ++row)
        m_views->item(row)->setData(CountDelegate::CountRole, viewCounts[row]);

    QHash<QString, int> searchCounts;
    for (const NamedCount &count : counts.savedSearches)
        searchCounts.insert(count.name, count.papers);
    m_searches->clear();
    for (const SavedSearch &search : sidebar.savedSearches) {
        auto *item = new QListWidgetItem(QStringLiteral("\u26B2  ") + search.name, m_searches);
        item->setData(kKindRole, int(ListKind::SavedSearch));
        item->setData(kNameRole, search.name);
        item->setData(kQueryRole, search.query);
        item->setData(CountDelegate::CountRole, searchCounts.value(search.name, -1));
        item->setToolTip(plainToolTip(search.query));
    }
    m_tags->clear();
    m_tagNames.clear();
    for (const NamedCount &tag : counts.tags) {
        auto *item = new QListWidgetItem(QStringLiteral("#  ") + tag.name, m_tags);
        item->setData(kKindRole, int(ListKind::Tag));
        item->setData(kNameRole, tag.name);
        item->setData(CountDelegate::CountRole, tag.papers);
        m_tagNames.append(tag.name);
    }
    m_searchesLabel->setVisible(m_searches->count() > 0);
    m_searches->setVisible(m_searches->count() > 0);
    m_tagsLabel->setVisible(m_tags->count() > 0);
    m_tags->setVisible(m_tags->count() > 0);
    fitHeight(m_searches, 5);
    fitHeight(m_tags, 8);
    m_updating = false;
    showSource(m_current);
}

ListSource ViewsPanel::sourceOf(const QListWidget *list, const QListWidgetItem *item) const
{
    const auto kind = ListKind(item->data(kKindRole).toInt());
    if (list == m_searches) {
        // The sort order is the searcher's choice, kept by whoever runs it.
        return ListSource::savedSearch(item->data(kNameRole).toString(),
                                       item->data(kQueryRole).toString(), m_current.byRelevance);
    }
    if (list == m_tags)
        return ListSource::tag(item->data(kNameRole).toString());
    return ListSource::view(kind);
}

void ViewsPanel::choose(QListWidget *list, QListWidgetItem *item)
{
    const ListSource source = sourceOf(list, item);
    if (source.kind == m_current.kind && source.name == m_current.name &&
        source.query == m_current.query)
        return;
    showSource(source);
    emit sourceChosen(source);
}

void ViewsPanel::clearOthers(QListWidget *keep)
{
    for (QListWidget *list : {m_views, m_searches, m_tags}) {
        if (list == keep)
            continue;
        list->clearSelection();
        list->setCurrentRow(-1);
    }
}

void ViewsPanel::showSource(const ListSource &source)
{
    m_updating = true;
    m_current = source;
    QListWidget *owner = nullptr;
    for (QListWidget *list : {m_views, m_searches, m_tags}) {
        for (int row = 0; row < list->count(); ++row) {
            const QListWidgetItem *item = list->item(row);
            const ListSource candidate = sourceOf(list, item);
            if (candidate.kind == source.kind && candidate.name == source.name &&
                (source.kind != ListKind::SavedSearch || candidate.query == source.query)) {
                owner = list;
                list->setCurrentRow(row);
            }
        }
    }
    clearOthers(owner);
    m_updating = false;
}

void ViewsPanel::showTagMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_tags->itemAt(pos);
    if (!item)
        return;
    const QString tag = item->data(kNameRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("tagContextMenu"));
    QAction *show = menu.addAction(tr("Show Papers"));
    show->setObjectName(QStringLiteral("showTagAction"));
    connect(show, &QAction::triggered, this, [this, tag] {
        // Counts may have been refreshed while the menu was open: go by name, not by row.
        const ListSource source = ListSource::tag(tag);
        showSource(source);
        emit sourceChosen(source);
    });
    QAction *rename = menu.addAction(tr("Rename or Merge…"));
    rename->setObjectName(QStringLiteral("renameTagAction"));
    rename->setToolTip(tr("Give the tag another name; an existing name merges the two"));
    connect(rename, &QAction::triggered, this, [this, tag] { emit renameTagRequested(tag); });
    menu.exec(m_tags->viewport()->mapToGlobal(pos));
}

void ViewsPanel::showSearchMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_searches->itemAt(pos);
    if (!item)
        return;
    const QString name = item->data(kNameRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("savedSearchContextMenu"));
    QAction *rename = menu.addAction(tr("Rename…"));
    rename->setObjectName(QStringLiteral("renameSavedSearchAction"));
    connect(rename, &QAction::triggered, this,
            [this, name] { emit renameSavedSearchRequested(name); });
    QAction *rule = menu.addAction(tr("Rule for New Papers…"));
    rule->setObjectName(QStringLiteral("ruleSavedSearchAction"));
    rule->setToolTip(tr("Tag, star, mark read, dismiss or highlight the new papers it finds"));
    connect(rule, &QAction::triggered, this,
            [this, name, query = item->data(kQueryRole).toString()] {
                emit ruleRequested(name, query);
            });
    QAction *remove = menu.addAction(tr("Delete"));
    remove->setObjectName(QStringLiteral("deleteSavedSearchAction"));
    connect(remove, &QAction::triggered, this,
            [this, name] { emit deleteSavedSearchRequested(name); });
    menu.exec(m_searches->viewport()->mapToGlobal(pos));
}

} // namespace paperboy
