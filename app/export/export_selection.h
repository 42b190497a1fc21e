#pragma once

// Which papers an export covers: a day, the starred ones, a tag, a search or chosen ids.

#include "core/paper.h"
#include "store/store.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

struct ExportSelection
{
    enum class Kind
    {
        Day,
        Starred,
        Tag,
        Search,
        Ids
    };
    Kind kind = Kind::Ids;
    QDate date;      // Day
    QString tag;     // Tag
    QString query;   // Search, in the search box's syntax (search/search_query.h)
    QStringList ids; // Ids, in the order wanted; versions and URLs are accepted

    static ExportSelection day(const QDate &date) { return {Kind::Day, date, {}, {}, {}}; }
    static ExportSelection starred() { return {Kind::Starred, {}, {}, {}, {}}; }
    static ExportSelection withTag(const QString &tag) { return {Kind::Tag, {}, tag, {}, {}}; }
    static ExportSelection search(const QString &query)
    {
        return {Kind::Search, {}, {}, query, {}};
    }
    static ExportSelection papers(const QStringList &ids) { return {Kind::Ids, {}, {}, {}, ids}; }
};

struct SelectedPapers
{
    QList<PaperView> papers;
    QString heading;        // "Starred papers", "Tag: reading group", ... for Markdown
    QStringList missingIds; // asked for (or tagged) but not in the library's cache
    QStringList invalidIds; // not arXiv identifiers at all
    QString error;          // a store failure
};

SelectedPapers selectPapers(Store &store, Database &database, const ExportSelection &selection);

// Ids of papers carrying `tag`, most recently tagged first. Includes papers not in the cache.
QStringList idsWithTag(Database &database, const QString &tag, QString *error = nullptr);

} // namespace paperboy
