#include "fetch/paper_adder.h"

#include "fetch/fetch_plan.h"
#include "fetch/polite_http.h"
#include "import/arxiv_atom_parser.h"

#include <memory>

namespace paperboy {

PaperAdder::PaperAdder(const FetchSettings &settings, FetchStorage storage, QObject *parent)
    : QObject(parent), m_settings(settings), m_storage(std::move(storage)),
      m_http(new PoliteHttp(settings.politeness, this))
{
    m_parsePool.setMaxThreadCount(1);
}

PaperAdder::~PaperAdder()
{
    ++m_run; // parses still running deliver to nobody
    m_parsePool.waitForDone();
}

bool PaperAdder::start(const QStringList &ids)
{
    if (m_running)
        return false;
    m_running = true;
    const int run = ++m_run;
    m_summary = AddSummary();
    for (const QString &id : ids)
        if (!m_summary.asked.contains(id))
            m_summary.asked.append(id);
    m_batches.clear();
    m_nextBatch = 0;
    auto present = std::make_shared<QStringList>();
    const QStringList asked = m_summary.asked;
    m_storage.run(
        this,
        [present, asked](Store &store) {
            for (const QString &id : asked)
                if (store.hasPaper(id))
                    present->append(id);
        },
        [this, run, present] {
            if (run != m_run)
                return;
            m_summary.present = *present;
            QStringList missing;
            for (const QString &id : std::as_const(m_summary.asked))
                if (!present->contains(id))
                    missing.append(id);
            const int size = qMax(1, m_settings.enrichBatchSize);
            for (qsizetype i = 0; i < missing.size(); i += size)
                m_batches.append(missing.mid(i, size));
            nextBatch();
        });
    return true;
}

void PaperAdder::nextBatch()
{
    if (m_nextBatch >= m_batches.size())
        return finish();
    const QStringList batch = m_batches.at(m_nextBatch++);
    const qsizetype done =
        m_summary.stored.size() + m_summary.unknown.size() + m_summary.failed.size();
    const qsizetype total = m_summary.asked.size() - m_summary.present.size();
    emit progress(int(done), int(total),
                  batch.size() == 1
                      ? QStringLiteral("asking arXiv for 1 paper")
                      : QStringLiteral("asking arXiv for %1 papers").arg(batch.size()));
    HttpRequest request;
    request.url = apiIdListUrl(m_settings, batch);
    ++m_summary.requests;
    const int run = m_run;
    m_http->get(request, this, [this, run, batch](const HttpResponse &response) {
        if (run != m_run)
            return;
        // arXiv explains a 400 in an Atom error entry: parse it for the reason.
        const bool explained = !response.ok() && response.status >= 400 && response.status < 500;
        if (!response.ok() && !explained) {
            m_summary.offline = m_summary.offline || response.status == 0;
            return fail(batch, response.error);
        }
        const QByteArray body = response.body;
        m_parsePool.start([this, run, batch, response, body] {
            const ParseResult parsed = parseArxivAtom(body);
            QMetaObject::invokeMethod(
                this,
                [this, run, batch, response, parsed] {
                    if (run != m_run)
                        return;
                    if (!parsed.ok() || !response.ok()) {
                        QString reason = response.ok() ? parsed.error : response.error;
                        if (!response.ok() && !parsed.ok() && !parsed.error.isEmpty())
                            reason += QStringLiteral(": ") + parsed.error;
                        return fail(batch, reason);
                    }
                    QList<Paper> papers;
                    for (const Paper &paper : parsed.papers)
                        if (batch.contains(paper.arxivId))
                            papers.append(paper);
                    auto error = std::make_shared<QString>();
                    m_storage.run(
                        this,
                        [papers, error](Store &store) {
                            *error = commitPapers(store, papers).error;
                        },
                        [this, run, batch, papers, error] {
                            if (run != m_run)
                                return;
                            if (!error->isEmpty())
                                return fail(batch,
                                            QStringLiteral("could not store: %1").arg(*error));
                            for (const QString &id : batch) {
                                const bool known =
                                    std::any_of(papers.cbegin(), papers.cend(),
                                                [&id](const Paper &p) { return p.arxivId == id; });
                                (known ? m_summary.stored : m_summary.unknown).append(id);
                            }
                            nextBatch();
                        });
                },
                Qt::QueuedConnection);
        });
    });
}

void PaperAdder::fail(const QStringList &batch, const QString &reason)
{
    m_summary.failed += batch;
    const QString line = reason.isEmpty() ? QStringLiteral("unknown failure") : reason;
    if (!m_summary.errors.contains(line))
        m_summary.errors.append(line);
    nextBatch();
}

void PaperAdder::finish()
{
    m_running = false;
    const AddSummary summary = m_summary;
    emit finished(summary);
}

} // namespace paperboy
