// The translator against fake DeepL, OpenAI-compatible and LibreTranslate servers: the
// documented request shapes, what is never sent, provenance, math kept exactly, and every
// failure: answers that are no translation, wrong counts, 429/456/503 with Retry-After,
// refused keys, timeouts, and a batch that partly fails.

#include "translate/language.h"
#include "translate_test_env.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace paperboy::translate;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "deepl-secret-0123456789:fx";

QString idOf(int n)
{
    return englishPaper(n).arxivId;
}

} // namespace

class TestTranslator : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void deeplRequestAndStorage();
    void skipsHumanTranslationsAndNeverSendsThem();
    void keepsMathUrlsAndCodeExactly();
    void openAiRequestAndAnswers();
    void libreTranslateRequestAndAnswer();
    void endpointsFromTheServerRoot();
    void nothingSentWithoutAServiceOrKey();

    void rejectsAnswersThatAreNoTranslation_data();
    void rejectsAnswersThatAreNoTranslation();
    void wrongNumberOfTextsFailsTheBatch();
    void retriesAfter429And503();
    void quotaExceededStopsTheRun();
    void quotaWithRetryAfterIsRetried();
    void refusedKeyStopsAndIsNeverRepeated();
    void timeoutFailsThePapers();
    void partlyFailedRunStoresTheGoodBatches();
    void currentTranslationsAreKeptUnlessForced();
    void dryRunSendsNothing();

private:
    std::unique_ptr<TranslateTestEnv> m_env;
};

void TestTranslator::init()
{
    m_env = std::make_unique<TranslateTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestTranslator::deeplRequestAndStorage()
{
    QVERIFY(seedDay(*m_env->store, 3));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL, kKey);
    deepl.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const TranslateSummary summary =
        m_env->run(settings, TranslateRequest::day(kTranslateDay), QString::fromLatin1(kKey));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.count(PaperOutcome::Translated), 3);
    QCOMPARE(summary.plan.requests, 1); // 6 texts fit one request of up to 50

    const QList<RecordedRequest> requests = m_env->server.requests();
    QCOMPARE(requests.size(), 1);
    const RecordedRequest &r = requests.first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, u"/v2/translate"_s);
    QCOMPARE(r.header("Authorization"), "DeepL-Auth-Key " + kKey);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"target_lang"_s).toString(), u"ZH-HANS"_s);
    QCOMPARE(body.value(u"source_lang"_s).toString(), u"EN"_s);
    QCOMPARE(body.value(u"tag_handling"_s).toString(), u"xml"_s);
    QCOMPARE(body.value(u"ignore_tags"_s).toArray(), QJsonArray{u"x"_s});
    QCOMPARE(body.value(u"text"_s).toArray().size(), 6);
    QVERIFY(!r.target.contains("auth")); // the key never goes into the URL

    const std::optional<PaperView> view = m_env->store->paperView(idOf(2));
    QVERIFY(view);
    const MachineTranslation &m = view->machineTranslation;
    QCOMPARE(m.provider, u"deepl"_s);
    QVERIFY(m.model.isEmpty());
    QVERIFY(!m.stale);
    QVERIFY(m.created >= before);
    QCOMPARE(m.sourceHash, sourceHash(view->paper.title, view->paper.abstract));
    const ShownTranslation shown = shownTranslation(*view);
    QCOMPARE(shown.source(), TranslationSource::Machine);
    QCOMPARE(shown.title, u"中文："_s + englishPaper(2).title);
}

