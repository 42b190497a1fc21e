#pragma once

// The Trends window (issue #22): up to six searches as lines over the library's days, weeks,
// months or years (or the whole periods from one day to another), counts or shares of all
// papers; hover for the figures, click a point to list that period's matching papers in the
// main window, export the chart as PNG or SVG and copy its data as CSV; save the trend by
// name and open it again (SavedTrendsBar). Everything is computed on the library's reader thread
// (Library::read), one job at a time: the periods first, then each line, drawn as it arrives; an
// edit overtakes what is still to come.

#include "library/library.h"
#include "search/saved_trends.h"
#include "search/trends.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTabWidget;
class QPushButton;

namespace paperboy {

class ReadingStatsView;
class SavedTrendsBar;
class TrendsChart;

class TrendsWindow : public QWidget
{
    Q_OBJECT
public:
    explicit TrendsWindow(Library *library, QWidget *parent = nullptr);

    static constexpr int kDebounceMs = 400;

    // Fills the query fields from the first (at most six) and computes.
    void setQueries(const QStringList &queries);
    QStringList queries() const;
    void setPeriod(TrendPeriod period);
    void setShowShare(bool share);
    // The periods holding `from` and `to`, whole; an invalid date: the library's first or
    // last day.
    void setRange(const QDate &from, const QDate &to);
    QDate rangeFrom() const;
    QDate rangeTo() const;
    // The trend on screen (without a name), and a saved one put on screen.
    SavedTrend currentTrend() const;
    void loadTrend(const SavedTrend &trend);
    SavedTrendsBar *savedTrends() const { return m_savedTrends; }
    // The Reading Statistics tab, and showing it.
    ReadingStatsView *readingStats() const { return m_reading; }
    void showReadingStats();
    // Computes again: the periods, then every line (the library changed).
    void refresh();

    TrendsChart *chart() const { return m_chart; }
    // A chart is on its way: being computed, or due once a change settles (the debounce).
    bool isComputing() const { return m_computing || m_debounce.isActive(); }
    // The chart's data as CSV: a row per period, a column per line ("" in gaps).
    QString csv() const;

signals:
    // A point was clicked: list the matches of its query in its period.
    void listRequested(const paperboy::ListSource &source);
    // Every line asked for is drawn.
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute(bool axisToo);
    void computeNext(quint64 generation);
    void onPointClicked(int index, qsizetype period);
    void loadSavedSearches();
    void addSavedSearch(int comboIndex);
    void exportImage(bool svg);
    void copyCsv();
    void setStatus(const QString &text, bool isError = false);
    // The reader changed the trend on screen: it is no longer the saved one it was.
    void edited();

    QPointer<Library> m_library;
    TrendsChart *m_chart;
    QList<QLineEdit *> m_queryEdits;
    QComboBox *m_by;
    QComboBox *m_show;
    QComboBox *m_saved;
    QDateEdit *m_from;
    QDateEdit *m_to;
    SavedTrendsBar *m_savedTrends;
    QTabWidget *m_tabs;
    ReadingStatsView *m_reading;
    bool m_loading = false; // loadTrend() is filling the fields
    QPushButton *m_svgButton;
    QLabel *m_status;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_computing = false;
    bool m_dirty = true; // the library changed while the window was hidden
    TrendAxis m_axis;
    QDate m_axisFrom; // the range m_axis was asked for
    QDate m_axisTo;
    QList<QString> m_drawn; // per field: the query its line shows ("" for none)
    QList<int> m_waiting;   // fields still to compute in this generation
    QList<SavedSearch> m_savedSearches;
};

} // namespace paperboy
