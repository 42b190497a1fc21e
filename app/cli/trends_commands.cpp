// `paperboy trends`: how often searches match per day, week, month or year (issue #22).

#include "cli/cli_context.h"
#include "cli/trends_saved.h"
#include "search/search_query.h"
#include "search/smart_views.h"
#include "search/trend_coverage.h"
#include "search/trends.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

// Columns of a terminal: CJK characters take two.
qsizetype displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (const char32_t c : text.toUcs4())
        width += isCjk(c) ? 2 : 1;
    return width;
}

QString padLeft(const QString &text, qsizetype width)
{
    return QString(std::max<qsizetype>(0, width - displayWidth(text)), u' ') + text;
}

QString percent(double share)
{
    // Shares of a few papers in thousands need more than one decimal to differ from zero.
    return share > 0 && share < 0.001 ? u"%1%"_s.arg(share * 100, 0, 'g', 2)
                                      : u"%1%"_s.arg(share * 100, 0, 'f', 1);
}

bool parseDate(CliContext &ctx, const QString &option, QDate *date)
{
    if (!ctx.flag(option))
        return true;
    *date = QDate::fromString(ctx.value(option), Qt::ISODate);
    if (date->isValid())
        return true;
    CliContext::err(u"paperboy trends: %1 wants a date as YYYY-MM-DD, not '%2'"_s.arg(
        option, ctx.value(option)));
    return false;
}

