#pragma once

// The rule of a saved search: what happens to each new paper it finds when an import or a
// fetch adds papers (tag, star, mark read, not interested, highlight). Rules never touch the
// papers already in the library.

#include "store/curation.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace paperboy {

class RuleDialog : public QDialog
{
    Q_OBJECT
public:
    RuleDialog(const QString &name, const QString &query, const std::optional<Rule> &current,
               QWidget *parent = nullptr);

    QComboBox *actionBox() const { return m_action; }
    QLineEdit *tagEdit() const { return m_tag; }

signals:
    void ruleChosen(const paperboy::Rule &rule);
    void ruleRemoved();

private:
    void updateState();
    void accept() override;

    QString m_name;
    QString m_query;
    bool m_hadRule = false;
    QComboBox *m_action = nullptr;
    QLineEdit *m_tag = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace paperboy
