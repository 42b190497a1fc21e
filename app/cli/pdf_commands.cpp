// paperboy pdf (issue #21): keep papers' PDFs offline and searchable. Each PDF is downloaded
// (fetch/pdf_download.h), its text extracted page by page with Poppler (pdf_text/), and the
// file and its text recorded in one transaction (store/pdf_store.h); --remove takes them away.

#include "cli/cli_context.h"
#include "core/paper.h"
#include "core/pdf_files.h"
#include "fetch/pdf_download.h"
#include "pdf_text/pdf_text.h"
#include "store/pdf_store.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

struct PdfOutcome
{
    QString arxivId;
    QString path;
    int pages = -1;
    qint64 bytes = 0;
    bool resumed = false;
    bool alreadyKept = false;
    bool removed = false;
    QString error;
};

QJsonObject outcomeToJson(const PdfOutcome &o)
{
    QJsonObject object{{u"id"_s, o.arxivId}, {u"ok"_s, o.error.isEmpty()}};
    object.insert(u"file"_s, o.path.isEmpty() ? QJsonValue() : QJsonValue(o.path));
    object.insert(u"pages"_s, o.pages < 0 ? QJsonValue() : QJsonValue(o.pages));
    object.insert(u"bytes"_s, o.bytes);
    object.insert(u"resumed"_s, o.resumed);
    object.insert(u"already_kept"_s, o.alreadyKept);
    object.insert(u"error"_s, o.error.isEmpty() ? QJsonValue() : QJsonValue(o.error));
    return object;
}

QString outcomeLine(const PdfOutcome &o, bool removing)
{
    if (!o.error.isEmpty())
        return u"%1: %2\n"_s.arg(o.arxivId, o.error);
    if (removing)
        return o.removed ? u"%1: PDF and its text removed\n"_s.arg(o.arxivId)
                         : u"%1: no PDF was kept\n"_s.arg(o.arxivId);
    return u"%1: %2 pages, %3 KB%4 %5\n"_s.arg(o.arxivId)
        .arg(o.pages)
        .arg((o.bytes + 1023) / 1024)
        .arg(o.alreadyKept ? u" (kept already)"_s
             : o.resumed   ? u" (resumed)"_s
                           : QString())
        .arg(o.path);
}

// The text extracted and recorded with the file, in one transaction; a file Poppler cannot
// read is refused and deleted.
void keep(PdfStore &pdfs, const QString &path, const QString &fileName, PdfOutcome &o)
{
    const PdfText text = extractPdfText(path);
    if (!text.ok()) {
        QFile::remove(path);
        o.error = u"refused: %1"_s.arg(text.error);
        return;
    }
    KeptPdf kept;
    kept.arxivId = o.arxivId;
    kept.fileName = fileName;
    kept.bytes = QFileInfo(path).size();
    if (!pdfs.keep(kept, text.pages)) {
        o.error = pdfs.lastError();
        return;
    }
    o.path = path;
    o.pages = int(text.pages.size());
    o.bytes = kept.bytes;
}

int removePdfs(CliContext &ctx, PdfStore &pdfs)
{
    QList<PdfOutcome> outcomes;
    bool failed = false;
    for (const QString &id : std::as_const(ctx.positionals)) {
        PdfOutcome o;
        o.arxivId = id.trimmed();
        const std::optional<KeptPdf> kept = pdfs.find(o.arxivId);
        if (!pdfs.remove(o.arxivId, &o.removed)) {
            o.error = pdfs.lastError();
        } else if (kept) {
            // The row went first: a file left behind is only a file, never a PDF the
            // library believes it has.
            const QString path = pdfPath(kept->fileName);
            if (QFileInfo::exists(path) && !QFile::remove(path))
                o.error = u"removed from the library, but %1 could not be deleted"_s.arg(path);
        }
        failed = failed || !o.error.isEmpty();
        outcomes.append(o);
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const PdfOutcome &o : outcomes) {
            QJsonObject object{{u"id"_s, o.arxivId}, {u"removed"_s, o.removed}};
            object.insert(u"error"_s, o.error.isEmpty() ? QJsonValue() : QJsonValue(o.error));
            array.append(object);
        }
        CliContext::printJson(QJsonObject{{u"removed"_s, array}});
    } else {
        for (const PdfOutcome &o : outcomes)
            CliContext::out(outcomeLine(o, true));
    }
    return failed ? CliContext::kError : CliContext::kOk;
}

