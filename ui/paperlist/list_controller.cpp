#include "paperlist/list_controller.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "sidebar/day_tree_model.h"
#include "sidebar/sidebar.h"

#include <QLocale>
#include <QSettings>
#include <QWidget>

namespace paperboy {

ListController::ListController(Library *library, Sidebar *sidebar, PaperListPanel *list,
                               DetailPane *detail, QWidget *window)
    : QObject(window), m_library(library), m_sidebar(sidebar), m_list(list), m_detail(detail),
      m_window(window)
{
    connect(library, &Library::listLoaded, this, &ListController::onListLoaded);
    connect(library, &Library::listTotalCounted, this, &ListController::onTotalCounted);
    // A tag or saved search was renamed or removed: any list may show its old name.
    connect(library, &Library::userViewsChanged, this, &ListController::reload);
    connect(sidebar, &Sidebar::sourceChosen, this, &ListController::choose);
}

DayTreeModel *ListController::days() const
{
    return m_sidebar->dayModel();
}

void ListController::restoreSettings(const QSettings &settings)
{
    m_lastDay = settings::lastDay.value(settings);
    m_wantedPaper = settings::lastPaper.value(settings);
}

void ListController::saveSettings(QSettings &settings) const
{
    if (m_lastDay.isValid())
        settings::lastDay.setValue(settings, m_lastDay);
    const QString paper = m_list->currentId();
    if (!paper.isEmpty())
        settings::lastPaper.setValue(settings, paper);
}

void ListController::showFirstDay(const QList<DaySummary> &days)
{
    if (m_source.isValid() || days.isEmpty())
        return;
    // First list: the day shown last time if it still exists, else the newest.
    QDate day = days.first().date;
    for (const DaySummary &summary : days)
        if (summary.date == m_lastDay)
            day = m_lastDay;
    if (day != m_lastDay)
        m_wantedPaper.clear();
    showAndList(ListSource::day(day));
}

void ListController::choose(const ListSource &source)
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
        m_window->setWindowTitle(QStringLiteral("%1 — Paperboy")
                                     .arg(QLocale().toString(source.date, QLocale::ShortFormat)));
    } else {
        m_window->setWindowTitle(QStringLiteral("Paperboy"));
    }
    m_list->setMarkAllReadVisible(true);
    m_list->setSearchControlsVisible(source.isSearch(), source.byRelevance);
    emit sourceChanged(source);
    if (!sameSource) {
        m_list->setEmptyMessage(emptyMessage(source));
        m_list->setPapers(heading(source, -1), {}, {});
        m_list->showLoading(heading(source, -1));
    }
    m_library->loadList(source);
}

void ListController::showAndList(const ListSource &source)
{
    m_sidebar->showSource(source);
    choose(source);
}

void ListController::showAndSelect(const ListSource &source, const QString &arxivId)
{
    m_wantedPaper = arxivId;
    showAndList(source);
}

void ListController::reload()
{
    if (m_source.isValid())
        m_library->loadList(m_source);
}

void ListController::leaveSearch()
{
    if (!m_source.isSearch()) {
        // A keystroke cut short the list being read; read it again.
        reload();
        return;
    }
    ListSource back = m_beforeSearch;
    if (!back.isValid())
        back = ListSource::day(m_lastDay.isValid() ? m_lastDay : days()->dates().value(0));
    if (back.isValid())
        showAndList(back);
}

void ListController::setSearchOrder(bool byRelevance)
{
    if (!m_source.isSearch())
        return;
    ListSource source = m_source;
    source.byRelevance = byRelevance;
    choose(source);
}

void ListController::followTagRename(const QString &from, const QString &to)
{
    if (m_source.kind == ListKind::Tag && m_source.name == from)
        showAndList(ListSource::tag(to));
}

void ListController::followSavedSearchRename(const QString &from, const QString &to)
{
    if (m_source.kind != ListKind::SavedSearch || m_source.name != from)
        return;
    if (to.isEmpty()) {
        leaveSearch();
        return;
    }
    ListSource source = m_source;
    source.name = to;
    showAndList(source);
}

