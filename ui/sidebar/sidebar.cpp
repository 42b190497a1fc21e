#include "sidebar/sidebar.h"

#include "sidebar/day_bar_delegate.h"
#include "sidebar/views_panel.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QSet>
#include <QStyle>
#include <QTextCharFormat>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace paperboy {

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

Sidebar::Sidebar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search all papers (Ctrl+F)"));
    m_search->setToolTip(tr("Words, \"phrases\", -excluded, author:, cat:, tag:, is:starred, "
                            "is:unread, has:code, has:note, after:YYYY-MM-DD, before:YYYY-MM-DD"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textEdited, this, &Sidebar::searchEdited);
    // The clear button changes the text without textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_updating)
            emit searchEdited(text);
    });
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { emit searchSubmitted(m_search->text()); });

    m_days = new DayTreeModel(this);
    m_days->setObjectName(QStringLiteral("dayModel"));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("dayTree"));
    m_tree->setModel(m_days);
    // A quiet bar under each day's label: its papers against the busiest day's.
    m_tree->setItemDelegateForColumn(DayTreeModel::LabelColumn, new DayBarDelegate(m_days, m_tree));
    m_tree->setUniformRowHeights(true);
    // Three levels deep, a day's mark ("Sun 29 · failed") must fit beside its two count columns.
    m_tree->setIndentation(14);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DayTreeModel::LabelColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(DayTreeModel::UnreadColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DayTreeModel::PapersColumn,
                                           QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_updating)
                    chooseDay(current);
            });
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        // Years and months open and close on a click; only days are lists.
        const QModelIndex first = index.siblingAtColumn(0);
        if (m_days->rowCount(first) > 0)
            m_tree->setExpanded(first, !m_tree->isExpanded(first));
    });
    connect(m_days, &QAbstractItemModel::modelReset, this, [this] {
        expandAround(m_current.date);
        // A status that adds or removes a row resets the model; the day shown stays current.
        if (m_current.kind == ListKind::Day) {
            const QModelIndex index = m_days->indexOfDate(m_current.date);
            if (index.isValid()) {
                const bool updating = std::exchange(m_updating, true);
                m_tree->setCurrentIndex(index);
                m_updating = updating;
            }
        }
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &Sidebar::showDayMenu);

    m_calendar = new QCalendarWidget;
    m_calendar->setObjectName(QStringLiteral("jumpCalendar"));
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    auto *calendarMenu = new QMenu(this);
    auto *calendarAction = new QWidgetAction(calendarMenu);
    calendarAction->setDefaultWidget(m_calendar);
    calendarMenu->addAction(calendarAction);
    connect(m_calendar, &QCalendarWidget::clicked, this, [this, calendarMenu](QDate date) {
        calendarMenu->close();
        if (!m_days->indexOfDate(date).isValid()) {
            emit message(
                tr("No digest for %1.").arg(QLocale().toString(date, QLocale::LongFormat)));
            return;
        }
        showSource(ListSource::day(date));
        emit sourceChosen(m_current);
    });
    m_jump = new QToolButton(this);
    m_jump->setObjectName(QStringLiteral("jumpToDateButton"));
    m_jump->setText(tr("Go to Date"));
    m_jump->setToolTip(tr("Pick a day on a calendar; days with a digest are bold"));
    m_jump->setPopupMode(QToolButton::InstantPopup);
    m_jump->setMenu(calendarMenu);
    m_jump->setAutoRaise(true);
    // The style draws the menu arrow in the corner over centred text; room to spare keeps the
    // last character (a full-width one in Chinese) clear of it.
    m_jump->setMinimumWidth(m_jump->sizeHint().width() +
                            2 * m_jump->fontMetrics().averageCharWidth());

    m_viewsPanel = new ViewsPanel(this);
    connect(m_viewsPanel, &ViewsPanel::sourceChosen, this, [this](const ListSource &source) {
        showSource(source);
        emit sourceChosen(source);
    });

    m_categories = new QListWidget(this);
    m_categories->setObjectName(QStringLiteral("categoryFilter"));
    m_categories->setToolTip(
        tr("Show only papers in the checked categories; none checked shows all"));
    m_categories->setMaximumHeight(140);
    connect(m_categories, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            emit categoriesChanged(checkedCategories());
    });

    auto *daysHeader = new QHBoxLayout;
    daysHeader->addWidget(sectionLabel(tr("Days"), this), 1);
    daysHeader->addWidget(m_jump);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addLayout(daysHeader);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_viewsPanel);
    layout->addWidget(sectionLabel(tr("Categories"), this));
    layout->addWidget(m_categories);
}

