#pragma once

// The window's kept PDFs (issue #21): `p` opens the paper's own copy or offers to download it,
// downloads go through PdfDownloader (polite, resumable, checked), the text is extracted with
// Poppler on a pool thread, never the GUI's, and the result is written by UserData like every
// other piece of the reader's data. With the preference on, starring a paper downloads its
// PDF. PDFs a restore found without their text get it extracted once the library is open.

#include "fetch/pdf_download.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QWidget;

namespace paperboy {

class Library;
struct UserStateChange;

// What the window shows of a paper's PDF.
struct PdfState
{
    bool kept = false;
    QString path;         // the file, when kept
    bool missing = false; // kept, but the file is gone from the data folder
    int pages = -1;
    qint64 bytes = 0;
    QList<int> matchedPages; // pages holding the words of the search on screen
};

class PdfController : public QObject
{
    Q_OBJECT
public:
    PdfController(Library *library, QWidget *window);

    // `p`: opens the kept file; without one, offers to download it (or to open `onlineUrl`).
    void openOrOffer(const QString &arxivId, const QUrl &onlineUrl);
    void download(const QString &arxivId);
    void remove(const QString &arxivId);
    // Reads what is kept of `arxivId` and, for a search (`query` not empty), on which pages
    // its words are, on the reader thread; the answer comes as known().
    void lookUp(const QString &arxivId, const QString &query);
    // For a list a search found: the pages of each paper's kept PDF holding `query`'s words,
    // read on the reader thread; `done` runs here unless `context` went away.
    void lookUpPages(const QString &query, const QStringList &arxivIds, QObject *context,
                     std::function<void(QHash<QString, QList<int>>)> done);
    bool isDownloading(const QString &arxivId) const { return m_busy.contains(arxivId); }

    // Test seam: where PDFs come from and the politeness of the requests (default: the
    // settings' template, arXiv's pauses).
    void setDownloadSettings(const PdfDownloadSettings &settings) { m_override = settings; }

signals:
    void known(const QString &arxivId, const paperboy::PdfState &state);
    void downloadStarted(const QString &arxivId);
    void failed(const QString &arxivId, const QString &error);
    // Kept or removed (by this window or another process): look again.
    void changed(const QString &arxivId);
    void status(const QString &text, bool error);

private:
    void onUserChange(const paperboy::UserStateChange &change);
    void openOnline(const QUrl &url);
    void extract(const PdfDownload &download);
    void extractMissingText();
    PdfDownloadSettings downloadSettings() const;
    void fail(const QString &arxivId, const QString &error);

    Library *m_library;
    QWidget *m_window;
    PdfDownloader *m_downloader = nullptr;
    QSet<QString> m_busy; // downloading or extracting
    std::optional<PdfDownloadSettings> m_override;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::PdfState)