void TestTranslator::skipsHumanTranslationsAndNeverSendsThem()
{
    QVERIFY(seedDay(*m_env->store, 4, {1}));
    QVERIFY(m_env->store->setUserTranslation(idOf(2), u"zh"_s, u"我自己的标题"_s, {}));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL, kKey);
    deepl.install();
    const TranslateSummary summary =
        m_env->run(fastTranslationSettings(m_env->server, Provider::DeepL),
                   TranslateRequest::day(kTranslateDay), QString::fromLatin1(kKey));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.count(PaperOutcome::Translated), 2);
    QCOMPARE(summary.count(PaperOutcome::Skipped), 2);
    QCOMPARE(summary.outcomes.at(0).reason, u"has a digest's translation"_s);
    QCOMPARE(summary.outcomes.at(1).reason, u"has the user's own translation"_s);
    // Nothing of papers 1 and 2 left the machine.
    QCOMPARE(deepl.received.size(), 1);
    const QString sent = deepl.received.first().join(u'\n');
    QVERIFY(!sent.contains(u"number 1 "_s));
    QVERIFY(!sent.contains(u"number 2 "_s));
    QVERIFY(sent.contains(u"number 3 "_s));
    // Their Chinese is what a person wrote.
    QCOMPARE(shownTranslation(*m_env->store->paperView(idOf(1))).title, u"人工标题 1"_s);
    QCOMPARE(shownTranslation(*m_env->store->paperView(idOf(2))).title, u"我自己的标题"_s);
    QVERIFY(m_env->store->paperView(idOf(2))->machineTranslation.isEmpty());
}

void TestTranslator::keepsMathUrlsAndCodeExactly()
{
    QVERIFY(seedDay(*m_env->store, 1));
    for (const Provider provider : {Provider::DeepL, Provider::OpenAi, Provider::LibreTranslate}) {
        m_env->server.clearRoutes();
        FakeTranslator fake(m_env->server, provider == Provider::DeepL    ? FakeTranslator::DeepL
                                           : provider == Provider::OpenAi ? FakeTranslator::OpenAi
                                                                          : FakeTranslator::Libre);
        // A service that rewrites everything it may: each marker survives, the rest is
        // "translated" and the order moves.
        fake.translate = [](const QString &text) {
            QStringList markers;
            static const QRegularExpression marker(u"<x i=\"\\d+\">.*?</x>|\\[\\[\\d+\\]\\]"_s);
            QRegularExpressionMatchIterator it = marker.globalMatch(text);
            while (it.hasNext())
                markers.prepend(it.next().captured(0)); // reversed
            return u"译文 "_s + markers.join(u" 和 "_s) + u" 完"_s;
        };
        fake.install();
        TranslateRequest request = TranslateRequest::papers({idOf(1)});
        request.force = true;
        const TranslateSummary summary =
            m_env->run(fastTranslationSettings(m_env->server, provider), request, u"k"_s);
        QVERIFY2(summary.ok(), qPrintable(providerName(provider) + describe(summary)));
        const MachineTranslation m = m_env->store->paperView(idOf(1))->machineTranslation;
        QCOMPARE(m.title, u"译文 $O(n \\log n)$ 完"_s);
        QCOMPARE(m.abstract, u"译文 `make test` 和 https://github.com/example/p1 和 "
                             "$\\|A\\|_F \\le \\sqrt{k}$ 完"_s);
    }
}

void TestTranslator::openAiRequestAndAnswers()
{
    QVERIFY(seedDay(*m_env->store, 2));
    FakeTranslator openai(m_env->server, FakeTranslator::OpenAi, "sk-test-abcdef123456");
    // The second request's answer comes in a code fence after a reasoning block.
    openai.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::OpenAi);
    settings.batchTexts = 2; // one paper per request
    const TranslateSummary summary =
        m_env->run(settings, TranslateRequest::day(kTranslateDay), u"sk-test-abcdef123456"_s);
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.requests, 2);
    const RecordedRequest r = m_env->server.requests().first();
    QCOMPARE(r.path, u"/v1/chat/completions"_s);
    QCOMPARE(r.header("Authorization"), QByteArray("Bearer sk-test-abcdef123456"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"model"_s).toString(), u"qwen2.5:7b"_s);
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
    const QString prompt = messages.at(0).toObject().value(u"content"_s).toString();
    QVERIFY(prompt.contains(u"Simplified Chinese"_s));
    QVERIFY(prompt.contains(u"[[1]]"_s));
    QVERIFY(prompt.contains(u"JSON array"_s));
    const MachineTranslation m = m_env->store->paperView(idOf(1))->machineTranslation;
    QCOMPARE(m.provider, u"openai"_s);
    QCOMPARE(m.model, u"qwen2.5:7b"_s);

    // Answers wrapped as models like to wrap them are still read.
    const QStringList zh{u"中文标题 [[1]]"_s, u"中文摘要 [[1]] [[2]] [[3]]"_s};
    const QString array = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(zh)).toJson(QJsonDocument::Compact));
    for (const QString &content :
         {u"```json\n"_s + array + u"\n```"_s, u"<think>first the terms</think>\n"_s + array,
          u"{\"translations\": "_s + array + u"}"_s}) {
        m_env->server.clearRoutes();
        FakeTranslator wrapped(m_env->server, FakeTranslator::OpenAi);
        wrapped.scripted = {FakeTranslator::chatAnswer(content)};
        wrapped.install();
        TranslateRequest request = TranslateRequest::papers({idOf(1)});
        request.force = true;
        const TranslateSummary again = m_env->run(settings, request);
        QVERIFY2(again.ok(), qPrintable(content + describe(again)));
        QCOMPARE(m_env->store->paperView(idOf(1))->machineTranslation.title,
                 u"中文标题 $O(n \\log n)$"_s);
    }
}

