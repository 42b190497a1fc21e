// Subcommands for finding and organising papers: search, tag, untag, tags.

#include "cli/cli_context.h"
#include "cli/paper_json.h"
#include "core/english.h"
#include "core/tex_math.h"
#include "search/pdf_text_search.h"
#include "search/searcher.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

namespace {

int searchCommand(CliContext &ctx)
{
    const QString text = ctx.positionals.join(QLatin1Char(' '));
    const QString sortName = ctx.value(QStringLiteral("--sort"), QStringLiteral("date"));
    SearchOptions options;
    options.withTotal = true;
    if (sortName == QLatin1String("relevance")) {
        options.sort = SearchSort::Relevance;
    } else if (sortName != QLatin1String("date")) {
        CliContext::err(QStringLiteral("paperboy search: --sort wants date or relevance, not '%1'")
                            .arg(sortName));
        return CliContext::kUsage;
    }
    bool ok = true;
    options.limit = ctx.value(QStringLiteral("--limit"), QStringLiteral("50")).toInt(&ok);
    if (!ok || options.limit < 1) {
        CliContext::err(QStringLiteral("paperboy search: --limit wants a positive number"));
        return CliContext::kUsage;
    }
    options.offset = ctx.value(QStringLiteral("--offset"), QStringLiteral("0")).toInt(&ok);
    if (!ok || options.offset < 0) {
        CliContext::err(QStringLiteral("paperboy search: --offset wants a number >= 0"));
        return CliContext::kUsage;
    }
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const SearchQuery query = parseSearchQuery(text);
    for (const QString &warning : query.warnings)
        CliContext::err(QStringLiteral("paperboy search: warning: %1").arg(warning));
    SearchResult result;
    const QList<PaperView> papers =
        Searcher(ctx.store()).searchViews(ctx.store(), query, options, &result);
    if (!result.ok) {
        CliContext::err(QStringLiteral("paperboy search: %1").arg(result.error));
        return CliContext::kError;
    }
    QStringList ids;
    for (const PaperView &view : papers)
        ids.append(view.paper.arxivId);
    const QHash<QString, QList<int>> pdfPages = pdfMatchPages(ctx.database(), query, ids);
    if (ctx.json()) {
        ctx.printPapersJson(
            papers,
            QJsonObject{
                {QStringLiteral("query"), text},
                {QStringLiteral("total"), result.total},
                {QStringLiteral("offset"), options.offset},
                {QStringLiteral("sort"), sortName},
                {QStringLiteral("highlight"), QJsonArray::fromStringList(highlightTerms(query))},
                {QStringLiteral("warnings"), QJsonArray::fromStringList(query.warnings)}},
            QStringLiteral("results"), &pdfPages);
        return CliContext::kOk;
    }
    CliContext::out(
        QStringLiteral("%1 %2%3\n")
            .arg(countOf(result.total, QStringLiteral("paper")),
                 result.total == 1 ? QStringLiteral("matches") : QStringLiteral("match"))
            .arg(papers.size() < result.total ? QStringLiteral(" (showing %1 from %2)")
                                                    .arg(papers.size())
                                                    .arg(options.offset + 1)
                                              : QString()));
    for (const PaperView &view : papers) {
        QString line = QStringLiteral("%1 %2  %3  %4\n")
                           .arg(view.user.starred ? QStringLiteral("*") : QStringLiteral(" "),
                                view.digestDate.isValid() ? view.digestDate.toString(Qt::ISODate)
                                                          : QStringLiteral("          "),
                                view.paper.arxivId, texMathToPlainText(view.paper.title));
        const QString zhTitle = view.chineseTitle();
        if (!zhTitle.isEmpty())
            line += QStringLiteral("                %1\n").arg(texMathToPlainText(zhTitle));
        if (const QList<int> pages = pdfPages.value(view.paper.arxivId); !pages.isEmpty()) {
            QStringList numbers;
            for (const int page : pages)
                numbers.append(QString::number(page));
            line += QStringLiteral("                in the PDF on page%1 %2\n")
                        .arg(pages.size() == 1 ? QString() : QStringLiteral("s"),
                             numbers.join(QStringLiteral(", ")));
        }
        CliContext::out(line);
    }
    return CliContext::kOk;
}

bool resolvePaper(CliContext &ctx, const QString &verb, QString *id)
{
    int version = 0;
    if (!parseArxivId(ctx.positionals.first(), id, &version)) {
        CliContext::err(QStringLiteral("paperboy %1: '%2' is not an arXiv id")
                            .arg(verb, ctx.positionals.first()));
        return false;
    }
    if (!ctx.openStore())
        return false;
    if (!ctx.store().hasPaper(*id)) {
        CliContext::err(QStringLiteral("paperboy %1: %2 is not in the library").arg(verb, *id));
        return false;
    }
    return true;
}

int printTags(CliContext &ctx, const QString &id)
{
    const UserState state = ctx.store().userState(id);
    if (ctx.json())
        CliContext::printJson(ctx.paperJson(*ctx.store().paperView(id)));
    else
        CliContext::out(QStringLiteral("%1: %2\n")
                            .arg(id, state.tags.isEmpty() ? QStringLiteral("(no tags)")
                                                          : state.tags.join(QStringLiteral(", "))));
    return CliContext::kOk;
}

int renameTagCommand(CliContext &ctx)
{
    if (ctx.positionals.size() != 2) {
        CliContext::err(QStringLiteral("paperboy tag: --rename wants OLD NEW\n"
                                       "usage: paperboy tag --rename OLD NEW"));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    const QString from = ctx.positionals.at(0);
    const QString to = ctx.positionals.at(1);
    const int papers = ctx.store().renameTag(from, to);
    if (papers < 0) {
        CliContext::err(QStringLiteral("paperboy tag: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    if (papers == 0) {
        CliContext::err(QStringLiteral("paperboy tag: no paper is tagged '%1'").arg(from));
        return CliContext::kError;
    }
    if (ctx.json())
        CliContext::printJson(QJsonObject{{QStringLiteral("from"), from.simplified()},
                                          {QStringLiteral("to"), to.simplified()},
                                          {QStringLiteral("papers"), papers}});
    else
        CliContext::out(QStringLiteral("renamed '%1' to '%2' on %3 papers\n")
                            .arg(from.simplified(), to.simplified())
                            .arg(papers));
    return CliContext::kOk;
}

int tagCommand(CliContext &ctx)
{
    if (ctx.flag(QStringLiteral("--rename")))
        return renameTagCommand(ctx);
    if (ctx.positionals.size() < 2) {
        CliContext::err(
            QStringLiteral("paperboy tag: missing arguments\nusage: paperboy tag ID TAG..."));
        return CliContext::kUsage;
    }
    QString id;
    if (!resolvePaper(ctx, QStringLiteral("tag"), &id))
        return CliContext::kError;
    if (!ctx.store().addTags(id, ctx.positionals.mid(1))) {
        CliContext::err(QStringLiteral("paperboy tag: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    return printTags(ctx, id);
}

int untagCommand(CliContext &ctx)
{
    QString id;
    if (!resolvePaper(ctx, QStringLiteral("untag"), &id))
        return CliContext::kError;
    if (!ctx.store().removeTags(id, ctx.positionals.mid(1))) {
        CliContext::err(QStringLiteral("paperboy untag: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    return printTags(ctx, id);
}

int tagsCommand(CliContext &ctx)
{
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const QList<Store::TagCount> tags = ctx.store().tagCounts();
    if (!ctx.store().lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy tags: %1").arg(ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const Store::TagCount &tag : tags)
            array.append(QJsonObject{{QStringLiteral("tag"), tag.tag},
                                     {QStringLiteral("papers"), tag.papers}});
        CliContext::printJson(array);
        return CliContext::kOk;
    }
    for (const Store::TagCount &tag : tags)
        CliContext::out(QStringLiteral("%1  %2\n").arg(tag.papers, 5).arg(tag.tag));
    return CliContext::kOk;
}

} // namespace

void registerSearchCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    commands.append(
        {QStringLiteral("search"),
         QStringLiteral(
             "search QUERY... [--sort date|relevance] [--limit N] [--offset N] [--json]"),
         QStringLiteral("find papers, newest first; words, \"phrases\", -exclude, author:, cat:, "
                        "tag:, fulltext: (only inside kept PDFs; plain words match them too), "
                        "is:starred|unread|read, has:note|code|tag|summary, "
                        "after:YYYY-MM-DD (inclusive), before:YYYY-MM-DD (exclusive)"),
         {json,
          {QStringLiteral("--sort"), true},
          {QStringLiteral("--limit"), true},
          {QStringLiteral("--offset"), true}},
         1,
         -1,
         searchCommand});
    commands.append({QStringLiteral("tag"),
                     QStringLiteral("tag ID TAG... [--json] | tag --rename OLD NEW [--json]"),
                     QStringLiteral("add tags to a paper; --rename renames a tag on every paper "
                                    "(merging into NEW when it exists)"),
                     {json, {QStringLiteral("--rename"), false}},
                     2,
                     -1,
                     tagCommand});
    commands.append({QStringLiteral("untag"),
                     QStringLiteral("untag ID TAG... [--json]"),
                     QStringLiteral("remove tags from a paper"),
                     {json},
                     2,
                     -1,
                     untagCommand});
    commands.append({QStringLiteral("tags"),
                     QStringLiteral("tags [--json]"),
                     QStringLiteral("every tag with the number of papers carrying it"),
                     {json},
                     0,
                     0,
                     tagsCommand});
}

} // namespace paperboy
