#pragma once

// The synchronous store: every read and write of the cache and of user data, on one
// connection and so on one thread. The window reaches it through StoreWorker, off the GUI
// thread; the command line uses it directly.

#include "core/paper.h"
#include "core/paper_version.h"
#include "store/curation.h"
#include "store/database.h"
#include "store/note_history.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace paperboy {

struct ImportSummary
{
    int digests = 0;
    int entries = 0;
    int entriesKept = 0; // stored papers a new listing of their digest lacked (all kept)
    int papersAdded = 0;
    int papersUpdated = 0;
    int ruleActions = 0; // papers a rule tagged, starred, marked read, dismissed or highlighted
    // Papers the reader keeps that got their first code link from this save.
    QList<CodeLinkArrival> codeLinks;
};

struct DaySummary
{
    QDate date;
    int papers = 0;
    int unread = 0;
    QStringList sources;
    QStringList categories;
    QDate sameAs; // the day repeats an earlier listing
};

struct CategoryCount
{
    QString category;
    int papers = 0;
};

class Store
{
public:
    explicit Store(Database &database);

    QString lastError() const { return m_error; }

    // Clock seam for tests; timestamps are UTC.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Stores digests and bare paper records in ONE transaction: all or nothing.
    // A digest that already exists (same date, source and category) only grows: a listing
    // holding every paper stored for it may reorder and update its entries (a value it leaves
    // out never clears a stored one); a listing lacking some (a truncated copy, a shorter
    // answer) leaves the stored entries as they are and adds its new papers after them
    // (ImportSummary::entriesKept counts the papers it lacked). Papers are merged (arXiv
    // sources win the English fields, empty never overwrites). User data is never touched.
    // `alsoInTransaction` runs inside the same transaction (a bulk import's checkpoint);
    // returning false rolls everything back.
    bool saveDigests(const QList<Digest> &digests, const QList<Paper> &papers = {},
                     ImportSummary *summary = nullptr,
                     const std::function<bool()> &alsoInTransaction = {});

    // Reads.
    QList<DaySummary> days() const;
    QList<PaperView> dayPapers(const QDate &date, const QStringList &categories = {}) const;
    std::optional<PaperView> paperView(const QString &arxivId) const;
    QList<PaperView> starredPapers() const;
    QList<PaperView> annotatedPapers() const;
    QList<PaperView> unreadPapers(int limit = 5000) const;
    QList<CategoryCount> categories() const;
    int paperCount() const;
    bool hasPapers() const; // cheap at any size, unlike paperCount() != 0
    // The latest earlier digest of the same source and category, entries holding ids only.
    std::optional<Digest> previousDigest(const Digest &digest) const;
    bool hasPaper(const QString &arxivId) const;

    // User data. Each write is its own small transaction and touches only user tables.
    bool setStarred(const QString &arxivId, bool starred);
    bool setRead(const QString &arxivId, bool read);
    bool setReadMany(const QStringList &arxivIds, bool read);
    // Sets (empty text: clears) a paper's note. The text it replaces is kept in the note's
    // history, in the same transaction, as replaced by `by` now (NoteChange, note_history.h).
    // NoteChange::Typing is for saves made while the user is still typing (the window's
    // autosave): when the text it replaces was written by this Store's previous Typing save
    // of the paper, less than kTypingSessionSeconds ago and unchanged since, that text is not
    // kept, so pauses in typing do not push real versions out of the history.
    bool setNote(const QString &arxivId, const QString &note, NoteChange by = NoteChange::Edit);
    // The earlier texts of a paper's note, newest first (at most kNoteHistoryKept). Empty when
    // there are none, or on error (lastError() is then set).
    QList<NoteVersion> noteHistory(const QString &arxivId) const;
    // Makes an earlier text (NoteVersion::id from noteHistory()) the paper's note again. The
    // text it replaces goes into the history (by "restore"), so bringing one back loses
    // nothing either. False, with lastError(), when `versionId` is not one of the paper's.
    bool restoreNoteVersion(const QString &arxivId, qint64 versionId);
    bool addTags(const QString &arxivId, const QStringList &tags);
    bool removeTags(const QString &arxivId, const QStringList &tags);
    UserState userState(const QString &arxivId) const;
    // The user state of every paper in `arxivIds` (default state for papers without any), in
    // a few statements however many ids: the window re-reads the papers on screen with it
    // when another process changed the library.
    QHash<QString, UserState> userStates(const QStringList &arxivIds) const;

    // SQLite's PRAGMA data_version: changes when another connection (another process, or the
    // window's other thread) committed since this one last looked; never for this
    // connection's own commits. -1 on error.
    qint64 dataVersion() const;

    Database &database() { return m_database; }

