#include "pdf/pdf_controller.h"

#include "common/link_policy.h"
#include "core/pdf_files.h"
#include "library/library.h"
#include "library/user_data.h"
#include "pdf/pdf_settings.h"
#include "pdf_text/pdf_text.h"
#include "search/pdf_text_search.h"
#include "store/pdf_store.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QThreadPool>

namespace paperboy {

PdfController::PdfController(Library *library, QWidget *window)
    : QObject(window), m_library(library), m_window(window)
{
    // Here, not in the initialiser list: downloadSettings() reads m_override.
    m_downloader = new PdfDownloader(downloadSettings(), this);
    connect(library->userData(), &UserData::changed, this, &PdfController::onUserChange);
    // Another process kept or removed a PDF: what is on screen is looked at again.
    connect(library, &Library::changedOutside, this, [this] { emit changed(QString()); });
    connect(library, &Library::ready, this, &PdfController::extractMissingText);
}

PdfDownloadSettings PdfController::downloadSettings() const
{
    if (m_override)
        return *m_override;
    const QSettings stored;
    PdfDownloadSettings s;
    s.urlTemplate = settings::pdfUrlTemplate.value(stored);
    s.maxBytes = qint64(std::max(1, settings::pdfMaxMegabytes.value(stored))) * 1024 * 1024;
    return s;
}

void PdfController::lookUp(const QString &arxivId, const QString &query)
{
    m_library->read(
        this,
        [arxivId, query](Store &store) {
            PdfState state;
            const std::optional<KeptPdf> kept = PdfStore(store.database()).find(arxivId);
            if (!kept)
                return state;
            state.kept = true;
            state.path = pdfPath(kept->fileName);
            state.missing = !QFileInfo(state.path).isFile();
            state.pages = kept->pages;
            state.bytes = kept->bytes;
            if (!query.trimmed().isEmpty())
                state.matchedPages =
                    pdfMatchPages(store.database(), parseSearchQuery(query), {arxivId})
                        .value(arxivId);
            return state;
        },
        [this, arxivId](PdfState state) { emit known(arxivId, state); });
}

void PdfController::lookUpPages(const QString &query, const QStringList &arxivIds, QObject *context,
                                std::function<void(QHash<QString, QList<int>>)> done)
{
    m_library->read(
        context,
        [query, arxivIds](Store &store) {
            return pdfMatchPages(store.database(), parseSearchQuery(query), arxivIds);
        },
        std::move(done));
}

void PdfController::openOrOffer(const QString &arxivId, const QUrl &onlineUrl)
{
    if (arxivId.isEmpty())
        return;
    m_library->read(
        this,
        [arxivId](Store &store) {
            const std::optional<KeptPdf> kept = PdfStore(store.database()).find(arxivId);
            const QString path = kept ? pdfPath(kept->fileName) : QString();
            return QFileInfo(path).isFile() ? path : QString();
        },
        [this, arxivId, onlineUrl](QString path) {
            if (!path.isEmpty()) {
                // Our own file in the data folder: the one file: URL the window ever opens.
                if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
                    emit status(tr("Opened the PDF kept offline: %1").arg(path), false);
                else
                    emit status(tr("The desktop could not open %1.").arg(path), true);
                return;
            }
            if (isDownloading(arxivId)) {
                emit status(tr("The PDF of %1 is being downloaded.").arg(arxivId), false);
                return;
            }
            auto *offer = new QMessageBox(QMessageBox::Question, tr("No PDF Kept Offline"),
                                          tr("No PDF of %1 is kept offline. Download it now? "
                                             "Its text then becomes searchable.")
                                              .arg(arxivId),
                                          QMessageBox::Cancel, m_window);
            offer->setObjectName(QStringLiteral("pdfOffer"));
            offer->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *download = offer->addButton(tr("Download"), QMessageBox::AcceptRole);
            download->setObjectName(QStringLiteral("pdfOfferDownload"));
            QPushButton *online = offer->addButton(tr("Open Online"), QMessageBox::ActionRole);
            online->setObjectName(QStringLiteral("pdfOfferOnline"));
            offer->setDefaultButton(download);
            connect(offer, &QMessageBox::buttonClicked, this,
                    [this, arxivId, onlineUrl, download, online](QAbstractButton *clicked) {
                        if (clicked == download)
                            this->download(arxivId);
                        else if (clicked == online)
                            openOnline(onlineUrl);
                    });
            offer->open();
        });
}

void PdfController::openOnline(const QUrl &url)
{
    QString why;
    if (url.isEmpty())
        emit status(tr("No PDF link to open."), false);
    else if (openExternalUrl(url, &why)) // the link policy, like every link of the data
        emit status(tr("Opened %1.").arg(url.toDisplayString()), false);
    else
        emit status(why, true);
}

void PdfController::download(const QString &arxivId)
{
    if (arxivId.isEmpty() || isDownloading(arxivId))
        return;
    m_busy.insert(arxivId);
    m_downloader->setSettings(downloadSettings());
    emit downloadStarted(arxivId);
    emit status(tr("Downloading the PDF of %1…").arg(arxivId), false);
    m_downloader->download(arxivId, this, [this](const PdfDownload &result) {
        if (!result.ok())
            return fail(result.arxivId, result.error);
        extract(result);
    });
}

void PdfController::extract(const PdfDownload &download)
{
    QPointer<PdfController> guard(this);
    QThreadPool::globalInstance()->start([guard, download] {
        PdfText text = extractPdfText(download.path);
        // Back on the GUI thread through the application, which outlives this controller.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, download, text = std::move(text)] {
                if (!guard)
                    return;
                if (!text.ok()) {
                    QFile::remove(download.path); // a file nothing can read is not kept
                    return guard->fail(download.arxivId, text.error);
                }
                KeptPdf kept;
                kept.arxivId = download.arxivId;
                kept.fileName = download.fileName;
                kept.bytes = download.bytes;
                guard->m_library->userData()->keepPdf(kept, text.pages);
            },
            Qt::QueuedConnection);
    });
}

