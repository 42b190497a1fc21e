#pragma once

// The first-run welcome: a small non-modal dialog that points at the two things a new user
// does first, choosing categories (Preferences) and fetching today's listing. It drives the
// window's own actions, found by objectName, so it needs nothing else from the window.

#include <QDialog>

namespace paperboy {

class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WelcomeDialog(QWidget *window);

    // Shows the welcome unless it was shown before (remembered in settings) or
    // PAPERBOY_NO_WELCOME=1; returns it when shown. It deletes itself when closed.
    static WelcomeDialog *showOnce(QWidget *window);
};

} // namespace paperboy
