#include "paperlist/paper_list_panel.h"

#include "common/plain_tool_tip.h"
#include "paperlist/paper_delegate.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace paperboy {

namespace {

// The heading keeps its whole text (and shows it as a tooltip) but paints what fits, cut in
// the middle so both the list's name and its count stay readable in a narrow pane.
class ElidedLabel : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QRect area = contentsRect();
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideMiddle, area.width());
        style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shown,
                              foregroundRole());
    }
};

} // namespace

PaperListPanel::PaperListPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("paperListPanel"));
    m_model = new PaperListModel(this);
    m_model->setObjectName(QStringLiteral("paperListModel"));
    m_filter = new PaperFilterModel(this);
    m_filter->setObjectName(QStringLiteral("paperFilterModel"));
    m_filter->setSourceModel(m_model);

    m_heading = new ElidedLabel(this);
    m_heading->setObjectName(QStringLiteral("listHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setMinimumWidth(1); // a long search must not widen the pane
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_markAllRead = new QPushButton(tr("Mark All Read"), this);
    m_markAllRead->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAllRead->setToolTip(tr("Mark every paper of this day as read (Shift+U)"));
    connect(m_markAllRead, &QPushButton::clicked, this, &PaperListPanel::markAllReadRequested);

    m_sortBox = new QComboBox(this);
    m_sortBox->setObjectName(QStringLiteral("searchSortBox"));
    m_sortBox->addItem(tr("Newest first"), false);
    m_sortBox->addItem(tr("Best match"), true);
    m_sortBox->setToolTip(tr("Order of the search results"));
    connect(m_sortBox, &QComboBox::activated, this,
            [this](int index) { emit searchOrderChanged(m_sortBox->itemData(index).toBool()); });
    m_saveSearch = new QPushButton(tr("Save Search…"), this);
    m_saveSearch->setObjectName(QStringLiteral("saveSearchButton"));
    m_saveSearch->setToolTip(tr("Keep this search in the sidebar, with its count"));
    connect(m_saveSearch, &QPushButton::clicked, this, &PaperListPanel::saveSearchRequested);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by title, author, id (/)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_model->fetchAll(); // the filter must see every row, not just the first batch
        m_filter->setFilterText(text);
        updatePlaceholder();
    });
    // Enter in the filter box goes back to the list, where the letter shortcuts work.
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        if (currentId().isEmpty())
            selectFirst();
        focusList();
    });

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("paperList"));
    m_view->setModel(m_filter);
    m_delegate = new PaperDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setAlternatingRowColors(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        emit contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_resetting)
            emit currentPaperChanged(currentId());
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, [this] {
        // The filter can hide the selected paper; the pane must not keep showing it.
        if (!m_resetting && !m_view->currentIndex().isValid())
            emit currentPaperChanged({});
    });

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("listPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setMargin(16);
    m_placeholder->setEnabled(false);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_markAllRead);
    // A search's own controls get a row of their own, so a long query never squeezes them.
    m_searchRow = new QWidget(this);
    auto *searchRow = new QHBoxLayout(m_searchRow);
    searchRow->setContentsMargins(0, 0, 0, 0);
    searchRow->addWidget(m_sortBox);
    searchRow->addWidget(m_saveSearch);
    searchRow->addStretch(1);
    m_searchRow->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headingRow);
    layout->addWidget(m_searchRow);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_stack, 1);
}

void PaperListPanel::setPapers(const QString &heading, const QList<PaperView> &papers,
                               const QString &keepId)
{
    m_loading = false;
    setHeading(heading);
    // A reload is not a user's choice: announce one change after it, not a clear in between.
    m_resetting = true;
    m_model->setPapers(papers);
    if (!m_filter->filterText().isEmpty() || !m_filter->categories().isEmpty())
        m_model->fetchAll();
    m_resetting = false;
    if (!keepId.isEmpty() && selectId(keepId))
        return;
    emit currentPaperChanged(currentId());
    updatePlaceholder();
}

