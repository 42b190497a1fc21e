#include "english_enrichment.h"

#include "cli/progress_printer.h"
#include "fetch/auto_enricher.h"

#include <QEventLoop>
#include <QProcessEnvironment>

namespace paperboy {

using namespace Qt::StringLiterals;

bool automaticEnrichmentWanted(const CliContext &ctx)
{
    const QString off = QProcessEnvironment::systemEnvironment().value(u"PAPERBOY_NO_ENRICH"_s);
    return !ctx.flag(u"--no-enrich"_s) && (off.isEmpty() || off == u"0"_s);
}

int completeEnglish(CliContext &ctx, const QString &prefix, const FetchSettings &settings,
                    QList<CodeLinkArrival> *codeLinks)
{
    if (ctx.database().isReadOnly())
        return 0;
    const qsizetype waiting = ctx.store().enrichQueue().size();
    if (waiting == 0)
        return 0;
    ProgressPrinter printer(prefix);
    printer.message(u"completing English details of %1 papers from the arXiv API"_s.arg(waiting));
    AutoEnricher enricher(settings, FetchStorage::direct(ctx.store()));
    QEventLoop loop;
    FetchSummary summary;
    QObject::connect(&enricher, &AutoEnricher::progress, &loop,
                     [&printer](int done, int total, const QString &text) {
                         printer.progress(done, total, text);
                     });
    QObject::connect(&enricher, &AutoEnricher::finished, &loop,
                     [&summary, &loop](const FetchSummary &result) {
                         summary = result;
                         loop.quit();
                     });
    enricher.papersArrived();
    loop.exec();
    printer.end();
    QStringList reasons;
    for (const FetchOutcome &o : std::as_const(summary.outcomes))
        if (o.state == LedgerState::Failed && !reasons.contains(o.reason))
            reasons.append(o.reason);
    const qsizetype left = ctx.store().enrichQueue().size();
    if (!reasons.isEmpty())
        printer.message(u"English details of %1 papers could not be fetched now (%2); a later "
                        "import or fetch tries again"_s.arg(left)
                            .arg(reasons.join(u"; "_s)));
    if (codeLinks)
        *codeLinks += summary.codeLinks;
    return summary.papersStored;
}

} // namespace paperboy
