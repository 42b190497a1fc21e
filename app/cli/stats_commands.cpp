// `paperboy stats`: reading statistics (issue #22): this week's summary and papers read,
// starred and annotated per week.

#include "cli/cli_context.h"
#include "search/reading_stats.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

QJsonObject weekJson(const ReadingWeek &week)
{
    return {{u"start"_s, week.start.toString(Qt::ISODate)},
            {u"arrived"_s, double(week.arrived)},
            {u"read"_s, double(week.read)},
            {u"starred"_s, double(week.starred)},
            {u"annotated"_s, double(week.annotated)}};
}

int statsCommand(CliContext &ctx)
{
    int weeks = 12;
    if (ctx.flag(u"--weeks"_s)) {
        bool ok = false;
        weeks = ctx.value(u"--weeks"_s).toInt(&ok);
        if (!ok || weeks < 0) {
            CliContext::err(
                u"paperboy stats: --weeks wants a number of weeks (0: all), not '%1'"_s.arg(
                    ctx.value(u"--weeks"_s)));
            return CliContext::kUsage;
        }
    }
    QDate today = QDate::currentDate();
    if (ctx.flag(u"--today"_s)) {
        today = QDate::fromString(ctx.value(u"--today"_s), Qt::ISODate);
        if (!today.isValid()) {
            CliContext::err(u"paperboy stats: --today wants a date as YYYY-MM-DD, not '%1'"_s.arg(
                ctx.value(u"--today"_s)));
            return CliContext::kUsage;
        }
    }
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    const ReadingStats stats = ReadingStatistics(ctx.store()).compute(today, weeks);
    if (!stats.ok) {
        CliContext::err(u"paperboy stats: %1"_s.arg(stats.error));
        return CliContext::kError;
    }
    if (ctx.json()) {
        QJsonArray tags;
        for (const TagUse &use : stats.topTags)
            tags.append(QJsonObject{{u"tag"_s, use.tag}, {u"papers"_s, double(use.papers)}});
        QJsonObject thisWeek = weekJson(stats.thisWeek);
        thisWeek.insert(u"top_tags"_s, tags);
        QJsonArray list;
        for (const ReadingWeek &week : stats.weeks)
            list.append(weekJson(week));
        CliContext::printJson(QJsonObject{{u"today"_s, today.toString(Qt::ISODate)},
                                          {u"this_week"_s, thisWeek},
                                          {u"weeks"_s, list},
                                          {u"undated"_s, double(stats.undated)}});
        return CliContext::kOk;
    }
    const ReadingWeek &week = stats.thisWeek;
    QString text = u"This week (from Monday %1): %2 papers arrived, %3 read, %4 starred, %5 "
                   "annotated\n"_s.arg(week.start.toString(Qt::ISODate))
                       .arg(week.arrived)
                       .arg(week.read)
                       .arg(week.starred)
                       .arg(week.annotated);
    if (!stats.topTags.isEmpty()) {
        QStringList tags;
        for (const TagUse &use : stats.topTags)
            tags.append(u"%1 (%2)"_s.arg(use.tag).arg(use.papers));
        text += u"Top tags: %1\n"_s.arg(tags.join(u", "_s));
    }
    text += u"\n%1  %2  %3  %4  %5\n"_s.arg(u"week of"_s, -10)
                .arg(u"read"_s, 5)
                .arg(u"starred"_s, 7)
                .arg(u"annotated"_s, 9)
                .arg(u"arrived"_s, 8);
    for (const ReadingWeek &w : stats.weeks)
        text += u"%1  %2  %3  %4  %5\n"_s.arg(w.start.toString(Qt::ISODate))
                    .arg(w.read, 5)
                    .arg(w.starred, 7)
                    .arg(w.annotated, 9)
                    .arg(w.arrived, 8);
    text += u"(a read mark, star or note counts in the week it was last set, while it is set)\n"_s;
    if (stats.undated > 0)
        text +=
            u"%1 read marks, stars or notes have no time and are in no week\n"_s.arg(stats.undated);
    CliContext::out(text);
    return CliContext::kOk;
}

} // namespace

void registerStatsCommands(QList<Command> &commands)
{
    commands.append(
        {u"stats"_s,
         u"stats [--weeks N] [--today YYYY-MM-DD] [--json]"_s,
         u"reading statistics: this week's papers arrived, read, starred and annotated and its "
         "top tags, then the same per week (Monday first) for the last N weeks (default 12; 0: "
         "since the first). A read mark, star or note counts in the week it was last set"_s,
         {{u"--json"_s, false}, {u"--weeks"_s, true}, {u"--today"_s, true}},
         0,
         0,
         statsCommand});
}

} // namespace paperboy
