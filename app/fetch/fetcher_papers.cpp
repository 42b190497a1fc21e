// The Fetcher's steps by arXiv id (the API's id_list): English metadata for papers a digest
// import left incomplete, and new versions of the papers the reader keeps.

#include "fetcher.h"

#include "import/arxiv_atom_parser.h"
#include "store/version_store.h"

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
        parseOffThread([body] { return parseArxivAtom(body); },
                       [this, task, response](const ParseResult &result) {
                           if (m_cancelled)
                               return advance();
                           if (!response.ok() || !result.ok())
                               return failTask({}, {}, kEnrich, failureReason(response, &result));
                           auto stored = std::make_shared<CommitResult>();
                           const QList<Paper> papers = result.papers;
                           // Ids arXiv answered without: counted, and after a few such answers no
                           // longer asked for (withdrawn or mistyped).
                           QStringList unknown = task.ids;
                           for (const Paper &paper : papers)
                               unknown.removeAll(paper.arxivId);
                           inStore(
                               [stored, papers, unknown](Store &store) {
                                   *stored = commitPapers(store, papers);
                                   if (stored->error.isEmpty())
                                       store.recordEnrichMisses(unknown);
                               },
                               [this, stored, task, papers] {
                                   if (!stored->error.isEmpty())
                                       return failTask({}, {}, kEnrich,
                                                       u"could not store: %1"_s.arg(stored->error));
                                   const qsizetype missing = task.ids.size() - papers.size();
                                   m_summary.papersStored +=
                                       stored->stored.papersUpdated + stored->stored.papersAdded;
                                   m_summary.codeLinks += stored->stored.codeLinks;
                                   m_summary.outcomes.append(
                                       {{},
                                        {},
                                        kEnrich,
                                        LedgerState::Complete,
                                        int(papers.size()),
                                        missing > 0
                                            ? u"%1 of %2 ids unknown to arXiv"_s.arg(missing).arg(
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

// --- new versions of the reader's papers ---

void Fetcher::startUpdates(const FetchTask &task)
{
    get(apiIdListUrl(m_settings, task.ids), {}, [this, task](const HttpResponse &response) {
        const bool explained = !response.ok() && response.status >= 400 && response.status < 500;
        if (!response.ok() && !explained)
            return failTask({}, {}, kVersionsSource, failureReason(response, nullptr),
                            response.status == 0);
        const QByteArray body = response.body;
        parseOffThread(
            [body] { return parseArxivAtom(body); },
            [this, task, response](const ParseResult &result) {
                if (m_cancelled)
                    return advance();
                if (!response.ok() || !result.ok())
                    return failTask({}, {}, kVersionsSource, failureReason(response, &result));
                struct Stored
                {
                    QList<VersionChange> changes;
                    QList<CodeLinkArrival> codeLinks;
                    QString error;
                    int papers = 0;
                };
                auto stored = std::make_shared<Stored>();
                const QList<Paper> papers = result.papers;
                const QDateTime when = now();
                inStore(
                    [stored, papers, when](Store &store) {
                        // The versions first (they compare with the row as it is), then the
                        // row itself shows the newest.
                        stored->changes =
                            VersionStore(store.database()).record(papers, when, &stored->error);
                        if (!stored->error.isEmpty() || stored->changes.isEmpty())
                            return;
                        QList<Paper> changed;
                        for (const Paper &paper : papers)
                            for (const VersionChange &change : std::as_const(stored->changes))
                                if (change.arxivId == paper.arxivId)
                                    changed.append(paper);
                        const CommitResult commit = commitPapers(store, changed);
                        stored->error = commit.error;
                        stored->papers = commit.stored.papersUpdated + commit.stored.papersAdded;
                        stored->codeLinks = commit.stored.codeLinks;
                    },
                    [this, stored, task, papers] {
                        if (!stored->error.isEmpty())
                            return failTask({}, {}, kVersionsSource,
                                            u"could not store: %1"_s.arg(stored->error));
                        m_summary.papersStored += stored->papers;
                        m_summary.versionChanges.append(stored->changes);
                        m_summary.codeLinks += stored->codeLinks;
                        const qsizetype missing = task.ids.size() - papers.size();
                        QString reason =
                            u"%1 of %2 papers have a new version"_s.arg(stored->changes.size())
                                .arg(task.ids.size());
                        if (missing > 0)
                            reason += u"; %1 ids unknown to arXiv"_s.arg(missing);
                        m_summary.outcomes.append({{},
                                                   {},
                                                   kVersionsSource,
                                                   LedgerState::Complete,
                                                   int(stored->changes.size()),
                                                   reason,
                                                   false,
                                                   false,
                                                   {}});
                        advance();
                    });
            });
    });
}

} // namespace paperboy
