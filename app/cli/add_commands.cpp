// `paperboy add`: papers by id or link (issue #21), fetched from the arXiv API when the cache
// lacks them, then marked added (user data, user_added).

#include "cli/cli_context.h"
#include "cli/english_enrichment.h"
#include "cli/progress_printer.h"
#include "core/english.h"
#include "core/paper_reference.h"
#include "fetch/paper_adder.h"
#include "store/added_papers.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"http"_s || url.scheme() == u"https"_s);
}

int addCommand(CliContext &ctx)
{
    // Every argument is read before anything is asked for: one that is no arXiv paper stops
    // the command with nothing fetched or written.
    const ReferenceList references = parseEachPaperReference(ctx.positionals);
    const QStringList &refused = references.refused;
    QStringList ids;
    for (const PaperReference &reference : references.papers)
        ids.append(reference.id);
    if (!refused.isEmpty()) {
        for (const QString &line : std::as_const(refused))
            CliContext::err(u"paperboy add: %1"_s.arg(line));
        CliContext::err(u"paperboy add: nothing added"_s);
        return CliContext::kUsage;
    }
    FetchSettings settings;
    if (ctx.flag(u"--api-url"_s)) {
        settings.apiUrl = ctx.value(u"--api-url"_s);
        if (!isHttpUrl(settings.apiUrl)) {
            CliContext::err(
                u"paperboy add: --api-url wants an http(s) URL, not '%1'"_s.arg(settings.apiUrl));
            return CliContext::kUsage;
        }
    }
    settings.applyTestEnvironment();
    if (!ctx.openStore())
        return CliContext::kError;
    if (ctx.database().isReadOnly()) {
        CliContext::err(
            u"paperboy add: nothing added: %1 is open read-only"_s.arg(ctx.databasePath));
        return CliContext::kError;
    }

    PaperAdder adder(settings, FetchStorage::direct(ctx.store()));
    ProgressPrinter printer(u"paperboy add"_s);
    QEventLoop loop;
    AddSummary summary;
    QObject::connect(&adder, &PaperAdder::progress, &loop,
                     [&printer](int done, int total, const QString &text) {
                         printer.progress(done, total, text);
                     });
    QObject::connect(&adder, &PaperAdder::finished, &loop,
                     [&summary, &loop](const AddSummary &result) {
                         summary = result;
                         loop.quit();
                     });
    adder.start(ids);
    loop.exec();
    printer.end();

    AddedPapers added(ctx.database());
    QStringList newlyAdded;
    const QStringList toMark = summary.toMark();
    if (const QString error = added.markAdded(toMark, QDateTime::currentDateTimeUtc(), &newlyAdded);
        !error.isEmpty()) {
        CliContext::err(u"paperboy add: could not mark the papers added: %1"_s.arg(error));
        return CliContext::kError;
    }
    // A paper a digest brought without English is completed like after an import.
    if (!summary.present.isEmpty() && automaticEnrichmentWanted(ctx))
        completeEnglish(ctx, u"paperboy add"_s, settings);

    if (ctx.json()) {
        QJsonArray papers;
        for (const QString &id : toMark)
            if (const std::optional<PaperView> view = ctx.store().paperView(id))
                papers.append(ctx.paperJson(*view));
        CliContext::printJson(
            QJsonObject{{u"ok"_s, summary.ok()},
                        {u"added"_s, QJsonArray::fromStringList(toMark)},
                        {u"newly_added"_s, QJsonArray::fromStringList(newlyAdded)},
                        {u"fetched"_s, QJsonArray::fromStringList(summary.stored)},
                        {u"already_in_library"_s, QJsonArray::fromStringList(summary.present)},
                        {u"unknown"_s, QJsonArray::fromStringList(summary.unknown)},
                        {u"failed"_s, QJsonArray::fromStringList(summary.failed)},
                        {u"errors"_s, QJsonArray::fromStringList(summary.errors)},
                        {u"requests"_s, summary.requests},
                        {u"papers"_s, papers}});
    } else {
        for (const QString &id : std::as_const(summary.asked)) {
            QString what;
            if (summary.unknown.contains(id))
                what = u"unknown to arXiv, not added"_s;
            else if (summary.failed.contains(id))
                what = u"not fetched, not added"_s;
            else if (!newlyAdded.contains(id))
                what = u"already added"_s;
            else
                what = summary.present.contains(id) ? u"added (already in the library)"_s
                                                    : u"added (fetched from arXiv)"_s;
            QString title;
            if (toMark.contains(id))
                if (const std::optional<PaperView> view = ctx.store().paperView(id))
                    title = u"  "_s + view->paper.title.simplified();
            CliContext::out(u"%1: %2%3\n"_s.arg(id, what, title));
        }
    }
    for (const QString &error : std::as_const(summary.errors))
        CliContext::err(u"paperboy add: %1"_s.arg(error));
    if (summary.offline)
        CliContext::err(u"paperboy add: arXiv could not be reached; try again when online"_s);
    return summary.ok() ? CliContext::kOk : CliContext::kError;
}

} // namespace

void registerAddCommands(QList<Command> &commands)
{
    commands.append(
        {u"add"_s,
         u"add ID|URL... [--api-url URL] [--json]"_s,
         u"add papers by arXiv id (2401.01234, hep-th/9901001, arXiv:..., with or without vN), "
         "link (arxiv.org and export.arxiv.org abs/pdf/html, alphaxiv.org, huggingface.co/"
         "papers) or DOI (10.48550/arXiv.ID): the metadata comes from the arXiv API (id_list) "
         "unless the library has the paper; each is marked added (search is:added, the Added "
         "view); anything that is no arXiv paper is refused and nothing is added (exit 2); an "
         "id arXiv does not know is reported, not stored (exit 1)"_s,
         {{u"--json"_s, false}, {u"--api-url"_s, true}, {u"--no-enrich"_s, false}},
         1,
         -1,
         addCommand});
}

} // namespace paperboy
