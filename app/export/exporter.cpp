#include "exporter.h"

#include "export/bibtex_writer.h"
#include "export/csl_json_writer.h"
#include "export/csv_writer.h"
#include "export/markdown_writer.h"
#include "export/ris_writer.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace paperboy {

namespace {

QList<Paper> barePapers(const QList<PaperView> &views)
{
    QList<Paper> papers;
    papers.reserve(views.size());
    for (const PaperView &view : views)
        papers.append(view.paper);
    return papers;
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("bibtex") || n == QLatin1String("bib"))
        return ExportFormat::BibTeX;
    if (n == QLatin1String("ris"))
        return ExportFormat::Ris;
    if (n == QLatin1String("csljson") || n == QLatin1String("csl-json") ||
        n == QLatin1String("json"))
        return ExportFormat::CslJson;
    if (n == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (n == QLatin1String("markdown") || n == QLatin1String("md"))
        return ExportFormat::Markdown;
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::BibTeX:
        return QStringLiteral("bibtex");
    case ExportFormat::Ris:
        return QStringLiteral("ris");
    case ExportFormat::CslJson:
        return QStringLiteral("csljson");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Markdown:
        return QStringLiteral("markdown");
    }
    return {};
}

QStringList exportFormatNames()
{
    return {QStringLiteral("bibtex"), QStringLiteral("ris"), QStringLiteral("csljson"),
            QStringLiteral("csv"), QStringLiteral("markdown")};
}

QString exportFileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::BibTeX:
        return QStringLiteral("bib");
    case ExportFormat::Ris:
        return QStringLiteral("ris");
    case ExportFormat::CslJson:
        return QStringLiteral("json");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    }
    return {};
}

QString exportDisplayName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::BibTeX:
        return QStringLiteral("BibTeX");
    case ExportFormat::Ris:
        return QStringLiteral("RIS (Zotero, EndNote)");
    case ExportFormat::CslJson:
        return QStringLiteral("CSL-JSON");
    case ExportFormat::Csv:
        return QStringLiteral("CSV");
    case ExportFormat::Markdown:
        return QStringLiteral("Markdown reading list");
    }
    return {};
}

QString exportMimeType(ExportFormat format)
{
    switch (format) {
    case ExportFormat::BibTeX:
        return QStringLiteral("application/x-bibtex");
    case ExportFormat::Ris:
        return QStringLiteral("application/x-research-info-systems");
    case ExportFormat::CslJson:
        return QStringLiteral("application/vnd.citationstyles.csl+json");
    case ExportFormat::Csv:
        return QStringLiteral("text/csv");
    case ExportFormat::Markdown:
        return QStringLiteral("text/markdown");
    }
    return {};
}

QString exportPapers(const QList<PaperView> &papers, ExportFormat format,
                     const ExportOptions &options)
{
    switch (format) {
    case ExportFormat::BibTeX:
        return papersToBibtex(barePapers(papers));
    case ExportFormat::Ris:
        return papersToRis(papers);
    case ExportFormat::CslJson:
        return QString::fromUtf8(
            QJsonDocument(papersToCslJson(barePapers(papers))).toJson(QJsonDocument::Indented));
    case ExportFormat::Csv:
        return papersToCsv(papers);
    case ExportFormat::Markdown:
        return papersToMarkdown(papers, {options.heading, options.bilingual});
    }
    return {};
}

bool writeTextFile(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace paperboy
