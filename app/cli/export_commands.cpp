// Subcommands that take data out and bring user data back: export, backup, restore.

#include "backup/auto_backup.h"
#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "cli/cli_context.h"
#include "core/english.h"
#include "core/json_values.h"
#include "export/exporter.h"
#include "export/markdown_notes.h"
#include "search/paper_selection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

namespace {

// Exactly one of --date, --starred, --tag, --search, --id picks the papers.
bool parseSelection(CliContext &ctx, PaperSelection *selection, QString *problem)
{
    const QString date = QStringLiteral("--date"), starred = QStringLiteral("--starred"),
                  tag = QStringLiteral("--tag"), search = QStringLiteral("--search"),
                  id = QStringLiteral("--id");
    int given = 0;
    for (const QString &name : {date, starred, tag, search, id})
        given += ctx.flag(name) ? 1 : 0;
    if (given != 1) {
        *problem = QStringLiteral("choose exactly one of --date, --starred, --tag, --search, --id");
        return false;
    }
    if (ctx.flag(date)) {
        const QDate day = QDate::fromString(ctx.value(date), Qt::ISODate);
        if (!day.isValid()) {
            *problem = QStringLiteral("--date wants YYYY-MM-DD, not '%1'").arg(ctx.value(date));
            return false;
        }
        *selection = PaperSelection::day(day);
    } else if (ctx.flag(starred)) {
        *selection = PaperSelection::starred();
    } else if (ctx.flag(tag)) {
        *selection = PaperSelection::tag(ctx.value(tag));
    } else if (ctx.flag(search)) {
        *selection = PaperSelection::search(ctx.value(search));
    } else {
        // "--id A --id B" and "--id A,B" both work.
        QStringList ids;
        for (const QString &value : ctx.values(id))
            ids += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        *selection = PaperSelection::papers(ids);
    }
    return true;
}

// --format markdown-notes (issue #21): one note per paper in the folder --out names.
int writeNotes(CliContext &ctx, const QList<PaperView> &papers)
{
    const QString folder = ctx.value(QStringLiteral("--out"));
    const MarkdownNotesResult result = writeMarkdownNotes(papers, folder);
    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("folder"), folder},
                        {QStringLiteral("created"), QJsonArray::fromStringList(result.created)},
                        {QStringLiteral("updated"), QJsonArray::fromStringList(result.updated)},
                        {QStringLiteral("unchanged"), QJsonArray::fromStringList(result.unchanged)},
                        {QStringLiteral("skipped"), QJsonArray::fromStringList(result.skipped)},
                        {QStringLiteral("error"), textOrNull(result.error)}});
    } else {
        CliContext::err(QStringLiteral("%1: %2 created, %3 updated, %4 unchanged")
                            .arg(folder, countOf(result.created.size(), QStringLiteral("note")))
                            .arg(result.updated.size())
                            .arg(result.unchanged.size()));
    }
    for (const QString &path : result.skipped)
        CliContext::err(QStringLiteral("paperboy export: %1 has no Paperboy marker line; left "
                                       "alone")
                            .arg(path));
    if (!result.ok())
        CliContext::err(QStringLiteral("paperboy export: %1").arg(result.error));
    return result.ok() ? CliContext::kOk : CliContext::kError;
}

