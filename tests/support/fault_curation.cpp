// Fault operations on reading less's user data (issue #16): dismissals, followed authors,
// rules, and the rules' actions inside an import; and on saved trends (issue #22). Part of
// the fault sweep.

#include "fault_library.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace paperboy::test::fault_library {

namespace {

const QDate kDay(2024, 6, 1);

// The starting library with rules of every kind that the sweep digest's papers match.
bool prepareWithRules(const QString &path)
{
    QString error;
    return prepareLibrary(path) &&
           withStore(
               path, &error,
               [](Store &store, QString *) {
                   return store.saveRule(makeRule(QStringLiteral("faults"),
                                                  QStringLiteral("faults"), RuleAction::Tag,
                                                  QStringLiteral("故障"))) &&
                          store.saveRule(makeRule(QStringLiteral("star"), QStringLiteral("write"),
                                                  RuleAction::Star)) &&
                          store.saveRule(makeRule(QStringLiteral("read"), QStringLiteral("number"),
                                                  RuleAction::Read)) &&
                          store.saveRule(makeRule(QStringLiteral("dismiss"),
                                                  QStringLiteral("author:Turing"),
                                                  RuleAction::Dismiss)) &&
                          store.saveRule(makeRule(QStringLiteral("mark"),
                                                  QStringLiteral("Lovelace"),
                                                  RuleAction::Highlight));
               },
               kNow.addDays(-1));
}

// After an import with those rules: each of its papers tagged, starred, read, dismissed and
// highlighted (a failed run is checked by the sweep: as before).
QString rulesActed(const QString &path, bool succeeded, int papers)
{
    if (!succeeded)
        return {};
    const QString sql = QStringLiteral(
        "SELECT (SELECT count(*) FROM user_tags WHERE tag = '故障'),"
        " (SELECT count(*) FROM user_papers WHERE starred AND arxiv_id LIKE '2406.%'),"
        " (SELECT count(*) FROM user_papers WHERE read AND arxiv_id LIKE '2406.%'),"
        " (SELECT count(*) FROM user_dismissals WHERE dismissed AND arxiv_id LIKE '2406.%'),"
        " (SELECT count(*) FROM user_highlights WHERE rule = 'mark')");
    QString found;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rules-check"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(sql) && q.next())
            for (int i = 0; i < 5; ++i)
                found += QString::number(q.value(i).toInt()) + QLatin1Char(' ');
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rules-check"));
    const QString expected = QStringLiteral("%1 ").arg(papers).repeated(5);
    return found == expected ? QString()
                             : QStringLiteral("rules acted on (tag, star, read, dismiss, "
                                              "highlight) %1, not %2 each")
                                   .arg(found.trimmed())
                                   .arg(papers);
}

} // namespace

Rule makeRule(const QString &name, const QString &query, RuleAction action, const QString &tag)
{
    Rule rule;
    rule.name = name;
    rule.query = query;
    rule.action = action;
    rule.argument = tag;
    return rule;
}

FaultOperation curationOperation(const QString &name, int scale)
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    if (name == QLatin1String("dismiss")) {
        op.run = storeCall([](Store &s) { return s.setDismissed({kPaper, kOtherPaper}, true); });
    } else if (name == QLatin1String("undismiss")) {
        op.run = storeCall(
            [](Store &s) { return s.setDismissed({QStringLiteral("2306.04634")}, false); });
    } else if (name == QLatin1String("follow")) {
        op.run = storeCall(
            [](Store &s) { return s.setFollowed(QStringLiteral("Relja Arandjelović"), true); });
    } else if (name == QLatin1String("unfollow")) {
        op.run =
            storeCall([](Store &s) { return s.setFollowed(QStringLiteral("jiatao gu"), false); });
    } else if (name == QLatin1String("rule-add")) {
        op.run = storeCall([](Store &s) {
            return s.saveRule(makeRule(QStringLiteral("kd"), QStringLiteral("distillation"),
                                       RuleAction::Tag, QStringLiteral("kd")));
        });
    } else if (name == QLatin1String("rule-remove")) {
        // The rule's highlights go with it, in the same transaction.
        op.prepare = [scale](const QString &path) {
            QString error;
            return prepareWithRules(path) &&
                   importBytes(digestText(kDay, 3 * scale), digestName(kDay))(path, &error);
        };
        op.run = storeCall([](Store &s) { return s.removeRule(QStringLiteral("mark")); });
    } else if (name == QLatin1String("import-rules")) {
        // Rules act on the papers an import adds, inside the import's own transaction.
        op.prepare = prepareWithRules;
        op.run = importBytes(digestText(kDay, 3 * scale), digestName(kDay));
        op.check = [scale](const QString &path, bool succeeded) {
            return rulesActed(path, succeeded, 3 * scale);
        };
    } else {
        return {};
    }
    return op;
}

SavedTrend sweepTrend(const QString &name, const QStringList &queries)
{
    SavedTrend trend;
    trend.name = name;
    trend.queries = queries;
    trend.by = TrendPeriod::Week;
    trend.from = QDate(2023, 6, 5);
    return trend;
}

FaultOperation savedTrendOperation(const QString &name)
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    auto trendsCall = [](const std::function<bool(SavedTrends &)> &call) -> Run {
        return [call](const QString &path, QString *error) {
            return withStore(path, error, [&](Store &store, QString *message) {
                SavedTrends trends(store);
                trends.setClock([] { return kNow; });
                if (call(trends))
                    return true;
                *message = trends.lastError();
                return false;
            });
        };
    };
    if (name == QLatin1String("trend-save")) {
        // A new trend: one transaction.
        op.run = trendsCall([](SavedTrends &t) {
            SavedTrend shares =
                sweepTrend(QStringLiteral("扩散 share"),
                           {QStringLiteral("扩散模型"), QStringLiteral("diffusion")});
            shares.share = true;
            shares.by = TrendPeriod::Month;
            return t.save(shares, false) == SavedTrends::SaveResult::Saved;
        });
    } else if (name == QLatin1String("trend-replace")) {
        // The starting library's trend replaced under another case of its name.
        op.run = trendsCall([](SavedTrends &t) {
            return t.save(sweepTrend(QStringLiteral("DISTILLATION"), {QStringLiteral("kd")}),
                          true) == SavedTrends::SaveResult::Replaced;
        });
    } else if (name == QLatin1String("trend-delete")) {
        op.run = trendsCall([](SavedTrends &t) {
            bool removed = false;
            return t.remove(QStringLiteral("distillation"), &removed) && removed;
        });
    } else {
        return {};
    }
    return op;
}

} // namespace paperboy::test::fault_library
