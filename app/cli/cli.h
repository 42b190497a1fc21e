#pragma once

// The headless command line: `paperboy SUBCOMMAND [options]`. Runs without a display.

#include <QStringList>

namespace paperboy {

// True when the arguments ask for a subcommand (or --help/--version) rather than the window.
bool isCliInvocation(const QStringList &arguments);

// Runs the command line. Exit codes: 0 success, 1 error, 2 usage error.
int runCli(const QStringList &arguments);

} // namespace paperboy
