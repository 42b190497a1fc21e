// `paperboy fetch`: arXiv listings and digests into the cache, with progress on stderr and a
// summary.

#include "cli/cli_context.h"
#include "cli/english_enrichment.h"
#include "cli/paper_json.h"
#include "cli/progress_printer.h"
#include "core/english.h"
#include "core/json_values.h"
#include "fetch/digest_sources.h"
#include "fetch/fetch_plan.h"
#include "fetch/fetcher.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

QJsonObject summaryToJson(const FetchSummary &summary)
{
    QJsonArray outcomes;
    for (const FetchOutcome &o : summary.outcomes) {
        outcomes.append(QJsonObject{
            {u"date"_s, o.date.isValid() ? QJsonValue(o.date.toString(Qt::ISODate)) : QJsonValue()},
            {u"category"_s, textOrNull(o.category)},
            {u"source"_s, o.source},
            {u"state"_s, ledgerStateName(o.state)},
            {u"papers"_s, o.papers},
            {u"reason"_s, textOrNull(o.reason)},
            {u"not_modified"_s, o.notModified},
            {u"skipped"_s, o.skipped},
            {u"same_as"_s,
             o.sameAs.isValid() ? QJsonValue(o.sameAs.toString(Qt::ISODate)) : QJsonValue()}});
    }
    QJsonArray changes;
    for (const VersionChange &c : summary.versionChanges)
        changes.append(QJsonObject{{u"id"_s, c.arxivId},
                                   {u"from"_s, c.fromVersion},
                                   {u"to"_s, c.toVersion},
                                   {u"title"_s, textOrNull(c.title)},
                                   {u"journal_ref_arrived"_s, c.journalRefArrived},
                                   {u"doi_arrived"_s, c.doiArrived},
                                   {u"accepted_arrived"_s, c.acceptedArrived},
                                   {u"code_url_arrived"_s, textOrNull(c.codeUrl)}});
    return {{u"ok"_s, summary.ok()},
            {u"cancelled"_s, summary.cancelled},
            {u"requests"_s, summary.requests},
            {u"retries"_s, summary.retries},
            {u"papers_stored"_s, summary.papersStored},
            {u"error"_s, textOrNull(summary.error)},
            {u"outcomes"_s, outcomes},
            {u"new_versions"_s, changes},
            {u"code_links"_s, codeLinksToJson(summary.codeLinks)}};
}

QString outcomeLine(const FetchOutcome &o)
{
    const QString date = o.date.toString(Qt::ISODate);
    QString what;
    if (o.source == u"arxiv-api-enrich"_s)
        what = u"paper details"_s;
    else if (o.source == kVersionsSource)
        what = u"new versions"_s;
    else if (o.category == kDigestLedgerCategory) // a digest is not per category
        what = u"%1 (%2)"_s.arg(date, o.source);
    else
        what = u"%1 %2 (%3)"_s.arg(date, o.category, o.source);
    QString line = u"%1: %2"_s.arg(what, ledgerStateName(o.state));
    QString reason = o.reason;
    if (o.sameAs.isValid()) {
        // A repeated listing is not a new day of papers; say so before the count.
        const QString note = u"same as %1"_s.arg(o.sameAs.toString(Qt::ISODate));
        line += u", %1 (%2, nothing new)"_s.arg(note, countOf(o.papers, u"paper"_s));
        QStringList notes = reason.split(u"; "_s, Qt::SkipEmptyParts);
        notes.removeAll(note);
        reason = notes.join(u"; "_s);
    } else if (o.state == LedgerState::Complete || o.state == LedgerState::Partial) {
        line += u", "_s + countOf(o.papers, u"paper"_s);
    }
    if (!reason.isEmpty())
        line += u" (%1)"_s.arg(reason);
    return line + u'\n';
}

QString versionLine(const VersionChange &c)
{
    QStringList news;
    if (c.acceptedArrived)
        news.append(u"accepted"_s);
    if (c.journalRefArrived)
        news.append(u"journal reference"_s);
    if (c.doiArrived)
        news.append(u"DOI"_s);
    if (!c.codeUrl.isEmpty())
        news.append(u"code: %1"_s.arg(c.codeUrl));
    return u"%1: v%2 -> v%3 %4%5\n"_s.arg(c.arxivId)
        .arg(c.fromVersion)
        .arg(c.toVersion)
        .arg(c.title, news.isEmpty() ? QString() : u" (%1)"_s.arg(news.join(u", "_s)));
}

