#include "cli.h"

#include "cli/cli_context.h"
#include "cli/cli_parse.h"
#include "cli/paper_json.h"
#include "core/json_text_writer.h"
#include "core/pdf_files.h"
#include "store/pdf_store.h"
#include "store/version_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <cstdio>
#include <unistd.h>

namespace paperboy {

// Reading statistics (issue #22), stats_commands.cpp; declared here rather than beside the
// others in cli_context.h, which every command's file includes.
void registerStatsCommands(QList<Command> &commands);
// Kept PDFs (issue #21), pdf_commands.cpp.
void registerPdfCommands(QList<Command> &commands);
// Sync (issue #20), sync_commands.cpp; declared here for the same reason.
void registerSyncCommands(QList<Command> &commands);
// Issue #21: add (add_commands.cpp) and zotero (zotero_commands.cpp).
void registerAddCommands(QList<Command> &commands);
void registerZoteroCommands(QList<Command> &commands);

namespace {

QList<Command> allCommands()
{
    QList<Command> commands;
    registerLibraryCommands(commands);
    registerFetchCommands(commands);
    registerAddCommands(commands);
    registerSearchCommands(commands);
    registerSavedSearchCommands(commands);
    registerExportCommands(commands);
    registerZoteroCommands(commands);
    registerVersionCommands(commands);
    registerTranslateCommands(commands);
    registerRankCommands(commands);
    registerCurationCommands(commands);
    registerTrendsCommands(commands);
    registerStatsCommands(commands);
    registerPdfCommands(commands);
    registerSyncCommands(commands);
    return commands;
}

QString helpText(const QList<Command> &commands)
{
    QString text =
        QStringLiteral("Paperboy %1: a desktop reader for daily arXiv paper digests.\n\n"
                       "Usage: paperboy                 open the window\n"
                       "       paperboy COMMAND [options]\n\n"
                       "Global options:\n"
                       "  --db PATH      use this database file (or set PAPERBOY_DB)\n"
                       "  --json         print data as JSON where the command prints data\n"
                       "  --help, -h     show this help\n"
                       "  --version, -v  show the version\n\n"
                       "Commands:\n")
            .arg(QStringLiteral(PAPERBOY_VERSION));
    for (const Command &command : commands)
        text += QStringLiteral("  %1\n      %2\n").arg(command.usage, command.summary);
    text += QStringLiteral("\nExit status: 0 success, 1 error, 2 usage error.\n");
    return text;
}

} // namespace

namespace {

PaperPdfJson pdfJson(const std::optional<KeptPdf> &kept)
{
    PaperPdfJson pdf;
    if (kept) {
        pdf.file = pdfPath(kept->fileName);
        pdf.pages = kept->pages;
    }
    return pdf;
}

} // namespace

QJsonObject CliContext::paperJson(const PaperView &view)
{
    return paperToJson(view, VersionStore(m_database).versions(view.paper.arxivId),
                       pdfJson(PdfStore(m_database).find(view.paper.arxivId)));
}

namespace {

// Writes what the writer holds, as printJson would.
void drain(QByteArray &bytes)
{
    if (CliContext::stdoutIsTerminal())
        CliContext::out(QString::fromUtf8(bytes));
    else
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    bytes.clear();
}

} // namespace

void CliContext::printPapersJson(const QList<PaperView> &views, const QJsonObject &envelope,
                                 const QString &key, const QHash<QString, QList<int>> *pdfMatches)
{
    QStringList ids;
    ids.reserve(views.size());
    for (const PaperView &view : views)
        ids.append(view.paper.arxivId);
    const QHash<QString, QList<PaperVersion>> versions = VersionStore(m_database).versionsOf(ids);
    const QHash<QString, KeptPdf> pdfs = PdfStore(m_database).findMany(ids);
    QByteArray bytes;
    JsonTextWriter writer(&bytes);
    const auto writePapers = [&] {
        writer.beginArray();
        for (const PaperView &view : views) {
            const QString &id = view.paper.arxivId;
            const auto kept = pdfs.constFind(id);
            PaperPdfJson pdf =
                pdfJson(kept == pdfs.cend() ? std::nullopt : std::optional<KeptPdf>(*kept));
            if (pdfMatches)
                pdf.matchedPages = pdfMatches->value(id);
            writePaperJson(writer, view, versions.value(id), pdf);
            if (bytes.size() > (1 << 20)) // between papers: the text stays whole UTF-8
                drain(bytes);
        }
        writer.endArray();
    };
    if (key.isEmpty()) {
        writePapers();
    } else {
        writer.beginObject();
        bool written = false;
        for (auto it = envelope.begin(); it != envelope.end(); ++it) { // sorted, as Qt prints
            if (!written && key < it.key()) {
                writer.keyText(key);
                writePapers();
                written = true;
            }
            writer.keyText(it.key());
            writer.value(it.value());
        }
        if (!written) {
            writer.keyText(key);
            writePapers();
        }
        writer.endObject();
    }
    drain(bytes);
    std::fflush(stdout);
}

bool CliContext::openStore(Database::Mode mode)
{
    if (m_store)
        return true;
    m_database.setUpgradeListener([this](int from, int to) {
        err(QStringLiteral("paperboy: upgrading %1 from schema version %2 to %3 (a large "
                           "library takes a few minutes; a copy of the old one is kept)")
                .arg(databasePath)
                .arg(from)
                .arg(to));
    });
    if (!m_database.open(databasePath, mode)) {
        err(QStringLiteral("paperboy: %1").arg(m_database.error()));
        return false;
    }
    if (!m_database.notice().isEmpty())
        err(QStringLiteral("paperboy: note: %1").arg(m_database.notice()));
    m_store = std::make_unique<Store>(m_database);
    return true;
}

namespace {

// Titles and abstracts come from strangers and may hold terminal control sequences
// (ESC ] 0 ; ... BEL retitles the window, ESC [ 2 J clears the screen, OSC 52 writes the
// clipboard). A terminal gets U+FFFD for every control character but newline and tab;
// pipes and files get the text unchanged.
QString forStream(const QString &text, FILE *stream)
{
    if (!isatty(fileno(stream)))
        return text;
    QString safe = text;
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u < 0xa0))
            c = QChar::ReplacementCharacter;
    }
    return safe;
}

} // namespace

