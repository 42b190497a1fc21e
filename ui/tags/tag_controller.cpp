#include "tags/tag_controller.h"

#include "paperlist/paper_list_panel.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>

namespace paperboy {

namespace {
constexpr int kMenuTags = 20; // more would make a menu no one can scan
}

TagController::TagController(UserData *user, PaperListPanel *list, QWidget *window)
    : QObject(window), m_user(user), m_list(list), m_window(window)
{
}

QMenu *TagController::buildTagMenu(QWidget *parent, QAction *newTagAction)
{
    auto *menu = new QMenu(tr("Add &Tag"), parent);
    menu->setObjectName(QStringLiteral("tagMenu"));
    const QList<PaperView> selected = m_list->selectedPapers();
    for (const QString &tag : m_tags.mid(0, kMenuTags)) {
        QAction *action = menu->addAction(tag);
        action->setObjectName(QStringLiteral("tagMenuAction"));
        action->setData(tag);
        action->setCheckable(true);
        const bool everyHasIt =
            !selected.isEmpty() &&
            std::all_of(selected.begin(), selected.end(),
                        [&tag](const PaperView &view) { return view.user.tags.contains(tag); });
        action->setChecked(everyHasIt);
        action->setEnabled(!everyHasIt);
        connect(action, &QAction::triggered, this, [this, tag] { addTagToSelection(tag); });
    }
    if (!m_tags.isEmpty())
        menu->addSeparator();
    menu->addAction(newTagAction);
    return menu;
}

void TagController::addTagToSelection(const QString &tag)
{
    const QString name = tag.simplified();
    const QList<PaperView> selected = m_list->selectedPapers();
    if (name.isEmpty() || selected.isEmpty())
        return;
    QStringList ids;
    for (const PaperView &view : selected)
        ids.append(view.paper.arxivId);
    const int added = m_user->addTag(ids, name);
    emit message(added == 1 ? tr("Tagged 1 paper \"%1\".").arg(name)
                            : tr("Tagged %1 papers \"%2\".").arg(added).arg(name),
                 false);
}

void TagController::askNewTag()
{
    if (m_list->selectedPapers().isEmpty())
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("newTagDialog"));
    dialog->setWindowTitle(tr("Add Tag"));
    dialog->setLabelText(tr("Tag for the selected papers:"));
    dialog->setComboBoxEditable(true);
    dialog->setComboBoxItems(QStringList{QString()} + m_tags);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &tag) { addTagToSelection(tag); });
    dialog->open();
}

void TagController::askToRename(const QString &tag)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("renameTagDialog"));
    dialog->setWindowTitle(tr("Rename Tag"));
    dialog->setLabelText(tr("New name for the tag \"%1\" (an existing tag's name merges the "
                            "two):")
                             .arg(tag));
    dialog->setTextValue(tag);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, tag](const QString &name) {
        const QString to = name.simplified();
        if (to.isEmpty() || to == tag)
            return;
        const bool merge = std::any_of(m_tags.begin(), m_tags.end(), [&](const QString &known) {
            return known.compare(to, Qt::CaseInsensitive) == 0 &&
                   known.compare(tag, Qt::CaseInsensitive) != 0;
        });
        m_user->renameTag(tag, to);
        emit tagRenamed(tag, to);
        emit message(merge ? tr("Merged the tag \"%1\" into \"%2\".").arg(tag, to)
                           : tr("Renamed the tag \"%1\" to \"%2\".").arg(tag, to),
                     false);
    });
    dialog->open();
}

} // namespace paperboy
