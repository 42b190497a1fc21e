#include "trends/trends_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace paperboy {

namespace {

// The x axis counts periods (0, 1, 2, ...) and labels some of them with their first day: a
// date axis spaces its ticks evenly in time, so a label "2024" could sit in mid-2024 and two
// ticks could both read "2024" while 2025 went unnamed.
double xOf(qsizetype period)
{
    return double(period);
}

QString tickLabel(const QDate &start, TrendPeriod by)
{
    switch (by) {
    case TrendPeriod::Day:
    case TrendPeriod::Week:
        return start.toString(Qt::ISODate);
    case TrendPeriod::Month:
        return start.toString(QStringLiteral("yyyy-MM"));
    case TrendPeriod::Year:
        return QString::number(start.year());
    }
    return {};
}

} // namespace

TrendsChart::TrendsChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this))
{
    m_lines.resize(kMaxSeries);
    m_view->setObjectName(QStringLiteral("trendsChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    // Lines are replaced as their counts arrive and the axes rescale each time: a partial
    // repaint left pieces of the earlier lines behind at the plot's edges.
    m_view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    // Hover and clicks are found here rather than through QLineSeries::hovered/clicked, which
    // fire only on the line's own pixels: a point is hit within kHitRadius of its centre.
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // The last period's label is centred on its point, at the plot's right edge: room for its
    // half (it was cut to "2026-01-2" in the screenshots).
    m_chart->setMargins(
        QMargins(6, 6, 6 + fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) / 2, 6));
    applyTheme();
}

QColor TrendsChart::seriesColor(int index)
{
    // Six colours told apart in both palettes and by most colour-blind readers (Okabe-Ito).
    static const QColor colors[kMaxSeries] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                              QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                              QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9)};
    return colors[std::clamp(index, 0, kMaxSeries - 1)];
}

void applyChartPalette(QChart *chart, const QWidget &widget)
{
    const QPalette palette = widget.palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setFont(widget.font());
}

void TrendsChart::applyTheme()
{
    // A theme resets every series' pen, so lines are drawn again after it.
    applyChartPalette(m_chart, *this);
    for (QAbstractAxis *axis : {m_x, m_y})
        if (axis) {
            axis->setLabelsColor(palette().color(QPalette::Text));
            axis->setTitleBrush(palette().color(QPalette::Text));
        }
}

void TrendsChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        for (int i = 0; i < kMaxSeries; ++i)
            rebuild(i);
    }
}

void TrendsChart::setAxis(const TrendAxis &axis)
{
    for (int i = 0; i < kMaxSeries; ++i)
        removeSeries(i);
    m_axis = axis;
    if (m_x) {
        m_chart->removeAxis(m_x);
        delete m_x;
    }
    if (m_y) {
        m_chart->removeAxis(m_y);
        delete m_y;
    }
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // About eight labels, on whole steps of periods.
    const qsizetype step = std::max<qsizetype>(1, (axis.periods.size() + 7) / 8);
    for (qsizetype i = 0; i < axis.periods.size(); i += step)
        x->append(tickLabel(axis.periods.at(i), axis.by), xOf(i));
    auto *y = new QValueAxis;
    m_x = x;
    m_y = y;
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    applyTheme();
    updateAxes();
}

void TrendsChart::removeSeries(int index)
{
    if (index < 0 || index >= kMaxSeries || !m_lines.at(index))
        return;
    for (QLineSeries *segment : std::as_const(m_lines[index]->segments)) {
        m_chart->removeSeries(segment);
        delete segment;
    }
    m_lines[index].reset();
    updateAxes();
}

void TrendsChart::setSeries(int index, const TrendSeries &series)
{
    if (index < 0 || index >= kMaxSeries)
        return;
    removeSeries(index);
    m_lines[index] = Line{series, {}};
    rebuild(index);
}

void TrendsChart::setShowShare(bool share)
{
    if (share == m_share)
        return;
    m_share = share;
    for (int i = 0; i < kMaxSeries; ++i)
        rebuild(i);
}

