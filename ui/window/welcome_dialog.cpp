#include "window/welcome_dialog.h"

#include "preferences/preference_keys.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace paperboy {

namespace {

// A button that closes the welcome and runs `action`, enabled while the action is.
QPushButton *actionButton(QDialog *dialog, QAction *action, const QString &text,
                          const char *objectName)
{
    auto *button = new QPushButton(text);
    button->setObjectName(QLatin1String(objectName));
    if (!action) {
        button->setEnabled(false);
        return button;
    }
    auto sync = [button, action] {
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->toolTip());
    };
    sync();
    QObject::connect(action, &QAction::changed, button, sync);
    QObject::connect(button, &QPushButton::clicked, dialog, [dialog, action] {
        dialog->accept();
        action->trigger();
    });
    return button;
}

} // namespace

WelcomeDialog::WelcomeDialog(QWidget *window) : QDialog(window)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Paperboy"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(420);

    auto *title = new QLabel(tr("Welcome to Paperboy"));
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *text = new QLabel(
        tr("Paperboy keeps each day's arXiv papers on your computer, with English and Chinese "
           "side by side. A sample digest is included so you can look around.\n\n"
           "To read your own field, choose the arXiv categories you follow, then fetch "
           "today's listing. Press F1 at any time to see the keyboard shortcuts."));
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);

    auto *preferences = window->findChild<QAction *>(QStringLiteral("preferencesAction"));
    auto *fetch = window->findChild<QAction *>(QStringLiteral("fetchTodayAction"));
    auto *buttons = new QDialogButtonBox;
    buttons->setObjectName(QStringLiteral("welcomeButtons"));
    QPushButton *choose =
        actionButton(this, preferences, tr("Choose Categories…"), "welcomeCategoriesButton");
    choose->setDefault(true);
    buttons->addButton(choose, QDialogButtonBox::ActionRole);
    buttons->addButton(actionButton(this, fetch, tr("Fetch Today's Papers"), "welcomeFetchButton"),
                       QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("welcomeCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addWidget(buttons);
}

WelcomeDialog *WelcomeDialog::showOnce(QWidget *window)
{
    const QString optOut = qEnvironmentVariable("PAPERBOY_NO_WELCOME");
    if (!optOut.isEmpty() && optOut != QLatin1String("0"))
        return nullptr;
    QSettings settings;
    if (settings::welcomeShown.value(settings))
        return nullptr;
    // Remembered as soon as it is shown: a crash or a kill must not bring it back.
    settings::welcomeShown.setValue(settings, true);
    auto *dialog = new WelcomeDialog(window);
    dialog->show();
    return dialog;
}

} // namespace paperboy
