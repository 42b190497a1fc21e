// One binary: the window without arguments, headless subcommands otherwise.

#include "cli/cli.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace paperboy {
int runGui(int &argc, char **argv); // ui/gui_main.cpp
}

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (paperboy::isCliInvocation(arguments)) {
        // No QGuiApplication: subcommands must run without a display.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("paperboy"));
        QCoreApplication::setOrganizationName(QStringLiteral("paperboy"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PAPERBOY_VERSION));
        return paperboy::runCli(app.arguments());
    }
    return paperboy::runGui(argc, argv);
}
