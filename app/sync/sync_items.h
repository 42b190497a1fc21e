#pragma once

// What a sync round moves (issue #20): the reader's data as items, each one kind and key with
// a text value, or absent. A star is the item ("star", arXiv id) present; an unstar, an untag,
// a cleared note or a deleted saved search is the item absent, sent to the server as a
// tombstone (the row stays, its value NULL). Per item, the edit the server received last wins.
// Values of several fields are compact JSON with sorted keys, so equal data gives equal text.

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace paperboy::sync {

// The kinds, as stored on the server and in sync_baseline.
inline const QString kStar = QStringLiteral("star");
inline const QString kRead = QStringLiteral("read");
inline const QString kNote = QStringLiteral("note");
inline const QString kTag = QStringLiteral("tag");                  // key: id U+001F tag
inline const QString kSavedSearch = QStringLiteral("saved_search"); // key: name
inline const QString kDismissal = QStringLiteral("dismissal");
inline const QString kFollow = QStringLiteral("follow");           // key: folded name
inline const QString kRule = QStringLiteral("rule");               // key: name
inline const QString kSavedTrend = QStringLiteral("saved_trend");  // key: name in lower case
inline const QString kTranslation = QStringLiteral("translation"); // key: id U+001F language
inline const QString kAdded = QStringLiteral("added");             // key: id (issue #21)
// Not user data: the minimal record of a paper the user data names (title, authors,
// categories, first version's day), so the other library can show it before it fetches it.
inline const QString kPaper = QStringLiteral("paper");

struct ItemKey
{
    QString kind;
    QString key;
    bool operator==(const ItemKey &) const = default;
};

inline size_t qHash(const ItemKey &item, size_t seed = 0)
{
    return qHashMulti(seed, item.kind, item.key);
}

// Every item present on one side, with its value.
using ItemState = QHash<ItemKey, QString>;

struct ItemChange
{
    ItemKey item;
    std::optional<QString> value; // nullopt: absent (a tombstone)
    bool operator==(const ItemChange &) const = default;
};

// A change as the server holds it: who made it and the server's order and time.
struct RemoteChange
{
    ItemChange change;
    QString device;
    qint64 seq = 0;
    QString changed; // the server's clock, UTC ISO 8601 with milliseconds
};

// Keys of items about one paper hold its arXiv id first, then U+001F and the rest.
QString paperIdOf(const ItemKey &item);
bool isPaperItem(const QString &kind);
// The kinds this Paperboy syncs. Items of other kinds (from a newer Paperboy) stay on the
// server, untouched, and never enter the baseline: this library could only take them for
// its own removals.
bool isKnownKind(const QString &kind);
QString joinKey(const QString &id, const QString &rest);

// The local changes: items whose value differs from the baseline (what both sides last
// agreed on), and tombstones for baseline items no longer present. Paper records are not
// the reader's changes and are left out. Sorted by kind and key, so a round is repeatable.
QList<ItemChange> localChanges(const ItemState &current, const ItemState &baseline);

} // namespace paperboy::sync
