#pragma once

// "Add any paper" (issue #21): the papers behind ids the reader gave, into the cache. Papers
// the cache already holds are not asked for again; the others come from the arXiv API's
// id_list in batches (FetchSettings::enrichBatchSize), through PoliteHttp like every arXiv
// request, parsed on a worker thread and stored through FetchStorage in one transaction per
// batch. An id arXiv answers without is reported as unknown and stored nowhere.
//
// The adder writes the cache only. Marking the papers added is user data and stays with the
// caller's writer (the command line's store, the window's UserData): see AddSummary::toMark().

#include "fetch/fetch_settings.h"
#include "fetch/fetch_storage.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace paperboy {

class PoliteHttp;

struct AddSummary
{
    QStringList asked;    // ids without version, in the order given
    QStringList present;  // already in the cache: nothing was fetched for them
    QStringList stored;   // fetched from arXiv and stored in the cache
    QStringList unknown;  // arXiv answered without them: not stored
    QStringList failed;   // not fetched (network, arXiv's error): not stored
    QStringList errors;   // why, one line per failed batch
    bool offline = false; // a batch got no HTTP answer at all
    int requests = 0;

    // The papers to mark added: in the cache now, in the order asked.
    QStringList toMark() const
    {
        QStringList ids;
        for (const QString &id : asked)
            if (present.contains(id) || stored.contains(id))
                ids.append(id);
        return ids;
    }
    bool ok() const { return unknown.isEmpty() && failed.isEmpty(); }
};

class PaperAdder : public QObject
{
    Q_OBJECT
public:
    PaperAdder(const FetchSettings &settings, FetchStorage storage, QObject *parent = nullptr);
    ~PaperAdder() override;

    PoliteHttp &http() { return *m_http; }
    bool isRunning() const { return m_running; }
    // Starts adding `ids` (arXiv ids without version, each once). False while a run goes on.
    // finished() follows, also for an empty list, never synchronously.
    bool start(const QStringList &ids);

signals:
    void progress(int done, int total, const QString &text);
    void finished(const paperboy::AddSummary &summary);

private:
    void nextBatch();
    void fail(const QStringList &batch, const QString &reason);
    void finish();

    FetchSettings m_settings;
    FetchStorage m_storage;
    PoliteHttp *m_http = nullptr;
    QThreadPool m_parsePool;
    bool m_running = false;
    int m_run = 0;
    AddSummary m_summary;
    QList<QStringList> m_batches;
    qsizetype m_nextBatch = 0;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::AddSummary)
