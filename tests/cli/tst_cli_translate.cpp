// `paperboy translate` as a user runs it, against fake DeepL, OpenAI-compatible and
// LibreTranslate servers on 127.0.0.1: exit codes, failed papers named on stderr, paper JSON's
// zh_source and translation, the user's own translation, and the key found nowhere on disk.

#include "fake_translators.h"
#include "translate_test_env.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "cli-secret-7a4d1e9b3c:fx";

QString idOf(int n)
{
    return englishPaper(n).arxivId;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestCliTranslate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void translatesADayAndNamesFailures();
    void keyIsFoundNowhere();
    void openAiAndLibreTranslate();
    void ownTranslationFromTheCommandLine();
    void nothingIsSentWithoutAChoice();
    void usageErrors_data();
    void usageErrors();

private:
    Run paperboy(const QStringList &arguments, const QByteArray &input = {},
                 const QByteArray &key = kKey);
    QString dbPath() const { return m_dir->filePath(u"data/paperboy/library.sqlite"_s); }
    bool seed(int count, const QList<int> &digestChinese = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliTranslate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"data/paperboy"_s));
    QVERIFY(QDir(m_dir->path()).mkpath(u"config"_s));
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

void TestCliTranslate::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

bool TestCliTranslate::seed(int count, const QList<int> &digestChinese)
{
    Database db;
    if (!db.open(dbPath()))
        return false;
    Store store(db);
    return seedDay(store, count, digestChinese);
}

Run TestCliTranslate::paperboy(const QStringList &arguments, const QByteArray &input,
                               const QByteArray &key)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERBOY_DB"_s, dbPath());
    // Settings and data of this test only; no desktop session, so no secret store.
    env.insert(u"HOME"_s, m_dir->path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"PAPERBOY_TRANSLATE_KEY"_s);
    if (!key.isEmpty())
        env.insert(u"PAPERBOY_TRANSLATE_KEY"_s, QString::fromLatin1(key));
    env.insert(u"PAPERBOY_TRANSLATE_BACKOFF_MS"_s, u"20"_s);
    env.insert(u"PAPERBOY_TRANSLATE_TIMEOUT_MS"_s, u"3000"_s);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    Run run;
    // The fake servers answer on this thread: wait with the event loop running.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestCliTranslate::translatesADayAndNamesFailures()
{
    QVERIFY(seed(4, {1}));
    QCOMPARE(paperboy({u"translate"_s, idOf(2), u"--set-title"_s, u"我自己的标题"_s}).exitCode, 0);
    FakeTranslator deepl(*m_server, FakeTranslator::DeepL, kKey);
    deepl.translate = [](const QString &text) {
        return text.contains(u"number 4"_s) ? u"I'm sorry, I can't translate that."_s
                                            : u"中文："_s + text;
    };
    deepl.install();
    const Run run = paperboy({u"translate"_s, u"--date"_s, u"2024-03-14"_s, u"--provider"_s,
                              u"deepl"_s, u"--base-url"_s, m_server->baseUrl(), u"--json"_s});
    QCOMPARE(run.exitCode, 1);
    // The failed paper is named on stderr with the reason.
    QVERIFY2(run.err.contains(idOf(4).toUtf8() + ": the answer is an apology"),
             run.err.constData());
    const QJsonObject summary = run.object();
    QCOMPARE(summary.value(u"ok"_s).toBool(), false);
    QCOMPARE(summary.value(u"provider"_s).toString(), u"deepl"_s);
    QCOMPARE(summary.value(u"translated"_s).toInt(), 1);
    QCOMPARE(summary.value(u"skipped"_s).toInt(), 2);
    QCOMPARE(summary.value(u"failed"_s).toInt(), 1);
    const QJsonArray papers = summary.value(u"papers"_s).toArray();
    QCOMPARE(papers.size(), 4);
    QCOMPARE(papers.at(0).toObject().value(u"state"_s).toString(), u"skipped"_s);
    QCOMPARE(papers.at(2).toObject().value(u"state"_s).toString(), u"translated"_s);
    // Papers 1 and 2 were never sent.
    const QString sent = deepl.received.first().join(u'\n');
    QVERIFY(!sent.contains(u"number 1 "_s) && !sent.contains(u"number 2 "_s));

    auto show = [this](int n) {
        return QJsonDocument::fromJson(paperboy({u"show"_s, idOf(n), u"--json"_s}).out).object();
    };
    QJsonObject paper = show(1);
    QCOMPARE(paper.value(u"zh_source"_s).toString(), u"digest"_s);
    QCOMPARE(paper.value(u"title_zh"_s).toString(), u"人工标题 1"_s);
    QVERIFY(paper.value(u"translation"_s).isNull());
    paper = show(2);
    QCOMPARE(paper.value(u"zh_source"_s).toString(), u"user"_s);
    QCOMPARE(paper.value(u"title_zh"_s).toString(), u"我自己的标题"_s);
    paper = show(3);
    QCOMPARE(paper.value(u"zh_source"_s).toString(), u"machine"_s);
    QCOMPARE(paper.value(u"title_zh"_s).toString(), u"中文："_s + englishPaper(3).title);
    const QJsonObject provenance = paper.value(u"translation"_s).toObject();
    QCOMPARE(provenance.value(u"provider"_s).toString(), u"deepl"_s);
    QVERIFY(provenance.value(u"model"_s).isNull());
    QVERIFY(QDateTime::fromString(provenance.value(u"created"_s).toString(), Qt::ISODateWithMs)
                .isValid());
    QCOMPARE(provenance.value(u"stale"_s).toBool(), false);
    paper = show(4);
    QVERIFY(paper.value(u"zh_source"_s).isNull());
    QVERIFY(paper.value(u"title_zh"_s).isNull());
    // The plain listing shows the Chinese beside the English.
    const Run list = paperboy({u"list"_s, u"--date"_s, u"2024-03-14"_s});
    QVERIFY(QString::fromUtf8(list.out).contains(u"中文：Sparse attention number 3"_s));

    // Once the failing paper translates, everything is done: exit 0, nothing sent twice.
    m_server->clearRoutes();
    FakeTranslator fixed(*m_server, FakeTranslator::DeepL, kKey);
    fixed.install();
    const Run again = paperboy({u"translate"_s, u"--date"_s, u"2024-03-14"_s, u"--provider"_s,
                                u"deepl"_s, u"--base-url"_s, m_server->baseUrl()});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(fixed.received.size(), 1);
    QCOMPARE(fixed.received.first().size(), 2); // paper 4's title and abstract only
}

