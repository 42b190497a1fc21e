#include "importer.h"

#include "import/arxiv_atom_parser.h"
#include "import/arxiv_rss_parser.h"
#include "import/arxiv_snapshot_parser.h"
#include "import/bulk_import.h"
#include "import/digest_jsonl_parser.h"
#include "import/digest_text_parser.h"
#include "import/format_detect.h"
#include "import/harvest_days.h"
#include "import/hf_daily_parser.h"
#include "import/oai_pmh_parser.h"
#include "import/text_decoding.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

namespace paperboy {

namespace {

// Digest text is a few hundred KB at most; a huge "digest" is a mistake, not a digest.
constexpr qsizetype kMaxDigestTextBytes = 32 * 1024 * 1024;

QString located(const QString &name, const ParseResult &result)
{
    if (result.errorLine > 0)
        return QStringLiteral("%1:%2: %3").arg(name).arg(result.errorLine).arg(result.error);
    return QStringLiteral("%1: %2").arg(name, result.error);
}

} // namespace

ParseResult Importer::parse(const QByteArray &bytes, const QString &name, QString *formatName)
{
    if (bytes.isEmpty())
        return ParseResult::failure(QStringLiteral("the file is empty"));
    const InputFormat format = detectFormat(bytes);
    if (formatName)
        *formatName = paperboy::formatName(format);
    switch (format) {
    case InputFormat::DigestText: {
        if (bytes.size() > kMaxDigestTextBytes)
            return ParseResult::failure(
                QStringLiteral("%1 MB is far too large for a daily digest text (limit %2 MB)")
                    .arg(bytes.size() / (1024 * 1024))
                    .arg(kMaxDigestTextBytes / (1024 * 1024)));
        QString text;
        QString error;
        QString warning;
        if (!decodeText(bytes, &text, &error, &warning))
            return ParseResult::failure(error);
        ParseResult result = parseDigestText(text);
        if (!warning.isEmpty())
            result.warnings.append(warning);
        return result;
    }
    case InputFormat::ArxivApiAtom:
        return parseArxivAtom(bytes);
    case InputFormat::ArxivRss:
    case InputFormat::ArxivAtomFeed:
        return parseArxivRss(bytes);
    case InputFormat::OaiPmh:
        return parseOaiPmh(bytes);
    case InputFormat::HfDailyJson:
        return parseHfDaily(bytes, dateFromDigestName(name));
    case InputFormat::DigestJsonl: {
        const QDate date = dateFromDigestName(name);
        if (!date.isValid())
            return ParseResult::failure(QStringLiteral(
                "a digest JSON Lines file takes its date from its name (YYYY-MM-DD), and this "
                "name has none"));
        // "2026-06-12_AI_enhanced_English.jsonl": the summaries' language is in the name.
        static const QRegularExpression language(QStringLiteral("_AI_enhanced_([A-Za-z]+)"));
        const QRegularExpressionMatch match = language.match(name);
        return parseDigestJsonl(
            bytes, date,
            digestLanguageCode(match.hasMatch() ? match.captured(1) : QStringLiteral("Chinese")));
    }
    case InputFormat::ArxivSnapshotJsonl:
        return parseArxivSnapshot(bytes);
    case InputFormat::Unknown:
        break;
    }
    // Text that decodes but matches nothing may still be a digest with unusual labels.
    QString text;
    QString error;
    if (!decodeText(bytes.left(kMaxDigestTextBytes), &text, &error))
        return ParseResult::failure(QStringLiteral("unknown format (%1). Paperboy reads: %2")
                                        .arg(error, knownFormatNames().join(QStringLiteral(", "))));
    return ParseResult::failure(QStringLiteral("unknown format. Paperboy reads: %1")
                                    .arg(knownFormatNames().join(QStringLiteral(", "))));
}

void Importer::markRepeatedListings(QList<Digest> &digests) const
{
    for (Digest &digest : digests) {
        if (digest.sameAs.isValid() || digest.entries.isEmpty())
            continue;
        const std::optional<Digest> previous = m_store.previousDigest(digest);
        if (previous && sameListing(*previous, digest))
            digest.sameAs = previous->date;
    }
}

ImportReport Importer::importBytes(const QByteArray &bytes, const QString &name)
{
    ImportReport report;
    report.path = name;
    ParseResult parsed = parse(bytes, name, &report.format);
    if (!parsed.ok()) {
        report.error = located(name, parsed);
        return report;
    }
    const bool emptyListing = !parsed.digests.isEmpty() &&
                              std::all_of(parsed.digests.begin(), parsed.digests.end(),
                                          [](const Digest &d) { return d.entries.isEmpty(); });
    if (emptyListing && parsed.papers.isEmpty()) {
        // Weekends and holidays: a valid listing with nothing announced is not an error.
        report.ok = true;
        report.warnings.append(QStringLiteral("no papers: the listing of %1 announces nothing")
                                   .arg(parsed.digests.first().date.toString(Qt::ISODate)));
        return report;
    }
    if (parsed.digests.isEmpty() && parsed.papers.isEmpty()) {
        report.error = QStringLiteral("%1: no papers in this %2 file").arg(name, report.format);
        return report;
    }
    if (report.format == formatName(InputFormat::OaiPmh) ||
        report.format == formatName(InputFormat::ArxivSnapshotJsonl)) {
        const QString source = report.format == formatName(InputFormat::OaiPmh)
                                   ? QStringLiteral("arxiv-oai")
                                   : QStringLiteral("arxiv-snapshot");
        parsed.digests += digestsByFirstVersion(parsed.papers, source);
        parsed.papers.clear();
    }
    markRepeatedListings(parsed.digests);
    report.warnings = parsed.warnings;
    report.incomplete = parsed.incomplete;
    if (!m_store.saveDigests(parsed.digests, parsed.papers, &report.summary)) {
        report.error = QStringLiteral("%1: not imported, nothing was changed: %2")
                           .arg(name, m_store.lastError());
        return report;
    }
    if (report.summary.entriesKept > 0)
        report.warnings.append(QStringLiteral("%1 paper(s) already stored for the same digest "
                                              "are not in this file; they were kept")
                                   .arg(report.summary.entriesKept));
    report.ok = true;
    return report;
}

ImportReport Importer::importFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        ImportReport report;
        report.path = path;
        report.error = QStringLiteral("%1: no such file").arg(path);
        return report;
    }
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        ImportReport report;
        report.path = path;
        report.error =
            QStringLiteral("%1: cannot read: %2")
                .arg(path, info.isDir() ? QStringLiteral("is a folder") : file.errorString());
        return report;
    }
    if (detectFormat(file.peek(kFormatSniffBytes)) == InputFormat::ArxivSnapshotJsonl) {
        file.close();
        BulkImport bulk(m_store);
        bulk.setProgress(m_progress);
        bulk.setCancelFlag(m_cancel);
        return bulk.importSnapshot(path);
    }
    if (file.size() > kMaxFileBytes) {
        ImportReport report;
        report.path = path;
        report.error = QStringLiteral("%1: %2 MB is larger than the %3 MB Paperboy imports at once")
                           .arg(path)
                           .arg(file.size() / (1024 * 1024))
                           .arg(kMaxFileBytes / (1024 * 1024));
        return report;
    }
    return importBytes(file.readAll(), path);
}

} // namespace paperboy

namespace paperboy {

QString Importer::samplePath()
{
    return QStringLiteral(":/sample/meiri-xueshu-sudi_2024-03-14_cs.CV.txt");
}

bool Importer::importSampleIfEmpty()
{
    if (m_store.database().isReadOnly() || m_store.hasPapers())
        return false;
    return importFile(samplePath()).ok;
}

} // namespace paperboy
