#include "window/shortcuts_dialog.h"

#include "window/reader_actions.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace paperboy {

ShortcutsDialog::ShortcutsDialog(const QList<QList<QAction *>> &groups, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTreeWidget(this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setColumnCount(2);
    table->setHeaderLabels({tr("Key"), tr("Action")});
    table->setRootIsDecorated(false);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    for (const QList<QAction *> &group : groups) {
        for (QAction *action : group) {
            QStringList keys;
            for (const QKeySequence &sequence : action->shortcuts())
                keys.append(sequence.toString(QKeySequence::NativeText));
            if (keys.isEmpty())
                continue;
            auto *item = new QTreeWidgetItem(table);
            item->setText(0, keys.join(tr("  or  ", "between two keys of one action")));
            item->setText(1, withoutAccelerator(action->text()).remove(QChar(0x2026)));
        }
        if (&group != &groups.constLast())
            (new QTreeWidgetItem(table))->setDisabled(true); // a spacer row between groups
    }
    table->header()->setStretchLastSection(true);
    auto *note = new QTreeWidgetItem(table);
    note->setText(1, tr("Letter keys act when no text field has the focus."));
    note->setDisabled(true);
    // Fitted to the longest key plus a gap, so "Ctrl+Shift+C" does not run into its action.
    table->resizeColumnToContents(0);
    table->setColumnWidth(0, table->columnWidth(0) + 3 * table->fontMetrics().averageCharWidth());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(480, 560); // every shortcut without scrolling
}

} // namespace paperboy