void PdfController::fail(const QString &arxivId, const QString &error)
{
    m_busy.remove(arxivId);
    emit failed(arxivId, error);
    emit status(tr("The PDF of %1 was not kept: %2").arg(arxivId, error), true);
}

void PdfController::remove(const QString &arxivId)
{
    if (!arxivId.isEmpty())
        m_library->userData()->removePdf(arxivId);
}

void PdfController::onUserChange(const UserStateChange &change)
{
    for (const UserStateChange::Paper &paper : change.papers) {
        if (paper.fields & UserField::Pdfs) {
            if (m_busy.remove(paper.arxivId)) {
                // Said once the row is read back: a write that failed (writeFailed() tells
                // why) kept nothing.
                const QString id = paper.arxivId;
                m_library->read(
                    this,
                    [id](Store &store) { return PdfStore(store.database()).find(id).has_value(); },
                    [this, id](bool kept) {
                        if (kept)
                            emit status(tr("The PDF of %1 is kept offline and searchable.").arg(id),
                                        false);
                        else
                            emit failed(id, tr("it could not be written to the library"));
                    });
            }
            emit changed(paper.arxivId);
        }
        // Starring a paper keeps its PDF, when the reader asked for that.
        if ((paper.fields & UserField::Starred) && paper.state.starred &&
            change.origin == UserStateChange::Origin::Window &&
            settings::pdfForStarred.value(QSettings()) && !isDownloading(paper.arxivId)) {
            const QString id = paper.arxivId;
            m_library->read(
                this,
                [id](Store &store) { return PdfStore(store.database()).find(id).has_value(); },
                [this, id](bool kept) {
                    if (!kept)
                        download(id);
                });
        }
    }
}

void PdfController::extractMissingText()
{
    // PDFs a restore found in the data folder come without their text.
    m_library->read(
        this,
        [](Store &store) {
            QList<PdfDownload> files;
            PdfStore pdfs(store.database());
            const QHash<QString, KeptPdf> kept = pdfs.findMany(pdfs.withoutText());
            for (const KeptPdf &pdf : kept) {
                PdfDownload file;
                file.arxivId = pdf.arxivId;
                file.fileName = pdf.fileName;
                file.path = pdfPath(pdf.fileName);
                file.bytes = QFileInfo(file.path).size();
                if (QFileInfo(file.path).isFile())
                    files.append(file);
            }
            return files;
        },
        [this](QList<PdfDownload> files) {
            for (const PdfDownload &file : files) {
                if (isDownloading(file.arxivId))
                    continue;
                m_busy.insert(file.arxivId);
                extract(file);
            }
        });
}

} // namespace paperboy