void ListController::onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                                  const ListResult &result)
{
    if (source != m_source)
        return;
    if (!result.error.isEmpty())
        emit message(tr("Could not read the list: %1").arg(result.error), true);
    else if (!result.warnings.isEmpty())
        emit message(tr("Search: %1").arg(result.warnings.join(QStringLiteral("; "))), false);
    m_list->setEmptyMessage(emptyMessage(source));
    m_list->setHighlightTerms(result.highlight);
    m_detail->setHighlightTerms(result.highlight);
    const QString keep = m_wantedPaper.isEmpty() ? m_list->currentId() : m_wantedPaper;
    m_wantedPaper.clear();
    m_listedCount = int(papers.size());
    m_listResult = result;
    m_list->setPapers(heading(source, m_listedCount, result), papers, keep);
    if (m_list->currentId().isEmpty())
        m_list->selectFirst();
}

void ListController::onTotalCounted(const ListSource &source, int total)
{
    if (source != m_source)
        return;
    m_listResult.totalPending = false;
    m_listResult.total = total > m_listedCount ? total : -1;
    m_list->setHeading(heading(source, m_listedCount, m_listResult));
}

QString ListController::emptyMessage(const ListSource &source) const
{
    switch (source.kind) {
    case ListKind::Day: {
        const QModelIndex day = days()->indexOfDate(source.date);
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
    case ListKind::Updated:
        return tr("No new versions you have not seen.\nThe papers you star, note or tag are "
                  "checked after each day's listing.");
    case ListKind::Tag:
        return tr("No paper carries this tag any more.");
    case ListKind::Search:
    case ListKind::SavedSearch:
        return tr("No paper matches the search.");
    case ListKind::Ids:
        return tr("None of these papers is in the library.");
    case ListKind::ForYou:
        return tr("Nothing new for you in the last 7 days.\nStar papers you liked: For You "
                  "ranks the unread ones like them first.");
    case ListKind::Followed:
        return tr("No papers by followed authors.\nFollow an author from a paper's detail "
                  "pane.");
    case ListKind::Similar:
        return tr("No paper reads like this one.");
    case ListKind::Added:
        return tr("No papers added yet.\nPaste an arXiv link or id (Ctrl+V) or drop one on the "
                  "window to add it.");
    }
    return {};
}

void ListController::setListedCount(int count)
{
    m_listedCount = count;
    m_list->setHeading(heading(m_source, m_listedCount, m_listResult));
}

QString ListController::heading(const ListSource &source, int count, const ListResult &result) const
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
    case ListKind::Updated:
        name = tr("Updated");
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
    case ListKind::ForYou:
        name = tr("For You");
        break;
    case ListKind::Followed:
        name = tr("Followed Authors");
        break;
    case ListKind::Similar:
        name = tr("More like %1").arg(source.name);
        break;
    case ListKind::Added:
        name = tr("Added");
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

void ListController::stepDay(int direction)
{
    QDate to;
    if (m_source.kind != ListKind::Day) {
        // From a smart view, either key leads back to the days, where the reader left them.
        to = days()->indexOfDate(m_lastDay).isValid() ? m_lastDay : days()->dates().value(0);
    } else {
        to = direction > 0 ? days()->newerDay(m_source.date) : days()->olderDay(m_source.date);
    }
    if (!to.isValid()) {
        emit message(direction > 0 ? tr("No newer digest.") : tr("No older digest."), false);
        return;
    }
    showAndList(ListSource::day(to));
}

void ListController::stepPaper(int direction)
{
    if (m_list->moveCurrent(direction))
        return;
    emit message(direction > 0 ? tr("Last paper of the list; ] goes to the next day.")
                               : tr("First paper of the list; [ goes to the previous day."),
                 false);
}

} // namespace paperboy
