#include "window/main_window.h"

#include "common/banner.h"
#include "common/link_policy.h"
#include "common/palette_colors.h"
#include "common/plain_tool_tip.h"
#include "common/settings.h"
#include "desk/add_controller.h"
#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "detail/note_history_dialog.h"
#include "detail/versions_controller.h"
#include "export/export_controller.h"
#include "export/export_dialog.h"
#include "fetch/fetch_controller.h"
#include "fetch/import_controller.h"
#include "notify/notify_controller.h"
#include "paperlist/list_controller.h"
#include "paperlist/paper_edits.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "preferences/preferences_dialog.h"
#include "rank/rank_controller.h"
#include "search/search_controller.h"
#include "sidebar/sidebar.h"
#include "sidebar/views_panel.h"
#include "sync/window_sync.h"
#include "tags/tag_controller.h"
#include "tags/tags_edit.h"
#include "window/empty_state.h"
#include "window/main_window_desk.h"
#include "window/main_window_pdfs.h"
#include "window/main_window_trends.h"
#include "window/note_recovery_banner.h"
#include "window/reader_actions.h"
#include "window/shortcuts_dialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace paperboy {

MainWindow::MainWindow(const QString &databasePath, Options options, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Paperboy"));
    setAcceptDrops(true);
    m_library = new Library(databasePath, options.importSample, this);
    m_library->setObjectName(QStringLiteral("library"));
    m_actions = std::make_unique<ReaderActions>(this);
    buildUi();
    connectActions();
    connectControllers();
    connectTranslation(options.fetchAutomatically);

    // After the list controller: it scores the list the controller has just put on screen.
    m_rank = new RankController(
        {this, m_library, m_list, m_detail, m_sidebar->viewsPanel(), m_fetch,
         [this] { return m_lists->source(); },
         [this](const QString &text, bool isError) { showStatus(text, isError); },
         [this](int count) { m_lists->setListedCount(count); }});
    connect(m_rank, &RankController::listRequested, m_lists, &ListController::showAndList);
    connectTrendsWindow(this, m_library, m_lists, m_actions->showTrends);
    new WindowSync(this, databasePath); // after the menus: it adds File > Sync Now
    connectDesk(this, m_library, m_lists, m_list, *m_actions,
                [this](const QString &text, bool isError) { showStatus(text, isError); });
    restoreSettings();

    connect(m_library, &Library::daysLoaded, this, &MainWindow::onDaysLoaded);
    connect(m_library, &Library::countsLoaded, m_sidebar, &Sidebar::setCounts);
    connect(m_library, &Library::countsLoaded, this, [this](const SidebarCounts &counts) {
        m_tags->setKnownTags(counts.tagNames());
        m_detail->setKnownTags(counts.tagNames());
    });
    auto notSaved = [this](const QString &error) {
        showStatus(tr("Not saved: %1").arg(error), true);
    };
    connect(m_library, &Library::writeFailed, this, notSaved);
    connect(m_library->userData(), &UserData::writeFailed, this, notSaved);
    connect(m_library, &Library::openFailed, this, [this](const QString &error) {
        m_empty->setError(error);
        m_central->setCurrentWidget(m_empty);
        showStatus(error, true);
    });
    connect(m_library, &Library::upgrading, this, [this](int from, int to) {
        showStatus(tr("Upgrading the library to a new format (version %1 to %2). A large "
                      "library takes a few minutes; a copy of the old one is kept.")
                       .arg(from)
                       .arg(to));
    });
    showStatus(tr("Opening %1…").arg(databasePath));
    m_library->refreshDays();
    m_library->refreshCounts();
    if (!options.backupFolder.isEmpty()) {
        // Once the first list is on screen (or there is none to show): reading every star,
        // note and tag competes with the first paint for the cores at a million papers.
        auto start = [this, folder = options.backupFolder, started = false]() mutable {
            if (std::exchange(started, true))
                return;
            QSettings settings;
            m_export->runAutomaticBackup(folder, settings::automaticBackups.value(settings));
        };
        auto shared = std::make_shared<decltype(start)>(std::move(start));
        connect(
            m_library, &Library::listLoaded, this, [shared] { (*shared)(); },
            Qt::SingleShotConnection);
        connect(
            m_library, &Library::daysLoaded, this,
            [shared](const QList<DaySummary> &days) {
                if (days.isEmpty())
                    (*shared)();
            },
            Qt::SingleShotConnection);
    }
    m_fetch->startAutomatic(options.fetchAutomatically, options.fetchAutomatically);
}

