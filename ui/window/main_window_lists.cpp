#include "window/main_window.h"

#include "detail/detail_pane.h"
#include "window/empty_state.h"
#include "fetch/fetch_controller.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "window/reader_actions.h"
#include "sidebar/sidebar.h"

#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>

// The window's list: which source is shown, how it is headed, what an empty one says, and
// how [ and ] and the search box move between sources.

namespace paperboy {

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
    if (m_source.isValid())
        return;
    // First list: the day shown last time if it still exists, else the newest.
    QDate day = days.first().date;
    for (const DaySummary &summary : days)
        if (summary.date == m_lastDay)
            day = m_lastDay;
    if (day != m_lastDay)
        m_wantedPaper.clear();
    m_sidebar->showSource(ListSource::day(day));
    chooseSource(ListSource::day(day));
}

void MainWindow::chooseSource(const ListSource &source)
{
    // The note goes out before the next list is read; pending edits cover the rest.
    m_detail->flushNote();
    const bool sameSource = source == m_source;
    if (!source.isSearch())
        m_beforeSearch = source;
    else if (!m_source.isSearch() && m_source.isValid())
        m_beforeSearch = m_source;
    m_source = source;
    if (source.kind == ListKind::Day) {
        m_lastDay = source.date;
        setWindowTitle(QStringLiteral("%1 — Paperboy")
                           .arg(QLocale().toString(source.date, QLocale::ShortFormat)));
    } else {
        setWindowTitle(QStringLiteral("Paperboy"));
    }
    m_list->setMarkAllReadVisible(true);
    m_list->setSearchControlsVisible(source.isSearch(), source.byRelevance);
    m_actions->saveSearch->setEnabled(source.kind == ListKind::Search);
    if (!sameSource) {
        m_list->setEmptyMessage(emptyMessageFor(source));
        m_list->setPapers(headingFor(source, -1), {}, {});
        m_list->showLoading(headingFor(source, -1));
    }
    m_library->loadList(source);
}

void MainWindow::showSourceAndList(const ListSource &source)
{
    m_sidebar->showSource(source);
    chooseSource(source);
}

void MainWindow::leaveSearch()
{
    if (!m_source.isSearch()) {
        // A keystroke cut short the list being read; read it again.
        if (m_source.isValid())
            m_library->loadList(m_source);
        return;
    }
    ListSource back = m_beforeSearch;
    if (!back.isValid())
        back = ListSource::day(m_lastDay.isValid() ? m_lastDay
                                                   : m_sidebar->dayModel()->dates().value(0));
    if (!back.isValid())
        return;
    m_sidebar->showSource(back);
    chooseSource(back);
}

QString MainWindow::emptyMessageFor(const ListSource &source) const
{
    switch (source.kind) {
    case ListKind::Day: {
        const QModelIndex day = m_sidebar->dayModel()->indexOfDate(source.date);
        if (day.data(DayTreeModel::PlaceholderRole).toBool())
            return tr("No listing stored for this day (%1).\nRight-click the day and choose "
                      "Fetch This Day Again.")
                .arg(day.data(DayTreeModel::StatusRole).toString());
        break;
    }
    case ListKind::Starred:
        return tr("No starred papers yet.\nPress S on a paper to star it.");
    case ListKind::Annotated:
        return tr("No notes yet.\nPress N on a paper to write one.");
    case ListKind::Unread:
        return tr("Everything is read.");
    case ListKind::Tag:
        return tr("No paper carries this tag any more.");
    case ListKind::Search:
    case ListKind::SavedSearch:
        return tr("No paper matches the search.");
    case ListKind::Ids:
        return tr("None of these papers is in the library.");
    }
    return {};
}

void MainWindow::onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                              const ListResult &result)
{
    if (source != m_source)
        return;
    if (!result.error.isEmpty())
        showStatus(tr("Could not read the list: %1").arg(result.error), true);
    else if (!result.warnings.isEmpty())
        showStatus(tr("Search: %1").arg(result.warnings.join(QStringLiteral("; "))));
    m_list->setEmptyMessage(emptyMessageFor(source));
    m_list->setHighlightTerms(result.highlight);
    m_detail->setHighlightTerms(result.highlight);
    const QString keep = m_wantedPaper.isEmpty() ? m_list->currentId() : m_wantedPaper;
    m_wantedPaper.clear();
    m_listedCount = int(papers.size());
    m_listResult = result;
    m_list->setPapers(headingFor(source, m_listedCount, result), papers, keep);
    if (m_list->currentId().isEmpty())
        m_list->selectFirst();
}

void MainWindow::onListTotalCounted(const ListSource &source, int total)
{
    if (source != m_source)
        return;
    m_listResult.totalPending = false;
    m_listResult.total = total > m_listedCount ? total : -1;
    m_list->setHeading(headingFor(source, m_listedCount, m_listResult));
}

QString MainWindow::headingFor(const ListSource &source, int count, const ListResult &result) const
{
    QString name;
    switch (source.kind) {
    case ListKind::Day:
        name = QLocale().toString(source.date,
                                  tr("dddd d MMMM yyyy", "QLocale date format of a day's heading"));
        break;
    case ListKind::Starred:
        name = tr("Starred");
        break;
    case ListKind::Annotated:
        name = tr("Annotated");
        break;
    case ListKind::Unread:
        name = tr("Unread");
        break;
    case ListKind::Tag:
        name = tr("Tag: %1").arg(source.name);
        break;
    case ListKind::Search:
        name = tr("Search: %1").arg(source.query.simplified());
        break;
    case ListKind::SavedSearch:
        name = tr("Saved search: %1").arg(source.name);
        break;
    case ListKind::Ids:
        name = tr("Chosen papers");
        break;
    }
    if (count < 0)
        return name;
    if (result.totalPending)
        return (source.byRelevance ? tr("%1 · best %2 papers (counting all matches…)")
                                   : tr("%1 · newest %2 papers (counting all matches…)"))
            .arg(name, QLocale().toString(count));
    if (result.total > count)
        return (source.byRelevance ? tr("%1 · best %2 of %3 papers")
                                   : tr("%1 · newest %2 of %3 papers"))
            .arg(name, QLocale().toString(count), QLocale().toString(result.total));
    return (count == 1 ? tr("%1 · 1 paper") : tr("%1 · %n papers", nullptr, count)).arg(name);
}

void MainWindow::stepDay(int direction)
{
    DayTreeModel *days = m_sidebar->dayModel();
    QDate to;
    if (m_source.kind != ListKind::Day) {
        // From a smart view, either key leads back to the days, where the reader left them.
        to = days->indexOfDate(m_lastDay).isValid() ? m_lastDay : days->dates().value(0);
    } else {
        to = direction > 0 ? days->newerDay(m_source.date) : days->olderDay(m_source.date);
    }
    if (!to.isValid()) {
        showStatus(direction > 0 ? tr("No newer digest.") : tr("No older digest."));
        return;
    }
    const ListSource source = ListSource::day(to);
    m_sidebar->showSource(source);
    chooseSource(source);
}

} // namespace paperboy
