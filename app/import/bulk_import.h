#pragma once

// Streams a large JSON Lines metadata snapshot into the store: chunks of whole lines, one
// transaction per chunk, a checkpoint committed with each chunk so that an interrupted import
// resumes where it stopped. Memory stays flat whatever the file size.

#include "import/import_report.h"
#include "store/store.h"

#include <atomic>
#include <functional>

namespace paperboy {

class BulkImport
{
public:
    explicit BulkImport(Store &store) : m_store(store) {}

    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    void setProgress(std::function<void(const BulkProgress &)> progress)
    {
        m_progress = std::move(progress);
    }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    ImportReport importSnapshot(const QString &path);

private:
    bool saveChunk(const QList<Paper> &papers, const QString &key, const QString &path,
                   qint64 offset, int nextLine, qint64 totalPapers, bool finished,
                   ImportSummary &summary);

    Store &m_store;
    qint64 m_chunkBytes = 8 * 1024 * 1024;
    std::function<void(const BulkProgress &)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace paperboy
