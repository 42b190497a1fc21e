#include "window/empty_state.h"

#include "window/reader_actions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

namespace {

QPushButton *actionButton(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(withoutAccelerator(action->text()), parent);
    button->setObjectName(objectName);
    button->setEnabled(action->isEnabled());
    button->setToolTip(action->toolTip());
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::changed, button, [button, action] {
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->toolTip());
    });
    return button;
}

} // namespace

EmptyState::EmptyState(QAction *importAction, QAction *fetchAction, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyState"));
    m_title = new QLabel(tr("No digests yet"), this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMaximumWidth(520);
    m_text->setText(
        tr("Paperboy shows daily arXiv digests: one day at a time, English and Chinese side by "
           "side, with your stars and notes.\n\n"
           "Import a digest file you have (plain text, HTML, JSON Lines, arXiv RSS or API "
           "exports), drop files onto this window, or fetch today's listing from arXiv.\n\n"
           "Press F1 to see the keyboard shortcuts."));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *import = actionButton(importAction, QStringLiteral("emptyImportButton"), this);
    import->setDefault(true);
    buttons->addWidget(import);
    buttons->addWidget(actionButton(fetchAction, QStringLiteral("emptyFetchButton"), this));
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    // Stretches, not an alignment flag: an aligned label gets its narrow size hint and the
    // wrapped text would be cut off.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(18);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

void EmptyState::setError(const QString &error)
{
    m_title->setText(tr("Cannot open the library"));
    m_text->setText(error);
}

} // namespace paperboy