void PaperListPanel::setHeading(const QString &heading)
{
    m_heading->setText(heading);
    m_heading->setToolTip(plainToolTip(heading));
}

void PaperListPanel::setMarkAllReadVisible(bool visible)
{
    m_markAllRead->setVisible(visible);
}

void PaperListPanel::showLoading(const QString &heading)
{
    m_loading = true;
    setHeading(heading);
    updatePlaceholder();
}

void PaperListPanel::updatePlaceholder()
{
    QString message;
    if (m_loading && m_model->rowCount() == 0)
        message = tr("Loading…");
    else if (m_model->rowCount() == 0)
        message = m_emptyMessage.isEmpty() ? tr("Nothing here yet.") : m_emptyMessage;
    else if (m_filter->rowCount() == 0)
        message = tr("No paper matches the filter.\nPress Escape to clear it.");
    m_placeholder->setText(message);
    // Hiding the focused list would drop the keyboard focus; the panel holds it meanwhile
    // and hands it back, so j/k keep working after a list reloads.
    if (!message.isEmpty() && m_view->hasFocus())
        setFocus(Qt::OtherFocusReason);
    m_stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget *>(m_view) : m_placeholder);
    if (message.isEmpty() && hasFocus())
        m_view->setFocus(Qt::OtherFocusReason);
}

void PaperListPanel::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    updatePlaceholder();
}

void PaperListPanel::setSearchControlsVisible(bool visible, bool byRelevance)
{
    m_sortBox->setCurrentIndex(m_sortBox->findData(byRelevance));
    m_searchRow->setVisible(visible);
}

void PaperListPanel::setHighlightTerms(const QStringList &terms)
{
    if (terms == m_delegate->highlightTerms())
        return;
    m_delegate->setHighlightTerms(terms);
    m_view->viewport()->update();
}

QList<PaperView> PaperListPanel::selectedPapers() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_filter->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    QList<PaperView> papers;
    for (int row : std::as_const(rows))
        if (const PaperView *view = m_model->paperAt(row))
            papers.append(*view);
    if (papers.isEmpty())
        if (const PaperView *view = currentPaper())
            papers.append(*view);
    return papers;
}

QString PaperListPanel::currentId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(PaperListModel::IdRole).toString() : QString();
}

const PaperView *PaperListPanel::currentPaper() const
{
    const QModelIndex index = m_filter->mapToSource(m_view->currentIndex());
    return index.isValid() ? m_model->paperAt(index.row()) : nullptr;
}

bool PaperListPanel::selectId(const QString &arxivId)
{
    if (m_model->rowOf(arxivId) < 0)
        m_model->fetchAll();
    const int row = m_model->rowOf(arxivId);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updatePlaceholder();
    return true;
}

bool PaperListPanel::moveCurrent(int delta)
{
    const QModelIndex at = m_view->currentIndex();
    if (delta > 0 && at.isValid() && at.row() + delta >= m_filter->rowCount() &&
        m_model->canFetchMore({}))
        m_model->fetchMore({});
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    if (row < 0 || row >= rows)
        return false;
    const QModelIndex next = m_filter->index(row, 0);
    m_view->setCurrentIndex(next);
    m_view->scrollTo(next);
    return true;
}

void PaperListPanel::selectFirst()
{
    if (m_filter->rowCount() > 0)
        m_view->setCurrentIndex(m_filter->index(0, 0));
}

QStringList PaperListPanel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(m_filter->index(row, 0).data(PaperListModel::IdRole).toString());
    return ids;
}

void PaperListPanel::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void PaperListPanel::focusList()
{
    m_view->setFocus(Qt::OtherFocusReason);
}

void PaperListPanel::setCategories(const QStringList &categories)
{
    if (!categories.isEmpty())
        m_model->fetchAll();
    m_filter->setCategories(categories);
    updatePlaceholder();
}

} // namespace paperboy