MainWindow::~MainWindow()
{
    // A window destroyed without being closed still saves what was typed; the writer thread
    // runs this write before the library shuts it down.
    m_detail->flushNote();
}

void MainWindow::buildUi()
{
    m_sidebar = new Sidebar;
    m_list = new PaperListPanel;
    m_detail = new DetailPane;
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({290, 430, 600});

    m_empty = new EmptyState(m_actions->importFiles, m_actions->fetchToday);
    m_central = new QStackedWidget;
    m_central->setObjectName(QStringLiteral("centralStack"));
    m_central->addWidget(m_splitter);
    m_central->addWidget(m_empty);
    auto *margins = new QWidget;
    auto *layout = new QVBoxLayout(margins);
    layout->setContentsMargins(6, 6, 6, 0);
    // Notes that could not be saved when the window last closed are offered back first.
    m_recovery = new NoteRecoveryBanner(m_library);
    layout->addWidget(m_recovery);
    // Notes failing to save, whichever paper is on screen (the note panel follows it).
    m_notSaved = new Banner(QStringLiteral("noteNotSavedBanner"));
    layout->addWidget(m_notSaved);
    layout->addWidget(m_central);
    m_recovery->check();
    setCentralWidget(margins);

    m_actions->buildMenus(menuBar());
    UserData *user = m_library->userData();
    m_lists = new ListController(m_library, m_sidebar, m_list, m_detail, this);
    m_edits = new PaperEdits(user, m_list, this);
    m_import = new ImportController(m_library, this);
    m_fetch = new FetchController(m_library, this);
    m_search = new SearchController(m_library, this);
    m_export = new ExportController(m_library, this);
    m_tags = new TagController(user, m_list, this);
    m_notify = new NotifyController(this);
    addPreferencesMenu(this, [this](const Preferences &p) {
        m_detail->setAbstractLanguage(p.abstractLanguage);
        m_fetch->reloadSettings();
        m_notify->reloadSettings();
        if (auto *sync = findChild<WindowSync *>())
            sync->reloadSettings();
    });
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusMessage"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(1); // long paths must not widen the window
    statusBar()->addPermanentWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_fetch->progressWidget());
    statusBar()->setSizeGripEnabled(true);

    // The reader's data reaches the views through one signal; each view patches itself.
    connect(user, &UserData::changed, m_list->model(), &PaperListModel::applyUserChange);
    connect(user, &UserData::changed, m_detail, &DetailPane::applyUserChange);
    connect(m_detail, &DetailPane::starToggled, m_edits, &PaperEdits::setStarred);
    connect(m_detail, &DetailPane::noteEdited, user, &UserData::setNote);
    m_detail->watchNoteSaves(user->notes(), m_notSaved);
    connect(m_detail, &DetailPane::tagsEdited, user, &UserData::setTags);
    connect(m_detail, &DetailPane::noteHistoryRequested, this, &MainWindow::showNoteHistory);

    connect(m_sidebar, &Sidebar::categoriesChanged, m_list, &PaperListPanel::setCategories);
    connect(m_sidebar, &Sidebar::message, this, [this](const QString &text) { showStatus(text); });
    connect(m_list, &PaperListPanel::currentPaperChanged, this, &MainWindow::onCurrentPaperChanged);
    connect(m_list, &PaperListPanel::contextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_detail->hasPaper())
            return;
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("paperContextMenu"));
        m_actions->fillContextMenu(&menu, m_tags->buildTagMenu(&menu, m_actions->addTag));
        menu.exec(pos);
    });
    new VersionsController(m_library, m_detail, this); // versions shown, "updated" ended
    connect(m_detail, &DetailPane::openRequested, this,
            [this](const QUrl &url) { openLink(url, tr("link")); });
    connect(m_detail, &DetailPane::copyRequested, this, &MainWindow::copyText);
    connect(m_list, &PaperListPanel::searchOrderChanged, m_search,
            &SearchController::setByRelevance);
    connect(m_list, &PaperListPanel::saveSearchRequested, this,
            [this] { m_search->askToSave(m_lists->source().query); });
    connect(m_detail, &DetailPane::abstractLanguageChanged, this, [](AbstractLanguage language) {
        QSettings settings;
        settings::abstractLanguage.setValue(settings, language);
    });
    updatePaperActions();
}

