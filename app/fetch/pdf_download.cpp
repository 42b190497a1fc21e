#include "fetch/pdf_download.h"

#include "core/pdf_files.h"
#include "fetch/polite_http.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>

namespace paperboy {

namespace {

const QByteArray kPdfMagic = QByteArrayLiteral("%PDF-");

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// "bytes 100-199/200": the first byte and the whole size (-1 for "*"); false when unreadable.
bool parseContentRange(const QByteArray &value, qint64 *first, qint64 *total)
{
    static const QRegularExpression form(QStringLiteral(R"(^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$)"));
    const QRegularExpressionMatch m = form.match(QString::fromLatin1(value));
    if (!m.hasMatch())
        return false;
    *first = m.captured(1).toLongLong();
    *total = m.captured(3) == QLatin1String("*") ? -1 : m.captured(3).toLongLong();
    return true;
}

QByteArray firstBytes(const QString &path, int n)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(n) : QByteArray();
}

QString describeStart(const QByteArray &body)
{
    QString start = QString::fromLatin1(body.left(16)).simplified();
    for (QChar &c : start)
        if (!c.isPrint())
            c = u'?';
    return start.isEmpty() ? QStringLiteral("nothing") : QStringLiteral("'%1'").arg(start);
}

} // namespace

QUrl PdfDownloadSettings::urlFor(const QString &arxivId) const
{
    QString url = urlTemplate;
    url.replace(QStringLiteral("{id}"), arxivId.trimmed());
    return QUrl(url);
}

bool isPdfContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == "application/pdf" || type == "application/x-pdf";
}

struct PdfDownloader::Job
{
    PdfDownload result;
    QString partPath;
    QPointer<QObject> context;
    Callback done;
    qint64 offset = 0; // bytes already in the .part file
    int resumes = 0;
    int restarts = 0;
};

PdfDownloader::PdfDownloader(const PdfDownloadSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    PolitenessSettings politeness = settings.politeness;
    politeness.maxResponseBytes = settings.maxBytes;
    m_http = new PoliteHttp(politeness, this);
}

PdfDownloader::~PdfDownloader() = default;

void PdfDownloader::setSettings(const PdfDownloadSettings &settings)
{
    m_settings = settings;
    PolitenessSettings politeness = settings.politeness;
    politeness.maxResponseBytes = settings.maxBytes;
    m_http->setSettings(politeness);
}

QString PdfDownloader::folder() const
{
    return m_settings.folder.isEmpty() ? pdfFolder() : m_settings.folder;
}

void PdfDownloader::cancelAll()
{
    m_http->cancelAll();
}

void PdfDownloader::download(const QString &arxivId, QObject *context, Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.arxivId = arxivId.trimmed();
    job->result.url = m_settings.urlFor(job->result.arxivId);
    job->result.fileName = pdfFileNameFor(job->result.arxivId);
    job->result.path = QDir(folder()).filePath(job->result.fileName);
    job->partPath = job->result.path + QStringLiteral(".part");
    job->context = context;
    job->done = std::move(done);
    if (job->result.arxivId.isEmpty() || !job->result.url.isValid()) {
        job->result.error =
            QStringLiteral("%1: not a URL for a PDF").arg(job->result.url.toString());
        if (job->done)
            job->done(job->result);
        return;
    }
    if (m_active.contains(job->result.arxivId)) {
        job->result.error =
            QStringLiteral("%1: its PDF is being downloaded already").arg(job->result.arxivId);
        if (job->done)
            job->done(job->result);
        return;
    }
    if (!QDir().mkpath(folder())) {
        job->result.error = QStringLiteral("%1: cannot create the folder").arg(folder());
        if (job->done)
            job->done(job->result);
        return;
    }
    m_active.insert(job->result.arxivId);
    // A .part file left by an earlier attempt was checked when written: go on from its end.
    job->offset = QFileInfo(job->partPath).size();
    job->result.resumed = job->offset > 0;
    request(job);
}

void PdfDownloader::request(const std::shared_ptr<Job> &job)
{
    HttpRequest request;
    request.url = job->result.url;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/pdf")});
    if (job->offset > 0)
        request.headers.append(
            {QByteArrayLiteral("Range"), "bytes=" + QByteArray::number(job->offset) + '-'});
    // The cap counts the whole file: what the .part holds already is part of it.
    PolitenessSettings politeness = m_http->settings();
    politeness.maxResponseBytes = std::max<qint64>(1, m_settings.maxBytes - job->offset);
    m_http->setSettings(politeness);
    ++job->result.requests;
    m_http->get(request, this,
                [this, job](const HttpResponse &response) { onResponse(job, response); });
}