int pdfCommand(CliContext &ctx)
{
    auto usage = [](const QString &text) {
        CliContext::err(u"paperboy pdf: "_s + text);
        return CliContext::kUsage;
    };
    PdfDownloadSettings settings;
    if (ctx.flag(u"--pdf-url"_s)) {
        settings.urlTemplate = ctx.value(u"--pdf-url"_s);
        const QUrl example = settings.urlFor(u"2306.05544"_s);
        if (!settings.urlTemplate.contains(u"{id}"_s) || !example.isValid() ||
            (example.scheme() != u"http"_s && example.scheme() != u"https"_s))
            return usage(u"--pdf-url wants an http(s) URL with {id} in it, not '%1'"_s.arg(
                settings.urlTemplate));
    }
    if (ctx.flag(u"--max-mb"_s)) {
        bool ok = false;
        const double mb = ctx.value(u"--max-mb"_s).toDouble(&ok);
        if (!ok || mb <= 0)
            return usage(u"--max-mb wants a size in megabytes, like 50"_s);
        settings.maxBytes = qint64(mb * 1024 * 1024);
    }
    QStringList ids;
    for (const QString &given : std::as_const(ctx.positionals)) {
        QString id;
        int version = 0;
        if (!parseArxivId(given.trimmed(), &id, &version))
            return usage(u"'%1' is not an arXiv id"_s.arg(given));
        ids.append(id);
    }
    ctx.positionals = ids;
    FetchSettings fetch;
    fetch.applyTestEnvironment();
    settings.politeness = fetch.politeness;

    if (!ctx.openStore())
        return CliContext::kError;
    if (ctx.database().isReadOnly()) {
        CliContext::err(u"paperboy pdf: %1 is open read-only"_s.arg(ctx.databasePath));
        return CliContext::kError;
    }
    PdfStore pdfs(ctx.database());
    if (ctx.flag(u"--remove"_s))
        return removePdfs(ctx, pdfs);

    PdfDownloader downloader(settings);
    QList<PdfOutcome> outcomes;
    bool failed = false;
    for (const QString &given : std::as_const(ctx.positionals)) {
        PdfOutcome o;
        o.arxivId = given.trimmed();
        const std::optional<KeptPdf> kept = pdfs.find(o.arxivId);
        const QString keptPath = kept ? pdfPath(kept->fileName) : QString();
        if (kept && QFileInfo::exists(keptPath)) {
            o.alreadyKept = true;
            if (!pdfs.withoutText().contains(o.arxivId)) {
                o.path = keptPath;
                o.pages = kept->pages;
                o.bytes = kept->bytes;
            } else {
                keep(pdfs, keptPath, kept->fileName, o); // restored without its text: now
            }
        } else {
            QEventLoop loop;
            PdfDownload download;
            downloader.download(o.arxivId, &loop, [&](const PdfDownload &result) {
                download = result;
                loop.quit();
            });
            if (downloader.busy())
                loop.exec();
            o.resumed = download.resumed;
            if (download.ok())
                keep(pdfs, download.path, download.fileName, o);
            else
                o.error = download.error;
        }
        failed = failed || !o.error.isEmpty();
        if (!ctx.json())
            CliContext::out(outcomeLine(o, false));
        outcomes.append(o);
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const PdfOutcome &o : outcomes)
            array.append(outcomeToJson(o));
        CliContext::printJson(QJsonObject{{u"pdfs"_s, array}});
    }
    return failed ? CliContext::kError : CliContext::kOk;
}

} // namespace

void registerPdfCommands(QList<Command> &commands)
{
    commands.append(
        {u"pdf"_s,
         u"pdf ID... [--pdf-url TEMPLATE] [--max-mb N] [--remove] [--json]"_s,
         u"keeps the papers' PDFs offline in the data folder and indexes their text, page by "
         "page, for search (fulltext:WORD searches the PDFs only). Polite, resumable; the answer "
         "must be a PDF (content type and first bytes) no bigger than --max-mb (default 100). "
         "--pdf-url: {id} becomes the id (default https://arxiv.org/pdf/{id}). --remove deletes "
         "the kept PDFs and their text"_s,
         {{u"--json"_s, false},
          {u"--pdf-url"_s, true},
          {u"--max-mb"_s, true},
          {u"--remove"_s, false}},
         1,
         -1,
         pdfCommand});
}

} // namespace paperboy
