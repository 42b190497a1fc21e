#pragma once

// Kept PDFs (issue #21): which papers the reader keeps a PDF of (user_pdfs, user data) and the
// text of their pages (pdf_text, derived; migration 015). Writes go through one transaction
// each; removing a PDF's row removes its text in the same transaction (a trigger).

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace paperboy {

class Database;

struct KeptPdf
{
    QString arxivId;
    QString fileName; // inside pdfFolder() (core/pdf_files.h)
    int pages = -1;   // -1: the text was not extracted (yet)
    qint64 bytes = 0;
    QDateTime addedAt;

    bool operator==(const KeptPdf &) const = default;
};

class PdfStore
{
public:
    explicit PdfStore(Database &database) : m_database(database) {}

    std::optional<KeptPdf> find(const QString &arxivId) const;
    // The kept PDFs among `arxivIds` (absent ids have none), in one statement.
    QHash<QString, KeptPdf> findMany(const QStringList &arxivIds) const;
    QList<KeptPdf> list() const; // by arXiv id

    // Records (or replaces) a paper's kept PDF. `pages` stays as given; a replaced file's old
    // text is dropped, since it belonged to the old file.
    bool record(const KeptPdf &pdf);
    // Records the PDF with the text of each of its pages (the page count is pageTexts' size),
    // in one transaction: what a download ends with.
    bool keep(const KeptPdf &pdf, const QStringList &pageTexts);
    // The text of each page (pages.size() pages) replaces the paper's earlier text, and the
    // row's page count is set, in one transaction. False when the paper keeps no PDF.
    bool setPageTexts(const QString &arxivId, const QStringList &pages);
    // `removed` (optional) is false when the paper kept none. The text goes with the row.
    bool remove(const QString &arxivId, bool *removed = nullptr);

    // Papers whose PDF text has not been extracted (pages unknown, or pages but no text: a
    // restore records the PDFs it finds without their text), oldest first.
    QStringList withoutText() const;

    QString lastError() const { return m_error; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    bool fail(const QString &error) const;

    Database &m_database;
    mutable QString m_error;
    std::function<QDateTime()> m_clock;
};

// The text as the index holds it: every run of CJK characters as its overlapping bigrams and
// its last character, as migration 003 rewrites search_fts's text, so ftsTermExpression()'s
// phrases find it.
QString pdfIndexText(const QString &text);

} // namespace paperboy
