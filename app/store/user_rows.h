#pragma once

// The user's rows exactly as stored (user_papers, user_tags, note_history, user_translations,
// saved_searches, user_seen_versions, issue #16's user_dismissals, user_follows,
// user_rules, user_highlights, and issue #22's user_saved_trends), for
// backups and restores: read in one snapshot, written in one transaction. Timestamps are the
// text the database holds (UTC ISO 8601 with milliseconds), empty when never set, so a round
// trip through a backup gives back the very same rows. The backup module (app/backup/) decides
// what a backup holds and how a restore merges; the SQL is here.

#include "store/database.h"
#include "store/note_history.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <map>
#include <optional>

namespace paperboy {

struct UserTagRow
{
    QString tag;
    QString added;

    bool operator==(const UserTagRow &) const = default;
};

struct NoteHistoryRow
{
    QString text;
    QString replacedAt;
    QString by; // noteChangeName()

    bool operator==(const NoteHistoryRow &) const = default;
};

// The user's own title and abstract in one language (user_translations, issue #17).
struct UserTranslationRow
{
    QString language;
    QString title; // empty: none (NULL in the database)
    QString abstract;
    QString changed;

    bool operator==(const UserTranslationRow &) const = default;
};

struct UserPaperRows
{
    QString id;
    bool starred = false;
    QString starredChanged;
    bool read = false;
    QString readChanged;
    std::optional<QString> note; // nullopt = no note (NULL in the database)
    QString noteChanged;
    QList<UserTagRow> tags;                 // by tag
    QList<NoteHistoryRow> noteHistory;      // newest first
    QList<UserTranslationRow> translations; // by language

    // Nothing in user_papers would hold more than the defaults.
    bool hasStateRow() const
    {
        return starred || read || note || !starredChanged.isEmpty() || !readChanged.isEmpty() ||
               !noteChanged.isEmpty();
    }
    bool operator==(const UserPaperRows &) const = default;
};

// The newest version of a paper the reader opened (issue #18): a paper is "updated" while a
// newer version is recorded.
struct SeenVersionRow
{
    QString id;
    int version = 0;
    QString seenAt;

    bool operator==(const SeenVersionRow &) const = default;
};

struct SavedSearchRow
{
    QString name;
    QString query;
    QString created;

    bool operator==(const SavedSearchRow &) const = default;
};

// Reading less (issue #16). Times as stored, like the rest.
struct DismissalRow
{
    QString id;
    bool dismissed = true; // false: undismissed (the row stays, with its time)
    QString changed;

    bool operator==(const DismissalRow &) const = default;
};

struct FollowRow
{
    QString name; // as given; stored under foldAuthorName(name)
    bool followed = true;
    QString changed;

    bool operator==(const FollowRow &) const = default;
};

struct RuleRow
{
    QString name;
    QString query;
    QString action; // ruleActionName()
    QString tag;    // the tag of a "tag" rule, else empty
    QString created;

    bool operator==(const RuleRow &) const = default;
};

// A saved trend (issue #22): its searches, the period's name ("day", "week", "month",
// "year"), shares or counts, and its first and last day as YYYY-MM-DD (empty: the library's).
struct SavedTrendRow
{
    QString name;
    QStringList queries;
    QString per;
    bool share = false;
    QString from;
    QString to;
    QString created;

    bool operator==(const SavedTrendRow &) const = default;
};

// A kept PDF (issue #21): which paper, its page count (-1: not extracted) and size. The file
// itself is not user data a backup can carry.
struct PdfRow
{
    QString id;
    int pages = -1;
    qint64 bytes = 0;
    QString added;

    bool operator==(const PdfRow &) const = default;
};

struct HighlightRow
{
    QString id;
    QString rule;
    QString added;

    bool operator==(const HighlightRow &) const = default;
};

// A paper the reader added by id or link (issue #21), and when first.
struct AddedRow
{
    QString id;
    QString addedAt;

    bool operator==(const AddedRow &) const = default;
};

// Called in the backup document's key order: each dismissal (by id), followed author (by
// folded name) and highlight (by id, rule), then each paper (in arXiv-id order, as SQLite
// orders the id's bytes), added paper (by id), kept PDF (by id), rule (by name), saved search
// (by name), saved trend (by name, without case) and seen version (by id).
// Any may be empty: the rows are then only fingerprinted, which is much cheaper than building
// them. Returning false stops the walk.
struct UserRowsVisitor
{
    std::function<bool(UserPaperRows &&)> paper;
    std::function<bool(SavedSearchRow &&)> search;
    std::function<bool(SeenVersionRow &&)> seen = {};
    std::function<bool(DismissalRow &&)> dismissal = {};
    std::function<bool(FollowRow &&)> follow = {};
    std::function<bool(RuleRow &&)> rule = {};
    std::function<bool(HighlightRow &&)> highlight = {};
    std::function<bool(SavedTrendRow &&)> trend = {};
    std::function<bool(PdfRow &&)> pdf = {};
    std::function<bool(AddedRow &&)> added = {};
};

// Walks every user row in one read transaction (a consistent snapshot), holding one paper at a
// time. `fingerprint` (optional) receives a digest of every value as SQLite holds it: equal
// fingerprints, equal user data. On failure, or when a visitor stops the walk, returns false;
// `error` then names the database (a visitor's own reason is the caller's to keep).
bool walkUserRows(Database &database, const UserRowsVisitor &visitor, QByteArray *fingerprint,
                  QString *error);

// One write transaction over the user rows, for a restore: every change commits together or
// none does (the destructor rolls back what was not committed). Each call returns false on a
// database error, and error() says why.
class UserRowsWriter
{
public:
    explicit UserRowsWriter(Database &database) : m_database(database) {}
    ~UserRowsWriter();
    UserRowsWriter(const UserRowsWriter &) = delete;
    UserRowsWriter &operator=(const UserRowsWriter &) = delete;

