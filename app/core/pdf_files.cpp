#include "core/pdf_files.h"

#include "core/data_folder.h"

#include <QDir>

namespace paperboy {

QString pdfFolder()
{
    return dataFolder() + QStringLiteral("/pdfs");
}

QString pdfFileNameFor(const QString &arxivId)
{
    QString name = arxivId.trimmed();
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return name + QStringLiteral(".pdf");
}

QString pdfPath(const QString &fileName)
{
    // A name from a library file is never a path: only its last part counts.
    const QString base = fileName.section(QLatin1Char('/'), -1);
    return base.isEmpty() ? QString() : QDir(pdfFolder()).filePath(base);
}

} // namespace paperboy