void TestTranslator::libreTranslateRequestAndAnswer()
{
    QVERIFY(seedDay(*m_env->store, 2));
    FakeTranslator libre(m_env->server, FakeTranslator::Libre, "lt-key-987654");
    libre.install();
    const TranslateSummary summary =
        m_env->run(fastTranslationSettings(m_env->server, Provider::LibreTranslate),
                   TranslateRequest::day(kTranslateDay), u"lt-key-987654"_s);
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    const RecordedRequest r = m_env->server.requests().first();
    QCOMPARE(r.path, u"/translate"_s);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"q"_s).toArray().size(), 4);
    QCOMPARE(body.value(u"source"_s).toString(), u"en"_s);
    QCOMPARE(body.value(u"target"_s).toString(), u"zh"_s);
    QCOMPARE(body.value(u"format"_s).toString(), u"text"_s);
    QCOMPARE(body.value(u"api_key"_s).toString(), u"lt-key-987654"_s);
    QCOMPARE(m_env->store->paperView(idOf(2))->machineTranslation.provider, u"libretranslate"_s);
}

void TestTranslator::endpointsFromTheServerRoot()
{
    TranslationSettings s;
    QString error;
    s.provider = Provider::DeepL;
    QCOMPARE(s.endpoint(u"abc:fx"_s, &error), QUrl(u"https://api-free.deepl.com/v2/translate"_s));
    QCOMPARE(s.endpoint(u"abc"_s, &error), QUrl(u"https://api.deepl.com/v2/translate"_s));
    s.provider = Provider::OpenAi;
    QCOMPARE(s.endpoint({}, &error), QUrl(u"https://api.openai.com/v1/chat/completions"_s));
    s.baseUrl = u"http://localhost:11434/v1/"_s; // Ollama's documented base, /v1 included
    QCOMPARE(s.endpoint({}, &error), QUrl(u"http://localhost:11434/v1/chat/completions"_s));
    s.baseUrl = u"https://api.deepseek.com"_s;
    QCOMPARE(s.endpoint({}, &error), QUrl(u"https://api.deepseek.com/v1/chat/completions"_s));
    s.provider = Provider::LibreTranslate;
    s.baseUrl.clear();
    QVERIFY(!s.endpoint({}, &error).isValid());
    QVERIFY(error.contains(u"--base-url"_s));
    s.baseUrl = u"http://lt.local:5000/"_s;
    QCOMPARE(s.endpoint({}, &error), QUrl(u"http://lt.local:5000/translate"_s));
    s.baseUrl = u"ftp://x"_s;
    QVERIFY(!s.endpoint({}, &error).isValid());
}