void CliContext::out(const QString &text)
{
    const QByteArray bytes = forStream(text, stdout).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

bool CliContext::stdoutIsTerminal()
{
    return isatty(fileno(stdout)) != 0;
}

void CliContext::outColoured(const QString &text, const char *sgr)
{
    if (!stdoutIsTerminal())
        return out(text);
    const QByteArray bytes =
        "\x1b[" + QByteArray(sgr) + 'm' + forStream(text, stdout).toUtf8() + "\x1b[0m";
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliContext::err(const QString &text)
{
    const QByteArray bytes = forStream(text, stderr).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void CliContext::printJson(const QJsonValue &value)
{
    QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    if (stdoutIsTerminal()) {
        out(QString::fromUtf8(bytes));
        return;
    }
    // A pipe or a file gets the bytes as they are: out() would decode and encode them again
    // for nothing (a tenth of `search --json`'s time for a thousand papers).
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

bool isCliInvocation(const QStringList &arguments)
{
    // Window options (--db PATH and the like) alone still open the window.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--db")) {
            ++i;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--help") ||
            arg == QLatin1String("--version") || arg == QLatin1String("-h") ||
            arg == QLatin1String("-v"))
            return true;
    }
    return false;
}

QList<Command> cliCommands()
{
    return allCommands();
}

int runCli(const QStringList &arguments)
{
    const QList<Command> commands = allCommands();
    const CliInvocation invocation = parseCli(arguments, commands);
    switch (invocation.kind) {
    case CliInvocation::Kind::Help:
        CliContext::out(helpText(commands));
        return CliContext::kOk;
    case CliInvocation::Kind::Version:
        CliContext::out(QStringLiteral("paperboy %1\n").arg(QStringLiteral(PAPERBOY_VERSION)));
        return CliContext::kOk;
    case CliInvocation::Kind::CommandHelp:
        CliContext::out(QStringLiteral("usage: paperboy %1\n%2\n")
                            .arg(invocation.command->usage, invocation.command->summary));
        return CliContext::kOk;
    case CliInvocation::Kind::UsageError:
        CliContext::err(invocation.message);
        return CliContext::kUsage;
    case CliInvocation::Kind::Run:
        break;
    }
    CliContext context;
    context.positionals = invocation.positionals;
    context.options = invocation.options;
    context.databasePath =
        invocation.databasePath.value_or(QProcessEnvironment::systemEnvironment().value(
            QStringLiteral("PAPERBOY_DB"), Database::defaultPath()));
    return invocation.command->run(context);
}

} // namespace paperboy
