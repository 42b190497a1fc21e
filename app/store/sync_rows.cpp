// Sync's reads and writes of the library (see sync_rows.h).

#include "store/sync_rows.h"

#include "store/sql_values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace paperboy::sql {

namespace {

using sync::ItemKey;
using sync::ItemState;

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Runs `sql` and hands each row to `row`.
QString eachRow(const QSqlDatabase &db, const QString &sql,
                const std::function<void(const QSqlQuery &)> &row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return q.lastError().text();
    while (q.next())
        row(q);
    return q.lastError().isValid() ? q.lastError().text() : QString();
}

QString readItems(const QSqlDatabase &db, ItemState *items)
{
    using namespace sync;
    auto text = [](const QSqlQuery &q, int column) { return q.value(column).toString(); };
    const QString one = QStringLiteral("1");
    const QList<std::pair<QString, std::function<void(const QSqlQuery &)>>> reads{
        {QStringLiteral("SELECT arxiv_id, starred, read, note FROM user_papers"),
         [&](const QSqlQuery &q) {
             const QString id = text(q, 0);
             if (q.value(1).toInt() != 0)
                 items->insert({kStar, id}, one);
             if (q.value(2).toInt() != 0)
                 items->insert({kRead, id}, one);
             if (const QString note = text(q, 3); !note.isEmpty())
                 items->insert({kNote, id}, note);
         }},
        {QStringLiteral("SELECT arxiv_id, tag FROM user_tags"),
         [&](const QSqlQuery &q) {
             items->insert({kTag, joinKey(text(q, 0), text(q, 1))}, one);
         }},
        {QStringLiteral("SELECT name, query FROM saved_searches"),
         [&](const QSqlQuery &q) {
             items->insert({kSavedSearch, text(q, 0)}, text(q, 1));
         }},
        {QStringLiteral("SELECT arxiv_id FROM user_dismissals WHERE dismissed = 1"),
         [&](const QSqlQuery &q) {
             items->insert({kDismissal, text(q, 0)}, one);
         }},
        {QStringLiteral("SELECT name_key, name FROM user_follows WHERE followed = 1"),
         [&](const QSqlQuery &q) {
             items->insert({kFollow, text(q, 0)}, text(q, 1));
         }},
        {QStringLiteral("SELECT name, query, action, coalesce(argument, '') FROM user_rules"),
         [&](const QSqlQuery &q) {
             items->insert({kRule, text(q, 0)}, compactJson({{QStringLiteral("query"), text(q, 1)},
                                                             {QStringLiteral("action"), text(q, 2)},
                                                             {QStringLiteral("tag"), text(q, 3)}}));
         }},
        {QStringLiteral("SELECT name, queries, per, share, coalesce(from_day, ''),"
                        " coalesce(to_day, '') FROM user_saved_trends"),
         [&](const QSqlQuery &q) {
             items->insert({kSavedTrend, text(q, 0).toLower()},
                           compactJson({{QStringLiteral("name"), text(q, 0)},
                                        {QStringLiteral("queries"),
                                         QJsonArray::fromStringList(splitList(text(q, 1)))},
                                        {QStringLiteral("per"), text(q, 2)},
                                        {QStringLiteral("share"), q.value(3).toInt() != 0},
                                        {QStringLiteral("from"), text(q, 4)},
                                        {QStringLiteral("to"), text(q, 5)}}));
         }},
        // Added by id or link: present or not. Each side keeps its own first time.
        {QStringLiteral("SELECT arxiv_id FROM user_added"),
         [&](const QSqlQuery &q) {
             items->insert({kAdded, text(q, 0)}, one);
         }},
        {QStringLiteral("SELECT arxiv_id, language, coalesce(title, ''), coalesce(abstract, '')"
                        " FROM user_translations"),
         [&](const QSqlQuery &q) {
             items->insert({kTranslation, joinKey(text(q, 0), text(q, 1))},
                           compactJson({{QStringLiteral("title"), text(q, 2)},
                                        {QStringLiteral("abstract"), text(q, 3)}}));
         }},
    };
    for (const auto &[statement, row] : reads)
        if (const QString error = eachRow(db, statement, row); !error.isEmpty())
            return error;
    return {};
}

} // namespace

QString readSyncItems(const Database &library, ItemState *items, bool snapshot)
{
    QSqlDatabase db = library.connection();
    items->clear();
    if (snapshot && !db.transaction())
        return db.lastError().text();
    const QString error = readItems(db, items);
    if (snapshot) {
        if (!error.isEmpty()) {
            db.rollback();
            return error;
        }
        if (!db.commit())
            return db.lastError().text();
    }
    return error;
}

