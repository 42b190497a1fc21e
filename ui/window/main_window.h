#pragma once

// The reader window: builds the sidebar, the paper list and the detail pane, and connects
// them to the library and to the controllers that own each behaviour (ListController: what
// is listed; PaperEdits: star and read keys; UserData: every edit of the reader's data). It
// holds no data of its own; every read and write goes through Library, off the GUI thread.

#include "library/library.h"
#include "sidebar/day_tree_model.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace paperboy {

class DetailPane;
class EmptyState;
class ExportController;
class FetchController;
class ImportController;
class Banner;
class ListController;
class NotifyController;
class NoteRecoveryBanner;
class PaperEdits;
class PaperListPanel;
class RankController;
struct ReaderActions;
class SearchController;
class Sidebar;
class TagController;
class TranslationController;

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
    ListSource currentSource() const;
    ListController *listController() const { return m_lists; }
    PaperEdits *paperEdits() const { return m_edits; }
    FetchController *fetchController() const { return m_fetch; }
    SearchController *searchController() const { return m_search; }
    ExportController *exportController() const { return m_export; }
    TagController *tagController() const { return m_tags; }
    TranslationController *translationController() const { return m_translate; }
    RankController *rankController() const { return m_rank; }

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
    // Both languages (main_window_translate.cpp). `completeEnglish`: ask arXiv for missing
    // English after imports and fetches (the window reaches the network on its own).
    void connectTranslation(bool completeEnglish);
    void onDaysLoaded(const QList<DaySummary> &days);
    void onCurrentPaperChanged(const QString &arxivId);
    // "Earlier Versions…" of the note of `arxivId` (the paper shown).
    void showNoteHistory(const QString &arxivId);
    void reloadEverything();
    void openExportDialog();
    void openLink(const QUrl &url, const QString &what);
    void copyText(const QString &text, const QString &what);
    void showShortcuts();
    void showAbout();
    void updatePaperActions();
    // A first code link for papers the reader keeps, from whichever import or fetch brought
    // it: told outside the window (NotifyController) and called out in the detail pane.
    void announceCodeLinks(const QList<paperboy::CodeLinkArrival> &arrivals);

    Library *m_library = nullptr;
    std::unique_ptr<ReaderActions> m_actions;
    QStackedWidget *m_central = nullptr;
    EmptyState *m_empty = nullptr;
    NoteRecoveryBanner *m_recovery = nullptr;
    Banner *m_notSaved = nullptr;
    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    PaperListPanel *m_list = nullptr;
    DetailPane *m_detail = nullptr;
    QLabel *m_status = nullptr;
    FetchController *m_fetch = nullptr;
    SearchController *m_search = nullptr;
    ExportController *m_export = nullptr;
    TagController *m_tags = nullptr;
    ImportController *m_import = nullptr;
    ListController *m_lists = nullptr;
    NotifyController *m_notify = nullptr;
    PaperEdits *m_edits = nullptr;
    TranslationController *m_translate = nullptr;
    RankController *m_rank = nullptr;
    bool m_firstDays = true;
};

} // namespace paperboy
