#pragma once

// User edits the window has sent to the writer thread but a reader may not see yet.
//
// The reader and the writer are separate connections: a day loaded right after a note was
// typed can come back with the old note, and showing it would invite the user to overwrite
// the new one. Every loaded list passes through apply(); an edit is forgotten only once a read
// posted after its write committed has come back (readers run in order, so every later read
// sees it too).

#include "core/paper.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

class PendingEdits
{
public:
    void setStarred(const QString &id, bool starred) { touch(id).starred = starred; }
    void setRead(const QString &id, bool read) { touch(id).read = read; }
    void setNote(const QString &id, const QString &note) { touch(id).note = note; }
    void setTags(const QString &id, const QStringList &tags) { touch(id).tags = tags; }
    void setTranslation(const QString &id, const UserTranslation &mine)
    {
        touch(id).translation = mine;
    }
    void setDismissed(const QString &id, bool dismissed) { touch(id).dismissed = dismissed; }

    // The writer finished one write for `id` (successfully or not).
    void writeDone(const QString &id);

    // Taken when a read is posted; passed to settle() when it returns.
    quint64 stamp() const { return m_clock; }
    void settle(quint64 readPostedAt);

    void apply(PaperView &view) const;
    void apply(const QString &id, UserState &state) const;
    void apply(QList<PaperView> &views) const;

    bool isEmpty() const { return m_edits.isEmpty(); }
    bool hasPendingWrites() const;

private:
    struct Edit
    {
        std::optional<bool> starred;
        std::optional<bool> read;
        std::optional<QString> note;
        std::optional<QStringList> tags;
        std::optional<UserTranslation> translation;
        std::optional<bool> dismissed;
        int writesInFlight = 0;
        quint64 committedAt = 0;
    };
    Edit &touch(const QString &id);

    QHash<QString, Edit> m_edits;
    quint64 m_clock = 0;
};

} // namespace paperboy