std::optional<double> TrendsChart::valueAt(int index, qsizetype period) const
{
    const TrendSeries *line = series(index);
    if (!line || period < 0 || period >= line->counts.size() || !line->counts.at(period))
        return std::nullopt;
    if (!m_share)
        return double(*line->counts.at(period));
    const std::optional<double> share = line->share(m_axis, period);
    return share ? std::optional<double>(*share * 100) : std::nullopt;
}

void TrendsChart::rebuild(int index)
{
    if (!m_lines.at(index) || !m_x)
        return;
    Line &line = *m_lines[index];
    for (QLineSeries *segment : std::as_const(line.segments)) {
        m_chart->removeSeries(segment);
        delete segment;
    }
    line.segments.clear();
    const QString name = line.series.name.isEmpty() ? line.series.query : line.series.name;
    QPen pen(seriesColor(index));
    pen.setWidthF(2);
    QLineSeries *segment = nullptr;
    auto startSegment = [&] {
        segment = new QLineSeries;
        segment->setName(name);
        segment->setPen(pen);
        segment->setColor(seriesColor(index));
        segment->setPointsVisible(m_axis.periods.size() <= 120);
        segment->setMarkerSize(6);
        line.segments.append(segment);
    };
    for (qsizetype i = 0; i < m_axis.periods.size(); ++i) {
        const std::optional<double> value = valueAt(index, i);
        if (!value) {
            segment = nullptr; // a gap ends the line; the next held period starts a new one
            continue;
        }
        if (!segment)
            startSegment();
        segment->append(xOf(i), *value);
    }
    if (line.segments.isEmpty())
        startSegment(); // nothing to draw, but the legend still names the query
    for (qsizetype k = 0; k < line.segments.size(); ++k) {
        QLineSeries *s = line.segments.at(k);
        if (s->count() == 1)
            s->setPointsVisible(true); // a period between two gaps is a lone point
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        if (k > 0) // one legend entry per query
            for (QLegendMarker *marker : m_chart->legend()->markers(s))
                marker->setVisible(false);
    }
    updateAxes();
}

void TrendsChart::updateAxes()
{
    auto *x = qobject_cast<QCategoryAxis *>(m_x);
    auto *y = qobject_cast<QValueAxis *>(m_y);
    if (!x || !y || m_axis.isEmpty())
        return;
    const double margin = m_axis.periods.size() == 1 ? 1 : 0.3; // room for the end points
    x->setRange(xOf(0) - margin, xOf(m_axis.periods.size() - 1) + margin);
    double top = 0;
    for (int i = 0; i < kMaxSeries; ++i)
        for (qsizetype p = 0; p < m_axis.periods.size(); ++p)
            top = std::max(top, valueAt(i, p).value_or(0));
    y->setRange(0, top > 0 ? top * 1.08 : (m_share ? 1 : 5));
    y->applyNiceNumbers();
    y->setLabelFormat(m_share ? QStringLiteral("%.1f%%") : QStringLiteral("%d"));
    if (!m_share && y->max() < 5) // few papers: whole numbers only
        y->setTickCount(int(y->max()) + 1);
    y->setTitleText(m_share ? tr("Share of all papers") : tr("Papers"));
}

QList<int> TrendsChart::seriesShown() const
{
    QList<int> shown;
    for (int i = 0; i < kMaxSeries; ++i)
        if (m_lines.at(i))
            shown.append(i);
    return shown;
}

const TrendSeries *TrendsChart::series(int index) const
{
    return index >= 0 && index < kMaxSeries && m_lines.at(index) ? &m_lines.at(index)->series
                                                                 : nullptr;
}

QPoint TrendsChart::pointPosition(int index, qsizetype period) const
{
    const std::optional<double> value = valueAt(index, period);
    if (!value || !m_lines.at(index) || m_lines.at(index)->segments.isEmpty())
        return {};
    const QPointF scene = m_chart->mapToPosition(QPointF(xOf(period), *value),
                                                 m_lines.at(index)->segments.constFirst());
    return m_view->mapFromScene(m_chart->mapToScene(scene));
}

QWidget *TrendsChart::viewport() const
{
    return m_view->viewport();
}

