#pragma once

// User data for reading less (issue #16): followed authors and rules. Dismissals are a flag
// per paper (UserState::dismissed); these are lists of their own.

#include <QDateTime>
#include <QString>

#include <optional>

namespace paperboy {

struct FollowedAuthor
{
    QString name; // as the reader gave it
    QString key;  // foldAuthorName(name): what papers' author names are matched against
    QDateTime changed;
    bool operator==(const FollowedAuthor &) const = default;
};

// What a rule does to each paper its query finds among the papers an import or fetch adds.
enum class RuleAction
{
    Tag, // adds the rule's tag (argument)
    Star,
    Read,     // marks it read
    Dismiss,  // not interested
    Highlight // marks it in lists (user_highlights)
};

QString ruleActionName(RuleAction action); // "tag", "star", "read", "dismiss", "highlight"
std::optional<RuleAction> ruleActionFromName(const QString &name);

struct Rule
{
    QString name;
    QString query; // search syntax (search/search_query.h)
    RuleAction action = RuleAction::Tag;
    QString argument; // the tag of a Tag rule
    QDateTime created;
    bool operator==(const Rule &) const = default;
};

} // namespace paperboy