void TestTranslator::nothingSentWithoutAServiceOrKey()
{
    QVERIFY(seedDay(*m_env->store, 1));
    Translator translator(TranslationSettings(), FetchStorage::direct(*m_env->store));
    QSignalSpy errors(&translator, &Translator::error);
    QVERIFY(!translator.start(TranslateRequest::day(kTranslateDay)));
    QVERIFY(errors.takeFirst().at(0).toString().contains(u"no translation service"_s));
    translator.setSettings(fastTranslationSettings(m_env->server, Provider::DeepL));
    QVERIFY(!translator.start(TranslateRequest::day(kTranslateDay)));
    QVERIFY(errors.takeFirst().at(0).toString().contains(u"DeepL needs an API key"_s));
    TranslationSettings openai = fastTranslationSettings(m_env->server, Provider::OpenAi);
    openai.model.clear();
    translator.setSettings(openai);
    QVERIFY(!translator.start(TranslateRequest::day(kTranslateDay)));
    QVERIFY(errors.takeFirst().at(0).toString().contains(u"model"_s));
    QCOMPARE(m_env->server.requestCount(), 0);
}

void TestTranslator::rejectsAnswersThatAreNoTranslation_data()
{
    QTest::addColumn<QString>("answer"); // for paper 2's abstract; everything else is fine
    QTest::addColumn<QString>("reason");
    QTest::newRow("no chinese") << u"Nous étudions l'attention [[1]] [[2]] [[3]]"_s
                                << u"no Chinese characters"_s;
    QTest::newRow("echo") << u"ECHO"_s << u"unchanged"_s;
    QTest::newRow("apology") << u"I'm sorry, I cannot translate this."_s << u"apology"_s;
    QTest::newRow("apology zh") << u"抱歉，我无法完成这个翻译。"_s << u"apology"_s;
    QTest::newRow("empty") << u""_s << u"empty"_s;
    QTest::newRow("lost math") << u"我们研究长输入的注意力 [[2]] [[3]]"_s << u"lost"_s;
}

void TestTranslator::rejectsAnswersThatAreNoTranslation()
{
    QFETCH(QString, answer);
    QFETCH(QString, reason);
    QVERIFY(seedDay(*m_env->store, 2));
    FakeTranslator openai(m_env->server, FakeTranslator::OpenAi);
    int abstracts = 0; // one paper per request: the second abstract is paper 2's
    openai.translate = [&abstracts, answer](const QString &text) {
        if (!text.startsWith(u"We study"_s) || ++abstracts < 2)
            return u"中文："_s + text;
        return answer == u"ECHO"_s ? text : answer;
    };
    openai.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::OpenAi);
    settings.batchTexts = 2;
    const TranslateSummary summary = m_env->run(settings, TranslateRequest::day(kTranslateDay));
    QVERIFY(!summary.ok());
    QCOMPARE(summary.count(PaperOutcome::Failed), 1);
    const TranslateOutcome failed = summary.outcomes.at(1);
    QCOMPARE(failed.arxivId, idOf(2));
    QCOMPARE(failed.state, PaperOutcome::Failed);
    QVERIFY2(failed.reason.contains(reason), qPrintable(failed.reason));
    // Not stored, not even its good title: a paper is stored whole or not at all.
    QVERIFY(m_env->store->paperView(idOf(2))->machineTranslation.isEmpty());
    QVERIFY(!m_env->store->paperView(idOf(1))->machineTranslation.isEmpty());
}

void TestTranslator::wrongNumberOfTextsFailsTheBatch()
{
    QVERIFY(seedDay(*m_env->store, 3));
    for (const FakeTranslator::Kind kind :
         {FakeTranslator::DeepL, FakeTranslator::OpenAi, FakeTranslator::Libre}) {
        m_env->server.clearRoutes();
        FakeTranslator fake(m_env->server, kind);
        fake.scripted = {fake.answerWith({u"只有一个"_s})};
        fake.install();
        const Provider provider = kind == FakeTranslator::DeepL    ? Provider::DeepL
                                  : kind == FakeTranslator::OpenAi ? Provider::OpenAi
                                                                   : Provider::LibreTranslate;
        TranslationSettings settings = fastTranslationSettings(m_env->server, provider);
        settings.batchTexts = 50;
        const TranslateSummary summary =
            m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s);
        QCOMPARE(summary.count(PaperOutcome::Failed), 3);
        QVERIFY2(summary.outcomes.first().reason.contains(u"1 translations for 6 texts"_s),
                 qPrintable(describe(summary)));
        for (int n = 1; n <= 3; ++n)
            QVERIFY(m_env->store->paperView(idOf(n))->machineTranslation.isEmpty());
    }
}

