#pragma once

// The keyboard help (? or F1), generated from the actions so it can never disagree with them.

#include <QDialog>
#include <QList>

class QAction;

namespace paperboy {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QList<QAction *>> &groups, QWidget *parent = nullptr);
};

} // namespace paperboy
