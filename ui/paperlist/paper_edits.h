#pragma once

// The list's edits of its papers: S stars the current paper, U marks it read or unread, "Mark
// all read" the whole list, and a paper shown for a moment counts as read. Every edit goes to
// UserData; the rows and the detail pane change when its change signal comes back.

#include <QObject>
#include <QTimer>

namespace paperboy {

class PaperListPanel;
class UserData;

class PaperEdits : public QObject
{
    Q_OBJECT
public:
    PaperEdits(UserData *user, PaperListPanel *list, QObject *parent = nullptr);

    void setStarred(const QString &arxivId, bool starred);
    void toggleStar();
    void toggleRead();
    void markAllRead();
    // How long a paper stays selected before it counts as read.
    void setReadDelay(int milliseconds) { m_readTimer.setInterval(milliseconds); }

signals:
    void message(const QString &text, bool isError);

private:
    void onCurrentPaperChanged(const QString &arxivId);
    void markCurrentRead();

    UserData *m_user;
    PaperListPanel *m_list;
    QTimer m_readTimer;
    QString m_readTimerPaper;
};

} // namespace paperboy
