#include "sidebar.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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

constexpr int kViewKindRole = Qt::UserRole + 1;

} // namespace

Sidebar::Sidebar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    m_days = new DayTreeModel(this);
    m_days->setObjectName(QStringLiteral("dayModel"));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("dayTree"));
    m_tree->setModel(m_days);
    m_tree->setUniformRowHeights(true);
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
    connect(m_days, &QAbstractItemModel::modelReset, this,
            [this] { expandAround(m_current.date); });

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
            emit message(QStringLiteral("No digest for %1.")
                             .arg(QLocale().toString(date, QLocale::LongFormat)));
            return;
        }
        showSource({ListKind::Day, date});
        emit sourceChosen(m_current);
    });
    m_jump = new QToolButton(this);
    m_jump->setObjectName(QStringLiteral("jumpToDateButton"));
    m_jump->setText(QStringLiteral("Go to Date"));
    m_jump->setToolTip(QStringLiteral("Pick a day on a calendar; days with a digest are bold"));
    m_jump->setPopupMode(QToolButton::InstantPopup);
    m_jump->setMenu(calendarMenu);
    m_jump->setAutoRaise(true);

    m_views = new QListWidget(this);
    m_views->setObjectName(QStringLiteral("smartViews"));
    const struct
    {
        ListKind kind;
        QString glyph;
        QString name;
    } views[] = {{ListKind::Starred, QStringLiteral("\u2605"), QStringLiteral("Starred")},
                 {ListKind::Annotated, QStringLiteral("\u270E"), QStringLiteral("Annotated")},
                 {ListKind::Unread, QStringLiteral("\u25CF"), QStringLiteral("Unread")}};
    for (const auto &view : views) {
        auto *item = new QListWidgetItem(view.glyph + QStringLiteral("  ") + view.name, m_views);
        item->setData(kViewKindRole, int(view.kind));
    }
    m_views->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_views->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_views->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_views->setFixedHeight(m_views->sizeHintForRow(0) * m_views->count() +
                            2 * m_views->frameWidth() + 4);
    connect(m_views, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_updating && row >= 0)
            chooseSmartView(row);
    });
    connect(m_views, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { chooseSmartView(m_views->row(item)); });

    m_categories = new QListWidget(this);
    m_categories->setObjectName(QStringLiteral("categoryFilter"));
    m_categories->setToolTip(QStringLiteral("Show only papers in the checked categories; "
                                            "none checked shows all"));
    m_categories->setMaximumHeight(140);
    connect(m_categories, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            emit categoriesChanged(checkedCategories());
    });

    auto *daysHeader = new QHBoxLayout;
    daysHeader->addWidget(sectionLabel(QStringLiteral("Days"), this), 1);
    daysHeader->addWidget(m_jump);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(daysHeader);
    layout->addWidget(m_tree, 1);
    layout->addWidget(sectionLabel(QStringLiteral("Views"), this));
    layout->addWidget(m_views);
    layout->addWidget(sectionLabel(QStringLiteral("Categories"), this));
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

void Sidebar::clearDayStatus(const QDate &date)
{
    m_days->clearDayStatus(date);
}

void Sidebar::showSource(const ListSource &source)
{
    m_updating = true;
    m_current = source;
    if (source.kind == ListKind::Day) {
        m_views->clearSelection();
        m_views->setCurrentRow(-1);
        const QModelIndex index = m_days->indexOfDate(source.date);
        if (index.isValid()) {
            expandAround(source.date);
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
        }
    } else {
        m_tree->clearSelection();
        m_tree->setCurrentIndex({});
        for (int row = 0; row < m_views->count(); ++row)
            if (m_views->item(row)->data(kViewKindRole).toInt() == int(source.kind))
                m_views->setCurrentRow(row);
    }
    m_updating = false;
}

void Sidebar::chooseDay(const QModelIndex &index)
{
    const QDate date = index.data(DayTreeModel::DateRole).toDate();
    if (!date.isValid())
        return;
    const ListSource source{ListKind::Day, date};
    if (source == m_current)
        return;
    showSource(source);
    emit sourceChosen(source);
}

void Sidebar::chooseSmartView(int row)
{
    QListWidgetItem *item = m_views->item(row);
    if (!item)
        return;
    const ListSource source{ListKind(item->data(kViewKindRole).toInt()), {}};
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
