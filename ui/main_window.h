#pragma once

// The reader window: wires the sidebar, the paper list and the detail pane to the library.
// It holds no data of its own beyond what is on screen; every read and write goes through
// Library, off the GUI thread.

#include "day_tree_model.h"
#include "library.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace paperboy {

class DetailPane;
class EmptyState;
class PaperListPanel;
struct ReaderActions;
class Sidebar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool importSample = true; // first start: import the bundled sample into an empty cache
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

    void onDaysLoaded(const QList<DaySummary> &days);
    void onListLoaded(const ListSource &source, const QList<PaperView> &papers);
    void chooseSource(const ListSource &source);
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
    QString headingFor(const ListSource &source, int count) const;

    Library *m_library = nullptr;
    std::unique_ptr<ReaderActions> m_actions;
    QStackedWidget *m_central = nullptr;
    EmptyState *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    PaperListPanel *m_list = nullptr;
    DetailPane *m_detail = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_readTimer;
    QString m_readTimerPaper;

    ListSource m_source{ListKind::Day, {}};
    QDate m_lastDay;       // the day shown last, for [ and ] from a smart view
    QString m_wantedPaper; // selected once its list arrives (restored on start)
    bool m_firstDays = true;
};

} // namespace paperboy