    bool begin(); // BEGIN IMMEDIATE; fails on a read-only library
    bool commit();
    QString error() const { return m_error; }

    // The paper's user_papers row (tags and history left empty); nullopt when it has none.
    bool readPaper(const QString &id, std::optional<UserPaperRows> *row);
    bool hasTags(const QString &id, bool *found);
    bool hasTranslations(const QString &id, bool *found);
    // The paper's own translation in `language`; nullopt when it has none.
    bool readTranslation(const QString &id, const QString &language,
                         std::optional<UserTranslationRow> *row);
    // Inserts or replaces the paper's translation in `row.language`.
    bool writeTranslation(const QString &id, const UserTranslationRow &row);
    // Writes the state columns of `row` (inserting the row when `exists` is false). When the
    // note changes, the text it replaces is kept in the note's history as replaced by `by`
    // at `when`, in this transaction.
    bool writePaperState(const UserPaperRows &row, bool exists, const QString &previousNote,
                         NoteChange by, const QString &when);
    // Adds a tag the paper lacks; `added` tells whether it was new.
    bool addTag(const QString &id, const UserTagRow &tag, bool *added);
    // Adds an earlier version the paper's history lacks (same text, time and cause); the
    // oldest beyond kNoteHistoryKept are dropped.
    bool addNoteVersion(const QString &id, const NoteHistoryRow &version, bool *added);

    bool readSavedSearch(const QString &name, std::optional<SavedSearchRow> *row);
    bool writeSavedSearch(const SavedSearchRow &row, bool exists);
    // The higher of the two "opened up to version N" wins: opening is never undone. `taken`
    // tells whether the row changed.
    bool mergeSeenVersion(const SeenVersionRow &row, bool *taken);

    // Issue #16 (store/user_rows_curation.cpp). Writes insert or replace the row.
    bool readDismissal(const QString &id, std::optional<DismissalRow> *row);
    bool writeDismissal(const DismissalRow &row);
    // By folded name (foldAuthorName); the name written is the row's own.
    bool readFollow(const QString &key, std::optional<FollowRow> *row);
    bool writeFollow(const QString &key, const FollowRow &row);
    bool readRule(const QString &name, std::optional<RuleRow> *row);
    bool writeRule(const RuleRow &row);
    bool addHighlight(const HighlightRow &row, bool *added);

    // Issue #22. By name, without case; a write inserts or replaces (taking the row's name).
    bool readSavedTrend(const QString &name, std::optional<SavedTrendRow> *row);
    bool writeSavedTrend(const SavedTrendRow &row);

    // Issue #21 (store/user_rows_pdfs.cpp). A restored PDF is recorded as the backup lists it,
    // under `fileName`; its text is not in backups and is extracted again
    // (PdfStore::withoutText()).
    bool hasPdf(const QString &id, bool *found);
    bool writePdf(const PdfRow &row, const QString &fileName);
    // Issue #21. A paper missing from user_added is added; one present keeps the earlier of
    // the two times (the first time it was added). `added` tells whether the row is new.
    bool mergeAdded(const AddedRow &row, bool *added);

    // Sync (issue #20, store/user_rows_sync.cpp) also removes what another device removed;
    // `removed` tells whether there was anything to remove. A rule takes its highlights along.
    bool removeTag(const QString &id, const QString &tag, bool *removed);
    bool removeSavedSearch(const QString &name, bool *removed);
    bool removeRule(const QString &name, bool *removed);
    bool removeSavedTrend(const QString &name, bool *removed);
    bool removeTranslation(const QString &id, const QString &language, bool *removed);

private:
    bool fail(const QString &error);
    // `sql` prepared once per writer: a restore or a pulled sync round runs the same few
    // statements thousands of times, and preparing one on a table with triggers (user_papers,
    // user_tags) costs more than running it. A map: references stay valid as it grows.
    QSqlQuery &prepared(const QString &sql);
    void finishPrepared();
    // One DELETE of `sql` with `values`; `removed` tells whether a row went.
    bool removeRows(const QString &sql, const QVariantList &values, bool *removed);

    Database &m_database;
    QString m_error;
    bool m_open = false;
    std::map<QString, QSqlQuery> m_prepared;
};

} // namespace paperboy
