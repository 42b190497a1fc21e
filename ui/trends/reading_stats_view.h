#pragma once

// The Trends window's Reading tab (issue #22): "This week" (papers arrived, read, starred,
// annotated; the most used tags) above papers read, starred and annotated per week as bars.
// Computed on the library's reader thread (ReadingStatistics); again after the reader's own
// read marks, stars, notes and tags commit, after imports and other processes' writes (when
// shown, else when next shown).

#include "search/reading_stats.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace paperboy {

class Library;

class ReadingStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReadingStatsView(Library *library, QWidget *parent = nullptr);

    // The weeks shown: 12, 26, 52 or 0 (since the first).
    void setWeeks(int weeks);
    // The day "this week" holds (default: today); a seam for tests and screenshots.
    void setToday(const QDate &today);
    void refresh();

    const ReadingStats &stats() const { return m_stats; }
    bool isComputing() const { return m_computing; }
    QString summaryText() const;
    // The bars' heights, oldest week first: 0 read, 1 starred, 2 annotated.
    QList<qreal> bars(int index) const;
    QChartView *chartView() const { return m_view; }

signals:
    void computed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void display(const ReadingStats &stats);
    void applyTheme();

    QPointer<Library> m_library;
    QLabel *m_summary;
    QComboBox *m_weeks;
    QChart *m_chart;
    QChartView *m_view;
    ReadingStats m_stats;
    QDate m_today;
    quint64 m_generation = 0;
    bool m_computing = false;
    bool m_dirty = true;
};

} // namespace paperboy
