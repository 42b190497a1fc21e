// Saved trends on the command line (issue #22): kept, listed, shown and deleted by name.

#include "cli/trends_saved.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

QJsonValue dayOrNull(const QDate &day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject trendJson(const SavedTrend &trend)
{
    return {{u"name"_s, trend.name},
            {u"queries"_s, QJsonArray::fromStringList(trend.queries)},
            {u"by"_s, trendPeriodName(trend.by)},
            {u"share"_s, trend.share},
            {u"from"_s, dayOrNull(trend.from)},
            {u"to"_s, dayOrNull(trend.to)},
            {u"created"_s, trend.created.toUTC().toString(Qt::ISODateWithMs)}};
}

// "by week, shares, from 2024-01-01": what a trend counts, for the listing.
QString describe(const SavedTrend &trend)
{
    QString text = u"by %1"_s.arg(trendPeriodName(trend.by));
    if (trend.share)
        text += u", shares"_s;
    if (trend.from.isValid())
        text += u", from %1"_s.arg(trend.from.toString(Qt::ISODate));
    if (trend.to.isValid())
        text += u", to %1"_s.arg(trend.to.toString(Qt::ISODate));
    return text;
}

QString quoted(const QStringList &queries)
{
    QStringList parts;
    for (const QString &query : queries)
        parts.append(u"'%1'"_s.arg(query));
    return parts.join(u", "_s);
}

} // namespace

int listSavedTrends(CliContext &ctx)
{
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const SavedTrends saved(ctx.store());
    const QList<SavedTrend> trends = saved.list();
    if (!saved.lastError().isEmpty()) {
        CliContext::err(u"paperboy trends: %1"_s.arg(saved.lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const SavedTrend &trend : trends)
            array.append(trendJson(trend));
        CliContext::printJson(array);
        return CliContext::kOk;
    }
    if (trends.isEmpty())
        CliContext::out(u"no saved trends (paperboy trends --save NAME QUERY... keeps one)\n"_s);
    for (const SavedTrend &trend : trends)
        CliContext::out(u"%1: %2 (%3)\n"_s.arg(trend.name, quoted(trend.queries), describe(trend)));
    return CliContext::kOk;
}

int deleteSavedTrend(CliContext &ctx)
{
    const QString name = ctx.value(u"--delete-saved"_s).simplified();
    if (!ctx.openStore())
        return CliContext::kError;
    SavedTrends saved(ctx.store());
    bool removed = false;
    if (!saved.remove(name, &removed)) {
        CliContext::err(u"paperboy trends: %1"_s.arg(saved.lastError()));
        return CliContext::kError;
    }
    if (!removed) {
        CliContext::err(u"paperboy trends: no saved trend named '%1'"_s.arg(name));
        return CliContext::kError;
    }
    if (ctx.json())
        CliContext::printJson(QJsonObject{{u"name"_s, name}, {u"deleted"_s, true}});
    else
        CliContext::out(u"deleted saved trend '%1'\n"_s.arg(name));
    return CliContext::kOk;
}

int saveTrend(CliContext &ctx, const SavedTrend &trend)
{
    if (!ctx.openStore())
        return CliContext::kError;
    SavedTrends saved(ctx.store());
    const SavedTrends::SaveResult result = saved.save(trend, ctx.flag(u"--replace"_s));
    if (result == SavedTrends::SaveResult::NameTaken) {
        CliContext::err(u"paperboy trends: a saved trend named '%1' already exists; nothing was "
                        "changed (--replace replaces it)"_s.arg(trend.name.simplified()));
        return CliContext::kError;
    }
    if (result == SavedTrends::SaveResult::Failed) {
        CliContext::err(u"paperboy trends: %1"_s.arg(saved.lastError()));
        return CliContext::kError;
    }
    const std::optional<SavedTrend> kept = saved.find(trend.name);
    if (!kept) {
        CliContext::err(u"paperboy trends: %1"_s.arg(saved.lastError()));
        return CliContext::kError;
    }
    const bool replaced = result == SavedTrends::SaveResult::Replaced;
    if (ctx.json()) {
        QJsonObject object = trendJson(*kept);
        object.insert(u"replaced"_s, replaced);
        CliContext::printJson(object);
    } else {
        CliContext::out(u"%1 saved trend '%2': %3 (%4)\n"_s.arg(replaced ? u"replaced"_s : u"new"_s,
                                                                kept->name, quoted(kept->queries),
                                                                describe(*kept)));
    }
    return CliContext::kOk;
}

std::optional<SavedTrend> loadSavedTrend(CliContext &ctx, int *exit)
{
    const QString name = ctx.value(u"--saved-trend"_s);
    *exit = CliContext::kError;
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return std::nullopt;
    const SavedTrends saved(ctx.store());
    std::optional<SavedTrend> trend = saved.find(name);
    if (!trend)
        CliContext::err(saved.lastError().isEmpty()
                            ? u"paperboy trends: no saved trend named '%1'"_s.arg(name)
                            : u"paperboy trends: %1"_s.arg(saved.lastError()));
    return trend;
}

} // namespace paperboy
