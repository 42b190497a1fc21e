#pragma once

// Versions of the papers the reader keeps (starred, noted, tagged): every version the arXiv API
// has shown (paper_versions, cache data) and the newest one the reader has opened
// (user_seen_versions, user data). A paper is "updated" while its newest version is above
// the one the reader last opened, or above the first version recorded when the reader has
// not opened it since versions were recorded.

#include "core/paper.h"
#include "core/paper_version.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

class Database;

class VersionStore
{
public:
    explicit VersionStore(Database &database) : m_database(database) {}

    // The arXiv ids whose versions are checked: papers the reader starred, noted or tagged
    // that the cache knows, sorted.
    QStringList watchedIds();

    // Compares what the API said (`papers`, each its newest version) with the cache and
    // records, for each paper that has a newer version, the version the cache had and the new
    // one. Does not touch the papers rows: the caller stores `papers` as usual afterwards.
    // Returns the papers that changed; on a database error sets `error`.
    QList<VersionChange> record(const QList<Paper> &papers, const QDateTime &now, QString *error);

    // Every version recorded for a paper, oldest first; empty when only one is known.
    QList<PaperVersion> versions(const QString &arxivId);
    // The same for many papers in one statement (a JSON list of a thousand papers made one
    // query per paper: a fifth of `search --json`'s time); papers with no versions are absent.
    QHash<QString, QList<PaperVersion>> versionsOf(const QStringList &arxivIds);

    // The reader opened the paper at `version`. Returns false on a database error.
    bool markSeen(const QString &arxivId, int version, const QDateTime &now);
    // Whether the paper has a version the reader has not opened.
    bool isUpdated(const QString &arxivId);

    QString lastError() const { return m_error; }

private:
    Database &m_database;
    QString m_error;
};

} // namespace paperboy
