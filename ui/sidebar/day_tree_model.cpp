#include "sidebar/day_tree_model.h"

#include "common/plain_tool_tip.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <functional>

namespace paperboy {

struct DayTreeModel::Node
{
    Level level = YearLevel;
    int year = 0;
    int month = 0;
    DaySummary day;
    bool placeholder = false;
    int papers = 0;
    int unread = 0;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *addChild(Level childLevel)
    {
        auto child = std::make_unique<Node>();
        child->level = childLevel;
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

DayTreeModel::DayTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(new Node) {}

DayTreeModel::~DayTreeModel() = default;

void DayTreeModel::setDays(const QList<DaySummary> &input)
{
    QList<DaySummary> days = input;
    std::sort(days.begin(), days.end(),
              [](const DaySummary &a, const DaySummary &b) { return a.date > b.date; });
    QList<QDate> dates;
    for (const DaySummary &day : days)
        dates.append(day.date);
    if (dates != m_dates) {
        beginResetModel();
        m_days = days;
        rebuild();
        endResetModel();
        return;
    }
    m_days = days;
    for (const DaySummary &day : days) {
        Node *node = m_dayNodes.value(day.date);
        node->day = day;
        node->papers = day.papers;
        node->unread = day.unread;
    }
    // Parents sum their children; recompute bottom-up.
    for (const auto &year : m_root->children) {
        year->papers = year->unread = 0;
        for (const auto &month : year->children) {
            month->papers = month->unread = 0;
            for (const auto &day : month->children) {
                month->papers += day->papers;
                month->unread += day->unread;
            }
            year->papers += month->papers;
            year->unread += month->unread;
        }
    }
    // Every row may have changed; one signal per top-level range is enough for views.
    std::function<void(const QModelIndex &)> announce = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        emit dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
        for (int row = 0; row < rows; ++row)
            announce(index(row, 0, parent));
    };
    announce({});
}

QList<QDate> DayTreeModel::placeholderDates() const
{
    QList<QDate> dates;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it)
        if (!m_dates.contains(it.key()))
            dates.append(it.key());
    std::sort(dates.begin(), dates.end(), std::greater<>());
    return dates;
}

void DayTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    m_dayNodes.clear();
    m_dates.clear();
    for (const DaySummary &day : std::as_const(m_days))
        m_dates.append(day.date);
    // Days known only from their status join the digests, in date order.
    QList<DaySummary> all = m_days;
    const QList<QDate> placeholders = placeholderDates();
    for (const QDate &date : placeholders) {
        DaySummary day;
        day.date = date;
        all.append(day);
    }
    std::sort(all.begin(), all.end(),
              [](const DaySummary &a, const DaySummary &b) { return a.date > b.date; });
    Node *year = nullptr;
    Node *month = nullptr;
    for (const DaySummary &day : std::as_const(all)) {
        if (!year || year->year != day.date.year()) {
            year = m_root->addChild(YearLevel);
            year->year = day.date.year();
            month = nullptr;
        }
        if (!month || month->month != day.date.month()) {
            month = year->addChild(MonthLevel);
            month->year = year->year;
            month->month = day.date.month();
        }
        Node *node = month->addChild(DayLevel);
        node->year = year->year;
        node->month = month->month;
        node->day = day;
        node->placeholder = !m_dates.contains(day.date);
        node->papers = day.papers;
        node->unread = day.unread;
        month->papers += day.papers;
        month->unread += day.unread;
        year->papers += day.papers;
        year->unread += day.unread;
        m_dayNodes.insert(day.date, node);
    }
}

void DayTreeModel::announceStatus(const QDate &date)
{
    const QModelIndex index = indexOfDate(date);
    if (index.isValid())
        emit dataChanged(index, index.siblingAtColumn(ColumnCount - 1));
}

void DayTreeModel::setDayStatus(const QDate &date, const DayStatus &status)
{
    QHash<QDate, DayStatus> statuses = m_status;
    statuses.insert(date, status);
    setDayStatuses(statuses);
}

void DayTreeModel::clearDayStatus(const QDate &date)
{
    if (!m_status.contains(date))
        return;
    QHash<QDate, DayStatus> statuses = m_status;
    statuses.remove(date);
    setDayStatuses(statuses);
}

