#pragma once

// What a new user sees instead of three blank panes: what Paperboy is and how to get papers.

#include <QWidget>

class QAction;
class QLabel;

namespace paperboy {

class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(QAction *importAction, QAction *fetchAction, QWidget *parent = nullptr);

    // An error opening the database replaces the invitation with what went wrong.
    void setError(const QString &error);

private:
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace paperboy
