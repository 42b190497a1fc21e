#pragma once

// The sidebar's lists that are not days: the smart views (Starred, Annotated, Unread), the
// saved searches and the tags, each row with its count. Choosing a row asks for that list;
// renaming and deleting go out as requests, since they write user data.

#include "library/library.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace paperboy {

class ViewsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ViewsPanel(QWidget *parent = nullptr);

    QListWidget *smartViews() const { return m_views; }
    QListWidget *savedSearches() const { return m_searches; }
    QListWidget *tags() const { return m_tags; }

    void setCounts(const SidebarCounts &counts);
    QStringList tagNames() const { return m_tagNames; }
    // Marks the row of `source`, or none; emits nothing.
    void showSource(const ListSource &source);

signals:
    void sourceChosen(const paperboy::ListSource &source);
    void renameTagRequested(const QString &tag);
    void renameSavedSearchRequested(const QString &name);
    void deleteSavedSearchRequested(const QString &name);
    // The saved search's rule: an action on the new papers it finds (issue #16).
    void ruleRequested(const QString &name, const QString &query);

private:
    void choose(QListWidget *list, QListWidgetItem *item);
    ListSource sourceOf(const QListWidget *list, const QListWidgetItem *item) const;
    void clearOthers(QListWidget *keep);
    void fitHeight(QListWidget *list, int maxRows);
    void showTagMenu(const QPoint &pos);
    void showSearchMenu(const QPoint &pos);

    QListWidget *m_views = nullptr;
    QLabel *m_searchesLabel = nullptr;
    QListWidget *m_searches = nullptr;
    QLabel *m_tagsLabel = nullptr;
    QListWidget *m_tags = nullptr;
    QStringList m_tagNames;
    ListSource m_current;
    bool m_updating = false;
};

} // namespace paperboy
