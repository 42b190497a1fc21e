#include "main_window.h"

#include <QApplication>

namespace paperboy {

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("paperboy"));
    QApplication::setOrganizationName(QStringLiteral("paperboy"));
    QApplication::setApplicationDisplayName(QStringLiteral("Paperboy"));
    QApplication::setApplicationVersion(QStringLiteral(PAPERBOY_VERSION));
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace paperboy
