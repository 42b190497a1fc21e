// Subcommands for saved searches: save-search, searches.

#include "cli/cli_context.h"
#include "search/smart_views.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

namespace {

int saveSearchCommand(CliContext &ctx)
{
    const QString name = ctx.positionals.first().simplified();
    const QString query = ctx.positionals.mid(1).join(QLatin1Char(' ')).trimmed();
    if (name.isEmpty() || query.isEmpty()) {
        CliContext::err(QStringLiteral("paperboy save-search: needs a name and a query"));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    SmartViews views(ctx.store());
    const SmartViews::SaveResult result =
        views.saveSearch(name, query, ctx.flag(QStringLiteral("--replace")));
    if (result == SmartViews::SaveResult::NameTaken) {
        // Replacing a search silently lost the one saved before.
        CliContext::err(QStringLiteral("paperboy save-search: a saved search named '%1' already "
                                       "exists; nothing was changed (--replace replaces it)")
                            .arg(name));
        return CliContext::kError;
    }
    if (result == SmartViews::SaveResult::Failed) {
        CliContext::err(QStringLiteral("paperboy save-search: %1").arg(views.lastError()));
        return CliContext::kError;
    }
    const bool replaced = result == SmartViews::SaveResult::Replaced;
    if (ctx.json())
        CliContext::printJson(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("query"), query},
                                          {QStringLiteral("replaced"), replaced}});
    else
        CliContext::out(
            QStringLiteral("%1 saved search '%2': %3\n")
                .arg(replaced ? QStringLiteral("replaced") : QStringLiteral("new"), name, query));
    return CliContext::kOk;
}

int searchesCommand(CliContext &ctx)
{
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    SmartViews views(ctx.store());
    const QList<SavedSearch> searches = views.savedSearches();
    if (!views.lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy searches: %1").arg(views.lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const SavedSearch &search : searches)
            array.append(QJsonObject{
                {QStringLiteral("name"), search.name},
                {QStringLiteral("query"), search.query},
                {QStringLiteral("created"), search.created.toUTC().toString(Qt::ISODateWithMs)}});
        CliContext::printJson(array);
        return CliContext::kOk;
    }
    for (const SavedSearch &search : searches)
        CliContext::out(QStringLiteral("%1: %2\n").arg(search.name, search.query));
    return CliContext::kOk;
}

} // namespace

void registerSavedSearchCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    commands.append({QStringLiteral("save-search"),
                     QStringLiteral("save-search NAME QUERY... [--replace] [--json]"),
                     QStringLiteral("keep a search in the sidebar under NAME; an existing NAME "
                                    "is replaced only with --replace"),
                     {json, {QStringLiteral("--replace"), false}},
                     2,
                     -1,
                     saveSearchCommand});
    commands.append({QStringLiteral("searches"),
                     QStringLiteral("searches [--json]"),
                     QStringLiteral("the saved searches, by name"),
                     {json},
                     0,
                     0,
                     searchesCommand});
}

} // namespace paperboy