void MainWindow::connectActions()
{
    const ReaderActions &a = *m_actions;
    connect(a.importFiles, &QAction::triggered, m_import, &ImportController::chooseFiles);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.nextPaper, &QAction::triggered, m_lists, [this] { m_lists->stepPaper(+1); });
    connect(a.previousPaper, &QAction::triggered, m_lists, [this] { m_lists->stepPaper(-1); });
    connect(a.nextDay, &QAction::triggered, m_lists, [this] { m_lists->stepDay(+1); });
    connect(a.previousDay, &QAction::triggered, m_lists, [this] { m_lists->stepDay(-1); });
    connect(a.focusFilter, &QAction::triggered, m_list, &PaperListPanel::focusFilter);
    connect(a.focusNote, &QAction::triggered, m_detail, &DetailPane::focusNote);
    connect(a.focusTags, &QAction::triggered, m_detail, &DetailPane::focusTags);
    connect(a.focusSearch, &QAction::triggered, m_sidebar, &Sidebar::focusSearch);
    connect(a.focusList, &QAction::triggered, this, [this] {
        // Escape leaves a text field for the list; in the filter or search box it clears it
        // first.
        if (m_list->filterEdit()->hasFocus() && !m_list->filterEdit()->text().isEmpty())
            m_list->filterEdit()->clear();
        else if (m_sidebar->searchEdit()->hasFocus() && !m_sidebar->searchEdit()->text().isEmpty())
            m_sidebar->searchEdit()->clear();
        m_list->focusList();
    });
    connect(a.toggleStar, &QAction::triggered, m_edits, &PaperEdits::toggleStar);
    connect(a.toggleRead, &QAction::triggered, m_edits, &PaperEdits::toggleRead);
    connect(a.markAllRead, &QAction::triggered, m_edits, &PaperEdits::markAllRead);
    connect(a.openAbstract, &QAction::triggered, this,
            [this] { openLink(m_detail->abstractUrl(), tr("arXiv page")); });
    // The kept file, or an offer to download it (issue #21).
    connectPdfs(this, m_library, m_detail, m_lists, m_list->model(), a.openPdf,
                [this](const QString &text, bool error) { showStatus(text, error); });
    connect(a.openCode, &QAction::triggered, this, [this] {
        if (m_detail->codeText().isEmpty())
            showStatus(tr("No code link known for this paper."));
        else if (m_detail->codeUrl().isEmpty())
            showStatus(tr("Not opening the code link: it is not a web link."), true);
        else
            openLink(m_detail->codeUrl(), tr("code link"));
    });
    connect(a.copyLink, &QAction::triggered, this,
            [this] { copyText(m_detail->abstractUrl().toString(), tr("link")); });
    connect(a.copyId, &QAction::triggered, this,
            [this] { copyText(m_detail->paper().paper.arxivId, tr("arXiv ID")); });
    connect(a.openProject, &QAction::triggered, this,
            [this] { openLink(m_detail->projectUrl(), tr("project page")); });
    connect(a.copyBibtex, &QAction::triggered, this,
            [this] { m_export->copyCitations(m_list->selectedPapers(), ExportFormat::BibTeX); });
    connect(a.copyRis, &QAction::triggered, this,
            [this] { m_export->copyCitations(m_list->selectedPapers(), ExportFormat::Ris); });
    connect(a.copyCslJson, &QAction::triggered, this,
            [this] { m_export->copyCitations(m_list->selectedPapers(), ExportFormat::CslJson); });
    connect(a.addTag, &QAction::triggered, m_tags, &TagController::askNewTag);
    connect(a.saveSearch, &QAction::triggered, this,
            [this] { m_search->askToSave(m_lists->source().query); });
    connect(a.exportPapers, &QAction::triggered, this, &MainWindow::openExportDialog);
    connect(a.backupUserData, &QAction::triggered, m_export, &ExportController::chooseBackupFile);
    connect(a.restoreUserData, &QAction::triggered, m_export, &ExportController::chooseRestoreFile);
    connect(a.fetchToday, &QAction::triggered, this, [this] { m_fetch->fetchToday(); });
    connect(a.fetchDays, &QAction::triggered, m_fetch, &FetchController::openFetchDialog);
    connect(a.checkVersions, &QAction::triggered, this, [this] { m_fetch->checkVersions(); });
    connect(a.shortcutsHelp, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::connectControllers()
{
    auto status = [this](const QString &text, bool isError) { showStatus(text, isError); };
    connect(m_lists, &ListController::message, this, status);
    connect(m_edits, &PaperEdits::message, this, status);
    connect(m_import, &ImportController::message, this, status);
    connect(m_fetch, &FetchController::message, this, status);
    connect(m_search, &SearchController::message, this, status);
    connect(m_export, &ExportController::message, this, status);
    connect(m_tags, &TagController::message, this, status);

    connect(m_lists, &ListController::sourceChanged, this, [this](const ListSource &source) {
        m_actions->saveSearch->setEnabled(source.kind == ListKind::Search);
    });
    connect(m_import, &ImportController::imported, m_lists, &ListController::reload);
    connect(m_sidebar, &Sidebar::searchEdited, m_search, &SearchController::onTextEdited);
    connect(m_sidebar, &Sidebar::searchSubmitted, this, [this](const QString &text) {
        m_search->searchNow(text);
        m_list->focusList();
    });
    connect(m_search, &SearchController::searchRequested, m_lists, &ListController::showAndList);
    connect(m_search, &SearchController::searchCleared, m_lists, &ListController::leaveSearch);
    connect(m_search, &SearchController::orderChanged, m_lists, &ListController::setSearchOrder);
    ViewsPanel *views = m_sidebar->viewsPanel();
    connect(views, &ViewsPanel::renameTagRequested, m_tags, &TagController::askToRename);
    connect(views, &ViewsPanel::renameSavedSearchRequested, m_search,
            &SearchController::askToRename);
    connect(views, &ViewsPanel::deleteSavedSearchRequested, m_search,
            &SearchController::askToDelete);
    connect(m_tags, &TagController::tagRenamed, m_lists, &ListController::followTagRename);
    connect(m_search, &SearchController::savedSearchRenamed, m_lists,
            &ListController::followSavedSearchRename);

    connect(m_sidebar, &Sidebar::fetchDayRequested, m_fetch, &FetchController::fetchDayAgain);
    connect(m_fetch, &FetchController::statusesChanged, m_sidebar, &Sidebar::setDayStatuses);
    connect(m_fetch, &FetchController::fetchFinished, this, [this](const FetchSummary &summary) {
        if (summary.papersStored > 0)
            reloadEverything();
    });
    // Outside the window: notifications and the tray; clicking one opens the day or paper.
    connect(m_fetch, &FetchController::listingArrived, m_notify, &NotifyController::listingArrived);
    connect(m_fetch, &FetchController::versionsChanged, m_notify,
            &NotifyController::versionsChanged);
    connect(m_fetch, &FetchController::codeLinksArrived, this, &MainWindow::announceCodeLinks);
    connect(m_import, &ImportController::codeLinksArrived, this, &MainWindow::announceCodeLinks);
    connect(m_library, &Library::countsLoaded, m_notify,
            [this](const SidebarCounts &counts) { m_notify->setUnread(counts.counts.unread); });
    connect(m_notify, &NotifyController::raiseRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_notify, &NotifyController::quitRequested, this, &QWidget::close);
    connect(m_notify, &NotifyController::openDay, m_lists,
            [this](const QDate &day) { m_lists->showAndList(ListSource::day(day)); });
    connect(m_notify, &NotifyController::openPaper, m_lists,
            [this](const QString &id) { m_lists->showAndSelect(ListSource::starred(), id); });
    connect(m_notify, &NotifyController::openPapers, m_lists, [this](const QStringList &ids) {
        m_lists->showAndSelect(ListSource::papers(ids), ids.value(0));
    });
    connect(m_notify, &NotifyController::openUpdated, m_lists,
            [this] { m_lists->showAndList(ListSource::view(ListKind::Updated)); });
    connect(m_export, &ExportController::aboutToRestore, m_detail, &DetailPane::flushNote);
    connect(m_export, &ExportController::userDataRestored, this, [this] {
        // The note on screen may have changed underneath: show the paper afresh when the
        // list comes back, rather than keep (and later save) the old text.
        m_detail->clear(tr("Reloading…"));
        reloadEverything();
    });
}

ListSource MainWindow::currentSource() const
{
    return m_lists->source();
}

void MainWindow::reloadEverything()
{
    m_library->refreshDays();
    m_library->refreshCounts();
    m_lists->reload();
}

void MainWindow::onDaysLoaded(const QList<DaySummary> &days)
{
    m_sidebar->setDays(days);
    m_fetch->refreshStatuses(days);
    if (days.isEmpty()) {
        m_central->setCurrentWidget(m_empty);
        if (m_firstDays && !m_fetch->isRunning())
            showStatus(tr("No digests yet: import one to start."));
        m_firstDays = false;
        return;
    }
    m_central->setCurrentWidget(m_splitter);
    if (m_firstDays && !m_fetch->isRunning()) // a fetch started on opening says more
        showStatus(tr("%n days of digests.", nullptr, int(days.size())));
    m_firstDays = false;
    m_lists->showFirstDay(days);
}

void MainWindow::openExportDialog()
{
    const ListSource source = m_lists->source();
    ExportContext context;
    if (source.kind == ListKind::Day)
        context.day = source.date;
    else if (m_lists->lastDay().isValid())
        context.day = m_lists->lastDay();
    for (const PaperView &view : m_list->selectedPapers())
        context.selectedIds.append(view.paper.arxivId);
    if (source.isSearch())
        context.search = source.query;
    if (source.kind == ListKind::Tag)
        context.tag = source.name;
    context.tags = m_tags->knownTags();
    m_export->openExportDialog(context);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings::windowGeometry.value(settings);
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1320, 820);
    restoreState(settings::windowState.value(settings));
    m_splitter->restoreState(settings::mainSplitter.value(settings));
    m_detail->splitter()->restoreState(settings::detailSplitter.value(settings));
    m_detail->setAbstractLanguage(settings::abstractLanguage.value(settings));
    m_lists->restoreSettings(settings);
    m_edits->setReadDelay(settings::markReadDelayMs.value(settings));
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings::windowGeometry.setValue(settings, saveGeometry());
    settings::windowState.setValue(settings, saveState());
    settings::mainSplitter.setValue(settings, m_splitter->saveState());
    settings::detailSplitter.setValue(settings, m_detail->splitter()->saveState());
    settings::abstractLanguage.setValue(settings, m_detail->abstractLanguage());
    m_lists->saveSettings(settings);
    m_rank->saveSettings(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_detail->flushNote();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::setDayStatus(const QDate &date, const DayStatus &status)
{
    m_sidebar->setDayStatus(date, status);
}

void MainWindow::showStatus(const QString &text, bool isError)
{
    QPalette palette = this->palette();
    if (isError)
        palette.setColor(QPalette::WindowText, warningTextColor(palette));
    m_status->setPalette(palette);
    m_status->setText(text);
    m_status->setToolTip(plainToolTip(text));
}

void MainWindow::showNoteHistory(const QString &arxivId)
{
    // What is being typed is saved first, so it is the text a chosen version replaces.
    m_detail->noteEditor()->flush();
    auto *dialog =
        new NoteHistoryDialog(m_library->userData(), arxivId, m_detail->paper().paper.title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onCurrentPaperChanged(const QString &arxivId)
{
    const PaperView *view = m_list->currentPaper();
    if (arxivId.isEmpty() || !view)
        m_detail->clear(m_list->model()->rowCount() == 0 ? tr("No papers in this list.")
                                                         : tr("Select a paper to read it here."));
    else
        m_detail->showPaper(*view);
    updatePaperActions();
}

void MainWindow::updatePaperActions()
{
    const bool hasPaper = m_detail->hasPaper();
    for (QAction *action : m_actions->paperActions())
        action->setEnabled(hasPaper);
    m_actions->openCode->setEnabled(hasPaper && !m_detail->codeText().isEmpty());
    m_actions->openProject->setEnabled(hasPaper && !m_detail->projectUrl().isEmpty());
    m_actions->markAllRead->setEnabled(m_list->model()->rowCount() > 0);
}

void MainWindow::openLink(const QUrl &url, const QString &what)
{
    QString why;
    if (url.isEmpty())
        showStatus(tr("No %1 to open.").arg(what));
    else if (openExternalUrl(url, &why))
        showStatus(tr("Opened %1.").arg(url.toDisplayString()));
    else
        showStatus(why, true);
}

void MainWindow::copyText(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    showStatus(tr("Copied the %1: %2").arg(what, text));
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_import->importFiles(paths);
}

// Files are imported; a link or id of an arXiv paper is added (issue #21).
void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); }) ||
        AddController::holdsReference(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::none_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); })) {
        if (AddController *adder = deskAdder(this))
            adder->addFromMime(event->mimeData());
        event->acceptProposedAction();
        return;
    }
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    importFiles(paths);
    event->acceptProposedAction();
}

void MainWindow::showShortcuts()
{
    auto *dialog = findChild<ShortcutsDialog *>();
    if (!dialog)
        dialog = new ShortcutsDialog(m_actions->groups() << m_rank->paperActions(), this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Paperboy"),
        tr("Paperboy %1\nA desktop reader for daily arXiv digests.\n%2")
            .arg(QStringLiteral(PAPERBOY_VERSION), QStringLiteral(PAPERBOY_HOMEPAGE)));
}

void MainWindow::announceCodeLinks(const QList<CodeLinkArrival> &arrivals)
{
    m_notify->codeLinksArrived(arrivals);
    m_detail->markNewCodeLinks(arrivals);
}

} // namespace paperboy
