#pragma once

// Do the window's views agree with the library file about the reader's data? The list's row,
// the detail pane (star, tags, note), the sidebar's smart-view and tag counts and the day's
// unread count are compared with what another connection reads from the file. Each function
// returns the first disagreement in words, empty when everything agrees, so a test can wait
// for agreement with QTRY_COMPARE(..., QString()) and still say what was wrong.

#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "search/smart_views.h"
#include "sidebar/count_delegate.h"
#include "sidebar/day_tree_model.h"
#include "sidebar/sidebar.h"
#include "store/database.h"
#include "store/store.h"
#include "tags/tags_edit.h"
#include "window/main_window.h"

#include <QListWidget>
#include <QToolButton>

namespace paperboy::gui_test {

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

inline QString describe(const char *what, const QVariant &shown, const QVariant &stored)
{
    return QStringLiteral("%1: window %2, file %3")
        .arg(QLatin1String(what), shown.toString(), stored.toString());
}

// The list's row and, when it shows the paper, the detail pane.
inline QString viewsDisagree(MainWindow &window, const QString &databasePath, const QString &id)
{
    Database database;
    if (!database.open(databasePath, Database::Mode::ReadOnly))
        return QStringLiteral("cannot open the file: %1").arg(database.error());
    const UserState stored = Store(database).userState(id);

    PaperListModel *model = window.paperList()->model();
    const int row = model->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = model->index(row);
        if (index.data(PaperListModel::StarredRole).toBool() != stored.starred)
            return describe("list star", index.data(PaperListModel::StarredRole), stored.starred);
        if (index.data(PaperListModel::ReadRole).toBool() != stored.read)
            return describe("list read", index.data(PaperListModel::ReadRole), stored.read);
        if (index.data(PaperListModel::HasNoteRole).toBool() != !stored.note.trimmed().isEmpty())
            return describe("list note", index.data(PaperListModel::HasNoteRole), stored.note);
        if (model->papers().at(row).user.note != stored.note)
            return describe("list note text", model->papers().at(row).user.note, stored.note);
        const QStringList tags = index.data(PaperListModel::TagsRole).toStringList();
        if (sorted(tags) != stored.tags)
            return describe("list tags", tags.join(u','), stored.tags.join(u','));
    }
    DetailPane *detail = window.detailPane();
    if (detail->hasPaper() && detail->paper().paper.arxivId == id) {
        auto *star = detail->findChild<QToolButton *>(QStringLiteral("starButton"));
        if (star->isChecked() != stored.starred)
            return describe("detail star", star->isChecked(), stored.starred);
        const QStringList tags = detail->tagsEdit()->tags();
        if (sorted(tags) != stored.tags)
            return describe("detail tags", tags.join(u','), stored.tags.join(u','));
        NoteEditor *note = detail->noteEditor();
        if (!note->isDirty() && !note->hasConflict() && note->toPlainText() != stored.note)
            return describe("detail note", note->toPlainText(), stored.note);
        if (detail->paper().user.starred != stored.starred ||
            detail->paper().user.read != stored.read || detail->paper().user.note != stored.note)
            return QStringLiteral("detail pane's copy of the paper differs from the file");
    }
    return {};
}

inline int sidebarCount(QListWidget *list, const QString &endsWith)
{
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->text().endsWith(endsWith))
            return list->item(row)->data(CountDelegate::CountRole).toInt();
    return -1;
}

// The smart views (Starred, Annotated, Unread, rows 0-2), every tag's count and the day's
// unread count against counts read from the file.
inline QString countsDisagree(MainWindow &window, const QString &databasePath, const QDate &day)
{
    Database database;
    if (!database.open(databasePath, Database::Mode::ReadOnly))
        return QStringLiteral("cannot open the file: %1").arg(database.error());
    Store store(database);
    const SmartViewCounts counts = SmartViews(store).counts();
    auto *views = window.findChild<QListWidget *>(QStringLiteral("smartViews"));
    const int shown[] = {views->item(0)->data(CountDelegate::CountRole).toInt(),
                         views->item(1)->data(CountDelegate::CountRole).toInt(),
                         views->item(2)->data(CountDelegate::CountRole).toInt()};
    if (shown[0] != counts.starred)
        return describe("starred count", shown[0], counts.starred);
    if (shown[1] != counts.annotated)
        return describe("annotated count", shown[1], counts.annotated);
    if (shown[2] != counts.unread)
        return describe("unread count", shown[2], counts.unread);
    auto *tags = window.findChild<QListWidget *>(QStringLiteral("tagList"));
    if (tags->count() != counts.tags.size())
        return describe("tags listed", tags->count(), int(counts.tags.size()));
    for (const NamedCount &tag : counts.tags)
        if (sidebarCount(tags, tag.name) != tag.papers)
            return QStringLiteral("tag %1: window %2, file %3")
                .arg(tag.name)
                .arg(sidebarCount(tags, tag.name))
                .arg(tag.papers);
    if (day.isValid()) {
        int unread = -1;
        for (const DaySummary &summary : store.days())
            if (summary.date == day)
                unread = summary.unread;
        const QModelIndex index = window.sidebar()->dayModel()->indexOfDate(day);
        const int shownUnread = index.data(DayTreeModel::UnreadRole).toInt();
        if (shownUnread != unread)
            return describe("day unread count", shownUnread, unread);
    }
    return {};
}

// Everything about `ids` and the counts.
inline QString windowDisagrees(MainWindow &window, const QString &databasePath,
                               const QStringList &ids, const QDate &day)
{
    for (const QString &id : ids)
        if (const QString what = viewsDisagree(window, databasePath, id); !what.isEmpty())
            return id + QStringLiteral(": ") + what;
    return countsDisagree(window, databasePath, day);
}

} // namespace paperboy::gui_test
