#include "ris_writer.h"

#include "export/citation_common.h"

namespace paperboy {

namespace {

void line(QString &out, const char *tag, const QString &value)
{
    // A tag line ends the value: newlines inside it would start garbage records.
    const QString simple = value.simplified();
    if (simple.isEmpty())
        return;
    out += QLatin1String(tag);
    out += QStringLiteral("  - ");
    out += simple;
    out += QStringLiteral("\r\n");
}

QString risAuthor(const QString &author)
{
    const PersonName name = splitPersonName(author);
    if (name.literal)
        return name.family;
    QString text = name.family + QStringLiteral(", ") + name.given;
    if (!name.suffix.isEmpty())
        text += QStringLiteral(", ") + name.suffix;
    return text;
}

} // namespace

QString papersToRis(const QList<PaperView> &papers)
{
    const QList<Paper> bare = [&] {
        QList<Paper> list;
        for (const PaperView &view : papers)
            list.append(view.paper);
        return list;
    }();
    const QStringList keys = citationKeys(bare);
    QString out;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const PaperView &view = papers.at(i);
        const Paper &p = view.paper;
        // Unpublished work is what an arXiv preprint is; EndNote and Zotero both map UNPB.
        line(out, "TY", QStringLiteral("UNPB"));
        line(out, "ID", keys.at(i));
        line(out, "TI", p.title);
        for (const QString &author : p.authors)
            line(out, "AU", risAuthor(author));
        if (const int year = paperYear(p); year > 0)
            line(out, "PY", QString::number(year));
        if (p.published.isValid())
            line(out, "DA", p.published.toString(QStringLiteral("yyyy/MM/dd")));
        line(out, "AB", p.abstract);
        line(out, "PB", QStringLiteral("arXiv"));
        line(out, "M1", QStringLiteral("arXiv:") + p.arxivId);
        line(out, "UR", absUrl(p.arxivId));
        line(out, "DO", p.doi);
        line(out, "JO", p.journalRef);
        line(out, "N1", view.user.note);
        for (const QString &tag : view.user.tags)
            line(out, "KW", tag);
        out += QStringLiteral("ER  - \r\n\r\n");
    }
    return out;
}

} // namespace paperboy
