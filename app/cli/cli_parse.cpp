#include "cli/cli_parse.h"

#include <algorithm>

namespace paperboy {

namespace {

CliInvocation usageError(const QString &message, const Command *command = nullptr)
{
    CliInvocation invocation;
    invocation.kind = CliInvocation::Kind::UsageError;
    invocation.command = command;
    invocation.message = command ? QStringLiteral("paperboy %1: %2\nusage: paperboy %3")
                                       .arg(command->name, message, command->usage)
                                 : QStringLiteral("paperboy: %1").arg(message);
    return invocation;
}

} // namespace

CliInvocation parseCli(const QStringList &arguments, const QList<Command> &commands)
{
    CliInvocation invocation;

    // Global options may stand before the command name.
    QStringList rest = arguments.mid(1);
    const Command *command = nullptr;
    while (!rest.isEmpty()) {
        const QString arg = rest.takeFirst();
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
            arg == QLatin1String("help")) {
            invocation.kind = CliInvocation::Kind::Help;
            return invocation;
        }
        if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            invocation.kind = CliInvocation::Kind::Version;
            return invocation;
        }
        // Two libraries on one command line: which one the user meant cannot be guessed, and
        // the last one winning starred papers in a library the user did not look at.
        if (arg == QLatin1String("--db") || arg.startsWith(QLatin1String("--db="))) {
            if (invocation.databasePath)
                return usageError(QStringLiteral("--db given twice"));
            if (arg == QLatin1String("--db") && rest.isEmpty())
                return usageError(QStringLiteral("--db needs a path"));
            // --db=PATH too, as after the command name (fuzz_cli_args checks both spellings).
            invocation.databasePath = arg == QLatin1String("--db") ? rest.takeFirst() : arg.mid(5);
            continue;
        }
        if (arg == QLatin1String("--json")) {
            invocation.options.insert(arg, {QString()});
            continue;
        }
        for (const Command &candidate : commands)
            if (candidate.name == arg)
                command = &candidate;
        if (!command)
            return usageError(
                QStringLiteral("unknown command or option '%1'; see 'paperboy --help'").arg(arg));
        break;
    }
    if (!command)
        return usageError(QStringLiteral("no command given; see 'paperboy --help'"));

    bool onlyPositionals = false;
    while (!rest.isEmpty()) {
        const QString arg = rest.takeFirst();
        if (onlyPositionals || !arg.startsWith(QLatin1String("--"))) {
            invocation.positionals.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositionals = true;
            continue;
        }
        QString name = arg;
        QString inlineValue;
        const qsizetype equals = arg.indexOf(QLatin1Char('='));
        if (equals > 0) {
            name = arg.left(equals);
            inlineValue = arg.mid(equals + 1);
        }
        if (name == QLatin1String("--help")) {
            invocation.kind = CliInvocation::Kind::CommandHelp;
            invocation.command = command;
            return invocation;
        }
        if (name == QLatin1String("--db")) {
            if (invocation.databasePath)
                return usageError(QStringLiteral("--db given twice"), command);
            if (equals < 0 && rest.isEmpty())
                return usageError(QStringLiteral("--db needs a path"), command);
            invocation.databasePath = equals > 0 ? inlineValue : rest.takeFirst();
            continue;
        }
        // A flag's inline value was dropped, so `note ID --clear=no` cleared the note.
        if (name == QLatin1String("--json")) {
            if (equals > 0)
                return usageError(QStringLiteral("--json takes no value"), command);
            invocation.options.insert(name, {QString()});
            continue;
        }
        const auto spec = std::find_if(command->options.begin(), command->options.end(),
                                       [&](const OptionSpec &s) { return s.name == name; });
        if (spec == command->options.end())
            return usageError(QStringLiteral("unknown option %1").arg(name), command);
        if (!spec->takesValue) {
            if (equals > 0)
                return usageError(QStringLiteral("%1 takes no value").arg(name), command);
            invocation.options.insert(name, {QString()});
            continue;
        }
        if (equals < 0 && rest.isEmpty())
            return usageError(QStringLiteral("%1 needs a value").arg(name), command);
        const QString value = equals > 0 ? inlineValue : rest.takeFirst();
        if (!spec->repeatable && invocation.options.contains(name))
            return usageError(QStringLiteral("%1 given twice").arg(name), command);
        invocation.options[name].append(value);
    }
    if (invocation.positionals.size() < command->minPositionals)
        return usageError(QStringLiteral("missing arguments"), command);
    if (command->maxPositionals >= 0 && invocation.positionals.size() > command->maxPositionals)
        return usageError(QStringLiteral("too many arguments"), command);
    invocation.kind = CliInvocation::Kind::Run;
    invocation.command = command;
    return invocation;
}

} // namespace paperboy