QString readSyncBaseline(const Database &library, const QString &account, ItemState *baseline)
{
    const QSqlDatabase db = library.connection();
    baseline->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT kind, key, value FROM sync_baseline WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec())
        return q.lastError().text();
    while (q.next())
        baseline->insert({q.value(0).toString(), q.value(1).toString()}, q.value(2).toString());
    return q.lastError().isValid() ? q.lastError().text() : QString();
}

QString readSyncAccount(const Database &library, const QString &account,
                        std::optional<SyncAccountRow> *row)
{
    const QSqlDatabase db = library.connection();
    row->reset();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT device, last_seq, coalesce(last_sync, '') FROM sync_accounts"
                             " WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec())
        return q.lastError().text();
    if (q.next())
        *row = SyncAccountRow{account, q.value(0).toString(), q.value(1).toLongLong(),
                              q.value(2).toString()};
    return {};
}

QString readPaperRecords(const Database &library, const QStringList &ids,
                         QHash<QString, QString> *records)
{
    const QSqlDatabase db = library.connection();
    records->clear();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(title, ''), coalesce(authors, ''),"
                             " coalesce(categories, ''), coalesce(published, '')"
                             " FROM papers WHERE arxiv_id = ?"));
    for (const QString &id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return q.lastError().text();
        if (!q.next())
            continue;
        records->insert(id,
                        compactJson({{QStringLiteral("title"), q.value(0).toString()},
                                     {QStringLiteral("authors"),
                                      QJsonArray::fromStringList(splitList(q.value(1).toString()))},
                                     {QStringLiteral("categories"), q.value(2).toString()},
                                     {QStringLiteral("published"), q.value(3).toString()}}));
    }
    return {};
}

QString addMinimalPapers(const Database &library, const QHash<QString, QString> &records,
                         int *added)
{
    const QSqlDatabase db = library.connection();
    *added = 0;
    // Prepared once: papers carries the search and ranking triggers, and compiling them
    // costs more than the insert.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO papers (arxiv_id, title, authors, categories,"
                             " primary_category, published) VALUES (?,?,?,?,?,?)"
                             " ON CONFLICT(arxiv_id) DO NOTHING"));
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        const QJsonObject paper = QJsonDocument::fromJson(it.value().toUtf8()).object();
        QStringList authors;
        for (const QJsonValue &author : paper.value(QStringLiteral("authors")).toArray())
            authors.append(author.toString());
        const QString categories = paper.value(QStringLiteral("categories")).toString();
        q.addBindValue(it.key());
        q.addBindValue(textOrNull(paper.value(QStringLiteral("title")).toString()));
        q.addBindValue(textOrNull(joinList(authors)));
        q.addBindValue(textOrNull(categories));
        q.addBindValue(textOrNull(categories.section(QLatin1Char(' '), 0, 0)));
        q.addBindValue(textOrNull(paper.value(QStringLiteral("published")).toString()));
        if (!q.exec())
            return q.lastError().text();
        *added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return {};
}

QString writeSyncBaseline(const Database &library, const QString &account,
                          const QList<sync::ItemChange> &items)
{
    const QSqlDatabase db = library.connection();
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT INTO sync_baseline (account, kind, key, value)"
                               " VALUES (?,?,?,?) ON CONFLICT (account, kind, key)"
                               " DO UPDATE SET value = excluded.value"));
    QSqlQuery drop(db);
    drop.prepare(
        QStringLiteral("DELETE FROM sync_baseline WHERE account = ? AND kind = ? AND key = ?"));
    for (const sync::ItemChange &item : items) {
        QSqlQuery &q = item.value ? put : drop;
        q.addBindValue(account);
        q.addBindValue(item.item.kind);
        q.addBindValue(item.item.key);
        if (item.value)
            q.addBindValue(*item.value);
        if (!q.exec())
            return q.lastError().text();
    }
    return {};
}

QString writeSyncAccount(const Database &library, const SyncAccountRow &row)
{
    const QSqlDatabase db = library.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_accounts (account, device, last_seq, last_sync)"
                             " VALUES (?,?,?,?) ON CONFLICT (account) DO UPDATE SET"
                             " device = excluded.device, last_seq = excluded.last_seq,"
                             " last_sync = excluded.last_sync"));
    q.addBindValue(row.account);
    q.addBindValue(row.device);
    q.addBindValue(row.lastSeq);
    q.addBindValue(textOrNull(row.lastSync));
    return q.exec() ? QString() : q.lastError().text();
}

} // namespace paperboy::sql
