// Subcommands that rank papers by the reader's own choices (issue #16): rank, similar.

#include "cli/cli_context.h"
#include "cli/paper_json.h"
#include "core/english.h"
#include "rank/rank_index.h"
#include "rank/ranker.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace paperboy {

namespace {

constexpr int kDefaultLimit = 20;

bool readLimit(CliContext &ctx, const QString &verb, int *limit)
{
    bool ok = true;
    *limit = ctx.value(QStringLiteral("--limit"), QString::number(kDefaultLimit)).toInt(&ok);
    if (ok && *limit >= 1)
        return true;
    CliContext::err(QStringLiteral("paperboy %1: --limit wants a positive number").arg(verb));
    return false;
}

// Brings the ranking's vectors up to date (the first run on a large library builds them all,
// which takes a while: say so). A read-only library ranks with what it has.
bool updateIndex(CliContext &ctx, const QString &verb)
{
    if (ctx.database().isReadOnly())
        return true;
    RankIndex index(ctx.database());
    const qint64 pending = index.pendingPapers();
    const bool tell = pending >= 5000;
    if (tell)
        CliContext::err(QStringLiteral("paperboy %1: building the ranking's features for %2 "
                                       "(once; later runs only add new papers)")
                            .arg(verb, countOf(pending, QStringLiteral("paper"))));
    const bool terminal = isatty(fileno(stderr)) != 0;
    int lastPercent = -1;
    const bool ok = index.update([&](const RankIndexProgress &p) {
        if (!tell || !terminal || p.total <= 0)
            return;
        const int percent = int(p.done * 100 / p.total);
        if (percent != lastPercent)
            std::fprintf(stderr, "\r%3d%%  %lld of %lld papers", percent,
                         static_cast<long long>(p.done), static_cast<long long>(p.total));
        lastPercent = percent;
    });
    if (tell && terminal)
        std::fprintf(stderr, "\n");
    if (!ok)
        CliContext::err(QStringLiteral("paperboy %1: %2").arg(verb, index.lastError()));
    return ok;
}

QJsonArray whyToJson(const QList<TermWeight> &why)
{
    QJsonArray array;
    for (const TermWeight &term : why)
        array.append(QJsonObject{{QStringLiteral("term"), term.term},
                                 {QStringLiteral("weight"), term.weight}});
    return array;
}

// Prints ranked papers as `search` prints papers, each with its score and why.
int printRanked(CliContext &ctx, const Ranker &ranker, const QList<PaperScore> &scores,
                QJsonObject header)
{
    QList<qint64> ids;
    for (const PaperScore &score : scores)
        ids.append(score.paperId);
    QHash<QString, PaperView> views;
    const QList<PaperView> loaded = ctx.store().viewsForPaperIds(ids);
    for (const PaperView &view : loaded)
        views.insert(view.paper.arxivId, view);
    const QHash<qint64, QString> arxivIds = RankStore(ctx.database()).arxivIds(ids);
    if (ctx.json()) {
        QJsonArray results;
        for (const PaperScore &score : scores) {
            const auto view = views.constFind(arxivIds.value(score.paperId));
            if (view == views.cend())
                continue;
            QJsonObject object = ctx.paperJson(*view);
            object.insert(QStringLiteral("score"), score.score);
            object.insert(QStringLiteral("why"), whyToJson(score.why));
            results.append(object);
        }
        header.insert(QStringLiteral("bias"), ranker.bias());
        header.insert(QStringLiteral("results"), results);
        CliContext::printJson(header);
        return CliContext::kOk;
    }
    for (const PaperScore &score : scores) {
        const auto view = views.constFind(arxivIds.value(score.paperId));
        if (view == views.cend())
            continue;
        QString line = QStringLiteral("%1  %2  %3\n")
                           .arg(score.score, 7, 'f', 3)
                           .arg(view->paper.arxivId, view->paper.title);
        QStringList why;
        for (const TermWeight &term : score.why)
            why.append(QStringLiteral("%1 (%2)").arg(term.term).arg(term.weight, 0, 'f', 3));
        if (!why.isEmpty())
            line += QStringLiteral("         why: %1\n").arg(why.join(QStringLiteral(", ")));
        CliContext::out(line);
    }
    return CliContext::kOk;
}

int rankCommand(CliContext &ctx)
{
    int limit = 0;
    if (!readLimit(ctx, QStringLiteral("rank"), &limit))
        return CliContext::kUsage;
    QDate date;
    if (ctx.flag(QStringLiteral("--date"))) {
        date = QDate::fromString(ctx.value(QStringLiteral("--date")), Qt::ISODate);
        if (!date.isValid()) {
            CliContext::err(QStringLiteral("paperboy rank: --date wants YYYY-MM-DD, not '%1'")
                                .arg(ctx.value(QStringLiteral("--date"))));
            return CliContext::kUsage;
        }
    }
    RankSpec spec;
    spec.tag = ctx.value(QStringLiteral("--tag")).simplified();
    if (ctx.flag(QStringLiteral("--tag")) && spec.tag.isEmpty()) {
        CliContext::err(QStringLiteral("paperboy rank: --tag wants a tag"));
        return CliContext::kUsage;
    }
    if (!ctx.openStore() || !updateIndex(ctx, QStringLiteral("rank")))
        return CliContext::kError;
    Ranker ranker(ctx.database());
    const RankStatus status = ranker.status(spec);
    if (status.positives == 0) {
        CliContext::err(
            spec.tag.isEmpty()
                ? QStringLiteral("paperboy rank: no starred papers to learn from; "
                                 "star a few (paperboy star ID) or rank by a tag "
                                 "(--tag)")
                : QStringLiteral("paperboy rank: no paper is tagged '%1'").arg(spec.tag));
        return CliContext::kError;
    }
    if (status.fewPositives())
        CliContext::err(QStringLiteral("paperboy rank: note: learning from only %1; the order "
                                       "gets better with %2 or more")
                            .arg(countOf(status.positives, QStringLiteral("paper")))
                            .arg(RankStatus::kFewPositives));
    const QList<PaperScore> scores = ranker.rank(spec, date, limit);
    if (!ranker.lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy rank: %1").arg(ranker.lastError()));
        return CliContext::kError;
    }
    return printRanked(
        ctx, ranker, scores,
        QJsonObject{{QStringLiteral("tag"), spec.tag.isEmpty() ? QJsonValue() : spec.tag},
                    {QStringLiteral("date"),
                     date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue()},
                    {QStringLiteral("positives"), status.positives},
                    {QStringLiteral("dismissed"), status.dismissed}});
}

int similarCommand(CliContext &ctx)
{
    int limit = 0;
    if (!readLimit(ctx, QStringLiteral("similar"), &limit))
        return CliContext::kUsage;
    QString id;
    int version = 0;
    if (!parseArxivId(ctx.positionals.first(), &id, &version)) {
        CliContext::err(QStringLiteral("paperboy similar: '%1' is not an arXiv id")
                            .arg(ctx.positionals.first()));
        return CliContext::kUsage;
    }
    if (!ctx.openStore())
        return CliContext::kError;
    if (!ctx.store().hasPaper(id)) {
        CliContext::err(QStringLiteral("paperboy similar: %1 is not in the library").arg(id));
        return CliContext::kError;
    }
    if (!updateIndex(ctx, QStringLiteral("similar")))
        return CliContext::kError;
    Ranker ranker(ctx.database());
    const QList<PaperScore> scores = ranker.similar(id, limit);
    if (!ranker.lastError().isEmpty()) {
        CliContext::err(QStringLiteral("paperboy similar: %1").arg(ranker.lastError()));
        return CliContext::kError;
    }
    return printRanked(ctx, ranker, scores, QJsonObject{{QStringLiteral("similar_to"), id}});
}

} // namespace

void registerRankCommands(QList<Command> &commands)
{
    const OptionSpec json{QStringLiteral("--json"), false};
    const OptionSpec limit{QStringLiteral("--limit"), true};
    commands.append(
        {QStringLiteral("rank"),
         QStringLiteral("rank [--date YYYY-MM-DD] [--tag TAG] [--limit N] [--json]"),
         QStringLiteral("papers best first for you, learned from your stars (or a tag's papers) "
                        "and dismissals, each with the terms that raised it; every paper neither "
                        "starred nor dismissed, or one day's (default limit 20)"),
         {json, limit, {QStringLiteral("--date"), true}, {QStringLiteral("--tag"), true}},
         0,
         0,
         rankCommand});
    commands.append({QStringLiteral("similar"),
                     QStringLiteral("similar ID [--limit N] [--json]"),
                     QStringLiteral("papers most like this one (default limit 20)"),
                     {json, limit},
                     1,
                     1,
                     similarCommand});
}

} // namespace paperboy