void TestCliTranslate::keyIsFoundNowhere()
{
    QVERIFY(seed(2));
    FakeTranslator deepl(*m_server, FakeTranslator::DeepL, kKey);
    deepl.install();
    const QStringList translate = {u"translate"_s,     u"--date"_s, u"2024-03-14"_s,
                                   u"--provider"_s,    u"deepl"_s,  u"--base-url"_s,
                                   m_server->baseUrl()};
    Run run = paperboy(translate);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // A refused key: the server echoes it in its message, and we do not repeat it.
    const QByteArray wrong = "wrong-7c1f0e5d2a9b8e3f:fx";
    Run refused = paperboy(translate + QStringList{u"--force"_s, u"--json"_s}, {}, wrong);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("DeepL refused the key"));
    // A backup of the user data, and a search through everything written.
    QCOMPARE(paperboy({u"backup"_s, m_dir->filePath(u"data/backup.json"_s)}).exitCode, 0);
    QCOMPARE(paperboy({u"translate"_s, idOf(1), u"--set-title"_s, u"我的"_s}).exitCode, 0);
    for (const QByteArray &key : {kKey, wrong}) {
        for (const QByteArray &piece : {key, key.left(12), key.mid(6, 10)}) {
            QVERIFY(!refused.out.contains(piece) && !refused.err.contains(piece));
            QVERIFY(!run.out.contains(piece) && !run.err.contains(piece));
        }
        QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int searched = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(key) && !bytes.contains(key.left(16)),
                     qPrintable(file.fileName()));
            ++searched;
        }
        QVERIFY(searched >= 2); // the library file and the backup at least
    }
    QVERIFY(QFile::exists(dbPath()));
}

void TestCliTranslate::openAiAndLibreTranslate()
{
    QVERIFY(seed(2));
    FakeTranslator openai(*m_server, FakeTranslator::OpenAi);
    openai.install();
    Run run = paperboy({u"translate"_s, idOf(1), idOf(2), u"--provider"_s, u"openai"_s,
                        u"--base-url"_s, m_server->baseUrl(), u"--model"_s, u"qwen2.5:7b"_s},
                       {}, {});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(m_server->requests().first().header("Authorization").isEmpty()); // no key: none sent
    QJsonObject paper =
        QJsonDocument::fromJson(paperboy({u"show"_s, idOf(1), u"--json"_s}).out).object();
    QCOMPARE(paper.value(u"translation"_s).toObject().value(u"model"_s).toString(),
             u"qwen2.5:7b"_s);

    FakeTranslator libre(*m_server, FakeTranslator::Libre);
    libre.install();
    run = paperboy({u"translate"_s, idOf(1), u"--provider"_s, u"libretranslate"_s, u"--base-url"_s,
                    m_server->baseUrl(), u"--to"_s, u"zh-TW"_s, u"--json"_s},
                   {}, {});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.object().value(u"language"_s).toString(), u"zh-Hant"_s);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().last().body).object();
    QCOMPARE(body.value(u"target"_s).toString(), u"zt"_s);
}

