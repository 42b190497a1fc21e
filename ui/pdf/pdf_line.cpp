#include "pdf/pdf_line.h"

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>

namespace paperboy {

PdfLine::PdfLine(PdfController *pdfs, QWidget *parent) : QWidget(parent), m_pdfs(pdfs)
{
    setObjectName(QStringLiteral("pdfLine"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("pdfLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_open = new QPushButton;
    m_open->setObjectName(QStringLiteral("pdfOpenButton"));
    m_download = new QPushButton;
    m_download->setObjectName(QStringLiteral("pdfDownloadButton"));
    m_remove = new QPushButton;
    m_remove->setObjectName(QStringLiteral("pdfRemoveButton"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_download);
    layout->addWidget(m_remove);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_state.kept && !m_state.missing)
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_state.path));
    });
    connect(m_download, &QPushButton::clicked, this, [this] { m_pdfs->download(m_arxivId); });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_pdfs->remove(m_arxivId); });
    connect(pdfs, &PdfController::known, this, [this](const QString &id, const PdfState &state) {
        if (id == m_arxivId)
            show(state);
    });
    connect(pdfs, &PdfController::changed, this, [this](const QString &id) {
        if (!m_arxivId.isEmpty() && (id.isEmpty() || id == m_arxivId))
            m_pdfs->lookUp(m_arxivId, m_query);
    });
    connect(pdfs, &PdfController::downloadStarted, this, [this](const QString &id) {
        if (id != m_arxivId)
            return;
        m_error.clear();
        showText();
    });
    connect(pdfs, &PdfController::failed, this, [this](const QString &id, const QString &error) {
        if (id != m_arxivId)
            return;
        m_error = error;
        showText();
    });
    showText();
}

void PdfLine::showPaper(const QString &arxivId, const QString &query)
{
    if (arxivId != m_arxivId) {
        m_state = PdfState();
        m_error.clear();
    }
    m_arxivId = arxivId;
    m_query = query;
    showText();
    if (!arxivId.isEmpty())
        m_pdfs->lookUp(arxivId, query);
}

void PdfLine::show(const PdfState &state)
{
    m_state = state;
    if (state.kept)
        m_error.clear();
    showText();
}

QString PdfLine::text() const
{
    return m_label->text();
}

void PdfLine::showText()
{
    setVisible(!m_arxivId.isEmpty());
    const bool downloading = m_pdfs->isDownloading(m_arxivId);
    QString text;
    if (downloading) {
        text = tr("Downloading the PDF…");
    } else if (!m_error.isEmpty()) {
        text = tr("PDF not kept: %1").arg(m_error);
    } else if (m_state.kept && m_state.missing) {
        text = tr("The kept PDF is missing from the data folder.");
    } else if (m_state.kept) {
        const QString size = QLocale().formattedDataSize(m_state.bytes, 1);
        text = m_state.pages < 0
                   ? tr("PDF kept offline, %1; its text is being read.").arg(size)
                   : tr("PDF kept offline: %n pages, %1.", nullptr, m_state.pages).arg(size);
        if (!m_state.matchedPages.isEmpty()) {
            QStringList pages;
            for (const int page : m_state.matchedPages)
                pages.append(QString::number(page));
            const QString list = pages.join(QStringLiteral(", "));
            text += QLatin1Char(' ') + (pages.size() == 1
                                            ? tr("The search's words are on page %1.").arg(list)
                                            : tr("The search's words are on pages %1.").arg(list));
        }
    } else {
        text = tr("No PDF kept offline.");
    }
    m_label->setText(text);
    m_open->setText(tr("Open PDF"));
    m_download->setText(m_state.kept && m_state.missing ? tr("Download Again")
                                                        : tr("Download PDF"));
    m_remove->setText(tr("Remove PDF"));
    m_open->setVisible(m_state.kept && !m_state.missing && !downloading);
    m_remove->setVisible(m_state.kept && !downloading);
    m_download->setVisible((!m_state.kept || m_state.missing) && !downloading);
}

void PdfLine::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showText();
    QWidget::changeEvent(event);
}

} // namespace paperboy
