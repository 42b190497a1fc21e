// `paperboy zotero`: papers of the library saved to Zotero's desktop app through its connector
// (issue #21): metadata, tags, the note as a child note and the PDF as a link.

#include "cli/cli_context.h"
#include "core/json_values.h"
#include "core/paper_reference.h"
#include "export/zotero_item.h"
#include "fetch/zotero_connector.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

int zoteroCommand(CliContext &ctx)
{
    const ReferenceList references = parseEachPaperReference(ctx.positionals);
    const QStringList &refused = references.refused;
    QStringList ids;
    for (const PaperReference &reference : references.papers)
        ids.append(reference.id);
    for (const QString &line : std::as_const(refused))
        CliContext::err(u"paperboy zotero: %1"_s.arg(line));
    if (!refused.isEmpty())
        return CliContext::kUsage;
    QUrl connector = ZoteroConnector::defaultUrl();
    if (ctx.flag(u"--connector"_s)) {
        connector = QUrl(ctx.value(u"--connector"_s), QUrl::StrictMode);
        if (!connector.isValid() || connector.host().isEmpty() || connector.scheme() != u"http"_s) {
            CliContext::err(u"paperboy zotero: --connector wants an http URL such as "
                            "http://127.0.0.1:23119, not '%1'"_s.arg(ctx.value(u"--connector"_s)));
            return CliContext::kUsage;
        }
    }
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    QList<PaperView> views;
    QStringList missing;
    for (const QString &id : std::as_const(ids)) {
        if (std::optional<PaperView> view = ctx.store().paperView(id))
            views.append(std::move(*view));
        else
            missing.append(id);
    }
    if (!missing.isEmpty()) {
        CliContext::err(u"paperboy zotero: not in the library: %1 ('paperboy add' brings a "
                        "paper in first); nothing sent"_s.arg(missing.join(u", "_s)));
        return CliContext::kError;
    }

    ZoteroConnector zotero(connector);
    QEventLoop loop;
    ZoteroResult result;
    QObject::connect(&zotero, &ZoteroConnector::finished, &loop,
                     [&result, &loop](const ZoteroResult &r) {
                         result = r;
                         loop.quit();
                     });
    zotero.save(zoteroItems(views));
    loop.exec();
    if (ctx.json()) {
        CliContext::printJson(QJsonObject{{u"ok"_s, result.ok},
                                          {u"saved"_s, result.saved},
                                          {u"ids"_s, QJsonArray::fromStringList(ids)},
                                          {u"connector"_s, connector.toString()},
                                          {u"zotero_running"_s, !result.notRunning},
                                          {u"error"_s, textOrNull(result.error)}});
    } else if (result.ok) {
        for (const PaperView &view : std::as_const(views))
            CliContext::out(u"%1: saved to Zotero  %2\n"_s.arg(view.paper.arxivId,
                                                               view.paper.title.simplified()));
    }
    if (!result.ok) {
        CliContext::err(u"paperboy zotero: %1"_s.arg(result.error));
        return CliContext::kError;
    }
    return CliContext::kOk;
}

} // namespace

void registerZoteroCommands(QList<Command> &commands)
{
    commands.append(
        {u"zotero"_s,
         u"zotero ID... [--connector URL] [--json]"_s,
         u"save papers of the library to Zotero's desktop app through its connector (default "
         "http://127.0.0.1:23119; Zotero must be running): a preprint with authors, abstract, "
         "arXiv URL, date, archive ID and DOI, your tags as tags, your note as a child note and "
         "the PDF as a link (exit 1 when Zotero is not running or refuses)"_s,
         {{u"--json"_s, false}, {u"--connector"_s, true}},
         1,
         -1,
         zoteroCommand});
}

} // namespace paperboy