    // Source names whose English metadata is authoritative (straight from arXiv).
    static bool isArxivSource(const QString &source);

private:
    bool fail(const QString &what) const;
    QSqlQuery &statement(const QString &sql);
    QDateTime now() const;
    bool upsertPaper(const Paper &paper, int rank, qint64 *paperId, bool *added, bool *changed);
    bool saveDigest(const Digest &digest, ImportSummary &summary);
    bool storedPaperIds(qint64 digestId, QSet<qint64> *paperIds);
    bool countUnlisted(qint64 digestId, const Digest &digest, int *unlisted);
    bool refreshMathSearchText();
    // store_code_links.cpp: of `arxivIds` (this save's papers), those the reader keeps that
    // have no code link yet, before the writes; of those, the ones that have one after them,
    // in the same transaction.
    bool keptWithoutCodeLink(const QStringList &arxivIds, QStringList *ids);
    bool codeLinksArrived(const QStringList &ids, QList<CodeLinkArrival> *arrivals);
    QList<PaperView> viewsWhere(const QString &condition, const QVariantList &bindings,
                                const QString &order, int limit = -1) const;

    Database &m_database;
    std::function<QDateTime()> m_clock;
    mutable QString m_error;
    QHash<QString, QSqlQuery> m_statements;
    // Papers whose note this Store last saved while typing: the note_changed and text written.
    QHash<QString, std::pair<QString, QString>> m_typing;

public:
    static constexpr int kTypingSessionSeconds = 5 * 60;

public:
    // Tags across the library, and the papers a search found (search/, issue #6).
    struct TagCount
    {
        QString tag;
        int papers = 0;
    };
    // Every tag with the number of papers carrying it, by name.
    QList<TagCount> tagCounts() const;
    // Renames `from` to `to` on every paper in one transaction. A paper that already has `to`
    // keeps one `to`: the tags merge. Returns how many papers had `from`, -1 on failure.
    int renameTag(const QString &from, const QString &to);
    // Views of papers by papers.id, in the order given; unknown ids are skipped.
    QList<PaperView> viewsForPaperIds(const QList<qint64> &ids) const;

    // Translations (issue #17, store_translations.cpp). `language` as translate/language.h
    // normalises it ("zh", "zh-Hant", "ja"). Views show Chinese ("zh") only.
    struct TranslationState
    {
        bool digest = false; // a digest's human translation in that language
        bool user = false;   // the user's own
        std::optional<MachineTranslation> machine;
    };
    // For each known paper of `arxivIds`; unknown ids are absent from the result.
    QHash<QString, TranslationState> translationStates(const QStringList &arxivIds,
                                                       const QString &language) const;
    // Machine translations of several papers in ONE transaction, replacing earlier ones of the
    // same paper and language: all or nothing. A paper the cache does not hold is skipped.
    // Never touches user data or a digest's translation.
    struct MachineTranslationRow
    {
        QString arxivId;
        MachineTranslation translation; // language, title, abstract and provenance
    };
    bool saveMachineTranslations(const QList<MachineTranslationRow> &rows);
    // The English changed only in ways the hash ignores: the translation is current again.
    bool clearStaleMarks(const QStringList &arxivIds, const QString &language);
    // The user's own title and abstract in `language` (user data). Both empty removes them.
    bool setUserTranslation(const QString &arxivId, const QString &language, const QString &title,
                            const QString &abstract);
    std::optional<UserTranslation> userTranslation(const QString &arxivId,
                                                   const QString &language) const;

    // Papers waiting for English metadata from the arXiv API (migration 011's enrich_queue,
    // filled by triggers when a paper arrives without abstract or categories), oldest first.
    QStringList enrichQueue(int limit = 5000) const;
    // arXiv answered a request for these ids without them: counted, and dropped from the
    // queue after `maxMisses` such answers (withdrawn or mistyped ids).
    bool recordEnrichMisses(const QStringList &arxivIds, int maxMisses = 3);

    // Reading less (issue #16): dismissals, followed authors, rules (store_curation.cpp).
    // User data like stars: only explicit user actions (and rules, which are the user's own
    // instructions) write it.
    bool setDismissed(const QStringList &arxivIds, bool dismissed);
    // `changed` (optional) tells whether the name was not already in that state. Names are
    // compared folded (core/author_names.h); an empty folded name is refused.
    bool setFollowed(const QString &name, bool followed, bool *changed = nullptr);
    QList<FollowedAuthor> followedAuthors() const; // by name
    QList<Rule> rules() const;                     // by name
    // Adds a rule, or replaces the one of the same name.
    bool saveRule(const Rule &rule);
    // `removed` (optional) is false when there was no such rule. Removes its highlights too.
    bool removeRule(const QString &name, bool *removed = nullptr);

private:
    // Runs every rule over the papers with papers.id >= firstNewId, inside saveDigests'
    // transaction; adds the papers it changed to `actions`.
    bool applyRules(qint64 firstNewId, int *actions);
    void markFollowed(QList<PaperView> &views) const;
};

} // namespace paperboy
