#include "export/markdown_notes.h"

#include "export/exporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace paperboy {

namespace {

// A YAML double-quoted scalar: every string is quoted, so no title can turn into a number,
// a date, a list or a comment.
QString yamlString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 ||
                c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString yamlList(const char *key, const QStringList &values)
{
    if (values.isEmpty())
        return QStringLiteral("%1: []\n").arg(QLatin1String(key));
    QString out = QStringLiteral("%1:\n").arg(QLatin1String(key));
    for (const QString &value : values)
        out += QStringLiteral("  - %1\n").arg(yamlString(value));
    return out;
}

QString yamlDate(const char *key, const QDate &date)
{
    return date.isValid()
               ? QStringLiteral("%1: %2\n").arg(QLatin1String(key), date.toString(Qt::ISODate))
               : QString();
}

// The marker inside a note would end Paperboy's part early on the next export.
QString noteBody(const QString &note)
{
    QString text = note;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1String(kMarkdownNotesMarker),
                 QStringLiteral("<!-- (marker quoted from the note) -->"));
    return text.trimmed();
}

enum class Outcome
{
    Created,
    Updated,
    Unchanged,
    Skipped,
    Failed
};

Outcome writeNote(const PaperView &view, const QString &path, QString *error)
{
    const QString head = markdownNoteHead(view);
    QString tail = QStringLiteral("\n");
    bool exists = false;
    QString old;
    if (QFileInfo::exists(path)) {
        exists = true;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return Outcome::Failed;
        }
        old = QString::fromUtf8(file.readAll());
        const QString marker = QLatin1String(kMarkdownNotesMarker);
        qsizetype at = -1;
        for (qsizetype from = 0; (at = old.indexOf(marker, from)) >= 0; from = at + 1) {
            const bool lineStart = at == 0 || old.at(at - 1) == QLatin1Char('\n');
            const qsizetype end = at + marker.size();
            const bool lineEnd = end == old.size() || old.at(end) == QLatin1Char('\n') ||
                                 old.at(end) == QLatin1Char('\r');
            if (lineStart && lineEnd)
                break;
        }
        if (at < 0)
            return Outcome::Skipped;
        tail = old.mid(at + marker.size());
        if (tail.isEmpty())
            tail = QStringLiteral("\n");
    }
    const QString text = head + tail;
    if (exists && text == old)
        return Outcome::Unchanged;
    if (!writeTextFile(path, text, error))
        return Outcome::Failed;
    return exists ? Outcome::Updated : Outcome::Created;
}

} // namespace

QString markdownNoteFileName(const QString &arxivId)
{
    QString name = arxivId;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return name + QStringLiteral(".md");
}

QString markdownNoteHead(const PaperView &view)
{
    const Paper &paper = view.paper;
    QString out = QStringLiteral("---\n");
    out += QStringLiteral("id: %1\n").arg(yamlString(paper.arxivId));
    out += QStringLiteral("title: %1\n").arg(yamlString(paper.title.simplified()));
    out += yamlList("authors", paper.authors);
    out += yamlList("categories", paper.categories);
    out += yamlList("tags", view.user.tags);
    out += QStringLiteral("links:\n");
    out += QStringLiteral("  abs: %1\n").arg(yamlString(absUrl(paper.arxivId)));
    out += QStringLiteral("  pdf: %1\n").arg(yamlString(pdfUrl(paper.arxivId)));
    if (!view.codeUrl().isEmpty())
        out += QStringLiteral("  code: %1\n").arg(yamlString(view.codeUrl()));
    if (!paper.doi.isEmpty())
        out += QStringLiteral("  doi: %1\n")
                   .arg(yamlString(QStringLiteral("https://doi.org/") + paper.doi));
    out += yamlDate("published", paper.published);
    out += yamlDate("updated", paper.updated);
    out += yamlDate("listed", view.digestDate);
    out += QStringLiteral("---\n\n# %1\n\n").arg(paper.title.simplified());
    const QString note = noteBody(view.user.note);
    if (!note.isEmpty())
        out += note + QStringLiteral("\n\n");
    return out + QLatin1String(kMarkdownNotesMarker);
}

MarkdownNotesResult writeMarkdownNotes(const QList<PaperView> &papers, const QString &folder)
{
    MarkdownNotesResult result;
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir()) {
        result.error = QStringLiteral("%1 is a file, not a folder").arg(folder);
        return result;
    }
    if (!QDir().mkpath(folder)) {
        result.error = QStringLiteral("cannot create the folder %1").arg(folder);
        return result;
    }
    const QDir dir(folder);
    for (const PaperView &view : papers) {
        const QString path = dir.filePath(markdownNoteFileName(view.paper.arxivId));
        switch (writeNote(view, path, &result.error)) {
        case Outcome::Created:
            result.created.append(path);
            break;
        case Outcome::Updated:
            result.updated.append(path);
            break;
        case Outcome::Unchanged:
            result.unchanged.append(path);
            break;
        case Outcome::Skipped:
            result.skipped.append(path);
            break;
        case Outcome::Failed:
            return result;
        }
    }
    return result;
}

} // namespace paperboy