QJsonValue jsonNumber(const std::optional<qint64> &n)
{
    return n ? QJsonValue(double(*n)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonShare(const std::optional<double> &share)
{
    // Six significant digits: what a chart or a spreadsheet can show.
    return share ? QJsonValue(std::round(*share * 1e6) / 1e6) : QJsonValue(QJsonValue::Null);
}

void printJson(const TrendAxis &axis, const TrendCoverage &coverage,
               const QList<TrendSeries> &series, bool share)
{
    QJsonArray periods;
    QJsonArray totals;
    QJsonArray partial;
    for (qsizetype i = 0; i < axis.periods.size(); ++i) {
        periods.append(axis.periods.at(i).toString(Qt::ISODate));
        partial.append(coverage.isPartial(i));
        totals.append(axis.held.at(i) ? jsonNumber(axis.totals.at(i)) : QJsonValue());
    }
    QJsonArray list;
    for (const TrendSeries &s : series) {
        QJsonObject object{{u"query"_s, s.query}};
        if (!s.name.isEmpty())
            object.insert(u"name"_s, s.name);
        QJsonArray counts;
        QJsonArray shares;
        for (qsizetype i = 0; i < s.counts.size(); ++i) {
            counts.append(jsonNumber(s.counts.at(i)));
            shares.append(jsonShare(s.share(axis, i)));
        }
        object.insert(u"counts"_s, counts);
        if (share)
            object.insert(u"share"_s, shares);
        object.insert(u"warnings"_s, QJsonArray::fromStringList(s.warnings));
        list.append(object);
    }
    CliContext::printJson(QJsonObject{
        {u"by"_s, trendPeriodName(axis.by)},
        {u"from"_s, axis.isEmpty() ? QJsonValue() : axis.start().toString(Qt::ISODate)},
        {u"to"_s, axis.isEmpty() ? QJsonValue() : axis.end().addDays(-1).toString(Qt::ISODate)},
        {u"periods"_s, periods},
        {u"totals"_s, totals},
        {u"partial"_s, partial},
        {u"series"_s, list}});
}

void printTable(const TrendAxis &axis, const TrendCoverage &coverage,
                const QList<TrendSeries> &series, bool share)
{
    // Long queries get a number in the header and a legend above the table.
    QStringList headers;
    QString legend;
    for (qsizetype k = 0; k < series.size(); ++k) {
        const TrendSeries &s = series.at(k);
        const QString label = s.name.isEmpty() ? s.query : s.name;
        if (displayWidth(label) <= 24) {
            headers.append(label);
        } else {
            headers.append(u"[%1]"_s.arg(k + 1));
            legend += u"[%1] %2\n"_s.arg(k + 1).arg(label);
        }
    }
    headers.append(u"all papers"_s);
    QList<QStringList> rows;
    for (qsizetype i = 0; i < axis.periods.size(); ++i) {
        QStringList row;
        for (const TrendSeries &s : series) {
            const std::optional<qint64> count = s.counts.value(i);
            if (!count)
                row.append(u"-"_s);
            else if (share)
                row.append(s.share(axis, i) ? percent(*s.share(axis, i)) : u"0"_s);
            else
                row.append(QString::number(*count));
        }
        row.append(axis.held.at(i) ? QString::number(axis.totals.at(i)) : u"-"_s);
        rows.append(row);
    }
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype width = displayWidth(headers.at(c));
        for (const QStringList &row : rows)
            width = std::max(width, displayWidth(row.at(c)));
        widths.append(width);
    }
    const QString periodHeader = trendPeriodName(axis.by);
    QString text = legend;
    // A period the library covers only part of is marked '*' after its date.
    text += periodHeader + QString(std::max<qsizetype>(0, 11 - periodHeader.size()), u' ');
    for (qsizetype c = 0; c < headers.size(); ++c)
        text += u"  "_s + padLeft(headers.at(c), widths.at(c));
    text += u'\n';
    for (qsizetype i = 0; i < rows.size(); ++i) {
        text += axis.periods.at(i).toString(Qt::ISODate) + (coverage.isPartial(i) ? u'*' : u' ');
        for (qsizetype c = 0; c < headers.size(); ++c)
            text += u"  "_s + padLeft(rows.at(i).at(c), widths.at(c));
        text += u'\n';
    }
    if (coverage.partial.contains(true))
        text += u"(* : the library covers only part of that period: it holds %1 to %2)\n"_s.arg(
            coverage.first.toString(Qt::ISODate), coverage.last.toString(Qt::ISODate));
    if (axis.held.contains(false))
        text += u"(- : the library holds nothing in that period)\n"_s;
    CliContext::out(text);
}

QString trendsUsage()
{
    return u"usage: paperboy trends QUERY... [--saved NAME]... [--by day|week|month|year] "
           "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--share] [--json]\n"
           "       paperboy trends --save NAME QUERY... [--saved NAME]... [--by ...] [--from ...] "
           "[--to ...] [--share] [--replace]\n"
           "       paperboy trends --saved-trend NAME [--by ...] [--from ...] [--to ...] [--share] "
           "[--json]\n"
           "       paperboy trends --list-saved [--json]\n"
           "       paperboy trends --delete-saved NAME"_s;
}

int trendsCommand(CliContext &ctx)
{
    // At most one of the saved-trend actions.
    int actions = 0;
    for (const QString &option :
         {u"--save"_s, u"--saved-trend"_s, u"--list-saved"_s, u"--delete-saved"_s})
        actions += ctx.flag(option) ? 1 : 0;
    if (actions > 1) {
        CliContext::err(u"paperboy trends: --save, --saved-trend, --list-saved and "
                        "--delete-saved go one at a time\n"_s +
                        trendsUsage());
        return CliContext::kUsage;
    }
    if (ctx.flag(u"--list-saved"_s) || ctx.flag(u"--delete-saved"_s)) {
        if (!ctx.positionals.isEmpty()) {
            CliContext::err(u"paperboy trends: --list-saved and --delete-saved take no query\n"_s +
                            trendsUsage());
            return CliContext::kUsage;
        }
        return ctx.flag(u"--list-saved"_s) ? listSavedTrends(ctx) : deleteSavedTrend(ctx);
    }
    // A saved trend gives its searches and settings; options given beside it win.
    std::optional<SavedTrend> saved;
    if (ctx.flag(u"--saved-trend"_s)) {
        int exit = CliContext::kError;
        saved = loadSavedTrend(ctx, &exit);
        if (!saved)
            return exit;
    }
    const std::optional<TrendPeriod> by =
        trendPeriodFromName(ctx.value(u"--by"_s, saved ? trendPeriodName(saved->by) : u"month"_s));
    if (!by) {
        CliContext::err(u"paperboy trends: --by wants day, week, month or year, not '%1'"_s.arg(
            ctx.value(u"--by"_s)));
        return CliContext::kUsage;
    }
    QDate from = saved ? saved->from : QDate();
    QDate to = saved ? saved->to : QDate();
    if (!parseDate(ctx, u"--from"_s, &from) || !parseDate(ctx, u"--to"_s, &to))
        return CliContext::kUsage;
    const QStringList savedNames = ctx.values(u"--saved"_s);
    if (ctx.positionals.isEmpty() && savedNames.isEmpty() && !saved) {
        CliContext::err(u"paperboy trends: needs a query (or --saved NAME)\n"_s + trendsUsage());
        return CliContext::kUsage;
    }
    if (!ctx.openStore(ctx.flag(u"--save"_s) ? Database::Mode::ReadWrite
                                             : Database::Mode::ReadOnly))
        return CliContext::kError;

    // Saved searches first, by name, then the queries as typed: one series each.
    QList<std::pair<QString, QString>> queries; // name (or empty), query
    if (!savedNames.isEmpty()) {
        SmartViews views(ctx.store());
        const QList<SavedSearch> saved = views.savedSearches();
        if (!views.lastError().isEmpty()) {
            CliContext::err(u"paperboy trends: %1"_s.arg(views.lastError()));
            return CliContext::kError;
        }
        for (const QString &name : savedNames) {
            const auto it = std::find_if(saved.cbegin(), saved.cend(), [&](const SavedSearch &s) {
                return s.name.compare(name.simplified(), Qt::CaseInsensitive) == 0;
            });
            if (it == saved.cend()) {
                CliContext::err(u"paperboy trends: no saved search named '%1'"_s.arg(name));
                return CliContext::kError;
            }
            queries.append({it->name, it->query});
        }
    }
    if (saved)
        for (const QString &query : std::as_const(saved->queries))
            queries.append({QString(), query});
    for (const QString &query : ctx.positionals)
        queries.append({QString(), query});
    const bool share = ctx.flag(u"--share"_s) || (saved && saved->share);

    if (ctx.flag(u"--save"_s)) {
        // The searches as they read now: a saved search's text, not its name.
        SavedTrend trend;
        trend.name = ctx.value(u"--save"_s);
        for (const auto &query : std::as_const(queries))
            trend.queries.append(query.second);
        trend.by = *by;
        trend.share = share;
        trend.from = from;
        trend.to = to;
        return saveTrend(ctx, trend);
    }

    const Trends trends(ctx.store());
    const TrendAxis axis = trends.axis(*by, from, to);
    if (!axis.ok) {
        CliContext::err(u"paperboy trends: %1"_s.arg(axis.error));
        return CliContext::kError;
    }
    const TrendCoverage coverage = trendCoverage(ctx.store(), axis);
    if (!coverage.ok) {
        CliContext::err(u"paperboy trends: %1"_s.arg(coverage.error));
        return CliContext::kError;
    }
    QList<TrendSeries> series;
    for (const auto &[name, query] : queries) {
        TrendSeries s = trends.series(query, axis);
        if (!s.ok) {
            CliContext::err(u"paperboy trends: %1: %2"_s.arg(query, s.error));
            return CliContext::kError;
        }
        for (const QString &warning : std::as_const(s.warnings))
            CliContext::err(u"paperboy trends: warning: %1: %2"_s.arg(query, warning));
        s.name = name;
        series.append(std::move(s));
    }
    if (ctx.json())
        printJson(axis, coverage, series, share);
    else if (axis.isEmpty())
        CliContext::out(u"the library holds no dated papers in that range\n"_s);
    else
        printTable(axis, coverage, series, share);
    return CliContext::kOk;
}

} // namespace

