#include "paperlist/paper_edits.h"

#include "library/user_data.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"

namespace paperboy {

PaperEdits::PaperEdits(UserData *user, PaperListPanel *list, QObject *parent)
    : QObject(parent), m_user(user), m_list(list)
{
    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, &PaperEdits::markCurrentRead);
    connect(list, &PaperListPanel::currentPaperChanged, this, &PaperEdits::onCurrentPaperChanged);
    connect(list, &PaperListPanel::markAllReadRequested, this, &PaperEdits::markAllRead);
}

void PaperEdits::setStarred(const QString &arxivId, bool starred)
{
    m_user->setStarred(arxivId, starred);
    emit message(starred ? tr("Starred %1.").arg(arxivId)
                         : tr("Removed the star from %1.").arg(arxivId),
                 false);
}

void PaperEdits::toggleStar()
{
    if (const PaperView *view = m_list->currentPaper())
        setStarred(view->paper.arxivId, !view->user.starred);
}

void PaperEdits::toggleRead()
{
    const PaperView *view = m_list->currentPaper();
    if (!view)
        return;
    // Marking unread by hand must stick: the timer would mark it read again.
    m_readTimer.stop();
    m_user->setRead({view->paper.arxivId}, !view->user.read);
}

void PaperEdits::markAllRead()
{
    QStringList unread;
    for (const PaperView &view : m_list->model()->papers())
        if (!view.user.read)
            unread.append(view.paper.arxivId);
    if (unread.isEmpty()) {
        emit message(tr("Everything here is already read."), false);
        return;
    }
    m_user->setRead(unread, true);
    emit message(unread.size() == 1 ? tr("Marked 1 paper as read.")
                                    : tr("Marked %n papers as read.", nullptr, int(unread.size())),
                 false);
}

void PaperEdits::onCurrentPaperChanged(const QString &arxivId)
{
    m_readTimer.stop();
    const PaperView *view = m_list->currentPaper();
    if (arxivId.isEmpty() || !view || view->user.read)
        return;
    m_readTimerPaper = arxivId;
    m_readTimer.start();
}

void PaperEdits::markCurrentRead()
{
    const PaperView *view = m_list->currentPaper();
    if (!view || view->paper.arxivId != m_readTimerPaper || view->user.read)
        return;
    m_user->setRead({m_readTimerPaper}, true);
}

} // namespace paperboy
