#pragma once

// The command line read into what it asks for, without running anything: which command,
// its positionals and options, the library file, or help, the version or a usage error.
// runCli() acts on it; tests/fuzz/fuzz_cli_args.cpp drives it with any argument vector.

#include "cli/cli_context.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

struct CliInvocation
{
    enum class Kind
    {
        Run,         // command, positionals, options, databasePath
        Help,        // `paperboy --help`: the whole help
        Version,     // `paperboy --version`
        CommandHelp, // `paperboy COMMAND --help`: that command's usage
        UsageError   // message says what is wrong (exit 2)
    };
    Kind kind = Kind::UsageError;
    const Command *command = nullptr; // Run, CommandHelp; also a UsageError after the name
    QStringList positionals;
    QMap<QString, QStringList> options;  // every value given, in order; flags hold one ""
    std::optional<QString> databasePath; // --db; not given: PAPERBOY_DB or the default
    QString message;                     // UsageError: the whole text for stderr
};

// The subcommands, in the order --help lists them.
QList<Command> cliCommands();

// Reads `arguments` (arguments[0] is the program) against `commands`; the pointer in the
// result points into `commands`. Global options (--db PATH, --json) may stand before or after
// the command name; "--" ends the options.
CliInvocation parseCli(const QStringList &arguments, const QList<Command> &commands);

} // namespace paperboy
