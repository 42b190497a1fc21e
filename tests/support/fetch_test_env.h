#pragma once

// A Fetcher wired to a temporary database and a local TestHttpServer, with short timings.
// Header-only, so only the fetch tests that include it compile it.

#include "fetch/fetcher.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"
#include "test_http_server.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace paperboy::test {

// The RSS fixture's day; "now" for the fetcher is that afternoon in New York.
inline const QDate kFixtureDay(2024, 11, 28);

inline FetchSettings fastFetchSettings(const TestHttpServer &server)
{
    FetchSettings s;
    s.rssBaseUrl = server.baseUrl() + QStringLiteral("/rss/");
    s.apiUrl = server.baseUrl() + QStringLiteral("/api/query");
    s.politeness.minRequestSpacingMs = 50;
    s.politeness.maxTries = 2;
    s.politeness.backoffBaseMs = 50;
    s.politeness.backoffMaxMs = 100;
    s.politeness.maxRetryAfterMs = 2000;
    s.politeness.transferTimeoutMs = 500;
    s.politeness.totalTimeoutMs = 5000;
    return s;
}

struct FetchTestEnv
{
    QTemporaryDir dir;
    TestHttpServer server;
    Database db;
    std::unique_ptr<Store> store;
    std::unique_ptr<Fetcher> fetcher;

    bool setUp()
    {
        if (!dir.isValid() || !server.listen() ||
            !db.open(dir.filePath(QStringLiteral("fetch.sqlite"))))
            return false;
        store = std::make_unique<Store>(db);
        fetcher =
            std::make_unique<Fetcher>(fastFetchSettings(server), FetchStorage::direct(*store));
        fetcher->setClock([] { return QDateTime(kFixtureDay, QTime(17, 30), Qt::UTC); });
        return true;
    }

    FetchSummary run(const FetchRequest &request, int timeoutMs = 30000)
    {
        QSignalSpy finished(fetcher.get(), &Fetcher::finished);
        if (!fetcher->start(request))
            return {};
        if (!finished.wait(timeoutMs) || finished.isEmpty()) {
            FetchSummary none;
            none.error = QStringLiteral("test: the fetch did not finish");
            return none;
        }
        return finished.takeFirst().at(0).value<FetchSummary>();
    }

    // Every table but the fetch ledger, which notes each attempt, failed ones too (the
    // tests read it through FetchLedger).
    QStringList cache() const
    {
        return cacheData(db.connection(), {QStringLiteral("fetch_ledger")});
    }
    QStringList user() const { return userData(db.connection()); }

    bool seedUserData(const QString &arxivId)
    {
        return store->setStarred(arxivId, true) &&
               store->setNote(arxivId, QStringLiteral("read this first")) &&
               store->addTags(arxivId, {QStringLiteral("to-try")});
    }
};

inline QString describe(const FetchSummary &summary)
{
    QStringList lines;
    for (const FetchOutcome &o : summary.outcomes)
        lines.append(
            QStringLiteral("%1 %2 %3: %4 %5 (%6)")
                .arg(o.date.toString(Qt::ISODate), o.category, o.source, ledgerStateName(o.state))
                .arg(o.papers)
                .arg(o.reason));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + summary.error;
}

} // namespace paperboy::test