void registerTrendsCommands(QList<Command> &commands)
{
    commands.append(
        {u"trends"_s,
         u"trends QUERY... [--saved NAME]... [--by day|week|month|year] [--from YYYY-MM-DD] "
         "[--to YYYY-MM-DD] [--share] [--json]\n"
         "  trends --save NAME QUERY... [--replace] | --saved-trend NAME | --list-saved | "
         "--delete-saved NAME"_s,
         u"matches of each search per period (default: month; weeks start on Monday) over the "
         "library's days, or the whole periods holding --from and --to; --share: as a share of "
         "all papers of the period; '-' (JSON null) for periods the library holds nothing in. "
         "--save NAME keeps the trend (its searches, --by, --share, --from, --to) beside the "
         "saved searches; --saved-trend NAME shows it again (options given beside it win); "
         "--list-saved lists them; --delete-saved NAME deletes one"_s,
         {{u"--json"_s, false},
          {u"--share"_s, false},
          {u"--by"_s, true},
          {u"--from"_s, true},
          {u"--to"_s, true},
          {u"--saved"_s, true, true},
          {u"--save"_s, true},
          {u"--replace"_s, false},
          {u"--saved-trend"_s, true},
          {u"--list-saved"_s, false},
          {u"--delete-saved"_s, true}},
         0,
         -1,
         trendsCommand});
}

} // namespace paperboy
