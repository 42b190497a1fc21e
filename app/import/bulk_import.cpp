#include "bulk_import.h"
#include "core/english.h"

#include "import/arxiv_snapshot_parser.h"
#include "import/harvest_days.h"
#include "store/lookups.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace paperboy {

namespace {

const QString kSnapshotSource = QStringLiteral("arxiv-snapshot");

// A file is "the same file" for resuming when its path, size and modification time match.
QString fileKey(const QFileInfo &info)
{
    return QStringLiteral("%1|%2|%3")
        .arg(info.absoluteFilePath())
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

} // namespace

bool BulkImport::saveChunk(const QList<Paper> &papers, const QString &key, const QString &path,
                           qint64 offset, int nextLine, qint64 totalPapers, bool finished,
                           ImportSummary &summary)
{
    const QList<Digest> digests = digestsByFirstVersion(papers, kSnapshotSource);
    QList<Paper> undated;
    for (const Paper &paper : papers)
        if (!paper.published.isValid())
            undated.append(paper);
    ImportSummary part;
    ImportCheckpoint checkpoint;
    checkpoint.fileKey = key;
    checkpoint.path = path;
    checkpoint.offset = offset;
    checkpoint.line = nextLine;
    checkpoint.papers = totalPapers;
    checkpoint.finished = finished;
    const bool ok = m_store.saveDigests(digests, undated, &part, [&] {
        return writeImportCheckpoint(m_store.database(), checkpoint);
    });
    summary.digests += part.digests;
    summary.entries += part.entries;
    summary.papersAdded += part.papersAdded;
    summary.papersUpdated += part.papersUpdated;
    summary.ruleActions += part.ruleActions;
    summary.codeLinks += part.codeLinks;
    return ok;
}

ImportReport BulkImport::importSnapshot(const QString &path)
{
    ImportReport report;
    report.path = path;
    report.format = QStringLiteral("arXiv metadata snapshot (JSON Lines)");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return report;
    }
    const QFileInfo info(path);
    const QString key = fileKey(info);

    BulkProgress progress;
    progress.bytesTotal = info.size();
    int nextLine = 1;
    if (const auto checkpoint = readImportCheckpoint(m_store.database(), key)) {
        if (checkpoint->finished) {
            report.ok = true;
            report.warnings.append(QStringLiteral("already imported completely (%1); nothing to do")
                                       .arg(countOf(checkpoint->papers, QStringLiteral("paper"))));
            return report;
        }
        progress.bytesDone = checkpoint->offset;
        nextLine = checkpoint->line;
        progress.papers = checkpoint->papers;
        progress.resumed = progress.bytesDone > 0;
        if (!file.seek(progress.bytesDone)) {
            report.error =
                QStringLiteral("%1: cannot resume at byte %2").arg(path).arg(progress.bytesDone);
            return report;
        }
    }
    if (progress.resumed)
        report.warnings.append(
            QStringLiteral("resumed an interrupted import at line %1").arg(nextLine));
    if (m_progress)
        m_progress(progress);

    QByteArray buffer;
    while (true) {
        if (m_cancel && m_cancel->load()) {
            report.error =
                QStringLiteral("%1: cancelled after %2 papers; run the import again to resume")
                    .arg(path)
                    .arg(progress.papers);
            return report;
        }
        const QByteArray block = file.read(m_chunkBytes);
        if (block.isEmpty() && file.error() != QFileDevice::NoError) {
            report.error = QStringLiteral("%1: read error: %2").arg(path, file.errorString());
            return report;
        }
        const bool atEnd = block.isEmpty() || file.atEnd();
        buffer += block;
        const qsizetype end = atEnd ? buffer.size() : nextCompleteLinesEnd(buffer);
        if (end == 0 && !atEnd)
            continue; // one very long line: keep reading
        const QByteArray chunk = buffer.left(end);
        buffer.remove(0, end);
        const ParseResult parsed = parseArxivSnapshot(chunk, nextLine);
        for (const QString &warning : parsed.warnings)
            if (report.warnings.size() < 50)
                report.warnings.append(warning);
        const int linesInChunk =
            int(chunk.count('\n')) + (chunk.endsWith('\n') || chunk.isEmpty() ? 0 : 1);
        const qint64 offset = progress.bytesDone + chunk.size();
        const qint64 papers = progress.papers + parsed.papers.size();
        if (!saveChunk(parsed.papers, key, path, offset, nextLine + linesInChunk, papers, atEnd,
                       report.summary)) {
            report.error = QStringLiteral("%1:%2: not stored (the lines before are safe; run the "
                                          "import again to resume): %3")
                               .arg(path)
                               .arg(nextLine)
                               .arg(m_store.lastError());
            return report;
        }
        nextLine += linesInChunk;
        progress.bytesDone = offset;
        progress.papers = papers;
        if (m_progress)
            m_progress(progress);
        if (atEnd)
            break;
    }
    if (progress.papers == 0) {
        report.error = QStringLiteral("%1: no papers in this snapshot file").arg(path);
        return report;
    }
    report.ok = true;
    return report;
}

} // namespace paperboy
