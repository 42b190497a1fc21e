#pragma once

// The reader window: wires the sidebar, the paper list and the detail pane to the library.
// It holds no data of its own beyond what is on screen; every read and write goes through
// Library, off the GUI thread.

#include "sidebar/day_tree_model.h"
#include "library/library.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace paperboy {

class DetailPane;
class EmptyState;
class ExportController;
class FetchController;
class PaperListPanel;
struct ReaderActions;
class SearchController;
class Sidebar;
class TagController;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool importSample = true; // first start: import the bundled sample into an empty cache
        // Today's listing on start and after each announcement (each also needs its setting).
        // Off unless asked for, so tests never reach the network by accident.
        bool fetchAutomatically = false;
        // Where the rotating user-data backup goes on start; empty: none.
        QString backupFolder;
    };

    explicit MainWindow(const QString &databasePath, Options options, QWidget *parent = nullptr);
    explicit MainWindow(const QString &databasePath, QWidget *parent = nullptr)
        : MainWindow(databasePath, Options(), parent)
    {
    }
    ~MainWindow() override;

    Library *library() const { return m_library; }
    Sidebar *sidebar() const { return m_sidebar; }
    PaperListPanel *paperList() const { return m_list; }
    DetailPane *detailPane() const { return m_detail; }
    const ReaderActions &actions() const { return *m_actions; }
    ListSource currentSource() const { return m_source; }
    FetchController *fetchController() const { return m_fetch; }
    SearchController *searchController() const { return m_search; }
    ExportController *exportController() const { return m_export; }
    TagController *tagController() const { return m_tags; }

    // For the fetcher: mark a day's fetch as failed or incomplete in the sidebar.
    void setDayStatus(const QDate &date, const DayStatus &status);

    void showStatus(const QString &text, bool isError = false);
    void importFiles(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void connectActions();
    void restoreSettings();
    void saveSettings();

    void connectControllers();
    void onDaysLoaded(const QList<DaySummary> &days);
    void onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                      const ListResult &result);
    void onListTotalCounted(const ListSource &source, int total);
    void onCountsLoaded(const SidebarCounts &counts);
    void chooseSource(const ListSource &source);
    void leaveSearch();
    // Marks `source` in the sidebar and lists it.
    void showSourceAndList(const ListSource &source);
    void reloadEverything();
    void openExportDialog();
    QString emptyMessageFor(const ListSource &source) const;
    void onCurrentPaperChanged(const QString &arxivId);
    void onImportFinished(const QList<ImportReport> &reports);
    void markCurrentRead();

    void setStarred(const QString &arxivId, bool starred);
    void toggleStar();
    void toggleRead();
    void markAllRead();
    void stepPaper(int delta);
    void stepDay(int direction); // +1 newer, -1 older
    void openLink(const QUrl &url, const QString &what);
    void copyText(const QString &text, const QString &what);
    void chooseFilesToImport();
    void showShortcuts();
    void showAbout();
    void updatePaperActions();
    QString headingFor(const ListSource &source, int count, const ListResult &result = {}) const;

    Library *m_library = nullptr;
    std::unique_ptr<ReaderActions> m_actions;
    QStackedWidget *m_central = nullptr;
    EmptyState *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    PaperListPanel *m_list = nullptr;
    DetailPane *m_detail = nullptr;
    QLabel *m_status = nullptr;
    FetchController *m_fetch = nullptr;
    SearchController *m_search = nullptr;
    ExportController *m_export = nullptr;
    TagController *m_tags = nullptr;
    QTimer m_readTimer;
    QString m_readTimerPaper;

    ListSource m_source;
    // What the list shows now, so a match count arriving later can redo its heading.
    int m_listedCount = 0;
    ListResult m_listResult;
    ListSource m_beforeSearch; // where clearing the search box goes back to
    QDate m_lastDay;           // the day shown last, for [ and ] from a smart view
    QString m_wantedPaper;     // selected once its list arrives (restored on start)
    bool m_firstDays = true;
};

} // namespace paperboy
