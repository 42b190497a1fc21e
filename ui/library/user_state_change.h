#pragma once

// What UserData tells every view when the reader's own data changed: which papers, which of
// their fields, and the new values. It is the only way a star, read mark, note or tag reaches
// the list, the detail pane and the sidebar, whether the edit was made in this window or by
// another process on the same library (the command line, a second window, a restore).
//
// A new kind of user state (a dismissal, a follow, an edited translation) is a new UserField,
// a field of UserState, and one line in apply().

#include "core/paper.h"

#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QString>

namespace paperboy {

enum class UserField : unsigned
{
    Starred = 0x1,
    Read = 0x2,
    Note = 0x4,
    Tags = 0x8,
    // The newest version of the paper the reader opened (issue #18); not part of UserState:
    // what follows it (the "Updated" view, is:updated) reads the store again.
    SeenVersion = 0x10,
    Translation = 0x20,  // the user's own Chinese title and abstract
    Dismissed = 0x40,    // "not interested" (issue #16)
    Followed = 0x80,     // which of the paper's authors the reader follows
    Highlighted = 0x100, // a highlight rule marked it (written by imports, seen from outside)
    // A saved trend (issue #22) was saved or deleted: not a paper's, so never in a change's
    // papers, only in UserData::committed(); the Trends window reads the list again.
    SavedTrends = 0x200,
    // Papers were added by id or link (issue #21): the Added view and its count are stale.
    // Only in UserData::committed(), like SavedTrends.
    Added = 0x400,
    // The paper's PDF was kept or removed (issue #21); not part of UserState: what shows it
    // (the detail pane's PDF line) reads the store again. Emitted once the write committed.
    Pdfs = 0x800,
};
Q_DECLARE_FLAGS(UserFields, UserField)
Q_DECLARE_OPERATORS_FOR_FLAGS(UserFields)

struct UserStateChange
{
    enum class Origin
    {
        Window,  // an edit made here; the views show it before the write commits
        Outside, // read back from the file after someone else wrote it
    };

    struct Paper
    {
        QString arxivId;
        UserFields fields; // what changed for this paper
        UserState state;   // its state afterwards (every field, not only the changed ones)
    };

    QList<Paper> papers;
    Origin origin = Origin::Window;

    bool isEmpty() const { return papers.isEmpty(); }
    // Every field that changed for at least one paper.
    UserFields fields() const
    {
        UserFields all;
        for (const Paper &paper : papers)
            all |= paper.fields;
        return all;
    }
    const Paper *find(const QString &arxivId) const
    {
        for (const Paper &paper : papers)
            if (paper.arxivId == arxivId)
                return &paper;
        return nullptr;
    }

    // Copies the changed fields of `paper` into `state`, leaving the others alone.
    static void apply(const Paper &paper, UserState &state)
    {
        if (paper.fields & UserField::Starred)
            state.starred = paper.state.starred;
        if (paper.fields & UserField::Read)
            state.read = paper.state.read;
        if (paper.fields & UserField::Note)
            state.note = paper.state.note;
        if (paper.fields & UserField::Tags)
            state.tags = paper.state.tags;
        if (paper.fields & UserField::Translation)
            state.translation = paper.state.translation;
        if (paper.fields & UserField::Dismissed)
            state.dismissed = paper.state.dismissed;
        if (paper.fields & UserField::Followed)
            state.followedAuthors = paper.state.followedAuthors;
        if (paper.fields & UserField::Highlighted)
            state.highlighted = paper.state.highlighted;
    }

    // The fields in which `before` and `after` differ (tags compared as sets: the store lists
    // them by name, a user types them in any order).
    static UserFields difference(const UserState &before, const UserState &after)
    {
        UserFields fields;
        if (before.starred != after.starred)
            fields |= UserField::Starred;
        if (before.read != after.read)
            fields |= UserField::Read;
        if (before.note != after.note)
            fields |= UserField::Note;
        QStringList a = before.tags;
        QStringList b = after.tags;
        a.sort();
        b.sort();
        if (a != b)
            fields |= UserField::Tags;
        if (before.translation.title != after.translation.title ||
            before.translation.abstract != after.translation.abstract)
            fields |= UserField::Translation;
        if (before.dismissed != after.dismissed)
            fields |= UserField::Dismissed;
        if (before.followedAuthors != after.followedAuthors)
            fields |= UserField::Followed;
        if (before.highlighted != after.highlighted)
            fields |= UserField::Highlighted;
        return fields;
    }
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::UserStateChange)
