#pragma once

// What a subcommand gets: its parsed options, the opened store, and output helpers.

#include "store/database.h"
#include "store/store.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace paperboy {

struct OptionSpec
{
    QString name;    // "--date"
    bool takesValue; // "--date 2024-03-14" vs "--json"
    bool repeatable = false;
};

class CliContext
{
public:
    QStringList positionals;
    QMap<QString, QStringList> options; // every value given, in order; flags hold one ""
    QString databasePath;

    bool flag(const QString &name) const { return options.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return options.contains(name) ? options.value(name).constLast() : fallback;
    }
    QStringList values(const QString &name) const { return options.value(name); }
    bool json() const { return flag(QStringLiteral("--json")); }

    // Opens (and migrates) the database once; false after printing the error.
    bool openStore(Database::Mode mode = Database::Mode::ReadWrite);
    Store &store() { return *m_store; }
    // A paper's JSON (paper_json.h) with its recorded versions and kept PDF; needs
    // openStore().
    QJsonObject paperJson(const PaperView &view);
    // Prints many papers' JSON as it is made (their versions and PDFs read in one statement
    // each): a bare array, or `envelope` with the array in its sorted place under `key`.
    // `pdfMatches` (search): the pages of each paper's PDF holding the words.
    void printPapersJson(const QList<PaperView> &views, const QJsonObject &envelope = {},
                         const QString &key = {},
                         const QHash<QString, QList<int>> *pdfMatches = nullptr);
    Database &database() { return m_database; }

    static void out(const QString &text); // stdout, UTF-8, adds nothing
    // stdout in a colour (an SGR code such as "32" for green) when it is a terminal; else as
    // out(). The text is made safe for a terminal as out() does.
    static void outColoured(const QString &text, const char *sgr);
    static bool stdoutIsTerminal();
    static void err(const QString &text); // stderr, UTF-8, adds a newline
    static void printJson(const QJsonValue &value);

    // Exit codes.
    static constexpr int kOk = 0;
    static constexpr int kError = 1;
    static constexpr int kUsage = 2;

private:
    Database m_database;
    std::unique_ptr<Store> m_store;
};

struct Command
{
    QString name;
    QString usage;   // "list [--date YYYY-MM-DD] [--category CAT] [--json]"
    QString summary; // one line for `paperboy --help`
    QList<OptionSpec> options;
    int minPositionals = 0;
    int maxPositionals = 0; // -1 = unbounded
    std::function<int(CliContext &)> run;
};

// Each area registers its subcommands here (cli.cpp calls them in order).
void registerLibraryCommands(QList<Command> &commands);     // import, dates, list, show, star, note
void registerFetchCommands(QList<Command> &commands);       // fetch
void registerSearchCommands(QList<Command> &commands);      // search, tag, untag, tags
void registerSavedSearchCommands(QList<Command> &commands); // save-search, searches
void registerExportCommands(QList<Command> &commands);      // export, backup, restore
void registerVersionCommands(QList<Command> &commands);     // diff
void registerTranslateCommands(QList<Command> &commands);   // translate
void registerRankCommands(QList<Command> &commands);        // rank, similar
void registerCurationCommands(QList<Command> &commands);    // dismiss, follow, rule and friends
void registerTrendsCommands(QList<Command> &commands);      // trends

} // namespace paperboy
