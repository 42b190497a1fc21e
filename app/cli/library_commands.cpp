// Subcommands over the local library: import, dates, list, show, star, unstar, note, read.

#include "cli/cli_context.h"
#include "cli/english_enrichment.h"
#include "cli/paper_json.h"
#include "core/english.h"
#include "core/pdf_files.h"
#include "core/tex_math.h"
#include "import/bulk_import.h"
#include "import/importer.h"
#include "store/pdf_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

namespace paperboy {

namespace {

int importCommand(CliContext &ctx)
{
    if (ctx.flag(QStringLiteral("--api-url"))) {
        const QUrl url(ctx.value(QStringLiteral("--api-url")), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            CliContext::err(QStringLiteral("paperboy import: --api-url wants an http(s) URL, not "
                                           "'%1'")
                                .arg(ctx.value(QStringLiteral("--api-url"))));
            return CliContext::kUsage;
        }
    }
    if (!ctx.openStore())
        return CliContext::kError;
    Importer importer(ctx.store());
    // Bulk imports take minutes: a bar on a terminal, a line per 5% otherwise.
    const bool terminal = isatty(fileno(stderr)) != 0;
    int lastPercent = -1;
    importer.setProgress([&](const BulkProgress &p) {
        const int percent = p.bytesTotal > 0 ? int(p.bytesDone * 100 / p.bytesTotal) : 0;
        if (terminal) {
            const int filled = percent / 4;
            std::fprintf(stderr, "\r[%s%s] %3d%%  %lld papers%s",
                         QByteArray(filled, '#').constData(),
                         QByteArray(25 - filled, '.').constData(), percent,
                         static_cast<long long>(p.papers), percent == 100 ? "\n" : "");
            std::fflush(stderr);
        } else if (percent / 5 != lastPercent / 5 || percent == 100) {
            if (percent != lastPercent)
                CliContext::err(
                    QStringLiteral("import: %1% (%2 papers)").arg(percent).arg(p.papers));
        }
        lastPercent = percent;
    });
    QJsonArray reports;
    int failures = 0;
    for (const QString &path : std::as_const(ctx.positionals)) {
        const ImportReport report = importer.importFile(path);
        for (const QString &warning : report.warnings)
            CliContext::err(QStringLiteral("%1: warning: %2").arg(path, warning));
        if (!report.ok) {
            ++failures;
            CliContext::err(QStringLiteral("paperboy import: %1").arg(report.error));
        } else if (report.incomplete) {
            // What was whole is stored; the exit code still tells a script the copy was short.
            ++failures;
        }
        if (report.ok && !ctx.json()) {
            CliContext::out(
                QStringLiteral("%1: %2, %3, %4, %5\n")
                    .arg(path, report.format,
                         countOf(report.summary.digests, QStringLiteral("digest")),
                         countOf(report.summary.entries, QStringLiteral("entry"),
                                 QStringLiteral("entries")),
                         countOf(report.summary.papersAdded, QStringLiteral("new paper"))));
            for (const CodeLinkArrival &arrival : report.summary.codeLinks)
                CliContext::out(codeLinkLine(arrival));
        }
        reports.append(QJsonObject{
            {QStringLiteral("file"), path},
            {QStringLiteral("ok"), report.ok},
            {QStringLiteral("incomplete"), report.incomplete},
            {QStringLiteral("format"), report.format},
            {QStringLiteral("error"), report.ok ? QJsonValue() : QJsonValue(report.error)},
            {QStringLiteral("digests"), report.summary.digests},
            {QStringLiteral("entries"), report.summary.entries},
            {QStringLiteral("papers_added"), report.summary.papersAdded},
            {QStringLiteral("code_links"), codeLinksToJson(report.summary.codeLinks)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(report.warnings)}});
    }
    // Papers a digest brought without English: completed from the arXiv API now (issue #17).
    if (automaticEnrichmentWanted(ctx)) {
        FetchSettings settings;
        if (ctx.flag(QStringLiteral("--api-url")))
            settings.apiUrl = ctx.value(QStringLiteral("--api-url"));
        settings.applyTestEnvironment();
        // Its code links (from arXiv's abstracts and comments) belong to no one file: a line
        // each on stderr, in JSON mode too.
        QList<CodeLinkArrival> links;
        completeEnglish(ctx, QStringLiteral("paperboy import"), settings, &links);
        for (const CodeLinkArrival &arrival : std::as_const(links))
            CliContext::err(QStringLiteral("paperboy import: ") + codeLinkLine(arrival).trimmed());
    }
    if (ctx.json())
        CliContext::printJson(reports);
    return failures ? CliContext::kError : CliContext::kOk;
}

int datesCommand(CliContext &ctx)
{
    if (!ctx.openStore())
        return CliContext::kError;
    const QList<DaySummary> days = ctx.store().days();
    if (!ctx.store().lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy dates: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const DaySummary &day : days)
            array.append(QJsonObject{
                {QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                {QStringLiteral("papers"), day.papers},
                {QStringLiteral("unread"), day.unread},
                {QStringLiteral("sources"), QJsonArray::fromStringList(day.sources)},
                {QStringLiteral("categories"), QJsonArray::fromStringList(day.categories)},
                {QStringLiteral("same_as"), day.sameAs.isValid()
                                                ? QJsonValue(day.sameAs.toString(Qt::ISODate))
                                                : QJsonValue()}});
        CliContext::printJson(array);
        return CliContext::kOk;
    }
    for (const DaySummary &day : days) {
        const QString counts =
            day.sameAs.isValid()
                ? QStringLiteral("same as %1").arg(day.sameAs.toString(Qt::ISODate))
                : QStringLiteral("%1, %2 unread")
                      .arg(countOf(day.papers, QStringLiteral("paper")))
                      .arg(day.unread);
        CliContext::out(QStringLiteral("%1  %2  [%3]  %4\n")
                            .arg(day.date.toString(Qt::ISODate), counts,
                                 day.categories.join(QLatin1Char(' ')),
                                 day.sources.join(QLatin1String(", "))));
    }
    return CliContext::kOk;
}

void printPaperLine(const PaperView &view)
{
    const QString marks =
        QStringLiteral("%1%2").arg(view.user.starred ? QStringLiteral("*") : QStringLiteral(" "),
                                   view.user.read ? QStringLiteral(" ") : QStringLiteral("•"));
    QString line = QStringLiteral("%1 %2. %3  %4\n")
                       .arg(marks)
                       .arg(view.entry.position, 3)
                       .arg(view.paper.arxivId, texMathToPlainText(view.paper.title));
    const QString zhTitle = shownTranslation(view).title;
    if (!zhTitle.isEmpty())
        line += QStringLiteral("          %1\n").arg(texMathToPlainText(zhTitle));
    CliContext::out(line);
}

int listCommand(CliContext &ctx)
{
    if (!ctx.openStore())
        return CliContext::kError;
    QDate date;
    if (ctx.flag(QStringLiteral("--date"))) {
        date = QDate::fromString(ctx.value(QStringLiteral("--date")), Qt::ISODate);
        if (!date.isValid()) {
            CliContext::err(QStringLiteral("paperboy list: --date wants YYYY-MM-DD, not '%1'")
                                .arg(ctx.value(QStringLiteral("--date"))));
            return CliContext::kUsage;
        }
    } else {
        const QList<DaySummary> days = ctx.store().days();
        if (days.isEmpty()) {
            if (ctx.json())
                CliContext::printJson(QJsonArray());
            else
                CliContext::err(QStringLiteral("paperboy list: the library is empty; try "
                                               "'paperboy import FILE' or 'paperboy fetch'"));
            return CliContext::kOk;
        }
        date = days.first().date;
    }
    const QList<PaperView> papers =
        ctx.store().dayPapers(date, ctx.values(QStringLiteral("--category")));
    if (!ctx.store().lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy list: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        ctx.printPapersJson(papers);
        return CliContext::kOk;
    }
    CliContext::out(
        QStringLiteral("%1: %2 papers\n").arg(date.toString(Qt::ISODate)).arg(papers.size()));
    for (const PaperView &view : papers)
        printPaperLine(view);
    return CliContext::kOk;
}

// Accepts "2306.01667", "2306.01667v2", "arXiv:2306.01667" and abs/pdf URLs.
bool resolveId(const QString &text, QString *id)
{
    int version = 0;
    return parseArxivId(text, id, &version);
}

int showCommand(CliContext &ctx)
{
    QString id;
    if (!resolveId(ctx.positionals.first(), &id)) {
        CliContext::err(
            QStringLiteral("paperboy show: '%1' is not an arXiv id").arg(ctx.positionals.first()));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    const std::optional<PaperView> view = ctx.store().paperView(id);
    if (!view) {
        CliContext::err(QStringLiteral("paperboy show: %1 is not in the library").arg(id));
        return CliContext::kError;
    }
    const QList<NoteVersion> history = ctx.store().noteHistory(id);
    if (ctx.json()) {
        QJsonObject paper = ctx.paperJson(*view);
        QJsonArray versions; // newest first
        for (const NoteVersion &version : history)
            versions.append(QJsonObject{{QStringLiteral("text"), version.text},
                                        {QStringLiteral("replaced_at"),
                                         version.replacedAt.toUTC().toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("by"), version.by}});
        paper.insert(QStringLiteral("note_history"), versions);
        CliContext::printJson(paper);
        return CliContext::kOk;
    }
    const Paper &p = view->paper;
    QString text;
    auto field = [&text](const QString &label, const QString &value) {
        if (!value.isEmpty())
            text += QStringLiteral("%1: %2\n").arg(label, -10).arg(value);
    };
    // Plain text shows math as a reader reads it (×, 𝒪, x²); --json keeps the source.
    field(QStringLiteral("Title"), texMathToPlainText(p.title));
    const ShownTranslation zh = shownTranslation(*view);
    field(QStringLiteral("标题"), texMathToPlainText(zh.title));
    field(QStringLiteral("Authors"), p.authors.join(QStringLiteral(", ")));
    field(QStringLiteral("arXiv"),
          p.version > 0 ? QStringLiteral("%1v%2").arg(p.arxivId).arg(p.version) : p.arxivId);
    field(QStringLiteral("Categories"), p.categories.join(QLatin1Char(' ')));
    field(QStringLiteral("Comment"), p.comment);
    field(QStringLiteral("Journal"), p.journalRef);
    field(QStringLiteral("DOI"), p.doi);
    field(QStringLiteral("Abstract"), absUrl(p.arxivId));
    field(QStringLiteral("PDF"), pdfUrl(p.arxivId, p.version));
    if (const std::optional<KeptPdf> kept = PdfStore(ctx.database()).find(p.arxivId))
        field(QStringLiteral("Kept PDF"),
              kept->pages < 0
                  ? pdfPath(kept->fileName)
                  : QStringLiteral("%1 (%2 pages)").arg(pdfPath(kept->fileName)).arg(kept->pages));
    field(QStringLiteral("Code"), view->codeUrl());
    field(QStringLiteral("Warning"), view->entry.codeUrlWarning);
    field(QStringLiteral("Starred"), view->user.starred ? QStringLiteral("yes") : QString());
    field(QStringLiteral("Tags"), view->user.tags.join(QStringLiteral(", ")));
    if (!p.abstract.isEmpty())
        text += QStringLiteral("\n%1\n").arg(texMathToPlainText(p.abstract));
    if (!zh.abstract.isEmpty())
        text += QStringLiteral("\n%1\n").arg(texMathToPlainText(zh.abstract));
    if (zh.usesMachine()) {
        const MachineTranslation &m = view->machineTranslation;
        text += QStringLiteral("\n(machine translation · %1%2%3)\n")
                    .arg(m.model.isEmpty() ? m.provider : m.provider + QLatin1Char('/') + m.model,
                         m.created.isValid()
                             ? QStringLiteral(", ") + m.created.toUTC().toString(Qt::ISODate)
                             : QString(),
                         m.stale ? QStringLiteral(", made from an earlier English version")
                                 : QString());
    } else if (zh.source() == TranslationSource::User) {
        text += QStringLiteral("\n(your own translation)\n");
    }
    if (!view->user.note.isEmpty())
        text += QStringLiteral("\nNote:\n%1\n").arg(view->user.note);
    if (!history.isEmpty())
        text += QStringLiteral("\n%1 earlier text(s) of the note, the last replaced %2 "
                               "(show --json lists them)\n")
                    .arg(history.size())
                    .arg(history.first().replacedAt.toLocalTime().toString(Qt::ISODate));
    CliContext::out(text);
    return CliContext::kOk;
}

// star/unstar/read/unread/note share this: resolve the id, check it is known, write.
int userWrite(CliContext &ctx, const QString &verb,
              const std::function<bool(Store &, const QString &)> &write)
{
    QString id;
    if (!resolveId(ctx.positionals.first(), &id)) {
        CliContext::err(QStringLiteral("paperboy %1: '%2' is not an arXiv id")
                            .arg(verb, ctx.positionals.first()));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    if (!ctx.store().hasPaper(id)) {
        CliContext::err(QStringLiteral("paperboy %1: %2 is not in the library").arg(verb, id));
        return CliContext::kError;
    }
    if (!write(ctx.store(), id)) {
        CliContext::err(QStringLiteral("paperboy %1: %2").arg(verb, ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json())
        CliContext::printJson(ctx.paperJson(*ctx.store().paperView(id)));
    return CliContext::kOk;
}

int noteCommand(CliContext &ctx)
{
    // Clearing is asked for by name: a forgotten text (`note ID`, or an empty pipe) used to
    // clear the note without a word.
    const bool clear = ctx.flag(QStringLiteral("--clear"));
    QString note = ctx.positionals.mid(1).join(QLatin1Char(' '));
    if (clear) {
        if (ctx.positionals.size() > 1) {
            CliContext::err(QStringLiteral("paperboy note: --clear takes no text"));
            return CliContext::kUsage;
        }
        note.clear();
    } else if (ctx.positionals.size() == 2 && ctx.positionals.at(1) == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            CliContext::err(QStringLiteral("paperboy note: cannot read standard input"));
            return CliContext::kError;
        }
        note = QString::fromUtf8(input.readAll());
        if (note.endsWith(QLatin1Char('\n')))
            note.chop(1);
        if (note.isEmpty()) {
            CliContext::err(QStringLiteral("paperboy note: standard input was empty; the note "
                                           "was not changed (to clear it: note ID --clear)"));
            return CliContext::kUsage;
        }
    } else if (note.trimmed().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy note: no text given; the note was not changed "
                                       "(usage: note ID TEXT... | note ID - | note ID --clear)"));
        return CliContext::kUsage;
    }
    return userWrite(ctx, QStringLiteral("note"),
                     [&](Store &store, const QString &id) { return store.setNote(id, note); });
}

} // namespace

void registerLibraryCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    commands.append(
        {QStringLiteral("import"),
         QStringLiteral("import FILE... [--no-enrich] [--api-url URL] [--json]"),
         QStringLiteral("import digests and paper records; the format is recognised by content; "
                        "papers without English abstract or categories are then completed "
                        "from the arXiv API (--api-url; --no-enrich skips it)"),
         {json, {QStringLiteral("--no-enrich"), false}, {QStringLiteral("--api-url"), true}},
         1,
         -1,
         importCommand});
    commands.append({QStringLiteral("dates"),
                     QStringLiteral("dates [--json]"),
                     QStringLiteral("the days that have digests, newest first, with counts"),
                     {json},
                     0,
                     0,
                     datesCommand});
    commands.append(
        {QStringLiteral("list"),
         QStringLiteral("list [--date YYYY-MM-DD] [--category CAT]... [--json]"),
         QStringLiteral("the papers of a day (default: the newest) in digest order"),
         {json, {QStringLiteral("--date"), true}, {QStringLiteral("--category"), true, true}},
         0,
         0,
         listCommand});
    commands.append({QStringLiteral("show"),
                     QStringLiteral("show ID [--json]"),
                     QStringLiteral("everything about one paper"),
                     {json},
                     1,
                     1,
                     showCommand});
    commands.append({QStringLiteral("star"),
                     QStringLiteral("star ID [--json]"),
                     QStringLiteral("star a paper"),
                     {json},
                     1,
                     1,
                     [](CliContext &ctx) {
                         return userWrite(
                             ctx, QStringLiteral("star"),
                             [](Store &s, const QString &id) { return s.setStarred(id, true); });
                     }});
    commands.append({QStringLiteral("unstar"),
                     QStringLiteral("unstar ID [--json]"),
                     QStringLiteral("remove a paper's star"),
                     {json},
                     1,
                     1,
                     [](CliContext &ctx) {
                         return userWrite(
                             ctx, QStringLiteral("unstar"),
                             [](Store &s, const QString &id) { return s.setStarred(id, false); });
                     }});
    commands.append({QStringLiteral("read"),
                     QStringLiteral("read ID [--json]"),
                     QStringLiteral("mark a paper as read"),
                     {json},
                     1,
                     1,
                     [](CliContext &ctx) {
                         return userWrite(
                             ctx, QStringLiteral("read"),
                             [](Store &s, const QString &id) { return s.setRead(id, true); });
                     }});
    commands.append({QStringLiteral("unread"),
                     QStringLiteral("unread ID [--json]"),
                     QStringLiteral("mark a paper as unread"),
                     {json},
                     1,
                     1,
                     [](CliContext &ctx) {
                         return userWrite(
                             ctx, QStringLiteral("unread"),
                             [](Store &s, const QString &id) { return s.setRead(id, false); });
                     }});
    commands.append(
        {QStringLiteral("note"),
         QStringLiteral("note ID TEXT... | note ID - | note ID --clear [--json]"),
         QStringLiteral("set a paper's note (- reads standard input; --clear removes it); the "
                        "text it replaces is kept in the note's history (show --json)"),
         {json, {QStringLiteral("--clear"), false}},
         1,
         -1,
         noteCommand});
}

} // namespace paperboy
