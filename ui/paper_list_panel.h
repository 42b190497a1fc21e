#pragma once

// The middle pane: what is listed (heading), the filter box, and the papers themselves.

#include "core/paper.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStackedWidget;

namespace paperboy {

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

    // Replaces the list; keeps `keepId` selected when it is still listed.
    void setPapers(const QString &heading, const QList<PaperView> &papers, const QString &keepId);
    void setHeading(const QString &heading);
    void setMarkAllReadVisible(bool visible);
    void showLoading(const QString &heading);

    QString currentId() const;
    const PaperView *currentPaper() const;
    bool selectId(const QString &arxivId);
    // Moves the selection by `delta` visible rows; false at either end.
    bool moveCurrent(int delta);
    void selectFirst();
    QStringList visibleIds() const;
    void focusFilter();
    void focusList();
    void setCategories(const QStringList &categories);

signals:
    void currentPaperChanged(const QString &arxivId); // empty when nothing is selected
    void markAllReadRequested();
    void contextMenuRequested(const QPoint &globalPos);

private:
    void updatePlaceholder();

    PaperListModel *m_model = nullptr;
    PaperFilterModel *m_filter = nullptr;
    QLabel *m_heading = nullptr;
    QPushButton *m_markAllRead = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    bool m_loading = false;
    bool m_resetting = false;
};

} // namespace paperboy
