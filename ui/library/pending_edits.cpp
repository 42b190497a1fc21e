#include "library/pending_edits.h"

namespace paperboy {

PendingEdits::Edit &PendingEdits::touch(const QString &id)
{
    Edit &edit = m_edits[id];
    ++edit.writesInFlight;
    return edit;
}

void PendingEdits::writeDone(const QString &id)
{
    auto it = m_edits.find(id);
    if (it == m_edits.end() || it->writesInFlight == 0)
        return;
    if (--it->writesInFlight == 0)
        it->committedAt = ++m_clock;
}

void PendingEdits::settle(quint64 readPostedAt)
{
    for (auto it = m_edits.begin(); it != m_edits.end();) {
        if (it->writesInFlight == 0 && it->committedAt <= readPostedAt)
            it = m_edits.erase(it);
        else
            ++it;
    }
}

void PendingEdits::apply(PaperView &view) const
{
    apply(view.paper.arxivId, view.user);
}

void PendingEdits::apply(const QString &id, UserState &state) const
{
    const auto it = m_edits.constFind(id);
    if (it == m_edits.constEnd())
        return;
    if (it->starred)
        state.starred = *it->starred;
    if (it->read)
        state.read = *it->read;
    if (it->note)
        state.note = *it->note;
    if (it->tags)
        state.tags = *it->tags;
    if (it->translation)
        state.translation = *it->translation;
    if (it->dismissed)
        state.dismissed = *it->dismissed;
}

void PendingEdits::apply(QList<PaperView> &views) const
{
    if (m_edits.isEmpty())
        return;
    for (PaperView &view : views)
        apply(view);
}

bool PendingEdits::hasPendingWrites() const
{
    for (const Edit &edit : m_edits)
        if (edit.writesInFlight > 0)
            return true;
    return false;
}

} // namespace paperboy
