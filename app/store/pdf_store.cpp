#include "store/pdf_store.h"

#include "search/search_query.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/write_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

constexpr char kColumns[] = "arxiv_id, file_name, pages, bytes, added_at";

KeptPdf fromRow(const QSqlQuery &q)
{
    KeptPdf pdf;
    pdf.arxivId = q.value(0).toString();
    pdf.fileName = q.value(1).toString();
    pdf.pages = q.value(2).isNull() ? -1 : q.value(2).toInt();
    pdf.bytes = q.value(3).toLongLong();
    pdf.addedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    return pdf;
}

QVariant pagesOrNull(int pages)
{
    return pages < 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(pages);
}

} // namespace

bool PdfStore::fail(const QString &error) const
{
    m_error = error;
    return false;
}

std::optional<KeptPdf> PdfStore::find(const QString &arxivId) const
{
    const QHash<QString, KeptPdf> found = findMany({arxivId});
    if (found.isEmpty())
        return std::nullopt;
    return found.begin().value();
}

QHash<QString, KeptPdf> PdfStore::findMany(const QStringList &arxivIds) const
{
    m_error.clear();
    QHash<QString, KeptPdf> result;
    if (arxivIds.isEmpty())
        return result;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // One statement for any number of ids: the list goes in as one text, split by json_each.
    q.prepare(QStringLiteral("SELECT %1 FROM user_pdfs WHERE arxiv_id IN"
                             " (SELECT value FROM json_each(?))")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(arxivIds)).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        KeptPdf pdf = fromRow(q);
        result.insert(pdf.arxivId, pdf);
    }
    return result;
}

QList<KeptPdf> PdfStore::list() const
{
    m_error.clear();
    QList<KeptPdf> result;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM user_pdfs ORDER BY arxiv_id")
                    .arg(QLatin1String(kColumns)))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(fromRow(q));
    return result;
}

QStringList PdfStore::withoutText() const
{
    m_error.clear();
    QStringList ids;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT arxiv_id FROM user_pdfs WHERE pages IS NULL OR (pages > 0 AND arxiv_id NOT IN"
            " (SELECT arxiv_id FROM pdf_text)) ORDER BY added_at, arxiv_id"))) {
        fail(q.lastError().text());
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

namespace {

QString insertPageTexts(QSqlDatabase &db, const QString &arxivId, const QStringList &pages)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pdf_text WHERE arxiv_id = ?"));
    q.addBindValue(arxivId);
    if (!q.exec())
        return q.lastError().text();
    q.prepare(QStringLiteral("INSERT INTO pdf_text (arxiv_id, page, text) VALUES (?,?,?)"));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString text = pdfIndexText(pages.at(i));
        if (text.trimmed().isEmpty())
            continue; // a page of images only: nothing to find on it
        q.addBindValue(arxivId);
        q.addBindValue(int(i + 1));
        q.addBindValue(text);
        if (!q.exec())
            return q.lastError().text();
    }
    return {};
}

QString upsertPdf(QSqlDatabase &db, const KeptPdf &pdf, const QDateTime &added)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pdf_text WHERE arxiv_id = ?"));
    q.addBindValue(pdf.arxivId);
    if (!q.exec())
        return q.lastError().text();
    q.prepare(QStringLiteral("INSERT INTO user_pdfs (arxiv_id, file_name, pages, bytes, added_at)"
                             " VALUES (?,?,?,?,?) ON CONFLICT (arxiv_id) DO UPDATE SET"
                             " file_name = excluded.file_name, pages = excluded.pages,"
                             " bytes = excluded.bytes, added_at = excluded.added_at"));
    q.addBindValue(pdf.arxivId);
    q.addBindValue(pdf.fileName);
    q.addBindValue(pagesOrNull(pdf.pages));
    q.addBindValue(pdf.bytes);
    q.addBindValue(sql::isoNow(added));
    return q.exec() ? QString() : q.lastError().text();
}

} // namespace

bool PdfStore::keep(const KeptPdf &pdf, const QStringList &pageTexts)
{
    m_error.clear();
    if (pdf.arxivId.isEmpty() || pdf.fileName.isEmpty())
        return fail(QStringLiteral("a kept PDF needs an arXiv id and a file name"));
    KeptPdf row = pdf;
    row.pages = int(pageTexts.size());
    const QDateTime added = pdf.addedAt.isValid() ? pdf.addedAt
                            : m_clock             ? m_clock()
                                                  : QDateTime::currentDateTimeUtc();
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        if (QString e = upsertPdf(db, row, added); !e.isEmpty())
            return e;
        return insertPageTexts(db, row.arxivId, pageTexts);
    });
    return error.isEmpty() || fail(error);
}

bool PdfStore::record(const KeptPdf &pdf)
{
    m_error.clear();
    if (pdf.arxivId.isEmpty() || pdf.fileName.isEmpty())
        return fail(QStringLiteral("a kept PDF needs an arXiv id and a file name"));
    const QDateTime added = pdf.addedAt.isValid() ? pdf.addedAt
                            : m_clock             ? m_clock()
                                                  : QDateTime::currentDateTimeUtc();
    const QString error = sql::inWriteTransaction(
        m_database, [&](QSqlDatabase &db) -> QString { return upsertPdf(db, pdf, added); });
    return error.isEmpty() || fail(error);
}

bool PdfStore::setPageTexts(const QString &arxivId, const QStringList &pages)
{
    m_error.clear();
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE user_pdfs SET pages = ? WHERE arxiv_id = ?"));
        q.addBindValue(int(pages.size()));
        q.addBindValue(arxivId);
        if (!q.exec())
            return q.lastError().text();
        if (q.numRowsAffected() == 0)
            return QStringLiteral("%1: no PDF is kept for this paper").arg(arxivId);
        return insertPageTexts(db, arxivId, pages);
    });
    return error.isEmpty() || fail(error);
}

bool PdfStore::remove(const QString &arxivId, bool *removed)
{
    m_error.clear();
    if (removed)
        *removed = false;
    const QString error = sql::inWriteTransaction(m_database, [&](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM user_pdfs WHERE arxiv_id = ?"));
        q.addBindValue(arxivId);
        if (!q.exec())
            return q.lastError().text();
        if (removed)
            *removed = q.numRowsAffected() > 0;
        return {};
    });
    return error.isEmpty() || fail(error);
}

QString pdfIndexText(const QString &text)
{
    const QList<uint> chars = text.toUcs4();
    QString out;
    out.reserve(text.size() + text.size() / 4);
    const qsizetype n = chars.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char32_t c = char32_t(chars.at(i));
        if (!isCjk(c)) {
            out += QString::fromUcs4(&c, 1);
            continue;
        }
        qsizetype end = i;
        while (end + 1 < n && isCjk(char32_t(chars.at(end + 1))))
            ++end;
        out += QLatin1Char(' ');
        for (qsizetype k = i; k < end; ++k) {
            const char32_t pair[2] = {char32_t(chars.at(k)), char32_t(chars.at(k + 1))};
            out += QString::fromUcs4(pair, 2) + QLatin1Char(' ');
        }
        const char32_t last = char32_t(chars.at(end));
        out += QString::fromUcs4(&last, 1) + QLatin1Char(' ');
        i = end;
    }
    return out;
}

} // namespace paperboy
