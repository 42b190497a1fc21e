// paperboy_crash_writer: saved-search writes for the crash harness to kill. The command line
// has no saved-search command; the window saves, renames and removes searches through
// SmartViews on its writer connection, and so does this, on a library opened as the app
// opens it. Exit 0 once the write is stored; 1 with the error on stderr.
//
//   PAPERBOY_DB=... paperboy_crash_writer save NAME QUERY
//   PAPERBOY_DB=... paperboy_crash_writer rename FROM TO
//   PAPERBOY_DB=... paperboy_crash_writer remove NAME

#include "search/smart_views.h"
#include "store/database.h"
#include "store/store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace paperboy;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Database db;
    if (!db.open(qEnvironmentVariable("PAPERBOY_DB"))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    Store store(db);
    SmartViews views(store);
    bool ok = false;
    if (args.value(1) == QLatin1String("save") && args.size() == 4)
        ok = views.saveSearch(args.at(2), args.at(3));
    else if (args.value(1) == QLatin1String("rename") && args.size() == 4)
        ok = views.renameSavedSearch(args.at(2), args.at(3));
    else if (args.value(1) == QLatin1String("remove") && args.size() == 3)
        ok = views.removeSavedSearch(args.at(2));
    else
        return 2;
    if (!ok)
        std::fprintf(stderr, "%s\n", qPrintable(views.lastError()));
    return ok ? 0 : 1;
}
