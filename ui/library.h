#pragma once

// The window's only way to the database: one reader and one writer StoreThread on the same
// file (WAL lets them overlap). Requests go out as posts and results come back as signals on
// the GUI thread, so nothing here ever waits on SQLite.

#include "import/importer.h"
#include "pending_edits.h"
#include "store/store.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace paperboy {

class StoreThread;

enum class ListKind
{
    Day,
    Starred,
    Annotated,
    Unread
};

// What the paper list shows: one day's digests or a smart view.
struct ListSource
{
    ListKind kind = ListKind::Day;
    QDate date; // for ListKind::Day

    bool isValid() const { return kind != ListKind::Day || date.isValid(); }
    friend bool operator==(const ListSource &, const ListSource &) = default;
};

class Library : public QObject
{
    Q_OBJECT
public:
    // `importSample`: on an empty cache, import the bundled sample before the first read.
    Library(const QString &databasePath, bool importSample, QObject *parent = nullptr);
    ~Library() override; // pending writes still run: the writer thread drains before closing

    QString databasePath() const { return m_path; }
    bool isReady() const { return m_readerReady; }

    void refreshDays();
    void loadList(const ListSource &source);

    void setStarred(const QString &arxivId, bool starred);
    void setRead(const QStringList &arxivIds, bool read);
    void setNote(const QString &arxivId, const QString &note);
    void setTags(const QString &arxivId, const QStringList &tags, const QStringList &previous);
    void importFiles(const QStringList &paths);

    // Lets a view patch what it shows with edits the reader has not caught up with.
    const PendingEdits &pendingEdits() const { return m_edits; }

signals:
    void ready();
    void openFailed(const QString &error);
    void daysLoaded(const QList<paperboy::DaySummary> &days);
    void listLoaded(const paperboy::ListSource &source, const QList<paperboy::PaperView> &papers);
    void importFinished(const QList<paperboy::ImportReport> &reports);
    void writeFailed(const QString &error);

private:
    void whenReady(std::function<void()> read);
    void startReader();
    // Posts a user-data write for `ids`, then refreshes the sidebar counts when `recount`.
    void postUserWrite(const QStringList &ids, std::function<QString(Store &)> job, bool recount);

    QString m_path;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader; // declared last: stopped first
    bool m_readerReady = false;
    QList<std::function<void()>> m_waitingReads;
    PendingEdits m_edits;
    quint64 m_listRequest = 0;
    bool m_daysInFlight = false;
    bool m_daysAgain = false;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::ListSource)