void TestCliTranslate::ownTranslationFromTheCommandLine()
{
    QVERIFY(seed(1));
    Run run = paperboy({u"translate"_s, idOf(1), u"--set-abstract"_s, u"-"_s, u"--set-title"_s,
                        u"  我的标题 "_s, u"--json"_s},
                       "我的摘要，第一行\n第二行\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject paper = run.object();
    QCOMPARE(paper.value(u"zh_source"_s).toString(), u"user"_s);
    QCOMPARE(paper.value(u"title_zh"_s).toString(), u"我的标题"_s);
    QCOMPARE(paper.value(u"abstract_zh"_s).toString(), u"我的摘要，第一行\n第二行"_s);
    // A machine translation run skips it and sends nothing.
    FakeTranslator deepl(*m_server, FakeTranslator::DeepL, kKey);
    deepl.install();
    run = paperboy({u"translate"_s, idOf(1), u"--provider"_s, u"deepl"_s, u"--base-url"_s,
                    m_server->baseUrl()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("skipped (has the user's own translation)"));
    QCOMPARE(m_server->requestCount(), 0);
    // Cleared: the paper has no Chinese again, and may be translated.
    QCOMPARE(paperboy({u"translate"_s, idOf(1), u"--clear"_s}).exitCode, 0);
    paper = QJsonDocument::fromJson(paperboy({u"show"_s, idOf(1), u"--json"_s}).out).object();
    QVERIFY(paper.value(u"zh_source"_s).isNull());
    QCOMPARE(paperboy({u"translate"_s, u"9999.99999"_s, u"--set-title"_s, u"x"_s}).exitCode, 1);
}

void TestCliTranslate::nothingIsSentWithoutAChoice()
{
    QVERIFY(seed(1));
    FakeTranslator deepl(*m_server, FakeTranslator::DeepL, kKey);
    deepl.install();
    Run run = paperboy({u"translate"_s, idOf(1)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("no translation service chosen"));
    // DeepL without a key, and no secret store reachable: refused at once, nothing sent.
    QElapsedTimer clock;
    clock.start();
    run = paperboy({u"translate"_s, idOf(1), u"--provider"_s, u"deepl"_s, u"--base-url"_s,
                    m_server->baseUrl()},
                   {}, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("DeepL needs an API key"), run.err.constData());
    QVERIFY2(clock.elapsed() < 20000, "the secret store held the command up");
    QCOMPARE(m_server->requestCount(), 0);
}

void TestCliTranslate::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("neither") << QStringList{u"translate"_s, u"--provider"_s, u"deepl"_s}
                             << QByteArray("give paper ids or --date");
    QTest::newRow("both") << QStringList{u"translate"_s, u"2403.10001"_s, u"--date"_s,
                                         u"2024-03-14"_s}
                          << QByteArray("give paper ids or --date");
    QTest::newRow("bad date") << QStringList{u"translate"_s, u"--date"_s, u"14.3.2024"_s}
                              << QByteArray("--date wants YYYY-MM-DD");
    QTest::newRow("bad id") << QStringList{u"translate"_s, u"not-an-id"_s}
                            << QByteArray("is not an arXiv id");
    QTest::newRow("bad provider") << QStringList{u"translate"_s, u"2403.10001"_s, u"--provider"_s,
                                                 u"google"_s}
                                  << QByteArray("--provider is deepl, openai or libretranslate");
    QTest::newRow("bad language") << QStringList{u"translate"_s, u"2403.10001"_s, u"--to"_s,
                                                 u"Chinese!"_s}
                                  << QByteArray("--to wants a language code");
    QTest::newRow("own for two") << QStringList{u"translate"_s, u"2403.10001"_s, u"2403.10002"_s,
                                                u"--set-title"_s, u"x"_s}
                                 << QByteArray("exactly one paper id");
}

void TestCliTranslate::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run = paperboy(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliTranslate)
#include "tst_cli_translate.moc"