void Sidebar::setDays(const QList<DaySummary> &days)
{
    m_updating = true;
    m_days->setDays(days);
    if (m_current.kind == ListKind::Day && m_current.date.isValid()) {
        const QModelIndex index = m_days->indexOfDate(m_current.date);
        if (index.isValid() && m_tree->currentIndex().siblingAtColumn(0) != index)
            m_tree->setCurrentIndex(index);
    }
    m_updating = false;
    updateCalendar(days);
    updateCategories(days);
}

void Sidebar::setDayStatus(const QDate &date, const DayStatus &status)
{
    m_days->setDayStatus(date, status);
}

void Sidebar::setDayStatuses(const QHash<QDate, DayStatus> &statuses)
{
    m_days->setDayStatuses(statuses);
}

void Sidebar::setCounts(const SidebarCounts &counts)
{
    m_viewsPanel->setCounts(counts);
}

void Sidebar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void Sidebar::showDayMenu(const QPoint &pos)
{
    const QDate date = m_tree->indexAt(pos).data(DayTreeModel::DateRole).toDate();
    if (!date.isValid())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("dayContextMenu"));
    QAction *again = menu.addAction(tr("Fetch This Day Again"));
    again->setObjectName(QStringLiteral("fetchAgainAction"));
    again->setToolTip(tr("Ask arXiv for this day's listing once more"));
    connect(again, &QAction::triggered, this, [this, date] { emit fetchDayRequested(date); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void Sidebar::showSource(const ListSource &source)
{
    m_updating = true;
    m_current = source;
    if (source.kind == ListKind::Day) {
        m_viewsPanel->showSource(source);
        const QModelIndex index = m_days->indexOfDate(source.date);
        if (index.isValid()) {
            expandAround(source.date);
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
        }
    } else {
        m_tree->clearSelection();
        m_tree->setCurrentIndex({});
        m_viewsPanel->showSource(source);
    }
    // The box shows the search on screen; leaving it for another list empties it.
    if (source.kind == ListKind::Search) {
        if (m_search->text() != source.query)
            m_search->setText(source.query);
    } else if (!m_search->text().isEmpty()) {
        m_search->clear();
    }
    m_updating = false;
}

void Sidebar::chooseDay(const QModelIndex &index)
{
    const QDate date = index.data(DayTreeModel::DateRole).toDate();
    if (!date.isValid())
        return;
    const ListSource source = ListSource::day(date);
    if (source == m_current)
        return;
    showSource(source);
    emit sourceChosen(source);
}

void Sidebar::expandAround(const QDate &date)
{
    // The newest month is open by default; the shown day's month too.
    const QModelIndex newestYear = m_days->index(0, 0);
    if (newestYear.isValid()) {
        m_tree->expand(newestYear);
        m_tree->expand(m_days->index(0, 0, newestYear));
    }
    const QModelIndex day = m_days->indexOfDate(date);
    for (QModelIndex parent = day.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
}

void Sidebar::updateCalendar(const QList<DaySummary> &days)
{
    if (days.isEmpty())
        return;
    QDate first = days.first().date;
    QDate last = first;
    for (const DaySummary &day : days) {
        first = qMin(first, day.date);
        last = qMax(last, day.date);
    }
    // Days without a digest stay visible but dim; days with one are bold.
    QTextCharFormat absent;
    absent.setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday)
        m_calendar->setWeekdayTextFormat(Qt::DayOfWeek(weekday), absent);
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat());
    QTextCharFormat present;
    present.setFontWeight(QFont::Bold);
    present.setForeground(palette().color(QPalette::Text));
    for (const DaySummary &day : days)
        m_calendar->setDateTextFormat(day.date, present);
    m_calendar->setDateRange(first, last);
    if (m_current.kind == ListKind::Day && m_current.date.isValid())
        m_calendar->setSelectedDate(m_current.date);
}

void Sidebar::updateCategories(const QList<DaySummary> &days)
{
    const QStringList checked = checkedCategories();
    QSet<QString> seen;
    QStringList all;
    for (const DaySummary &day : days)
        for (const QString &category : day.categories)
            if (!seen.contains(category)) {
                seen.insert(category);
                all.append(category);
            }
    all.sort(Qt::CaseInsensitive);
    QStringList existing;
    for (int row = 0; row < m_categories->count(); ++row)
        existing.append(m_categories->item(row)->text());
    if (existing == all)
        return;
    m_updating = true;
    m_categories->clear();
    for (const QString &category : all) {
        auto *item = new QListWidgetItem(category, m_categories);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(category) ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = false;
}

QStringList Sidebar::checkedCategories() const
{
    QStringList checked;
    for (int row = 0; row < m_categories->count(); ++row)
        if (m_categories->item(row)->checkState() == Qt::Checked)
            checked.append(m_categories->item(row)->text());
    return checked;
}

} // namespace paperboy