void DayTreeModel::setDayStatuses(const QHash<QDate, DayStatus> &statuses)
{
    const QList<QDate> placeholdersBefore = placeholderDates();
    QList<QDate> touched = m_status.keys();
    touched.append(statuses.keys());
    m_status = statuses;
    if (placeholderDates() != placeholdersBefore) {
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    for (const QDate &date : std::as_const(touched))
        announceStatus(date);
}

QList<QDate> DayTreeModel::dates() const
{
    return m_dates;
}

QModelIndex DayTreeModel::indexOfDate(const QDate &date, int column) const
{
    const Node *node = m_dayNodes.value(date);
    return node ? indexOfNode(node, column) : QModelIndex();
}

QDate DayTreeModel::olderDay(const QDate &date) const
{
    for (const QDate &candidate : m_dates)
        if (candidate < date)
            return candidate;
    return {};
}

QDate DayTreeModel::newerDay(const QDate &date) const
{
    for (auto it = m_dates.crbegin(); it != m_dates.crend(); ++it)
        if (*it > date)
            return *it;
    return {};
}

DayTreeModel::Node *DayTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex DayTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex DayTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *parentNode = nodeOf(parent);
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex DayTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent, 0);
}

int DayTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int DayTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString DayTreeModel::label(const Node &node) const
{
    const QLocale locale;
    switch (node.level) {
    case YearLevel:
        return tr("%1", "a year in the day tree").arg(node.year);
    case MonthLevel:
        return locale.standaloneMonthName(node.month);
    case DayLevel:
        break;
    }
    QString text = tr("%1 %2", "a day in the day tree: short weekday name, day of the month")
                       .arg(locale.dayName(node.day.date.dayOfWeek(), QLocale::ShortFormat))
                       .arg(node.day.date.day());
    if (node.day.sameAs.isValid())
        text = tr("%1 · repeat", "the day repeats the listing of an earlier day").arg(text);
    const auto status = m_status.constFind(node.day.date);
    if (status != m_status.constEnd() && !status->text.isEmpty())
        text += QStringLiteral(" · ") + status->text;
    return text;
}

QVariant DayTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn:
            return label(node);
        case UnreadColumn:
            return node.unread > 0 ? QVariant(node.unread) : QVariant(QString());
        case PapersColumn:
            // A repeat lists an earlier day's papers and counts none of its own: a 0 beside
            // a day whose list shows 250 papers read as a lost listing. The label says
            // "repeat" and the tooltip names the day it repeats.
            if (node.placeholder ||
                (node.level == DayLevel && node.day.sameAs.isValid() && node.papers == 0))
                return QVariant(QString());
            return QVariant(node.papers);
        }
        break;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: {
        if (node.level != DayLevel)
            return tr("%n papers, %1 unread", nullptr, node.papers).arg(node.unread);
        QString tip = QLocale().toString(node.day.date, QLocale::LongFormat);
        if (node.placeholder)
            tip += QLatin1Char('\n') + tr("No listing stored for this day.");
        else
            tip += QLatin1Char('\n') +
                   tr("%n papers, %1 unread", nullptr, node.papers).arg(node.unread);
        if (!node.day.sources.isEmpty())
            tip +=
                QLatin1Char('\n') + tr("From: %1").arg(node.day.sources.join(QStringLiteral(", ")));
        if (node.day.sameAs.isValid())
            tip += QLatin1Char('\n') +
                   tr("The source repeated the listing of %1.")
                       .arg(QLocale().toString(node.day.sameAs, QLocale::ShortFormat));
        const auto status = m_status.constFind(node.day.date);
        if (status != m_status.constEnd())
            tip += QLatin1Char('\n') + (status->details.isEmpty() ? status->text : status->details);
        // The details can hold a server's reply: shown as text, never as markup.
        return role == Qt::ToolTipRole ? QVariant(plainToolTip(tip)) : QVariant(tip);
    }
    case Qt::DecorationRole:
        if (index.column() == LabelColumn && node.level == DayLevel) {
            const auto status = m_status.constFind(node.day.date);
            if (status != m_status.constEnd() && !status->icon.isNull())
                return status->icon;
        }
        break;
    case Qt::FontRole:
        if (node.unread > 0 && index.column() != PapersColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (node.placeholder) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != LabelColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case DateRole:
        return node.level == DayLevel ? QVariant(node.day.date) : QVariant();
    case LevelRole:
        return int(node.level);
    case UnreadRole:
        return node.unread;
    case PapersRole:
        return node.papers;
    case StatusRole:
        return node.level == DayLevel ? m_status.value(node.day.date).text : QString();
    case PlaceholderRole:
        return node.placeholder;
    }
    return {};
}

QVariant DayTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Day");
    case UnreadColumn:
        return tr("Unread");
    case PapersColumn:
        return tr("Papers");
    }
    return {};
}

Qt::ItemFlags DayTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace paperboy
