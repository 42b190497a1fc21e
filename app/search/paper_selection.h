#pragma once

// Which papers a list, an export or a command covers: a day, a smart view, a tag, a search, a
// saved search or chosen ids. One type for the window's lists, exports and the command line,
// and one function that reads it.

#include "core/paper.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

namespace paperboy {

class Store;

struct PaperSelection
{
    enum class Kind
    {
        Day,
        Starred,
        Annotated,
        Unread,
        Updated, // papers with a new version the reader has not opened (is:updated)
        Tag,
        Search,
        SavedSearch,
        Ids,
        // Reading less (#16). For you and Similar are ranked, which selectPapers() does not
        // do: the window's ranking thread (ui/library/rank_service.h) and `paperboy rank`
        // read them.
        ForYou,   // unread papers of the last 7 days, best first for the reader
        Followed, // papers by followed authors, newest first
        Similar,  // more like `name` (an arXiv id), best first
        Added     // papers the reader added by id or link (#21), the latest added first
    };
    Kind kind = Kind::Day;
    QDate date;               // Day
    QString name;             // Tag: the tag; SavedSearch: the search's name
    QString query;            // Search, SavedSearch: as typed (search/search_query.h)
    bool byRelevance = false; // Search, SavedSearch: else newest first
    QStringList ids;          // Ids, in the order wanted; versions and URLs are accepted

    bool isValid() const;
    bool isSearch() const { return kind == Kind::Search || kind == Kind::SavedSearch; }
    friend bool operator==(const PaperSelection &, const PaperSelection &) = default;

    static PaperSelection day(const QDate &date) { return {Kind::Day, date, {}, {}, false, {}}; }
    static PaperSelection view(Kind kind) { return {kind, {}, {}, {}, false, {}}; }
    static PaperSelection starred() { return view(Kind::Starred); }
    static PaperSelection tag(const QString &tag) { return {Kind::Tag, {}, tag, {}, false, {}}; }
    static PaperSelection search(const QString &query, bool byRelevance = false)
    {
        return {Kind::Search, {}, {}, query, byRelevance, {}};
    }
    static PaperSelection savedSearch(const QString &name, const QString &query, bool byRelevance)
    {
        return {Kind::SavedSearch, {}, name, query, byRelevance, {}};
    }
    static PaperSelection similar(const QString &arxivId)
    {
        return {Kind::Similar, {}, arxivId, {}, false, {}};
    }
    static PaperSelection papers(const QStringList &ids)
    {
        return {Kind::Ids, {}, {}, {}, false, ids};
    }
};

struct SelectOptions
{
    int searchLimit = 0; // searches: the first N matches only (0: every match)
    // Tag: papers in the order they were tagged, most recent first, with the tagged ids the
    // cache does not hold in missingIds; else the cached papers only, newest first (one
    // query instead of one per paper, for the window's lists).
    bool tagInTaggingOrder = true;
    // Called with true just before a search runs on the connection and with false after it,
    // so a caller on another thread knows when interrupting the connection stops the search.
    std::function<void(bool)> searching;
};

struct SelectedPapers
{
    QList<PaperView> papers;
    QString heading;        // "Starred papers", "Tag: reading group", ... for Markdown
    QStringList missingIds; // asked for (or tagged) but not in the library's cache
    QStringList invalidIds; // not arXiv identifiers at all
    QString error;          // a store failure
    // Searches:
    QStringList warnings;      // parts of the query that were ignored
    QStringList highlight;     // the words to mark where the papers are shown
    bool interrupted = false;  // the connection was interrupted; the papers are incomplete
    bool limitReached = false; // the first searchLimit matches; there may be more
};

SelectedPapers selectPapers(Store &store, const PaperSelection &selection,
                            const SelectOptions &options = {});

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::PaperSelection)
