// `paperboy translate`: machine translations of papers' titles and abstracts through DeepL,
// an OpenAI-compatible server or LibreTranslate, and the user's own translation of a paper
// (--set-title / --set-abstract). Progress on stderr; each failed paper named there too.

#include "cli/cli_context.h"
#include "cli/paper_json.h"
#include "cli/progress_printer.h"
#include "translate/language.h"
#include "translate/secret_store.h"
#include "translate/translator.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

namespace paperboy {

using namespace Qt::StringLiterals;
using namespace paperboy::translate;

namespace {

constexpr char kPrefix[] = "paperboy translate";

int usage(const QString &message)
{
    CliContext::err(u"%1: %2"_s.arg(QLatin1String(kPrefix), message));
    return CliContext::kUsage;
}

QString outcomeName(PaperOutcome state)
{
    switch (state) {
    case PaperOutcome::Translated:
        return u"translated"_s;
    case PaperOutcome::Skipped:
        return u"skipped"_s;
    case PaperOutcome::Failed:
        break;
    }
    return u"failed"_s;
}

// "-" reads standard input (once: only one of the two may use it).
bool readText(const QString &value, QString *text)
{
    if (value != u"-"_s) {
        *text = value;
        return true;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return false;
    *text = QString::fromUtf8(input.readAll());
    while (text->endsWith(u'\n'))
        text->chop(1);
    return true;
}

// --set-title / --set-abstract / --clear: the user's own translation, user data.
int setOwnTranslation(CliContext &ctx, const QString &id, const QString &language)
{
    const bool clear = ctx.flag(u"--clear"_s);
    if (clear && (ctx.flag(u"--set-title"_s) || ctx.flag(u"--set-abstract"_s)))
        return usage(u"--clear removes your translation; do not also set one"_s);
    if (ctx.value(u"--set-title"_s) == u"-"_s && ctx.value(u"--set-abstract"_s) == u"-"_s)
        return usage(u"only one of --set-title and --set-abstract can read standard input"_s);
    if (!ctx.openStore())
        return CliContext::kError;
    if (!ctx.store().hasPaper(id)) {
        CliContext::err(u"%1: %2 is not in the library"_s.arg(QLatin1String(kPrefix), id));
        return CliContext::kError;
    }
    const std::optional<UserTranslation> before = ctx.store().userTranslation(id, language);
    QString title = before ? before->title : QString();
    QString abstract = before ? before->abstract : QString();
    if (clear) {
        title.clear();
        abstract.clear();
    }
    if ((ctx.flag(u"--set-title"_s) && !readText(ctx.value(u"--set-title"_s), &title)) ||
        (ctx.flag(u"--set-abstract"_s) && !readText(ctx.value(u"--set-abstract"_s), &abstract))) {
        CliContext::err(u"%1: cannot read standard input"_s.arg(QLatin1String(kPrefix)));
        return CliContext::kError;
    }
    if (!ctx.store().setUserTranslation(id, language, title.trimmed(), abstract.trimmed())) {
        CliContext::err(u"%1: %2"_s.arg(QLatin1String(kPrefix), ctx.store().lastError()));
        return CliContext::kError;
    }
    if (ctx.json())
        CliContext::printJson(ctx.paperJson(*ctx.store().paperView(id)));
    return CliContext::kOk;
}

QJsonObject summaryToJson(const TranslateSummary &summary, const TranslationSettings &settings,
                          const QString &language)
{
    QJsonArray papers;
    for (const TranslateOutcome &o : summary.outcomes)
        papers.append(QJsonObject{{u"id"_s, o.arxivId},
                                  {u"state"_s, outcomeName(o.state)},
                                  {u"reason"_s, o.reason.isEmpty() ? QJsonValue() : o.reason}});
    return {{u"ok"_s, summary.ok()},
            {u"provider"_s, providerName(settings.provider)},
            {u"model"_s,
             settings.provider == Provider::OpenAi ? QJsonValue(settings.model) : QJsonValue()},
            {u"language"_s, language},
            {u"translated"_s, summary.count(PaperOutcome::Translated)},
            {u"skipped"_s, summary.count(PaperOutcome::Skipped)},
            {u"failed"_s, summary.count(PaperOutcome::Failed)},
            {u"requests"_s, summary.requests},
            {u"retries"_s, summary.retries},
            {u"characters"_s, summary.plan.characters},
            {u"cancelled"_s, summary.cancelled},
            {u"error"_s, summary.error.isEmpty() ? QJsonValue() : summary.error},
            {u"papers"_s, papers}};
}

int translateCommand(CliContext &ctx)
{
    // Which papers.
    QStringList ids;
    for (const QString &text : std::as_const(ctx.positionals)) {
        QString id;
        int version = 0;
        if (!parseArxivId(text, &id, &version))
            return usage(u"'%1' is not an arXiv id"_s.arg(text));
        ids.append(id);
    }
    QDate date;
    if (ctx.flag(u"--date"_s)) {
        date = QDate::fromString(ctx.value(u"--date"_s), Qt::ISODate);
        if (!date.isValid())
            return usage(u"--date wants YYYY-MM-DD, not '%1'"_s.arg(ctx.value(u"--date"_s)));
    }
    if (ids.isEmpty() == !date.isValid())
        return usage(u"give paper ids or --date YYYY-MM-DD"_s);

    // Which service: the saved choice, then the options.
    TranslationSettings settings = loadTranslationSettings(QSettings());
    if (ctx.flag(u"--provider"_s)) {
        const std::optional<Provider> provider = providerFromName(ctx.value(u"--provider"_s));
        if (!provider || *provider == Provider::None)
            return usage(u"--provider is deepl, openai or libretranslate, not '%1'"_s.arg(
                ctx.value(u"--provider"_s)));
        if (*provider != settings.provider) { // another service: none of the saved details
            settings = TranslationSettings();
            settings.provider = *provider;
        }
    }
    if (ctx.flag(u"--base-url"_s))
        settings.baseUrl = ctx.value(u"--base-url"_s);
    if (ctx.flag(u"--model"_s))
        settings.model = ctx.value(u"--model"_s);
    if (ctx.flag(u"--to"_s))
        settings.targetLanguage = ctx.value(u"--to"_s);
    const QString language = libraryLanguage(settings.targetLanguage);
    if (language.isEmpty())
        return usage(u"--to wants a language code like zh-CN, zh-TW or ja, not '%1'"_s.arg(
            settings.targetLanguage));

    const bool setsOwn =
        ctx.flag(u"--set-title"_s) || ctx.flag(u"--set-abstract"_s) || ctx.flag(u"--clear"_s);
    if (setsOwn) {
        if (ids.size() != 1)
            return usage(u"--set-title, --set-abstract and --clear take exactly one paper id"_s);
        return setOwnTranslation(ctx, ids.first(), language);
    }
    if (settings.provider == Provider::None)
        return usage(u"no translation service chosen: --provider deepl|openai|libretranslate "
                     "(or choose one in Preferences)"_s);
    settings.applyTestEnvironment();

    if (!ctx.openStore())
        return CliContext::kError;
    if (ctx.database().isReadOnly()) {
        CliContext::err(u"%1: nothing translated: %2 is open read-only"_s.arg(
            QLatin1String(kPrefix), ctx.databasePath));
        return CliContext::kError;
    }

    // The key: PAPERBOY_TRANSLATE_KEY, else the secret store. Held in memory for this run.
    QEventLoop loop;
    QString key;
    QString keyProblem;
    QObject keyContext;
    findTranslationKey(settings.provider, &keyContext,
                       [&](const QString &found, const QString &problem) {
                           key = found;
                           keyProblem = problem;
                           loop.quit();
                       });
    loop.exec();
    if (key.isEmpty() && settings.provider == Provider::DeepL) {
        CliContext::err(
            u"%1: DeepL needs an API key: set PAPERBOY_TRANSLATE_KEY or save one in "
            "Preferences%2"_s.arg(QLatin1String(kPrefix),
                                  keyProblem.isEmpty() ? QString() : u" (%1)"_s.arg(keyProblem)));
        return CliContext::kError;
    }

    Translator translator(settings, FetchStorage::direct(ctx.store()));
    translator.setKey(key);
    key.clear();
    ProgressPrinter printer{QString::fromLatin1(kPrefix)};
    TranslateSummary summary;
    bool started = false;
    QObject::connect(&translator, &Translator::planned, &loop, [&printer](const TranslatePlan &p) {
        if (p.papers > 0)
            printer.message(
                u"%1 papers, %2 characters in %3 requests%4"_s.arg(p.papers)
                    .arg(p.characters)
                    .arg(p.requests)
                    .arg(p.skipped > 0 ? u" (%1 skipped)"_s.arg(p.skipped) : QString()));
    });
    QObject::connect(&translator, &Translator::progress, &loop,
                     [&printer](int done, int total, const QString &text) {
                         printer.progress(done, total, text);
                     });
    QObject::connect(&translator, &Translator::error, &loop,
                     [&printer](const QString &text) { printer.message(text); });
    QObject::connect(&translator, &Translator::finished, &loop,
                     [&summary, &loop](const TranslateSummary &result) {
                         summary = result;
                         loop.quit();
                     });
    TranslateRequest request =
        ids.isEmpty() ? TranslateRequest::day(date) : TranslateRequest::papers(ids);
    request.force = ctx.flag(u"--force"_s);
    request.dryRun = ctx.flag(u"--dry-run"_s);
    started = translator.start(request);
    if (!started)
        return CliContext::kError;
    loop.exec();
    printer.end();

    for (const TranslateOutcome &o : std::as_const(summary.outcomes))
        if (o.state == PaperOutcome::Failed)
            printer.message(u"%1: %2"_s.arg(o.arxivId, o.reason));
    if (!summary.error.isEmpty())
        printer.message(summary.error);
    if (ctx.json()) {
        CliContext::printJson(summaryToJson(summary, settings, language));
    } else {
        for (const TranslateOutcome &o : std::as_const(summary.outcomes))
            CliContext::out(
                o.reason.isEmpty() || o.state == PaperOutcome::Failed
                    ? u"%1: %2\n"_s.arg(o.arxivId, outcomeName(o.state))
                    : u"%1: %2 (%3)\n"_s.arg(o.arxivId, outcomeName(o.state), o.reason));
        if (summary.outcomes.isEmpty())
            CliContext::out(u"no papers on %1\n"_s.arg(date.toString(Qt::ISODate)));
    }
    return summary.ok() ? CliContext::kOk : CliContext::kError;
}

} // namespace

void registerTranslateCommands(QList<Command> &commands)
{
    commands.append(
        {u"translate"_s,
         u"translate (ID... | --date YYYY-MM-DD) [--provider deepl|openai|libretranslate] "
         "[--base-url URL] [--model NAME] [--to zh-CN] [--force] [--dry-run] [--json] | "
         "translate ID [--set-title TEXT|-] [--set-abstract TEXT|-] [--clear] [--to zh-CN]"_s,
         u"machine-translate papers' titles and abstracts (the base URL is the server's root; "
         "the key comes from PAPERBOY_TRANSLATE_KEY or the secret store; papers with Chinese "
         "from a digest or from you are skipped and never sent; exit 1 when any paper failed, "
         "each named on stderr), or set your own translation of one paper"_s,
         {{u"--json"_s, false},
          {u"--date"_s, true},
          {u"--provider"_s, true},
          {u"--base-url"_s, true},
          {u"--model"_s, true},
          {u"--to"_s, true},
          {u"--force"_s, false},
          {u"--dry-run"_s, false},
          {u"--set-title"_s, true},
          {u"--set-abstract"_s, true},
          {u"--clear"_s, false}},
         0,
         -1,
         translateCommand});
}

} // namespace paperboy
