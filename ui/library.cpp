#include "library.h"

#include "store/store_thread.h"

namespace paperboy {

Library::Library(const QString &databasePath, bool importSample, QObject *parent)
    : QObject(parent), m_path(databasePath)
{
    m_writer = std::make_unique<StoreThread>(databasePath, Database::Mode::ReadWrite);
    connect(m_writer.get(), &StoreThread::failed, this, &Library::openFailed);
    // The reader opens read-only, so it must wait until the writer has created and migrated
    // the file; the sample import is posted first so the first read already sees it.
    if (importSample)
        m_writer->post(
            this, [](Store &store) { return Importer(store).importSampleIfEmpty(); }, [](bool) {});
    m_writer->post(
        this, [](Store &) { return true; }, [this](bool) { startReader(); });
}

Library::~Library() = default;

void Library::startReader()
{
    m_reader = std::make_unique<StoreThread>(m_path, Database::Mode::ReadOnly);
    connect(m_reader.get(), &StoreThread::failed, this, &Library::openFailed);
    connect(m_reader.get(), &StoreThread::opened, this, [this] {
        m_readerReady = true;
        const auto waiting = std::exchange(m_waitingReads, {});
        for (const auto &read : waiting)
            read();
        emit ready();
    });
}

void Library::whenReady(std::function<void()> read)
{
    if (m_readerReady)
        read();
    else
        m_waitingReads.append(std::move(read));
}

void Library::refreshDays()
{
    // Several writes in a row need one recount, not one each; but a count already on its way
    // may predate the latest write, so one more follows it.
    if (m_daysInFlight) {
        m_daysAgain = true;
        return;
    }
    m_daysInFlight = true;
    whenReady([this] {
        m_reader->post(
            this, [](Store &store) { return store.days(); },
            [this](QList<DaySummary> days) {
                m_daysInFlight = false;
                emit daysLoaded(days);
                if (std::exchange(m_daysAgain, false))
                    refreshDays();
            });
    });
}

void Library::loadList(const ListSource &source)
{
    const quint64 request = ++m_listRequest;
    whenReady([this, source, request] {
        const quint64 postedAt = m_edits.stamp();
        m_reader->post(
            this,
            [source](Store &store) {
                switch (source.kind) {
                case ListKind::Starred:
                    return store.starredPapers();
                case ListKind::Annotated:
                    return store.annotatedPapers();
                case ListKind::Unread:
                    return store.unreadPapers();
                case ListKind::Day:
                    break;
                }
                return store.dayPapers(source.date);
            },
            [this, source, request, postedAt](QList<PaperView> papers) {
                m_edits.settle(postedAt);
                if (request != m_listRequest)
                    return; // overtaken by a newer choice
                m_edits.apply(papers);
                emit listLoaded(source, papers);
            });
    });
}

void Library::postUserWrite(const QStringList &ids, std::function<QString(Store &)> job,
                            bool recount)
{
    m_writer->post(
        this, [job = std::move(job)](Store &store) { return job(store); },
        [this, ids, recount](QString error) {
            for (const QString &id : ids)
                m_edits.writeDone(id);
            if (!error.isEmpty())
                emit writeFailed(error);
            if (recount)
                refreshDays();
        });
}

static QString errorOf(bool ok, const Store &store)
{
    return ok ? QString() : store.lastError();
}

void Library::setStarred(const QString &arxivId, bool starred)
{
    m_edits.setStarred(arxivId, starred);
    postUserWrite(
        {arxivId},
        [arxivId, starred](Store &store) {
            return errorOf(store.setStarred(arxivId, starred), store);
        },
        false);
}

void Library::setRead(const QStringList &arxivIds, bool read)
{
    if (arxivIds.isEmpty())
        return;
    for (const QString &id : arxivIds)
        m_edits.setRead(id, read);
    postUserWrite(
        arxivIds,
        [arxivIds, read](Store &store) {
            return errorOf(store.setReadMany(arxivIds, read), store);
        },
        true);
}

void Library::setNote(const QString &arxivId, const QString &note)
{
    m_edits.setNote(arxivId, note);
    postUserWrite(
        {arxivId},
        [arxivId, note](Store &store) { return errorOf(store.setNote(arxivId, note), store); },
        false);
}

void Library::setTags(const QString &arxivId, const QStringList &tags, const QStringList &previous)
{
    QStringList added;
    QStringList removed;
    for (const QString &tag : tags)
        if (!previous.contains(tag))
            added.append(tag);
    for (const QString &tag : previous)
        if (!tags.contains(tag))
            removed.append(tag);
    if (added.isEmpty() && removed.isEmpty())
        return;
    m_edits.setTags(arxivId, tags);
    postUserWrite(
        {arxivId},
        [arxivId, added, removed](Store &store) {
            if (!added.isEmpty() && !store.addTags(arxivId, added))
                return store.lastError();
            if (!removed.isEmpty() && !store.removeTags(arxivId, removed))
                return store.lastError();
            return QString();
        },
        false);
}

void Library::importFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_writer->post(
        this,
        [paths](Store &store) {
            QList<ImportReport> reports;
            Importer importer(store);
            for (const QString &path : paths)
                reports.append(importer.importFile(path));
            return reports;
        },
        [this](QList<ImportReport> reports) {
            emit importFinished(reports);
            refreshDays();
        });
}

} // namespace paperboy
