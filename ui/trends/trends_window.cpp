#include "trends/trends_window.h"

#include "trends/reading_stats_view.h"
#include "trends/saved_trends_bar.h"
#include "trends/trends_chart.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace paperboy {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// A date edit's lowest date stands for "the library's first (last) day".
const QDate kLibraryEdge(1991, 8, 1); // arXiv's first month

QDateEdit *rangeEdit(const QString &objectName, const QString &edgeText, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kLibraryEdge);
    edit->setSpecialValueText(edgeText);
    edit->setDate(kLibraryEdge);
    return edit;
}

QDate rangeDate(const QDateEdit *edit)
{
    return edit->date() == kLibraryEdge ? QDate() : edit->date();
}

QLabel *swatch(const QColor &color)
{
    auto *label = new QLabel;
    label->setFixedSize(14, 14);
    label->setStyleSheet(QStringLiteral("background: %1; border-radius: 3px;").arg(color.name()));
    return label;
}

} // namespace

TrendsWindow::TrendsWindow(Library *library, QWidget *parent)
    : QWidget(parent, Qt::Window), m_library(library), m_chart(new TrendsChart(this)),
      m_by(new QComboBox(this)), m_show(new QComboBox(this)), m_saved(new QComboBox(this)),
      m_from(rangeEdit(QStringLiteral("trendFrom"), tr("first day"), this)),
      m_to(rangeEdit(QStringLiteral("trendTo"), tr("last day"), this)),
      m_savedTrends(new SavedTrendsBar(
          library, [this] { return currentTrend(); }, this)),
      m_tabs(new QTabWidget(this)), m_reading(new ReadingStatsView(library, this)),
      m_svgButton(new QPushButton(tr("Export &SVG…"), this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("trendsWindow"));
    setWindowTitle(tr("Trends — Paperboy"));
    resize(1100, 640);
    m_chart->setObjectName(QStringLiteral("trendsChart"));

    auto *queries = new QVBoxLayout;
    queries->addWidget(new QLabel(tr("Searches (up to six):")));
    for (int i = 0; i < TrendsChart::kMaxSeries; ++i) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("trendQuery%1").arg(i + 1));
        edit->setClearButtonEnabled(true);
        edit->setPlaceholderText(i == 0
                                     ? tr("e.g. diffusion, \"state space model\", cat:cs.CV video")
                                     : tr("Another search"));
        connect(edit, &QLineEdit::textEdited, this, [this] {
            edited();
            m_debounce.start();
        });
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            m_debounce.stop();
            compute(false);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(swatch(TrendsChart::seriesColor(i)));
        row->addWidget(edit);
        queries->addLayout(row);
        m_queryEdits.append(edit);
        m_drawn.append(QString());
    }
    m_saved->setObjectName(QStringLiteral("trendSavedSearches"));
    queries->addWidget(m_saved);

    m_by->setObjectName(QStringLiteral("trendPeriod"));
    m_by->addItem(tr("Day"), int(TrendPeriod::Day));
    m_by->addItem(tr("Week (from Monday)"), int(TrendPeriod::Week));
    m_by->addItem(tr("Month"), int(TrendPeriod::Month));
    m_by->addItem(tr("Year"), int(TrendPeriod::Year));
    m_by->setCurrentIndex(2);
    m_show->setObjectName(QStringLiteral("trendMeasure"));
    m_show->addItem(tr("Papers"));
    m_show->addItem(tr("Share of all papers"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Per:"), m_by);
    form->addRow(tr("S&how:"), m_show);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    queries->addLayout(form);
    m_savedTrends->setObjectName(QStringLiteral("trendSavedTrendsBar"));
    queries->addWidget(m_savedTrends);

    auto *png = new QPushButton(tr("Export &PNG…"), this);
    png->setObjectName(QStringLiteral("trendExportPng"));
    m_svgButton->setObjectName(QStringLiteral("trendExportSvg"));
    auto *copy = new QPushButton(tr("&Copy Data as CSV"), this);
    copy->setObjectName(QStringLiteral("trendCopyCsv"));
    queries->addWidget(png);
    queries->addWidget(m_svgButton);
    queries->addWidget(copy);
    m_status->setObjectName(QStringLiteral("trendStatus"));
    m_status->setWordWrap(true);
    queries->addWidget(m_status);
    queries->addStretch();
    auto *hint = new QLabel(tr("Hover over a point for its figures; click it to list that "
                               "period's papers in the main window. A break in a line is a "
                               "period the library holds no papers of."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    queries->addWidget(hint);

    auto *side = new QWidget(this);
    side->setLayout(queries);
    side->setFixedWidth(300);
    auto *trendsPage = new QWidget(this);
    auto *page = new QHBoxLayout(trendsPage);
    page->addWidget(side);
    page->addWidget(m_chart, 1);
    m_tabs->setObjectName(QStringLiteral("trendsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(trendsPage, tr("T&rends"));
    m_tabs->addTab(m_reading, tr("Reading &Statistics"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_tabs);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { compute(false); });
    connect(m_by, &QComboBox::currentIndexChanged, this, [this] {
        edited();
        compute(true);
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int index) {
        edited();
        m_chart->setShowShare(index == 1);
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            edited();
            m_debounce.start(); // typing a date passes through other days
        });
    connect(m_savedTrends, &SavedTrendsBar::loadRequested, this, &TrendsWindow::loadTrend);
    connect(m_savedTrends, &SavedTrendsBar::message, this,
            [this](const QString &text) { setStatus(text); });
    connect(m_saved, &QComboBox::activated, this, &TrendsWindow::addSavedSearch);
    connect(png, &QPushButton::clicked, this, [this] { exportImage(false); });
    connect(m_svgButton, &QPushButton::clicked, this, [this] { exportImage(true); });
    connect(copy, &QPushButton::clicked, this, &TrendsWindow::copyCsv);
    connect(m_chart, &TrendsChart::pointClicked, this, &TrendsWindow::onPointClicked);

    // New papers, another process's writes and the reader's own stars and tags change the
    // figures: computed again now when shown, else when next shown.
    auto stale = [this] {
        m_dirty = true;
        if (isVisible())
            refresh();
    };
    if (library) {
        connect(library, &Library::importFinished, this, stale);
        connect(library, &Library::changedOutside, this, stale);
        connect(library, &Library::countsLoaded, this, [this](const SidebarCounts &counts) {
            if (counts.savedSearches != m_savedSearches) {
                m_savedSearches = counts.savedSearches;
                loadSavedSearches();
            }
        });
        if (library->userData())
            connect(library->userData(), &UserData::committed, this, stale);
    }
    loadSavedSearches();
}

void TrendsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void TrendsWindow::setQueries(const QStringList &queries)
{
    for (int i = 0; i < m_queryEdits.size(); ++i)
        m_queryEdits.at(i)->setText(queries.value(i));
    compute(false);
}

QStringList TrendsWindow::queries() const
{
    QStringList texts;
    for (QLineEdit *edit : m_queryEdits)
        texts.append(edit->text().trimmed());
    return texts;
}

void TrendsWindow::setPeriod(TrendPeriod period)
{
    m_by->setCurrentIndex(m_by->findData(int(period))); // computes when it changes
}

void TrendsWindow::setShowShare(bool share)
{
    m_show->setCurrentIndex(share ? 1 : 0);
}

void TrendsWindow::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from.isValid() ? from : kLibraryEdge);
    m_to->setDate(to.isValid() ? to : kLibraryEdge);
    m_debounce.stop();
    compute(false); // the periods too when the range changed
}

QDate TrendsWindow::rangeFrom() const
{
    return rangeDate(m_from);
}

QDate TrendsWindow::rangeTo() const
{
    return rangeDate(m_to);
}

SavedTrend TrendsWindow::currentTrend() const
{
    SavedTrend trend;
    for (const QString &query : queries())
        if (!query.isEmpty())
            trend.queries.append(query);
    trend.by = TrendPeriod(m_by->currentData().toInt());
    trend.share = m_show->currentIndex() == 1;
    trend.from = rangeFrom();
    trend.to = rangeTo();
    return trend;
}

void TrendsWindow::loadTrend(const SavedTrend &trend)
{
    m_loading = true;
    {
        const QSignalBlocker by(m_by);
        m_by->setCurrentIndex(m_by->findData(int(trend.by)));
    }
    setShowShare(trend.share);
    for (int i = 0; i < m_queryEdits.size(); ++i)
        m_queryEdits.at(i)->setText(trend.queries.value(i));
    setRange(trend.from, trend.to);
    m_loading = false;
}

void TrendsWindow::showReadingStats()
{
    m_tabs->setCurrentWidget(m_reading);
}

void TrendsWindow::edited()
{
    if (!m_loading)
        m_savedTrends->leave();
}

void TrendsWindow::refresh()
{
    m_dirty = false;
    for (QString &drawn : m_drawn)
        drawn.clear();
    compute(true);
}

void TrendsWindow::compute(bool axisToo)
{
    if (!m_library)
        return;
    const auto by = TrendPeriod(m_by->currentData().toInt());
    const QDate from = rangeFrom();
    const QDate to = rangeTo();
    // The axis asked for last time: an empty range reads as the library's whole.
    axisToo =
        axisToo || m_axis.isEmpty() || m_axis.by != by || m_axisFrom != from || m_axisTo != to;
    m_axisFrom = from;
    m_axisTo = to;
    const quint64 generation = ++m_generation;
    m_computing = true;
    const QStringList texts = queries();
    auto queue = [this, texts](bool all) {
        m_waiting.clear();
        for (int i = 0; i < texts.size(); ++i) {
            if (texts.at(i).isEmpty()) {
                m_chart->removeSeries(i);
                m_drawn[i].clear();
            } else if (all || texts.at(i) != m_drawn.at(i)) {
                m_waiting.append(i);
            }
        }
    };
    if (!axisToo) {
        queue(false);
        computeNext(generation);
        return;
    }
    setStatus(tr("Reading the library's periods…"));
    m_library->read(
        this,
        [by, from, to](Store &store) {
            const TrendAxis axis = Trends(store).axis(by, from, to);
            return std::pair(axis, trendCoverage(store, axis));
        },
        [this, generation, queue](const std::pair<TrendAxis, TrendCoverage> &read) {
            const TrendAxis &axis = read.first;
            if (generation != m_generation)
                return; // overtaken
            if (!axis.ok && axis.interrupted) {
                compute(true); // a list search's cancel reached this job: again
                return;
            }
            if (!axis.ok) {
                m_computing = false;
                m_axis = TrendAxis(); // asked again next time
                setStatus(tr("Could not read the library: %1").arg(axis.error), true);
                emit finished();
                return;
            }
            m_axis = axis;
            m_chart->setAxis(axis);
            m_chart->setCoverage(read.second); // none marked partial if it could not be read
            queue(true);
            computeNext(generation);
        });
}

void TrendsWindow::computeNext(quint64 generation)
{
    if (m_waiting.isEmpty()) {
        m_computing = false;
        const bool ranged = m_axisFrom.isValid() || m_axisTo.isValid();
        if (m_axis.isEmpty())
            setStatus(ranged ? tr("The library holds no dated papers in that range.")
                             : tr("The library holds no dated papers yet."));
        else
            setStatus(QString());
        emit finished();
        return;
    }
    const int index = m_waiting.takeFirst();
    const QString query = m_queryEdits.at(index)->text().trimmed();
    setStatus(tr("Counting “%1”…").arg(query));
    m_library->read(
        this, [query, axis = m_axis](Store &store) { return Trends(store).series(query, axis); },
        [this, generation, index](TrendSeries series) {
            if (generation != m_generation)
                return;
            for (const SavedSearch &saved : std::as_const(m_savedSearches))
                if (saved.query.trimmed() == series.query)
                    series.name = saved.name;
            if (!series.ok && series.interrupted) {
                // A list search's cancel reached this job instead (one reader connection).
                m_waiting.prepend(index);
                computeNext(generation);
                return;
            }
            if (!series.ok) {
                m_computing = false;
                setStatus(tr("Could not count “%1”: %2").arg(series.query, series.error), true);
                emit finished();
                return;
            }
            m_chart->setSeries(index, series);
            m_drawn[index] = series.query;
            computeNext(generation);
        });
}

void TrendsWindow::onPointClicked(int index, qsizetype period)
{
    const QString query = m_drawn.value(index);
    if (query.isEmpty() || period < 0 || period >= m_axis.periods.size())
        return;
    emit listRequested(ListSource::search(
        trendPeriodQuery(query, m_axis.periods.at(period), m_axis.periodEnd(period))));
}

void TrendsWindow::loadSavedSearches()
{
    m_saved->clear();
    m_saved->addItem(m_savedSearches.isEmpty() ? tr("No saved searches")
                                               : tr("Add a saved search…"));
    for (const SavedSearch &saved : std::as_const(m_savedSearches))
        m_saved->addItem(saved.name, saved.query);
    m_saved->setEnabled(!m_savedSearches.isEmpty());
    if (m_library && m_savedSearches.isEmpty())
        m_library->refreshCounts(); // brings the saved searches through countsLoaded
}

void TrendsWindow::addSavedSearch(int comboIndex)
{
    const QString query = m_saved->itemData(comboIndex).toString();
    m_saved->setCurrentIndex(0);
    if (query.isEmpty())
        return;
    for (QLineEdit *edit : m_queryEdits) {
        if (edit->text().trimmed().isEmpty()) {
            edited();
            edit->setText(query);
            compute(false);
            return;
        }
    }
    setStatus(tr("Six searches at most: empty a field first."));
}

QString TrendsWindow::csv() const
{
    const QList<int> shown = m_chart->seriesShown();
    QStringList header = {tr("period")};
    for (int i : shown) {
        const TrendSeries *s = m_chart->series(i);
        header.append(csvField(s->name.isEmpty() ? s->query : s->name));
        header.append(csvField(tr("%1 (share)").arg(s->name.isEmpty() ? s->query : s->name)));
    }
    header.append(tr("all papers"));
    header.append(tr("partial"));
    QStringList rows = {header.join(QLatin1Char(','))};
    for (qsizetype p = 0; p < m_axis.periods.size(); ++p) {
        QStringList row = {m_axis.periods.at(p).toString(Qt::ISODate)};
        for (int i : shown) {
            const TrendSeries *s = m_chart->series(i);
            const std::optional<qint64> count = s->counts.value(p);
            const std::optional<double> share = s->share(m_axis, p);
            row.append(count ? QString::number(*count) : QString());
            row.append(share ? QString::number(*share, 'g', 6) : QString());
        }
        row.append(m_axis.held.value(p) ? QString::number(m_axis.totals.value(p)) : QString());
        row.append(m_chart->coverage().isPartial(p) ? QStringLiteral("true")
                                                    : QStringLiteral("false"));
        rows.append(row.join(QLatin1Char(',')));
    }
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void TrendsWindow::copyCsv()
{
    QApplication::clipboard()->setText(csv());
    setStatus(tr("The figures are on the clipboard as CSV."));
}

void TrendsWindow::exportImage(bool svg)
{
    auto *dialog =
        new QFileDialog(this, svg ? tr("Export Chart as SVG") : tr("Export Chart as PNG"));
    dialog->setObjectName(QStringLiteral("trendExportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    dialog->setDefaultSuffix(svg ? QStringLiteral("svg") : QStringLiteral("png"));
    dialog->selectFile(svg ? QStringLiteral("trends.svg") : QStringLiteral("trends.png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, svg](const QString &path) {
        const bool ok = svg ? m_chart->saveSvg(path) : m_chart->savePng(path);
        setStatus(ok ? tr("Saved %1.").arg(path) : tr("Could not write %1.").arg(path), !ok);
    });
    dialog->open();
}

void TrendsWindow::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, isError ? QColor(0xc0, 0x39, 0x2b)
                                                   : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

} // namespace paperboy
