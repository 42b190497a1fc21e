#include "rank/rule_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

namespace {
constexpr int kNoRule = -1;
}

RuleDialog::RuleDialog(const QString &name, const QString &query,
                       const std::optional<Rule> &current, QWidget *parent)
    : QDialog(parent), m_name(name), m_query(query), m_hadRule(current.has_value())
{
    setObjectName(QStringLiteral("ruleDialog"));
    setWindowTitle(tr("Rule for “%1”").arg(name));
    auto *intro = new QLabel(tr("When an import or a fetch adds papers that the search “%1” "
                                "finds, Paperboy can act on them for you. Papers already in the "
                                "library are left alone.")
                                 .arg(query));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("ruleActionBox"));
    m_action->addItem(tr("Nothing (no rule)"), kNoRule);
    m_action->addItem(tr("Add a tag"), int(RuleAction::Tag));
    m_action->addItem(tr("Star them"), int(RuleAction::Star));
    m_action->addItem(tr("Mark them read"), int(RuleAction::Read));
    m_action->addItem(tr("Not interested"), int(RuleAction::Dismiss));
    m_action->addItem(tr("Highlight them in lists"), int(RuleAction::Highlight));
    m_tag = new QLineEdit;
    m_tag->setObjectName(QStringLiteral("ruleTagEdit"));
    m_tag->setPlaceholderText(tr("tag name"));
    if (current) {
        m_action->setCurrentIndex(m_action->findData(int(current->action)));
        m_tag->setText(current->argument);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("Action:"), m_action);
    form->addRow(tr("Tag:"), m_tag);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &RuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_action, &QComboBox::currentIndexChanged, this, &RuleDialog::updateState);
    connect(m_tag, &QLineEdit::textChanged, this, &RuleDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateState();
}

void RuleDialog::updateState()
{
    const bool tag = m_action->currentData().toInt() == int(RuleAction::Tag);
    m_tag->setEnabled(tag);
    m_ok->setEnabled(!tag || !m_tag->text().simplified().isEmpty());
}

void RuleDialog::accept()
{
    const int action = m_action->currentData().toInt();
    if (action == kNoRule) {
        if (m_hadRule)
            emit ruleRemoved();
    } else {
        Rule rule;
        rule.name = m_name;
        rule.query = m_query;
        rule.action = RuleAction(action);
        if (rule.action == RuleAction::Tag)
            rule.argument = m_tag->text().simplified();
        emit ruleChosen(rule);
    }
    QDialog::accept();
}

} // namespace paperboy
