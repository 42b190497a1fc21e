#include "csv_writer.h"

namespace paperboy {

QStringList csvColumns()
{
    return {QStringLiteral("id"),        QStringLiteral("version"), QStringLiteral("title"),
            QStringLiteral("title_zh"),  QStringLiteral("authors"), QStringLiteral("categories"),
            QStringLiteral("published"), QStringLiteral("abs_url"), QStringLiteral("pdf_url"),
            QStringLiteral("code_url"),  QStringLiteral("starred"), QStringLiteral("read"),
            QStringLiteral("tags"),      QStringLiteral("note")};
}

bool startsLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.at(0).unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString csvField(const QString &value)
{
    // A title or note from a feed is not ours to let a spreadsheet evaluate: with a leading
    // quote it stays text (OWASP "CSV Injection").
    const QString text = startsLikeFormula(value) ? QLatin1Char('\'') + value : value;
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString papersToCsv(const QList<PaperView> &papers)
{
    const QString separator = QStringLiteral("; ");
    auto row = [](const QStringList &fields) {
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(csvField(field));
        return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QString out = row(csvColumns());
    for (const PaperView &view : papers) {
        const Paper &p = view.paper;
        out += row({p.arxivId, p.version > 0 ? QString::number(p.version) : QString(),
                    p.title.simplified(), view.chineseTitle().simplified(),
                    p.authors.join(separator), p.categories.join(QLatin1Char(' ')),
                    p.published.isValid() ? p.published.toString(Qt::ISODate) : QString(),
                    absUrl(p.arxivId), pdfUrl(p.arxivId, p.version), view.codeUrl(),
                    view.user.starred ? QStringLiteral("1") : QStringLiteral("0"),
                    view.user.read ? QStringLiteral("1") : QStringLiteral("0"),
                    view.user.tags.join(separator), view.user.note});
    }
    return out;
}

} // namespace paperboy
