#pragma once

// Papers the reader added by hand (issue #21): an id or a link given to `paperboy add`,
// pasted or dropped on the window. User data (user_added, migration 017): written only by the
// reader's own actions and by restores, in backups from format 6 as "papers_added". The
// paper's metadata lives in the cache like any fetched paper's (fetch/paper_adder.h).

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

class Database;

struct AddedPaper
{
    QString id;
    QDateTime addedAt;

    bool operator==(const AddedPaper &) const = default;
};

class AddedPapers
{
public:
    explicit AddedPapers(Database &database) : m_database(database) {}

    // Marks `ids` (arXiv ids without version) added at `now`, in one transaction. A paper
    // added before keeps its first time. `newlyAdded` (optional) gets the ids that were not
    // added before, in the order given. Returns the error, empty on success.
    QString markAdded(const QStringList &ids, const QDateTime &now,
                      QStringList *newlyAdded = nullptr);
    // Every added paper, the most recently added first. Empty with lastError() on failure.
    QList<AddedPaper> list() const;
    QStringList ids() const; // as list(), ids only
    bool isAdded(const QString &id) const;

    QString lastError() const { return m_error; }

private:
    Database &m_database;
    mutable QString m_error;
};

} // namespace paperboy
