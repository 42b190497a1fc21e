#pragma once

// Downloads a paper's PDF into the data folder's pdfs/ (issue #21), politely (PoliteHttp: one
// request at a time per site, arXiv's pause between them, Retry-After, backoff) and
// resumably: the bytes arrive in NAME.pdf.part, and a download cut short goes on from where
// it stopped with a Range request, at once (a few times) and on the next attempt. The answer
// must be a PDF by its content type and its first bytes ("%PDF-"), and no bigger than the
// cap; anything else is refused and nothing of it is kept. Only a complete, checked file is
// renamed to NAME.pdf. Recording it in the library and extracting its text is the caller's
// part (PdfStore, pdf_text/).

#include "fetch/fetch_settings.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace paperboy {

class PoliteHttp;
struct HttpResponse;

struct PdfDownloadSettings
{
    // {id} becomes the arXiv id.
    QString urlTemplate = QStringLiteral("https://arxiv.org/pdf/{id}");
    qint64 maxBytes = 100LL * 1024 * 1024;
    QString folder; // empty: pdfFolder() (core/pdf_files.h)
    PolitenessSettings politeness;

    QUrl urlFor(const QString &arxivId) const;
};

struct PdfDownload
{
    QString arxivId;
    QUrl url;
    QString path;     // the complete file, when ok()
    QString fileName; // its name inside the folder
    qint64 bytes = 0;
    bool resumed = false; // some of it came from an earlier, interrupted transfer
    int requests = 0;
    QString error; // names the URL; empty on success

    bool ok() const { return error.isEmpty(); }
};

class PdfDownloader : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const PdfDownload &)>;

    explicit PdfDownloader(const PdfDownloadSettings &settings, QObject *parent = nullptr);
    ~PdfDownloader() override;

    const PdfDownloadSettings &settings() const { return m_settings; }
    void setSettings(const PdfDownloadSettings &settings);

    // Queues the download; `done` runs once on this object's thread unless `context` goes
    // first. A paper already being downloaded is refused at once (through `done`).
    void download(const QString &arxivId, QObject *context, Callback done);
    void cancelAll();
    bool busy() const { return !m_active.isEmpty(); }

    static constexpr int kMaxResumes = 3; // Range requests after a cut within one download

private:
    struct Job;
    void request(const std::shared_ptr<Job> &job);
    void onResponse(const std::shared_ptr<Job> &job, const HttpResponse &response);
    void finish(const std::shared_ptr<Job> &job, const QString &error);
    QString folder() const;

    PdfDownloadSettings m_settings;
    PoliteHttp *m_http = nullptr;
    QSet<QString> m_active;
};

// Content types a PDF may come as (parameters ignored): application/pdf, application/x-pdf.
bool isPdfContentType(const QByteArray &contentType);

} // namespace paperboy
