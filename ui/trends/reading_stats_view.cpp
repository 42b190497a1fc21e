#include "trends/reading_stats_view.h"

#include "library/library.h"
#include "library/user_data.h"
#include "trends/trends_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace paperboy {

ReadingStatsView::ReadingStatsView(Library *library, QWidget *parent)
    : QWidget(parent), m_library(library), m_summary(new QLabel(this)),
      m_weeks(new QComboBox(this)), m_chart(new QChart), m_view(new QChartView(m_chart, this))
{
    setObjectName(QStringLiteral("readingStats"));
    m_summary->setObjectName(QStringLiteral("readingThisWeek"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_weeks->setObjectName(QStringLiteral("readingWeeks"));
    m_weeks->addItem(tr("Last 12 weeks"), 12);
    m_weeks->addItem(tr("Last 26 weeks"), 26);
    m_weeks->addItem(tr("Last 52 weeks"), 52);
    m_weeks->addItem(tr("Since the first"), 0);
    m_view->setObjectName(QStringLiteral("readingChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    auto *note = new QLabel(tr("A read mark, star or note counts in the week it was last set, "
                               "while it is set: the library keeps the time of the latest change "
                               "only. Papers arrived are those dated in the week, as trends count "
                               "every paper."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_weeks, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(note);

    connect(m_weeks, &QComboBox::currentIndexChanged, this, &ReadingStatsView::refresh);
    auto stale = [this] {
        m_dirty = true;
        if (isVisible())
            refresh();
    };
    if (library) {
        connect(library, &Library::importFinished, this, stale);
        connect(library, &Library::changedOutside, this, stale);
        if (UserData *user = library->userData())
            connect(user, &UserData::committed, this, [stale](UserFields fields) {
                if (fields &
                    (UserField::Read | UserField::Starred | UserField::Note | UserField::Tags))
                    stale();
            });
    }
    applyTheme();
}

void ReadingStatsView::setWeeks(int weeks)
{
    m_weeks->setCurrentIndex(m_weeks->findData(weeks)); // computes when it changes
}

void ReadingStatsView::setToday(const QDate &today)
{
    m_today = today;
    m_dirty = true;
    if (isVisible())
        refresh();
}

void ReadingStatsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void ReadingStatsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        display(m_stats);
    }
}

void ReadingStatsView::applyTheme()
{
    applyChartPalette(m_chart, *this);
}

void ReadingStatsView::refresh()
{
    if (!m_library)
        return;
    m_dirty = false;
    m_computing = true;
    const quint64 generation = ++m_generation;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const int weeks = m_weeks->currentData().toInt();
    m_library->read(
        this,
        [today, weeks](Store &store) { return ReadingStatistics(store).compute(today, weeks); },
        [this, generation](const ReadingStats &stats) {
            if (generation != m_generation)
                return;
            m_computing = false;
            m_stats = stats;
            display(stats);
            emit computed();
        });
}

QString ReadingStatsView::summaryText() const
{
    return m_summary->text();
}

QList<qreal> ReadingStatsView::bars(int index) const
{
    const QList<QAbstractSeries *> series = m_chart->series();
    if (series.isEmpty())
        return {};
    const QList<QBarSet *> sets = static_cast<QBarSeries *>(series.first())->barSets();
    if (index < 0 || index >= sets.size())
        return {};
    QList<qreal> values;
    for (int i = 0; i < sets.at(index)->count(); ++i)
        values.append(sets.at(index)->at(i));
    return values;
}

void ReadingStatsView::display(const ReadingStats &stats)
{
    const QLocale locale;
    if (!stats.ok) {
        m_summary->setText(
            tr("Could not read the statistics: %1").arg(stats.error.toHtmlEscaped()));
        return;
    }
    const ReadingWeek &week = stats.thisWeek;
    QString text = tr("<b>This week</b> (from %1): %2 arrived · %3 read · %4 starred · %5 "
                      "annotated")
                       .arg(locale.toString(week.start, QLocale::ShortFormat).toHtmlEscaped(),
                            tr("%n papers", nullptr, int(week.arrived)), locale.toString(week.read),
                            locale.toString(week.starred), locale.toString(week.annotated));
    QStringList tags;
    for (const TagUse &use : stats.topTags)
        tags.append(
            QStringLiteral("%1 (%2)").arg(use.tag.toHtmlEscaped(), locale.toString(use.papers)));
    text += QStringLiteral("<br>") +
            (tags.isEmpty() ? tr("No tags added this week.")
                            : tr("Top tags: %1").arg(tags.join(QStringLiteral(", "))));
    m_summary->setText(text);

    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    auto *series = new QBarSeries;
    const QString names[] = {tr("Read"), tr("Starred"), tr("Annotated")};
    qint64 ReadingWeek::*const counts[] = {&ReadingWeek::read, &ReadingWeek::starred,
                                           &ReadingWeek::annotated};
    qint64 highest = 0;
    for (int i = 0; i < 3; ++i) {
        auto *set = new QBarSet(names[i]);
        set->setColor(TrendsChart::seriesColor(i));
        set->setBorderColor(TrendsChart::seriesColor(i));
        for (const ReadingWeek &w : stats.weeks) {
            set->append(double(w.*counts[i]));
            highest = std::max(highest, w.*counts[i]);
        }
        series->append(set);
    }
    m_chart->addSeries(series);
    QStringList categories;
    for (const ReadingWeek &w : stats.weeks)
        categories.append(locale.toString(w.start, QStringLiteral("MM-dd")));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(stats.weeks.size() > 16 ? -90 : 0);
    auto *y = new QValueAxis;
    y->setRange(0, std::max<qint64>(4, highest + highest / 10 + 1));
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setLabelsFont(font());
    }
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    connect(series, &QBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
        if (!status || index < 0 || index >= m_stats.weeks.size()) {
            QToolTip::hideText();
            return;
        }
        const QDate start = m_stats.weeks.at(index).start;
        QToolTip::showText(QCursor::pos(),
                           tr("Week of %1: %2 %3")
                               .arg(QLocale().toString(start, QLocale::ShortFormat))
                               .arg(QLocale().toString(qint64(set->at(index))), set->label()),
                           m_view);
    });
}

} // namespace paperboy
