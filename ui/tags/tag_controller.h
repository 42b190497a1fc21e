#pragma once

// Tags beyond the detail pane's field: adding a tag to the selected papers from the list's
// menu, and renaming or merging a tag across the library from the sidebar. Both are written
// by UserData, whose change signal brings the new tags to the rows and the detail pane.

#include "library/user_data.h"

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace paperboy {

class PaperListPanel;

class TagController : public QObject
{
    Q_OBJECT
public:
    TagController(UserData *user, PaperListPanel *list, QWidget *window);

    void setKnownTags(const QStringList &tags) { m_tags = tags; }
    QStringList knownTags() const { return m_tags; }

    // The list menu's "Tag" submenu: the library's tags (checked when every selected paper
    // has it) and "New Tag…".
    QMenu *buildTagMenu(QWidget *parent, QAction *newTagAction);

    // Adds `tag` to every selected paper that lacks it.
    void addTagToSelection(const QString &tag);
    // Asks for a name (newTagDialog), then adds it to the selection.
    void askNewTag();
    // Asks for the new name (renameTagDialog); an existing name merges the two tags.
    void askToRename(const QString &tag);

signals:
    void message(const QString &text, bool isError);
    void tagRenamed(const QString &from, const QString &to);

private:
    UserData *m_user;
    PaperListPanel *m_list;
    QWidget *m_window;
    QStringList m_tags;
};

} // namespace paperboy
