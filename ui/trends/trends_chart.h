#pragma once

// The Trends window's chart (issue #22): one line per query over the periods of a TrendAxis,
// counts or shares, a legend, the exact figures on hover and a signal when a point is
// clicked. Periods the library holds nothing in break the line (a gap is not a zero). Qt
// Charts stays behind this class: nothing else in the window includes it.

#include "search/trend_coverage.h"
#include "search/trends.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <optional>
#include <utility>

class QChart;
class QChartView;
class QLineSeries;
class QAbstractAxis;

namespace paperboy {

// The chart follows the window's palette (light or dark theme, background, legend text and
// font); a theme resets every series' pen, so callers draw their series again after it.
void applyChartPalette(QChart *chart, const QWidget &widget);

class TrendsChart : public QWidget
{
    Q_OBJECT
public:
    explicit TrendsChart(QWidget *parent = nullptr);

    static constexpr int kMaxSeries = 6;
    static constexpr double kHitRadius = 10; // pixels around a point that hover and click it
    // The colour of the series at `index` (also the window's swatch beside its query).
    static QColor seriesColor(int index);

    // A new axis clears the lines; setSeries() adds or replaces one line (`index` < kMaxSeries).
    void setAxis(const TrendAxis &axis);
    // Which periods the library covers only in part (said in the hover text).
    void setCoverage(const TrendCoverage &coverage) { m_coverage = coverage; }
    const TrendCoverage &coverage() const { return m_coverage; }
    void setSeries(int index, const TrendSeries &series);
    void removeSeries(int index);
    void setShowShare(bool share);
    bool showsShare() const { return m_share; }

    const TrendAxis &axis() const { return m_axis; }
    // The lines shown: index of the query, in the order of the legend.
    QList<int> seriesShown() const;
    const TrendSeries *series(int index) const;
    // The value drawn for a period (count, or share in percent); nullopt in a gap.
    std::optional<double> valueAt(int index, qsizetype period) const;
    // Where the point of `period` on line `index` is drawn, in viewport() coordinates (for
    // tests); (0, 0) when it is not drawn.
    QPoint pointPosition(int index, qsizetype period) const;
    QWidget *viewport() const; // the widget that takes the mouse
    // The text shown on hover over `period`: the period and every line's figure.
    QString figuresText(qsizetype period) const;
    // The period nearest to a value on the x axis (which counts periods from 0).
    qsizetype periodNear(double x) const;

    // The chart as an image or SVG file; false when it could not be written.
    bool savePng(const QString &path) const;
    bool saveSvg(const QString &path) const;
    QString periodLabel(qsizetype period) const;

signals:
    // A point was clicked: line `index` (the query's place) at `period` of the axis.
    void pointClicked(int index, qsizetype period);
    // The hover text changed (empty when the pointer left the points).
    void hoverText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Line
    {
        TrendSeries series;
        QList<QLineSeries *> segments; // one per run of held periods
    };
    void rebuild(int index);
    void updateAxes();
    void applyTheme();
    // The line and period whose point is within kHitRadius of `pos` (viewport coordinates),
    // or {-1, -1}.
    std::pair<int, qsizetype> pointAt(const QPoint &pos) const;

    QChart *m_chart;
    QChartView *m_view;
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
    TrendAxis m_axis;
    TrendCoverage m_coverage;
    QList<std::optional<Line>> m_lines; // kMaxSeries slots
    bool m_share = false;
    QString m_hoverText;
};

} // namespace paperboy