bool parseDateOption(CliContext &ctx, const QString &name, QDate *date)
{
    if (!ctx.flag(name))
        return true;
    *date = QDate::fromString(ctx.value(name), Qt::ISODate);
    if (date->isValid())
        return true;
    CliContext::err(u"paperboy fetch: %1 wants YYYY-MM-DD, not '%2'"_s.arg(name, ctx.value(name)));
    return false;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"http"_s || url.scheme() == u"https"_s);
}

int fetchCommand(CliContext &ctx)
{
    auto usage = [](const QString &message) {
        CliContext::err(u"paperboy fetch: %1"_s.arg(message));
        return CliContext::kUsage;
    };
    FetchRequest request;
    QDate date;
    if (!parseDateOption(ctx, u"--date"_s, &date) ||
        !parseDateOption(ctx, u"--from"_s, &request.from) ||
        !parseDateOption(ctx, u"--to"_s, &request.to))
        return CliContext::kUsage;
    if (date.isValid()) {
        if (request.from.isValid() || request.to.isValid())
            return usage(u"give --date or --from/--to, not both"_s);
        request.from = request.to = date;
    } else if (request.from.isValid() && !request.to.isValid()) {
        request.to = request.from;
    } else if (request.to.isValid() && !request.from.isValid()) {
        return usage(u"--to needs --from"_s);
    }
    request.categories = ctx.values(u"--category"_s);
    const QString source = ctx.value(u"--source"_s);
    if (source == u"rss"_s)
        request.source = FetchSource::Rss;
    else if (source == u"api"_s)
        request.source = FetchSource::Api;
    else if (source == u"hf"_s)
        request.source = FetchSource::HfDaily;
    else if (source == u"digest"_s)
        request.source = FetchSource::DigestJson;
    else if (source == u"updates"_s)
        request.source = FetchSource::Updates;
    else if (!source.isEmpty())
        return usage(u"--source is rss, api, hf, digest or updates, not '%1'"_s.arg(source));
    if (request.source == FetchSource::Updates &&
        (request.hasDates() || !request.categories.isEmpty() || ctx.flag(u"--enrich"_s)))
        return usage(u"--source updates checks the papers you keep; it takes no dates, "
                     "categories or --enrich"_s);
    if (isDigestSource(request.source) && !request.categories.isEmpty())
        return usage(
            u"--source %1 is a digest of its own, not per category; drop --category"_s.arg(source));
    if (request.source == FetchSource::Rss && request.hasDates())
        return usage(u"the RSS feed only has today's listing; use --source api for other days"_s);
    request.enrich = ctx.flag(u"--enrich"_s);
    request.force = ctx.flag(u"--force"_s);
    const QString problem = validateFetchRequest(request);
    if (!problem.isEmpty())
        return usage(problem);

    FetchSettings settings;
    if (ctx.flag(u"--rss-url"_s)) {
        settings.rssBaseUrl = ctx.value(u"--rss-url"_s);
        if (!isHttpUrl(settings.rssBaseUrl))
            return usage(u"--rss-url wants an http(s) URL, not '%1'"_s.arg(settings.rssBaseUrl));
    }
    if (ctx.flag(u"--api-url"_s)) {
        settings.apiUrl = ctx.value(u"--api-url"_s);
        if (!isHttpUrl(settings.apiUrl))
            return usage(u"--api-url wants an http(s) URL, not '%1'"_s.arg(settings.apiUrl));
    }
    if (ctx.flag(u"--hf-url"_s)) {
        settings.hfUrl = ctx.value(u"--hf-url"_s);
        if (!isHttpUrl(settings.hfUrl))
            return usage(u"--hf-url wants an http(s) URL, not '%1'"_s.arg(settings.hfUrl));
    }
    if (ctx.flag(u"--digest-language"_s)) {
        settings.digestLanguage = ctx.value(u"--digest-language"_s).trimmed();
        if (settings.digestLanguage.isEmpty())
            return usage(u"--digest-language wants a language name, like Chinese"_s);
    }
    if (ctx.flag(u"--digest-url"_s)) {
        settings.digestUrlTemplate = ctx.value(u"--digest-url"_s);
        // Checked with the placeholders filled in: braces are not valid in a URL.
        const QString example = settings.digestUrl(QDate(2026, 6, 12)).toString();
        if (!settings.digestUrlTemplate.contains(u"{date}"_s) || !isHttpUrl(example))
            return usage(u"--digest-url wants an http(s) URL with {date} (and {lang}) in it, "
                         "not '%1'"_s.arg(settings.digestUrlTemplate));
    }
    settings.applyTestEnvironment();

    if (!ctx.openStore())
        return CliContext::kError;
    if (ctx.database().isReadOnly()) {
        // Fetching what cannot be stored only costs the servers.
        CliContext::err(
            u"paperboy fetch: nothing fetched: %1 is open read-only"_s.arg(ctx.databasePath));
        return CliContext::kError;
    }
    Fetcher fetcher(settings, FetchStorage::direct(ctx.store()));
    ProgressPrinter printer(u"paperboy fetch"_s);
    QEventLoop loop;
    FetchSummary summary;
    QObject::connect(&fetcher, &Fetcher::progress, &loop,
                     [&printer](int done, int total, const QString &text) {
                         printer.progress(done, total, text);
                     });
    QObject::connect(&fetcher, &Fetcher::error, &loop,
                     [&printer](const QString &text) { printer.message(text); });
    QObject::connect(&fetcher, &Fetcher::finished, &loop,
                     [&summary, &loop](const FetchSummary &result) {
                         summary = result;
                         loop.quit();
                     });
    if (!fetcher.start(request))
        return CliContext::kError;
    loop.exec();
    printer.end();
    // What the fetch brought without English is completed now (issue #17); quietly retried
    // by a later fetch or import when arXiv cannot be reached.
    if (!summary.cancelled && automaticEnrichmentWanted(ctx))
        completeEnglish(ctx, u"paperboy fetch"_s, settings, &summary.codeLinks);

    if (ctx.json()) {
        CliContext::printJson(summaryToJson(summary));
    } else {
        for (const FetchOutcome &outcome : std::as_const(summary.outcomes))
            CliContext::out(outcomeLine(outcome));
        for (const VersionChange &c : std::as_const(summary.versionChanges))
            CliContext::out(versionLine(c));
        for (const CodeLinkArrival &arrival : std::as_const(summary.codeLinks))
            CliContext::out(codeLinkLine(arrival));
        if (summary.outcomes.isEmpty())
            CliContext::out(request.source == FetchSource::Updates
                                ? u"no starred, noted, tagged or followed papers to check\n"_s
                                : u"nothing to fetch\n"_s);
    }
    if (!summary.error.isEmpty())
        CliContext::err(u"paperboy fetch: %1"_s.arg(summary.error));
    return summary.ok() ? CliContext::kOk : CliContext::kError;
}

} // namespace