qsizetype TrendsChart::periodNear(double x) const
{
    if (m_axis.isEmpty())
        return -1;
    return std::clamp<qsizetype>(qsizetype(std::lround(x)), 0, m_axis.periods.size() - 1);
}

QString TrendsChart::periodLabel(qsizetype period) const
{
    if (period < 0 || period >= m_axis.periods.size())
        return {};
    const QDate start = m_axis.periods.at(period);
    const QLocale locale;
    switch (m_axis.by) {
    case TrendPeriod::Day:
        return locale.toString(start, QLocale::LongFormat);
    case TrendPeriod::Week:
        return tr("Week of %1").arg(locale.toString(start, QLocale::ShortFormat));
    case TrendPeriod::Month:
        //: A month and its year, as QDate::toString() writes them (MMMM: the month's name).
        return locale.toString(start, tr("MMMM yyyy"));
    case TrendPeriod::Year:
        return QString::number(start.year());
    }
    return {};
}

QString TrendsChart::figuresText(qsizetype period) const
{
    if (period < 0 || period >= m_axis.periods.size())
        return {};
    QStringList lines = {periodLabel(period)};
    if (!m_axis.held.value(period)) {
        lines.append(tr("The library holds no papers of this period."));
        return lines.join(QLatin1Char('\n'));
    }
    for (int i : seriesShown()) {
        const TrendSeries &s = *series(i);
        const QString name = s.name.isEmpty() ? s.query : s.name;
        const std::optional<qint64> count = s.counts.value(period);
        const std::optional<double> share = s.share(m_axis, period);
        lines.append(share ? tr("%1: %n papers, %2 %", nullptr, int(count.value_or(0)))
                                 .arg(name, QLocale().toString(*share * 100, 'f', 2))
                           : tr("%1: %n papers", nullptr, int(count.value_or(0))).arg(name));
    }
    lines.append(tr("%n papers in all", nullptr, int(m_axis.totals.value(period))));
    // The dip at either end of a trend is usually this, not the field.
    if (m_coverage.isPartial(period)) {
        const QLocale locale;
        lines.append(m_axis.periods.at(period) < m_coverage.first
                         ? tr("Partial: the library starts on %1.")
                               .arg(locale.toString(m_coverage.first, QLocale::ShortFormat))
                         : tr("Partial: the library ends on %1.")
                               .arg(locale.toString(m_coverage.last, QLocale::ShortFormat)));
    }
    return lines.join(QLatin1Char('\n'));
}

std::pair<int, qsizetype> TrendsChart::pointAt(const QPoint &pos) const
{
    if (m_axis.isEmpty() || seriesShown().isEmpty())
        return {-1, -1};
    const QPointF value = m_chart->mapToValue(m_chart->mapFromScene(m_view->mapToScene(pos)));
    const qsizetype period = periodNear(value.x());
    int best = -1;
    double bestDistance = kHitRadius;
    for (int i : seriesShown()) {
        if (!valueAt(i, period))
            continue;
        const double distance = QLineF(pointPosition(i, period), pos).length();
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return {best, best < 0 ? -1 : period};
}

bool TrendsChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseMove) {
        const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
        const auto [index, period] = pointAt(pos);
        const QString text = index < 0 ? QString() : figuresText(period);
        if (text != m_hoverText) {
            m_hoverText = text;
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(m_view->viewport()->mapToGlobal(pos), text, m_view);
            emit hoverText(text);
        }
    } else if (event->type() == QEvent::MouseButtonPress &&
               static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        const auto [index, period] =
            pointAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (index >= 0) {
            emit pointClicked(index, period);
            return true;
        }
    } else if (event->type() == QEvent::Leave && !m_hoverText.isEmpty()) {
        m_hoverText.clear();
        QToolTip::hideText();
        emit hoverText(QString());
    }
    return QWidget::eventFilter(watched, event);
}

bool TrendsChart::savePng(const QString &path) const
{
    return m_view->grab().save(path, "PNG");
}

bool TrendsChart::saveSvg(const QString &path) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(m_view->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    svg.setTitle(tr("Paperboy trends"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    m_view->render(&painter);
    return painter.end();
}

} // namespace paperboy
