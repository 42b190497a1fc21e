#pragma once

// The detail pane's line for the paper's PDF (issue #21): kept offline with its pages and
// size (and, during a search, the pages holding its words), with Open and Remove; or a
// Download button; or the download's progress and why it failed.

#include "pdf/pdf_controller.h"

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paperboy {

class PdfLine : public QWidget
{
    Q_OBJECT
public:
    PdfLine(PdfController *pdfs, QWidget *parent = nullptr);

    // The paper on screen and the search it was found by (empty: none).
    void showPaper(const QString &arxivId, const QString &query);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const PdfState &state);
    void showText();

    PdfController *m_pdfs;
    QString m_arxivId;
    QString m_query;
    PdfState m_state;
    QString m_error;
    bool m_downloading = false;
    QLabel *m_label = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_download = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace paperboy
