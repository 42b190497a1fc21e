#include "paper_list_panel.h"

#include "paper_delegate.h"
#include "paper_filter_model.h"
#include "paper_list_model.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace paperboy {

PaperListPanel::PaperListPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("paperListPanel"));
    m_model = new PaperListModel(this);
    m_model->setObjectName(QStringLiteral("paperListModel"));
    m_filter = new PaperFilterModel(this);
    m_filter->setObjectName(QStringLiteral("paperFilterModel"));
    m_filter->setSourceModel(m_model);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("listHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_markAllRead = new QPushButton(QStringLiteral("Mark All Read"), this);
    m_markAllRead->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAllRead->setToolTip(QStringLiteral("Mark every paper of this day as read (Shift+U)"));
    connect(m_markAllRead, &QPushButton::clicked, this, &PaperListPanel::markAllReadRequested);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(QStringLiteral("Filter by title, author, id (/)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
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
    m_view->setItemDelegate(new PaperDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headingRow);
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
    m_resetting = false;
    if (!keepId.isEmpty() && selectId(keepId))
        return;
    emit currentPaperChanged(currentId());
    updatePlaceholder();
}

void PaperListPanel::setHeading(const QString &heading)
{
    m_heading->setText(heading);
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
        message = QStringLiteral("Loading…");
    else if (m_model->rowCount() == 0)
        message = QStringLiteral("Nothing here yet.");
    else if (m_filter->rowCount() == 0)
        message = QStringLiteral("No paper matches the filter.\nPress Escape to clear it.");
    m_placeholder->setText(message);
    m_stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget *>(m_view) : m_placeholder);
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
    m_filter->setCategories(categories);
    updatePlaceholder();
}

} // namespace paperboy