int exportCommand(CliContext &ctx)
{
    auto usage = [](const QString &message) {
        CliContext::err(QStringLiteral("paperboy export: %1").arg(message));
        return CliContext::kUsage;
    };
    const QString formatName = ctx.value(QStringLiteral("--format"));
    const bool notes = formatName == QLatin1String("markdown-notes");
    if (notes && ctx.value(QStringLiteral("--out")).isEmpty())
        return usage(QStringLiteral("--format markdown-notes writes one file per paper: --out "
                                    "names the folder"));
    const std::optional<ExportFormat> format =
        notes ? std::optional<ExportFormat>(ExportFormat::Markdown)
              : exportFormatFromName(formatName);
    if (!format)
        return usage(ctx.flag(QStringLiteral("--format"))
                         ? QStringLiteral("unknown format '%1'; one of: %2")
                               .arg(ctx.value(QStringLiteral("--format")),
                                    exportFormatNames().join(QStringLiteral(", ")) +
                                        QStringLiteral(", markdown-notes"))
                         : QStringLiteral("--format is required (%1, markdown-notes)")
                               .arg(exportFormatNames().join(QStringLiteral(", "))));
    PaperSelection selection;
    QString problem;
    if (!parseSelection(ctx, &selection, &problem))
        return usage(problem);
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const SelectedPapers selected = selectPapers(ctx.store(), selection);
    if (!selected.error.isEmpty()) {
        CliContext::err(QStringLiteral("paperboy export: %1").arg(selected.error));
        return CliContext::kError;
    }
    if (!selected.invalidIds.isEmpty())
        return usage(QStringLiteral("not arXiv ids: %1")
                         .arg(selected.invalidIds.join(QStringLiteral(", "))));
    if (selection.kind == PaperSelection::Kind::Ids && !selected.missingIds.isEmpty()) {
        CliContext::err(QStringLiteral("paperboy export: not in the library: %1")
                            .arg(selected.missingIds.join(QStringLiteral(", "))));
        return CliContext::kError;
    }
    if (!selected.missingIds.isEmpty())
        CliContext::err(
            QStringLiteral("paperboy export: warning: %1 not in the library's cache, left out: %2")
                .arg(countOf(selected.missingIds.size(), QStringLiteral("tagged paper is"),
                             QStringLiteral("tagged papers are")),
                     selected.missingIds.join(QStringLiteral(", "))));
    if (selected.papers.isEmpty())
        CliContext::err(QStringLiteral("paperboy export: warning: no papers matched"));

    if (notes)
        return writeNotes(ctx, selected.papers);
    ExportOptions options;
    options.bilingual = ctx.flag(QStringLiteral("--bilingual"));
    options.heading = selected.heading;
    const QString text = exportPapers(selected.papers, *format, options);
    const QString out = ctx.value(QStringLiteral("--out"));
    if (out.isEmpty() || out == QLatin1String("-")) {
        CliContext::out(text);
        return CliContext::kOk;
    }
    QString error;
    if (!writeTextFile(out, text, &error)) {
        CliContext::err(QStringLiteral("paperboy export: %1").arg(error));
        return CliContext::kError;
    }
    CliContext::err(QStringLiteral("%1: %2, %3")
                        .arg(out, countOf(selected.papers.size(), QStringLiteral("paper")),
                             exportDisplayName(*format)));
    return CliContext::kOk;
}

int backupCommand(CliContext &ctx)
{
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    QString path;
    QString error;
    QStringList removed;
    BackupData written;
    if (ctx.positionals.isEmpty()) {
        const AutomaticBackupResult result =
            rotateAutomaticBackup(ctx.database(), defaultBackupFolder());
        if (!result.ok) {
            CliContext::err(QStringLiteral("paperboy backup: %1").arg(result.error));
            return CliContext::kError;
        }
        path = result.path;
        removed = result.removed;
        if (const std::optional<BackupData> data = readBackupFile(path, &error))
            written = *data;
    } else {
        path = ctx.positionals.first();
        if (!writeBackupFile(ctx.database(), path, &error, {}, &written)) {
            CliContext::err(QStringLiteral("paperboy backup: %1").arg(error));
            return CliContext::kError;
        }
    }
    qsizetype tags = 0;
    for (const BackupPaper &paper : std::as_const(written.papers))
        tags += paper.tags.size();
    if (ctx.json()) {
        CliContext::printJson(
            QJsonObject{{QStringLiteral("file"), path},
                        {QStringLiteral("papers"), written.papers.size()},
                        {QStringLiteral("tags"), tags},
                        {QStringLiteral("saved_searches"), written.savedSearches.size()},
                        {QStringLiteral("saved_trends"), written.savedTrends.size()},
                        {QStringLiteral("pdfs"), written.pdfs.size()},
                        {QStringLiteral("added_papers"), written.papersAdded.size()},
                        {QStringLiteral("removed"), QJsonArray::fromStringList(removed)}});
        return CliContext::kOk;
    }
    CliContext::out(QStringLiteral("%1: user data of %2, %3, %4\n")
                        .arg(path, countOf(written.papers.size(), QStringLiteral("paper")),
                             countOf(tags, QStringLiteral("tag")),
                             countOf(written.savedSearches.size(), QStringLiteral("saved search"),
                                     QStringLiteral("saved searches"))));
    for (const QString &file : std::as_const(removed))
        CliContext::out(QStringLiteral("removed old backup %1\n").arg(file));
    return CliContext::kOk;
}

