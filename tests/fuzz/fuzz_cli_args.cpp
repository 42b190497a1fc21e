// The command line's reading of its arguments (app/cli/cli_parse.h), over any argument vector,
// without running a command: no library is opened and nothing is fetched. What it reads obeys
// the command's own description (known options, values where they take one, once unless
// repeatable, positionals within bounds); written back in a canonical form it reads the same;
// global options mean the same before and after the command name; and every vector it reads
// as a command is one main() hands to the command line rather than to the window.

#include "cli/cli.h"
#include "cli/cli_parse.h"
#include "fuzz_common.h"

#include "FuzzedDataProvider.h" // LLVM's, kept here so the regression test builds with any compiler

#include <QCoreApplication>

namespace {

using namespace paperboy;

const QList<Command> &commands()
{
    static const QList<Command> list = cliCommands();
    return list;
}

// Words that mean something to the parser, so that vectors reach past the first argument.
QStringList vocabulary()
{
    QStringList words{QStringLiteral("--help"),     QStringLiteral("-h"),
                      QStringLiteral("help"),       QStringLiteral("--version"),
                      QStringLiteral("-v"),         QStringLiteral("--db"),
                      QStringLiteral("--json"),     QStringLiteral("--"),
                      QStringLiteral("-"),          QStringLiteral("--db=lib.sqlite"),
                      QStringLiteral("lib.sqlite"), QStringLiteral("2306.05544"),
                      QStringLiteral("2024-03-14"), QString(),
                      QStringLiteral("="),          QStringLiteral("--=x")};
    for (const Command &command : commands()) {
        words.append(command.name);
        for (const OptionSpec &option : command.options) {
            words.append(option.name);
            words.append(option.name + QStringLiteral("=value"));
            words.append(option.name + QLatin1Char('='));
        }
    }
    return words;
}

QStringList argumentsOf(FuzzedDataProvider &fdp)
{
    static const QStringList words = vocabulary();
    QStringList arguments{QStringLiteral("paperboy")};
    const int count = fdp.ConsumeIntegralInRange(0, 12);
    for (int i = 0; i < count && fdp.remaining_bytes() > 0; ++i) {
        const auto choice = fdp.ConsumeIntegral<uint8_t>();
        if (choice < 192)
            arguments.append(words.at(choice % words.size()));
        else
            arguments.append(QString::fromStdString(fdp.ConsumeRandomLengthString(40)));
    }
    return arguments;
}

bool sameReading(const CliInvocation &a, const CliInvocation &b)
{
    return a.kind == b.kind && a.command == b.command && a.positionals == b.positionals &&
           a.options == b.options && a.databasePath == b.databasePath && a.message == b.message;
}

void checkRun(const CliInvocation &invocation)
{
    const Command *command = invocation.command;
    fuzz::check(command != nullptr, "a command run without a command");
    fuzz::check(invocation.positionals.size() >= command->minPositionals, "too few positionals");
    fuzz::check(command->maxPositionals < 0 ||
                    invocation.positionals.size() <= command->maxPositionals,
                "too many positionals");
    for (auto it = invocation.options.cbegin(); it != invocation.options.cend(); ++it) {
        fuzz::check(!it.value().isEmpty(), "an option without a value");
        if (it.key() == QLatin1String("--json")) {
            fuzz::check(it.value() == QStringList{QString()}, "--json with a value");
            continue;
        }
        const auto spec = std::find_if(command->options.begin(), command->options.end(),
                                       [&](const OptionSpec &s) { return s.name == it.key(); });
        fuzz::check(spec != command->options.end(), "an option the command does not know");
        if (!spec->takesValue)
            fuzz::check(it.value() == QStringList{QString()}, "a flag holding a value");
        else if (!spec->repeatable)
            fuzz::check(it.value().size() == 1, "a single-valued option holding several");
    }
}

// The canonical spelling: --db before the command, options as --name=value, then "--" and
// the positionals.
QStringList canonical(const CliInvocation &invocation)
{
    QStringList arguments{QStringLiteral("paperboy")};
    if (invocation.databasePath)
        arguments << QStringLiteral("--db") << *invocation.databasePath;
    arguments << invocation.command->name;
    for (auto it = invocation.options.cbegin(); it != invocation.options.cend(); ++it) {
        const auto spec =
            std::find_if(invocation.command->options.begin(), invocation.command->options.end(),
                         [&](const OptionSpec &s) { return s.name == it.key(); });
        const bool takesValue = spec != invocation.command->options.end() && spec->takesValue;
        for (const QString &value : it.value())
            arguments << (takesValue ? it.key() + QLatin1Char('=') + value : it.key());
    }
    arguments << QStringLiteral("--") << invocation.positionals;
    return arguments;
}

// The same global options, moved from before the command name to right after it.
QStringList globalsAfterCommand(const QStringList &arguments)
{
    QStringList globals;
    qsizetype i = 1;
    while (i < arguments.size()) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--db") && i + 1 < arguments.size()) {
            globals << arg << arguments.at(i + 1);
            i += 2;
        } else if (arg.startsWith(QLatin1String("--db=")) || arg == QLatin1String("--json")) {
            globals << arg;
            ++i;
        } else {
            break;
        }
    }
    if (i >= arguments.size())
        return {};
    const QString command = arguments.at(i);
    return QStringList{arguments.first(), command} + globals + arguments.mid(i + 1);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider fdp(data, size);
    const QStringList arguments = argumentsOf(fdp);
    const CliInvocation invocation = parseCli(arguments, commands());
    fuzz::check(sameReading(parseCli(arguments, commands()), invocation),
                "reading is not deterministic");

    switch (invocation.kind) {
    case CliInvocation::Kind::UsageError:
        fuzz::check(invocation.message.startsWith(QLatin1String("paperboy")),
                    "a usage error that does not say who speaks");
        break;
    case CliInvocation::Kind::CommandHelp:
        fuzz::check(invocation.command != nullptr, "help for no command");
        break;
    case CliInvocation::Kind::Run: {
        checkRun(invocation);
        const QStringList spelled = canonical(invocation);
        fuzz::check(sameReading(parseCli(spelled, commands()), invocation),
                    "the canonical spelling reads differently");
        // --db=PATH works after the command name, so it must before it too.
        if (invocation.databasePath) {
            QStringList inlined = spelled;
            inlined.removeAt(1);
            inlined[1] = QStringLiteral("--db=") + *invocation.databasePath;
            fuzz::check(sameReading(parseCli(inlined, commands()), invocation),
                        "--db=PATH before the command reads differently from --db PATH");
        }
        break;
    }
    case CliInvocation::Kind::Help:
    case CliInvocation::Kind::Version:
        break;
    }
    // Whatever asks for a command, help or the version is run by the command line; only a
    // vector it reads as no command at all may open the window instead.
    if (invocation.kind != CliInvocation::Kind::UsageError || invocation.command != nullptr)
        fuzz::check(isCliInvocation(arguments), "a command the window would take");

    if (const QStringList moved = globalsAfterCommand(arguments);
        !moved.isEmpty() && invocation.kind == CliInvocation::Kind::Run) {
        const CliInvocation after = parseCli(moved, commands());
        fuzz::check(sameReading(after, invocation),
                    "a global option means another thing after the command name");
    }
    return 0;
}