void TestTranslator::retriesAfter429And503()
{
    QVERIFY(seedDay(*m_env->store, 2));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.scripted = {FakeTranslator::json(429, {{u"message"_s, u"Too many requests"_s}})
                          .header("Retry-After", "1"),
                      FakeTranslator::json(503, {{u"message"_s, u"Service unavailable"_s}})
                          .header("Retry-After", "1")};
    deepl.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    QElapsedTimer clock;
    clock.start();
    const TranslateSummary summary =
        m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s);
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.retries, 2);
    QCOMPARE(m_env->server.requestCount(), 3);
    // Retry-After: 1 means a second, each time.
    for (const qint64 gap : m_env->server.arrivalGaps())
        QVERIFY2(gap >= 900, qPrintable(QString::number(gap)));
}

void TestTranslator::quotaExceededStopsTheRun()
{
    QVERIFY(seedDay(*m_env->store, 4));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.scripted = {deepl.answerWith({u"中文 <x i=\"1\"/>"_s,
                                        u"中文摘要 <x i=\"1\"/> <x i=\"2\"/> <x i=\"3\"/>"_s}),
                      FakeTranslator::json(456, {{u"message"_s, u"Quota Exceeded"_s}})};
    deepl.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    settings.batchTexts = 2;
    const TranslateSummary summary =
        m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s);
    QCOMPARE(summary.count(PaperOutcome::Translated), 1);
    QCOMPARE(summary.count(PaperOutcome::Failed), 3);
    QVERIFY(summary.outcomes.at(1).reason.contains(u"quota"_s));
    QVERIFY(summary.outcomes.at(2).reason.startsWith(u"not sent"_s));
    // The quota answer was not retried and nothing was sent after it.
    QCOMPARE(m_env->server.requestCount(), 2);
}

void TestTranslator::quotaWithRetryAfterIsRetried()
{
    QVERIFY(seedDay(*m_env->store, 1));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.scripted = {FakeTranslator::json(456, {{u"message"_s, u"Quota Exceeded"_s}})
                          .header("Retry-After", "1")};
    deepl.install();
    const TranslateSummary summary =
        m_env->run(fastTranslationSettings(m_env->server, Provider::DeepL),
                   TranslateRequest::day(kTranslateDay), u"k"_s);
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(m_env->server.requestCount(), 2);
}

void TestTranslator::refusedKeyStopsAndIsNeverRepeated()
{
    QVERIFY(seedDay(*m_env->store, 3));
    const QString wrong = u"wrong-key-5f8e2a9c7b:fx"_s;
    for (const FakeTranslator::Kind kind :
         {FakeTranslator::DeepL, FakeTranslator::OpenAi, FakeTranslator::Libre}) {
        m_env->server.clearRoutes();
        m_env->server.clearRequests();
        FakeTranslator fake(m_env->server, kind, "the-right-key");
        fake.install();
        const Provider provider = kind == FakeTranslator::DeepL    ? Provider::DeepL
                                  : kind == FakeTranslator::OpenAi ? Provider::OpenAi
                                                                   : Provider::LibreTranslate;
        TranslationSettings settings = fastTranslationSettings(m_env->server, provider);
        settings.batchTexts = 2;
        const TranslateSummary summary =
            m_env->run(settings, TranslateRequest::day(kTranslateDay), wrong);
        QCOMPARE(summary.count(PaperOutcome::Failed), 3);
        QCOMPARE(m_env->server.requestCount(), 1); // the rest were not sent
        // The fake echoed the key in its error; no message repeats it or a piece of it.
        for (const TranslateOutcome &o : summary.outcomes) {
            QVERIFY2(!o.reason.contains(u"5f8e2a"_s) && !o.reason.contains(wrong),
                     qPrintable(o.reason));
            QVERIFY(!o.reason.isEmpty());
        }
    }
}