void PdfDownloader::onResponse(const std::shared_ptr<Job> &job, const HttpResponse &response)
{
    const QString url = job->result.url.toString();
    auto refuse = [&](const QString &why) {
        QFile::remove(job->partPath); // nothing of a refused answer is kept
        finish(job, QStringLiteral("%1: %2").arg(url, why));
    };
    if (response.cancelled)
        return finish(job, QStringLiteral("%1: cancelled").arg(url));
    if (response.tooLarge)
        return refuse(QStringLiteral("refused: larger than the limit of %1 MB")
                          .arg(megabytes(m_settings.maxBytes)));
    if (response.status == 416 && job->offset > 0 && job->restarts == 0) {
        // The server has no bytes past our .part: it is not the file it serves now.
        QFile::remove(job->partPath);
        job->offset = 0;
        job->result.resumed = false;
        ++job->restarts;
        return request(job);
    }
    if (response.status != 200 && response.status != 206)
        return finish(job, QStringLiteral("%1: %2").arg(
                               url, response.error.isEmpty()
                                        ? QStringLiteral("HTTP %1").arg(response.status)
                                        : response.error));
    if (!isPdfContentType(response.contentType))
        return refuse(QStringLiteral("refused: not a PDF (the answer is %1)")
                          .arg(response.contentType.isEmpty()
                                   ? QStringLiteral("of no content type")
                                   : QString::fromLatin1(response.contentType.left(80))));
    bool append = false;
    if (response.status == 206) {
        qint64 first = -1;
        qint64 total = -1;
        if (!parseContentRange(response.contentRange, &first, &total) || first != job->offset) {
            if (job->restarts > 0)
                return refuse(QStringLiteral("refused: the server answered another range (%1)")
                                  .arg(QString::fromLatin1(response.contentRange.left(60))));
            QFile::remove(job->partPath);
            job->offset = 0;
            job->result.resumed = false;
            ++job->restarts;
            return request(job);
        }
        if (total > m_settings.maxBytes)
            return refuse(QStringLiteral("refused: larger than the limit of %1 MB")
                              .arg(megabytes(m_settings.maxBytes)));
        append = job->offset > 0;
    } else {
        job->offset = 0; // a whole answer: whatever the .part held is replaced
        job->result.resumed = false;
    }
    if (!append && !response.body.startsWith(kPdfMagic)) {
        // Checked on whatever arrived, complete or not: a cut-short page of HTML is no PDF.
        if (response.body.size() >= kPdfMagic.size() || response.error.isEmpty())
            return refuse(QStringLiteral("refused: not a PDF (it starts with %1)")
                              .arg(describeStart(response.body)));
        QFile::remove(job->partPath);
        return finish(job, QStringLiteral("%1: %2").arg(url, response.error));
    }
    {
        QFile part(job->partPath);
        if (!part.open(append ? QIODevice::Append : (QIODevice::WriteOnly | QIODevice::Truncate)) ||
            part.write(response.body) != response.body.size() || !part.flush()) {
            const QString why = part.errorString();
            part.close();
            if (!append)
                QFile::remove(job->partPath);
            return finish(job,
                          QStringLiteral("%1: cannot write %2: %3").arg(url, job->partPath, why));
        }
    }
    const qint64 have = QFileInfo(job->partPath).size();
    if (have > m_settings.maxBytes)
        return refuse(QStringLiteral("refused: larger than the limit of %1 MB")
                          .arg(megabytes(m_settings.maxBytes)));
    if (!response.error.isEmpty()) {
        // Cut short: keep what came and ask for the rest.
        if (response.body.isEmpty() || job->resumes >= kMaxResumes)
            return finish(job, QStringLiteral("%1: %2 (%3 bytes kept; the next attempt resumes)")
                                   .arg(url, response.error)
                                   .arg(have));
        ++job->resumes;
        job->offset = have;
        job->result.resumed = true;
        return request(job);
    }
    if (firstBytes(job->partPath, kPdfMagic.size()) != kPdfMagic)
        return refuse(QStringLiteral("refused: not a PDF"));
    QFile::remove(job->result.path);
    if (!QFile::rename(job->partPath, job->result.path))
        return finish(
            job,
            QStringLiteral("%1: cannot rename %2 to %3").arg(url, job->partPath, job->result.path));
    job->result.bytes = have;
    finish(job, {});
}

void PdfDownloader::finish(const std::shared_ptr<Job> &job, const QString &error)
{
    m_active.remove(job->result.arxivId);
    job->result.error = error;
    if (!error.isEmpty())
        job->result.path.clear();
    if (job->done && job->context)
        job->done(job->result);
}

} // namespace paperboy
