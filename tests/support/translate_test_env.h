#pragma once

// A Translator wired to a temporary library and a fake translation server on 127.0.0.1, with
// a day of papers to translate. Header-only, for the translation tests.

#include "fake_translators.h"
#include "store/database.h"
#include "store/store.h"
#include "test_http_server.h"
#include "translate/translation_hash.h"
#include "translate/translator.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace paperboy::test {

inline const QDate kTranslateDay(2024, 3, 14);

// Paper n of the test day: an English title and an abstract with math, a URL and code.
inline Paper englishPaper(int n)
{
    Paper p;
    p.arxivId = QStringLiteral("2403.%1").arg(10000 + n);
    p.version = 1;
    p.title = QStringLiteral("Sparse attention number %1 with $O(n \\log n)$ cost").arg(n);
    p.abstract = QStringLiteral("We study attention for long inputs. Our bound is "
                                "$\\|A\\|_F \\le \\sqrt{k}$ and code is at "
                                "https://github.com/example/p%1. Run `make test` first.")
                     .arg(n);
    p.authors = {QStringLiteral("A. Author")};
    p.categories = {QStringLiteral("cs.CV")};
    p.primaryCategory = QStringLiteral("cs.CV");
    return p;
}

// `count` papers in an arXiv listing of the test day; the digest's Chinese for those in
// `withDigestChinese` (1-based) comes from a second digest, as a Chinese digest would add it.
inline bool seedDay(Store &store, int count, const QList<int> &withDigestChinese = {})
{
    Digest listing;
    listing.date = kTranslateDay;
    listing.source = QStringLiteral("arxiv-api");
    listing.category = QStringLiteral("cs.CV");
    Digest chinese;
    chinese.date = kTranslateDay;
    chinese.source = QStringLiteral("meiri-xueshu-sudi");
    chinese.category = QStringLiteral("cs.CV");
    for (int n = 1; n <= count; ++n) {
        DigestEntry entry;
        entry.paper = englishPaper(n);
        entry.position = n;
        listing.entries.append(entry);
        if (withDigestChinese.contains(n)) {
            DigestEntry zh;
            zh.paper.arxivId = entry.paper.arxivId;
            zh.position = int(chinese.entries.size()) + 1;
            zh.translationLanguage = QStringLiteral("zh");
            zh.translatedTitle = QStringLiteral("人工标题 %1").arg(n);
            zh.translatedAbstract = QStringLiteral("人工摘要 %1").arg(n);
            chinese.entries.append(zh);
        }
    }
    QList<Digest> digests{listing};
    if (!chinese.entries.isEmpty())
        digests.append(chinese);
    return store.saveDigests(digests);
}

inline translate::TranslationSettings fastTranslationSettings(const TestHttpServer &server,
                                                              translate::Provider provider)
{
    translate::TranslationSettings s;
    s.provider = provider;
    s.baseUrl = server.baseUrl();
    s.model = provider == translate::Provider::OpenAi ? QStringLiteral("qwen2.5:7b") : QString();
    s.requestTimeoutMs = 3000;
    s.politeness.maxTries = 3;
    s.politeness.backoffBaseMs = 50;
    s.politeness.backoffMaxMs = 100;
    s.politeness.maxRetryAfterMs = 5000;
    s.politeness.totalTimeoutMs = 10000;
    return s;
}

struct TranslateTestEnv
{
    QTemporaryDir dir;
    TestHttpServer server;
    Database db;
    std::unique_ptr<Store> store;

    bool setUp()
    {
        if (!dir.isValid() || !server.listen() ||
            !db.open(dir.filePath(QStringLiteral("translate.sqlite"))))
            return false;
        store = std::make_unique<Store>(db);
        return true;
    }

    translate::TranslateSummary run(const translate::TranslationSettings &settings,
                                    const translate::TranslateRequest &request,
                                    const QString &key = {}, int timeoutMs = 30000)
    {
        translate::Translator translator(settings, FetchStorage::direct(*store));
        translator.setKey(key);
        QSignalSpy finished(&translator, &translate::Translator::finished);
        if (!translator.start(request)) {
            translate::TranslateSummary none;
            none.error = QStringLiteral("test: the translator did not start");
            return none;
        }
        if (!finished.wait(timeoutMs) || finished.isEmpty()) {
            translate::TranslateSummary none;
            none.error = QStringLiteral("test: the translation did not finish");
            return none;
        }
        return finished.takeFirst().at(0).value<translate::TranslateSummary>();
    }
};

inline QString describe(const translate::TranslateSummary &summary)
{
    QStringList lines;
    for (const translate::TranslateOutcome &o : summary.outcomes)
        lines.append(QStringLiteral("%1 %2 %3").arg(o.arxivId).arg(int(o.state)).arg(o.reason));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + summary.error;
}

} // namespace paperboy::test