void TestTranslator::timeoutFailsThePapers()
{
    QVERIFY(seedDay(*m_env->store, 1));
    FakeTranslator libre(m_env->server, FakeTranslator::Libre);
    libre.delayMs = 2000;
    libre.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::LibreTranslate);
    settings.requestTimeoutMs = 300;
    settings.politeness.maxTries = 2;
    const TranslateSummary summary = m_env->run(settings, TranslateRequest::day(kTranslateDay));
    QCOMPARE(summary.count(PaperOutcome::Failed), 1);
    QVERIFY2(summary.outcomes.first().reason.contains(u"timed out"_s),
             qPrintable(describe(summary)));
    QCOMPARE(m_env->server.requestCount(), 2); // retried once, then given up
    QVERIFY(m_env->store->paperView(idOf(1))->machineTranslation.isEmpty());
}

void TestTranslator::partlyFailedRunStoresTheGoodBatches()
{
    QVERIFY(seedDay(*m_env->store, 3));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.scripted = {deepl.answerWith({u"中文一 <x i=\"1\"/>"_s,
                                        u"摘要一 <x i=\"1\"/> <x i=\"2\"/> <x i=\"3\"/>"_s}),
                      FakeTranslator::json(500, {{u"message"_s, u"Internal error"_s}}),
                      FakeTranslator::json(500, {{u"message"_s, u"Internal error"_s}}),
                      FakeTranslator::json(500, {{u"message"_s, u"Internal error"_s}})};
    deepl.install();
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    settings.batchTexts = 2;
    const TranslateSummary summary =
        m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.outcomes.at(0).state, PaperOutcome::Translated);
    QCOMPARE(summary.outcomes.at(1).state, PaperOutcome::Failed);
    QVERIFY2(summary.outcomes.at(1).reason.contains(u"HTTP 500"_s), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.at(2).state, PaperOutcome::Translated);
    QCOMPARE(m_env->store->paperView(idOf(1))->machineTranslation.title,
             u"中文一 $O(n \\log n)$"_s);
    QVERIFY(m_env->store->paperView(idOf(2))->machineTranslation.isEmpty());
}

void TestTranslator::currentTranslationsAreKeptUnlessForced()
{
    QVERIFY(seedDay(*m_env->store, 2));
    FakeTranslator deepl(m_env->server, FakeTranslator::DeepL);
    deepl.install();
    const TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    QVERIFY(m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s).ok());
    QCOMPARE(m_env->server.requestCount(), 1);
    TranslateSummary again = m_env->run(settings, TranslateRequest::day(kTranslateDay), u"k"_s);
    QVERIFY(again.ok());
    QCOMPARE(again.count(PaperOutcome::Skipped), 2);
    QVERIFY(again.outcomes.first().reason.startsWith(u"already translated (deepl)"_s));
    QCOMPARE(m_env->server.requestCount(), 1);
    TranslateRequest forced = TranslateRequest::day(kTranslateDay);
    forced.force = true;
    again = m_env->run(settings, forced, u"k"_s);
    QCOMPARE(again.count(PaperOutcome::Translated), 2);
    QCOMPARE(m_env->server.requestCount(), 2);
}

void TestTranslator::dryRunSendsNothing()
{
    QVERIFY(seedDay(*m_env->store, 5, {5}));
    TranslationSettings settings = fastTranslationSettings(m_env->server, Provider::DeepL);
    settings.batchTexts = 4;
    Translator translator(settings, FetchStorage::direct(*m_env->store));
    translator.setKey(u"k"_s);
    QSignalSpy planned(&translator, &Translator::planned);
    QSignalSpy finished(&translator, &Translator::finished);
    TranslateRequest request = TranslateRequest::day(kTranslateDay);
    request.dryRun = true;
    QVERIFY(translator.start(request));
    QVERIFY(finished.wait(5000));
    const TranslatePlan plan = planned.takeFirst().at(0).value<TranslatePlan>();
    QCOMPARE(plan.papers, 4);
    QCOMPARE(plan.skipped, 1);
    QCOMPARE(plan.requests, 2); // two papers (four texts) per request
    QVERIFY(plan.characters > 4 * 150);
    QCOMPARE(m_env->server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestTranslator)
#include "tst_translator.moc"
