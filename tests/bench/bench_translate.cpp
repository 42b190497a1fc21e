// Translating a day of papers (issue #17): 400 papers through a DeepL-shaped loopback
// provider (tests/support/fake_translators.h) that answers each request of up to 50 texts
// after 200 ms, stored as machine translations. The target: under 5 s plus the
// provider's own limits. Measured on a fresh library in the work folder.

#include "bench_measure.h"
#include "fake_translators.h"
#include "store/database.h"
#include "store/store.h"
#include "translate/translator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>

#include <ctime>

namespace paperboy::bench {

namespace {

constexpr int kPapers = 400;
constexpr int kAnswerMs = 200;

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

// An abstract of about 1,300 characters with inline math and a URL, like arXiv's.
QString abstractFor(int n)
{
    QString text = QStringLiteral("We study sparse attention for long sequences of length $n$ "
                                  "and show a bound of $O(n \\log n)$ for paper %1. ")
                       .arg(n);
    while (text.size() < 1250)
        text += QStringLiteral("Our method improves accuracy on standard benchmarks while "
                               "reducing memory by a factor of $k$. ");
    return text + QStringLiteral("Code: https://github.com/example/p%1.").arg(n);
}

bool seed(Store &store, const QDate &day)
{
    Digest digest;
    digest.date = day;
    digest.source = QStringLiteral("arxiv-api");
    digest.category = QStringLiteral("cs.CV");
    for (int n = 1; n <= kPapers; ++n) {
        DigestEntry entry;
        entry.paper.arxivId = QStringLiteral("2501.%1").arg(10000 + n);
        entry.paper.title = QStringLiteral("Efficient transformers number %1 for vision").arg(n);
        entry.paper.abstract = abstractFor(n);
        entry.paper.categories = {QStringLiteral("cs.CV")};
        entry.position = n;
        digest.entries.append(entry);
    }
    return store.saveDigests({digest});
}

} // namespace

QList<Figure> measureTranslate(const Settings &settings)
{
    const QString path = QDir(settings.workDir).filePath(QStringLiteral("translate.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    Database db;
    if (!db.open(path))
        return {};
    Store store(db);
    const QDate day(2025, 1, 15);
    if (!seed(store, day))
        return {};
    test::TestHttpServer server;
    if (!server.listen())
        return {};
    test::FakeTranslator deepl(server, test::FakeTranslator::DeepL, "bench-key");
    deepl.delayMs = kAnswerMs;
    deepl.install();

    translate::TranslationSettings ts;
    ts.provider = translate::Provider::DeepL;
    ts.baseUrl = server.baseUrl();
    std::vector<double> wall;
    std::vector<double> cpu;
    translate::TranslateSummary last;
    for (int run = 0; run < settings.runs; ++run) {
        translate::Translator translator(ts, FetchStorage::direct(store));
        translator.setKey(QStringLiteral("bench-key"));
        QEventLoop loop;
        QObject::connect(&translator, &translate::Translator::finished, &loop,
                         [&loop, &last](const translate::TranslateSummary &summary) {
                             last = summary;
                             loop.quit();
                         });
        translate::TranslateRequest request = translate::TranslateRequest::day(day);
        request.force = true; // every run sends the whole day again
        QElapsedTimer timer;
        const double cpuStart = cpuMs();
        timer.start();
        if (!translator.start(request))
            return {};
        loop.exec();
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs() - cpuStart);
        if (last.count(translate::PaperOutcome::Translated) != kPapers) {
            std::fprintf(stderr, "   translate: only %d of %d papers translated\n",
                         last.count(translate::PaperOutcome::Translated), kPapers);
            return {};
        }
    }
    Figure figure;
    figure.key = QStringLiteral("translate_day_400");
    figure.label = QStringLiteral("translate a day of 400 papers (loopback, 50 texts / 200 ms)");
    figure.value = median(wall) / 1000.0;
    figure.unit = QStringLiteral("s");
    figure.target = QStringLiteral("< 5 s");
    figure.met = figure.value < 5.0;
    QJsonObject detail = summary(wall);
    detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
    detail.insert(QStringLiteral("requests"), last.plan.requests);
    detail.insert(QStringLiteral("characters"), double(last.plan.characters));
    detail.insert(QStringLiteral("provider_wait_ms"), last.plan.requests * kAnswerMs);
    figure.detail = detail;
    return {figure};
}

} // namespace paperboy::bench