QJsonObject conflictToJson(const RestoreConflict &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("field"), c.field},
            {QStringLiteral("library_value"), c.libraryValue},
            {QStringLiteral("backup_value"), c.backupValue},
            {QStringLiteral("library_changed"), c.libraryChanged},
            {QStringLiteral("backup_changed"), c.backupChanged},
            {QStringLiteral("winner"),
             c.backupWon ? QStringLiteral("backup") : QStringLiteral("library")}};
}

int restoreCommand(CliContext &ctx)
{
    const QString path = ctx.positionals.first();
    // Check the file before opening (and perhaps creating or migrating) the database.
    QString error;
    const std::optional<BackupData> data = readBackupFile(path, &error);
    if (!data) {
        CliContext::err(QStringLiteral("paperboy restore: %1").arg(error));
        return CliContext::kError;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    const RestoreReport report = restoreBackup(ctx.database(), *data);
    if (!report.ok) {
        CliContext::err(QStringLiteral("paperboy restore: %1").arg(report.error));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray conflicts;
        for (const RestoreConflict &conflict : report.conflicts)
            conflicts.append(conflictToJson(conflict));
        CliContext::printJson(QJsonObject{
            {QStringLiteral("file"), path},
            {QStringLiteral("papers_added"), report.papersAdded},
            {QStringLiteral("papers_updated"), report.papersUpdated},
            {QStringLiteral("papers_unchanged"), report.papersUnchanged},
            {QStringLiteral("fields_taken"), report.fieldsTaken},
            {QStringLiteral("tags_added"), report.tagsAdded},
            {QStringLiteral("searches_added"), report.searchesAdded},
            {QStringLiteral("searches_replaced"), report.searchesReplaced},
            {QStringLiteral("dismissals_taken"), report.dismissalsTaken},
            {QStringLiteral("follows_taken"), report.followsTaken},
            {QStringLiteral("rules_added"), report.rulesAdded},
            {QStringLiteral("rules_replaced"), report.rulesReplaced},
            {QStringLiteral("highlights_added"), report.highlightsAdded},
            {QStringLiteral("trends_added"), report.trendsAdded},
            {QStringLiteral("trends_replaced"), report.trendsReplaced},
            {QStringLiteral("pdfs_recorded"), report.pdfsRecorded},
            {QStringLiteral("pdfs_to_download"), QJsonArray::fromStringList(report.pdfsToDownload)},
            {QStringLiteral("added_papers_taken"), report.papersAddedTaken},
            {QStringLiteral("conflicts"), conflicts}});
        return CliContext::kOk;
    }
    CliContext::out(QStringLiteral("%1: %2 added, %3 updated, %4 unchanged; %5 and %6 added, %7 "
                                   "replaced\n")
                        .arg(path, countOf(report.papersAdded, QStringLiteral("paper")))
                        .arg(report.papersUpdated)
                        .arg(report.papersUnchanged)
                        .arg(countOf(report.tagsAdded, QStringLiteral("tag")),
                             countOf(report.searchesAdded, QStringLiteral("saved search"),
                                     QStringLiteral("saved searches")))
                        .arg(report.searchesReplaced));
    if (report.dismissalsTaken + report.followsTaken + report.rulesAdded + report.rulesReplaced +
            report.highlightsAdded >
        0)
        CliContext::out(QStringLiteral("%1 and %2 taken from the backup; %3 added, %4 "
                                       "replaced; %5 added\n")
                            .arg(countOf(report.dismissalsTaken, QStringLiteral("dismissal")),
                                 countOf(report.followsTaken, QStringLiteral("followed author")),
                                 countOf(report.rulesAdded, QStringLiteral("rule")))
                            .arg(report.rulesReplaced)
                            .arg(countOf(report.highlightsAdded, QStringLiteral("highlight"))));
    if (report.trendsAdded + report.trendsReplaced > 0)
        CliContext::out(QStringLiteral("%1 added, %2 replaced\n")
                            .arg(countOf(report.trendsAdded, QStringLiteral("saved trend")))
                            .arg(report.trendsReplaced));
    // Backups list kept PDFs without the files (issue #21).
    if (report.pdfsRecorded > 0)
        CliContext::out(QStringLiteral("%1 found in the data folder and kept again (their text "
                                       "is indexed again by paperboy pdf or the window)\n")
                            .arg(countOf(report.pdfsRecorded, QStringLiteral("PDF"))));
    if (!report.pdfsToDownload.isEmpty())
        CliContext::out(QStringLiteral("%1 not in the data folder; download again with: "
                                       "paperboy pdf %2\n")
                            .arg(countOf(report.pdfsToDownload.size(), QStringLiteral("kept PDF")),
                                 report.pdfsToDownload.join(QLatin1Char(' '))));
    if (report.papersAddedTaken > 0)
        CliContext::out(QStringLiteral("%1 marked added from the backup\n")
                            .arg(countOf(report.papersAddedTaken, QStringLiteral("paper"))));
    if (!report.conflicts.isEmpty())
        CliContext::out(QStringLiteral("%1, both sides changed; the newer edit was kept:\n")
                            .arg(countOf(report.conflicts.size(), QStringLiteral("conflict"))));
    for (const RestoreConflict &c : report.conflicts)
        CliContext::out(
            QStringLiteral("  %1 %2: library '%3' (%4) vs backup '%5' (%6) -> %7\n")
                .arg(c.id, c.field, c.libraryValue.simplified(), c.libraryChanged,
                     c.backupValue.simplified(), c.backupChanged,
                     c.backupWon ? QStringLiteral("backup") : QStringLiteral("library")));
    return CliContext::kOk;
}

} // namespace

void registerExportCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    commands.append(
        {QStringLiteral("export"),
         QStringLiteral(
             "export (--date YYYY-MM-DD | --starred | --tag TAG | --search QUERY | --id ID...) "
             "--format bibtex|ris|csljson|csv|markdown|markdown-notes [--bilingual] [--out FILE] "
             "[--json]"),
         QStringLiteral(
             "citations, tables and reading lists of a day, the starred papers, a tag, a "
             "search or chosen papers (standard output without --out); markdown-notes: one "
             "note per paper in the folder --out (an Obsidian or Logseq vault), YAML front "
             "matter and your note above a marker line, rewritten by the next export, your "
             "own text below it kept (--json: the files created, updated, unchanged, skipped)"),
         {{QStringLiteral("--date"), true},
          {QStringLiteral("--starred"), false},
          {QStringLiteral("--tag"), true},
          {QStringLiteral("--search"), true},
          {QStringLiteral("--id"), true, true},
          {QStringLiteral("--format"), true},
          {QStringLiteral("--bilingual"), false},
          {QStringLiteral("--out"), true},
          json},
         0,
         0,
         exportCommand});
    commands.append(
        {QStringLiteral("backup"),
         QStringLiteral("backup [FILE] [--json]"),
         QStringLiteral("save your own data (stars, read marks, notes and their history, tags, "
                        "saved searches, your translations, dismissals, followed authors, rules, "
                        "saved trends, which papers' PDFs you keep, without the files) "
                        "to FILE (default: today's rotating backup in the data folder)"),
         {json},
         0,
         1,
         backupCommand});
    commands.append(
        {QStringLiteral("restore"),
         QStringLiteral("restore FILE [--json]"),
         QStringLiteral("merge a backup into the library; the newer edit wins per field "
                        "and conflicts are listed"),
         {json},
         1,
         1,
         restoreCommand});
}

} // namespace paperboy