void registerFetchCommands(QList<Command> &commands)
{
    commands.append(
        {u"fetch"_s,
         u"fetch [--date YYYY-MM-DD | --from D --to D] [--category CAT]... "
         "[--source rss|api|hf|digest|updates] [--rss-url BASE] [--api-url URL] [--hf-url URL] "
         "[--digest-url TEMPLATE] [--digest-language NAME] [--enrich] [--no-enrich] [--force] "
         "[--json]"_s,
         u"arXiv listings into the cache: today's from the RSS feed, given days from the API; "
         "--source hf: Hugging Face daily papers, --source digest: daily-arXiv-ai-enhanced "
         "JSON Lines ({date} and {lang} in the template; language Chinese), both per day, "
         "today (UTC) without a date; --source updates: new versions of the papers you starred, "
         "noted or tagged (id_list batches of 100); papers left without English metadata are "
         "completed from the arXiv API afterwards (--no-enrich skips it; --enrich alone does "
         "only that) (default category cs.CV; exit 1 when a fetch failed)"_s,
         {{u"--json"_s, false},
          {u"--date"_s, true},
          {u"--from"_s, true},
          {u"--to"_s, true},
          {u"--category"_s, true, true},
          {u"--source"_s, true},
          {u"--rss-url"_s, true},
          {u"--api-url"_s, true},
          {u"--hf-url"_s, true},
          {u"--digest-url"_s, true},
          {u"--digest-language"_s, true},
          {u"--enrich"_s, false},
          {u"--no-enrich"_s, false},
          {u"--force"_s, false}},
         0,
         0,
         fetchCommand});
}

} // namespace paperboy
