// The Fetcher's steps by arXiv id (the API's id_list): English metadata for papers a digest
// import left incomplete.

#include "fetcher.h"

#include "import/arxiv_atom_parser.h"

#include <memory>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

const QString kEnrich = u"arxiv-api-enrich"_s; // the ledger's and the CLI's name, as in fetcher.cpp

} // namespace

// --- English metadata for incomplete papers ---

void Fetcher::startEnrich(const FetchTask &task)
{
    get(apiIdListUrl(m_settings, task.ids), {}, [this, task](const HttpResponse &response) {
        const bool explained = !response.ok() && response.status >= 400 && response.status < 500;
        if (!response.ok() && !explained)
            return failTask({}, {}, kEnrich, failureReason(response, nullptr));
        const QByteArray body = response.body;
        parseOffThread(
            [body] { return parseArxivAtom(body); },
            [this, task, response](const ParseResult &result) {
                if (m_cancelled)
                    return advance();
                if (!response.ok() || !result.ok())
                    return failTask({}, {}, kEnrich, failureReason(response, &result));
                auto stored = std::make_shared<CommitResult>();
                const QList<Paper> papers = result.papers;
                inStore([stored, papers](Store &store) { *stored = commitPapers(store, papers); },
                        [this, stored, task, papers] {
                            if (!stored->error.isEmpty())
                                return failTask({}, {}, kEnrich,
                                                u"could not store: %1"_s.arg(stored->error));
                            const qsizetype missing = task.ids.size() - papers.size();
                            m_summary.papersStored +=
                                stored->stored.papersUpdated + stored->stored.papersAdded;
                            m_summary.outcomes.append(
                                {{},
                                 {},
                                 kEnrich,
                                 LedgerState::Complete,
                                 int(papers.size()),
                                 missing > 0 ? u"%1 of %2 ids unknown to arXiv"_s.arg(missing).arg(
                                                   task.ids.size())
                                             : QString(),
                                 false,
                                 false,
                                 {}});
                            advance();
                        });
            });
    });
}

} // namespace paperboy
