// Subcommands for reading less (issue #16): dismiss, undismiss, follow, unfollow, following,
// rule add|list|remove.

#include "cli/cli_context.h"
#include "cli/paper_json.h"
#include "core/english.h"
#include "search/searcher.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

namespace {

int dismissCommand(CliContext &ctx, bool dismissed)
{
    const QString verb = dismissed ? QStringLiteral("dismiss") : QStringLiteral("undismiss");
    QStringList ids;
    for (const QString &text : std::as_const(ctx.positionals)) {
        QString id;
        int version = 0;
        if (!parseArxivId(text, &id, &version)) {
            CliContext::err(QStringLiteral("paperboy %1: '%2' is not an arXiv id").arg(verb, text));
            return CliContext::kUsage;
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    if (!ctx.openStore())
        return CliContext::kError;
    for (const QString &id : std::as_const(ids))
        if (!ctx.store().hasPaper(id)) {
            CliContext::err(QStringLiteral("paperboy %1: %2 is not in the library (nothing was "
                                           "changed)")
                                .arg(verb, id));
            return CliContext::kError;
        }
    if (!ctx.store().setDismissed(ids, dismissed)) {
        CliContext::err(QStringLiteral("paperboy %1: %2").arg(verb, ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray papers;
        for (const QString &id : std::as_const(ids))
            papers.append(ctx.paperJson(*ctx.store().paperView(id)));
        CliContext::printJson(papers);
    } else {
        CliContext::out(QStringLiteral("%1 %2\n").arg(
            dismissed ? QStringLiteral("dismissed") : QStringLiteral("no longer dismissed:"),
            countOf(ids.size(), QStringLiteral("paper"))));
    }
    return CliContext::kOk;
}

int followCommand(CliContext &ctx, bool follow)
{
    const QString verb = follow ? QStringLiteral("follow") : QStringLiteral("unfollow");
    // "paperboy follow Jiatao Gu" without quotes is one name.
    const QString name = ctx.positionals.join(QLatin1Char(' ')).simplified();
    if (!ctx.openStore())
        return CliContext::kError;
    bool changed = false;
    if (!ctx.store().setFollowed(name, follow, &changed)) {
        CliContext::err(QStringLiteral("paperboy %1: %2").arg(verb, ctx.store().lastError()));
        return CliContext::kError;
    }
    if (!follow && !changed) {
        CliContext::err(QStringLiteral("paperboy unfollow: you do not follow '%1'").arg(name));
        return CliContext::kError;
    }
    if (ctx.json())
        CliContext::printJson(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("followed"), follow},
                                          {QStringLiteral("changed"), changed}});
    else if (follow)
        CliContext::out(changed ? QStringLiteral("following %1\n").arg(name)
                                : QStringLiteral("already following %1\n").arg(name));
    else
        CliContext::out(QStringLiteral("no longer following %1\n").arg(name));
    return CliContext::kOk;
}

int followingCommand(CliContext &ctx)
{
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const QList<FollowedAuthor> authors = ctx.store().followedAuthors();
    if (!ctx.store().lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy following: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const FollowedAuthor &author : authors)
            array.append(QJsonObject{
                {QStringLiteral("name"), author.name},
                {QStringLiteral("key"), author.key},
                {QStringLiteral("since"), author.changed.toUTC().toString(Qt::ISODateWithMs)}});
        CliContext::printJson(array);
        return CliContext::kOk;
    }
    for (const FollowedAuthor &author : authors)
        CliContext::out(author.name + QLatin1Char('\n'));
    return CliContext::kOk;
}

QString describeAction(const Rule &rule)
{
    switch (rule.action) {
    case RuleAction::Tag:
        return QStringLiteral("tag '%1'").arg(rule.argument);
    case RuleAction::Star:
        return QStringLiteral("star");
    case RuleAction::Read:
        return QStringLiteral("mark read");
    case RuleAction::Dismiss:
        return QStringLiteral("dismiss");
    case RuleAction::Highlight:
        return QStringLiteral("highlight");
    }
    return {};
}

QJsonObject ruleToJson(const Rule &rule)
{
    return {{QStringLiteral("name"), rule.name},
            {QStringLiteral("query"), rule.query},
            {QStringLiteral("action"), ruleActionName(rule.action)},
            {QStringLiteral("tag"),
             rule.action == RuleAction::Tag ? QJsonValue(rule.argument) : QJsonValue()},
            {QStringLiteral("created"), rule.created.toUTC().toString(Qt::ISODateWithMs)}};
}

int ruleUsage(const QString &message)
{
    CliContext::err(QStringLiteral("paperboy rule: %1\nusage: paperboy rule add NAME QUERY "
                                   "(--tag TAG | --star | --read | --dismiss | --highlight)\n"
                                   "       paperboy rule list [--json]\n"
                                   "       paperboy rule remove NAME")
                        .arg(message));
    return CliContext::kUsage;
}

int ruleAdd(CliContext &ctx)
{
    if (ctx.positionals.size() < 3)
        return ruleUsage(QStringLiteral("rule add wants a NAME and a QUERY"));
    Rule rule;
    rule.name = ctx.positionals.at(1).simplified();
    rule.query = ctx.positionals.mid(2).join(QLatin1Char(' ')).simplified();
    QList<RuleAction> actions;
    if (ctx.flag(QStringLiteral("--tag"))) {
        actions.append(RuleAction::Tag);
        rule.argument = ctx.value(QStringLiteral("--tag")).simplified();
        if (rule.argument.isEmpty())
            return ruleUsage(QStringLiteral("--tag wants a tag"));
    }
    const std::pair<const char *, RuleAction> flags[] = {{"--star", RuleAction::Star},
                                                         {"--read", RuleAction::Read},
                                                         {"--dismiss", RuleAction::Dismiss},
                                                         {"--highlight", RuleAction::Highlight}};
    for (const auto &[flag, action] : flags)
        if (ctx.flag(QLatin1String(flag)))
            actions.append(action);
    if (actions.size() != 1)
        return ruleUsage(QStringLiteral("give exactly one action: --tag TAG, --star, --read, "
                                        "--dismiss or --highlight"));
    rule.action = actions.first();
    if (rule.name.isEmpty() || rule.query.isEmpty())
        return ruleUsage(QStringLiteral("a rule needs a name and a query"));
    const SearchQuery query = parseSearchQuery(rule.query);
    for (const QString &warning : query.warnings)
        CliContext::err(QStringLiteral("paperboy rule: warning: %1").arg(warning));
    if (!ctx.openStore())
        return CliContext::kError;
    if (!ctx.store().saveRule(rule)) {
        CliContext::err(QStringLiteral("paperboy rule: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    const int matching = Searcher(ctx.store()).count(query);
    if (ctx.json()) {
        for (const Rule &saved : ctx.store().rules())
            if (saved.name == rule.name) {
                QJsonObject object = ruleToJson(saved);
                object.insert(QStringLiteral("matching_now"), matching);
                CliContext::printJson(object);
            }
        return CliContext::kOk;
    }
    CliContext::out(QStringLiteral("rule '%1': %2 the papers each import and fetch adds that "
                                   "match: %3\n(%4 in the library match now; a rule does not "
                                   "change them)\n")
                        .arg(rule.name, describeAction(rule), rule.query,
                             countOf(std::max(0, matching), QStringLiteral("paper"))));
    return CliContext::kOk;
}

int ruleCommand(CliContext &ctx)
{
    const QString verb = ctx.positionals.first();
    if (verb == QLatin1String("add"))
        return ruleAdd(ctx);
    if (verb == QLatin1String("list")) {
        if (ctx.positionals.size() != 1)
            return ruleUsage(QStringLiteral("rule list takes no arguments"));
        if (!ctx.openStore(Database::Mode::ReadOnly))
            return CliContext::kError;
        const QList<Rule> rules = ctx.store().rules();
        if (ctx.json()) {
            QJsonArray array;
            for (const Rule &rule : rules)
                array.append(ruleToJson(rule));
            CliContext::printJson(array);
            return CliContext::kOk;
        }
        for (const Rule &rule : rules)
            CliContext::out(
                QStringLiteral("%1: %2 → %3\n").arg(rule.name, rule.query, describeAction(rule)));
        return CliContext::kOk;
    }
    if (verb == QLatin1String("remove")) {
        if (ctx.positionals.size() != 2)
            return ruleUsage(QStringLiteral("rule remove wants one NAME"));
        if (!ctx.openStore())
            return CliContext::kError;
        bool removed = false;
        if (!ctx.store().removeRule(ctx.positionals.at(1), &removed)) {
            CliContext::err(QStringLiteral("paperboy rule: %1").arg(ctx.store().lastError()));
            return CliContext::kError;
        }
        if (!removed) {
            CliContext::err(
                QStringLiteral("paperboy rule: no rule is named '%1'").arg(ctx.positionals.at(1)));
            return CliContext::kError;
        }
        if (!ctx.json())
            CliContext::out(QStringLiteral("removed rule '%1'\n").arg(ctx.positionals.at(1)));
        return CliContext::kOk;
    }
    return ruleUsage(QStringLiteral("unknown action '%1' (add, list or remove)").arg(verb));
}

} // namespace

void registerCurationCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    commands.append({QStringLiteral("dismiss"),
                     QStringLiteral("dismiss ID... [--json]"),
                     QStringLiteral("not interested: hide papers from For you and learn from it"),
                     {json},
                     1,
                     -1,
                     [](CliContext &ctx) { return dismissCommand(ctx, true); }});
    commands.append({QStringLiteral("undismiss"),
                     QStringLiteral("undismiss ID... [--json]"),
                     QStringLiteral("take papers off the dismissed list"),
                     {json},
                     1,
                     -1,
                     [](CliContext &ctx) { return dismissCommand(ctx, false); }});
    commands.append({QStringLiteral("follow"),
                     QStringLiteral("follow NAME [--json]"),
                     QStringLiteral("follow an author (accents, TeX and case do not matter); "
                                    "search is:followed finds their papers"),
                     {json},
                     1,
                     -1,
                     [](CliContext &ctx) { return followCommand(ctx, true); }});
    commands.append({QStringLiteral("unfollow"),
                     QStringLiteral("unfollow NAME [--json]"),
                     QStringLiteral("stop following an author"),
                     {json},
                     1,
                     -1,
                     [](CliContext &ctx) { return followCommand(ctx, false); }});
    commands.append({QStringLiteral("following"),
                     QStringLiteral("following [--json]"),
                     QStringLiteral("the authors you follow"),
                     {json},
                     0,
                     0,
                     followingCommand});
    commands.append(
        {QStringLiteral("rule"),
         QStringLiteral("rule add NAME QUERY (--tag TAG | --star | --read | --dismiss | "
                        "--highlight) | rule list [--json] | rule remove NAME"),
         QStringLiteral("a saved search with an action, run on the papers every later import "
                        "and fetch adds"),
         {json,
          {QStringLiteral("--tag"), true},
          {QStringLiteral("--star"), false},
          {QStringLiteral("--read"), false},
          {QStringLiteral("--dismiss"), false},
          {QStringLiteral("--highlight"), false}},
         1,
         -1,
         ruleCommand});
}

} // namespace paperboy
