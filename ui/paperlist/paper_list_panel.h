#pragma once

// The middle pane: what is listed (heading), the search order and "save search" while a
// search is listed, the filter box, and the papers themselves.

#include "core/paper.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStackedWidget;

namespace paperboy {

class PaperDelegate;
class PaperListModel;
class PaperFilterModel;

class PaperListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PaperListPanel(QWidget *parent = nullptr);

    PaperListModel *model() const { return m_model; }
    PaperFilterModel *filterModel() const { return m_filter; }
    QListView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *searchSortBox() const { return m_sortBox; }
    PaperDelegate *delegate() const { return m_delegate; }

    // Replaces the list; keeps `keepId` selected when it is still listed.
    void setPapers(const QString &heading, const QList<PaperView> &papers, const QString &keepId);
    void setHeading(const QString &heading);
    void setMarkAllReadVisible(bool visible);
    void showLoading(const QString &heading);
    // What the placeholder says when the list is empty (default: "Nothing here yet.").
    void setEmptyMessage(const QString &message);
    // Search controls: the order box and the save button, shown while a search is listed.
    void setSearchControlsVisible(bool visible, bool byRelevance = false);
    void setHighlightTerms(const QStringList &terms);

    QString currentId() const;
    const PaperView *currentPaper() const;
    bool selectId(const QString &arxivId);
    // Moves the selection by `delta` visible rows; false at either end.
    bool moveCurrent(int delta);
    void selectFirst();
    QStringList visibleIds() const;
    // The selected papers in list order; the current one when nothing else is selected.
    QList<PaperView> selectedPapers() const;
    void focusFilter();
    void focusList();
    void setCategories(const QStringList &categories);

signals:
    void currentPaperChanged(const QString &arxivId); // empty when nothing is selected
    void markAllReadRequested();
    void contextMenuRequested(const QPoint &globalPos);
    void searchOrderChanged(bool byRelevance);
    void saveSearchRequested();

private:
    void updatePlaceholder();

    PaperListModel *m_model = nullptr;
    PaperFilterModel *m_filter = nullptr;
    QLabel *m_heading = nullptr;
    QPushButton *m_markAllRead = nullptr;
    QWidget *m_searchRow = nullptr;
    QComboBox *m_sortBox = nullptr;
    QPushButton *m_saveSearch = nullptr;
    PaperDelegate *m_delegate = nullptr;
    QString m_emptyMessage;
    QLineEdit *m_filterEdit = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    bool m_loading = false;
    bool m_resetting = false;
};

} // namespace paperboy
