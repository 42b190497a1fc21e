#pragma once

// One import for every format Paperboy knows: recognise by content, parse, store in one
// transaction per file. Used by `paperboy import`, the window's Import action and drag & drop.

#include "import/import_report.h"
#include "import/parse_result.h"
#include "store/store.h"

#include <QByteArray>

#include <QString>
#include <atomic>
#include <functional>

namespace paperboy {

class Importer
{
public:
    explicit Importer(Store &store) : m_store(store) {}

    ImportReport importFile(const QString &path);
    ImportReport importBytes(const QByteArray &bytes, const QString &name);

    // Recognises and parses without storing. `name` only feeds messages and file-name dates.
    static ParseResult parse(const QByteArray &bytes, const QString &name, QString *formatName);

    // Largest file accepted in one piece; bigger inputs are refused before reading.
    static constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

    // First start with an empty cache: import the bundled sample digest, so a new user never
    // sees an empty window, even offline. Returns true when it imported something.
    bool importSampleIfEmpty();
    static QString samplePath();

    // Long imports (the metadata snapshot) report progress and can be cancelled.
    void setProgress(std::function<void(const BulkProgress &)> progress)
    {
        m_progress = std::move(progress);
    }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

private:
    void markRepeatedListings(QList<Digest> &digests) const;

    Store &m_store;
    std::function<void(const BulkProgress &)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace paperboy
