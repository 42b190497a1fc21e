#include "sync/sync_items.h"

#include <QChar>

#include <algorithm>
#include <tuple>

namespace paperboy::sync {

namespace {

constexpr QChar kKeySeparator(0x1f);

} // namespace

bool isPaperItem(const QString &kind)
{
    return kind == kStar || kind == kRead || kind == kNote || kind == kTag || kind == kDismissal ||
           kind == kTranslation || kind == kAdded || kind == kPaper;
}

bool isKnownKind(const QString &kind)
{
    return isPaperItem(kind) || kind == kSavedSearch || kind == kFollow || kind == kRule ||
           kind == kSavedTrend;
}

QString paperIdOf(const ItemKey &item)
{
    if (!isPaperItem(item.kind))
        return {};
    const qsizetype cut = item.key.indexOf(kKeySeparator);
    return cut < 0 ? item.key : item.key.left(cut);
}

QString joinKey(const QString &id, const QString &rest)
{
    return id + kKeySeparator + rest;
}

QList<ItemChange> localChanges(const ItemState &current, const ItemState &baseline)
{
    QList<ItemChange> changes;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (it.key().kind == kPaper)
            continue;
        const auto known = baseline.constFind(it.key());
        if (known == baseline.cend() || known.value() != it.value())
            changes.append({it.key(), it.value()});
    }
    for (auto it = baseline.cbegin(); it != baseline.cend(); ++it)
        if (it.key().kind != kPaper && !current.contains(it.key()))
            changes.append({it.key(), std::nullopt});
    std::sort(changes.begin(), changes.end(), [](const ItemChange &a, const ItemChange &b) {
        return std::tie(a.item.kind, a.item.key) < std::tie(b.item.kind, b.item.key);
    });
    return changes;
}

} // namespace paperboy::sync
