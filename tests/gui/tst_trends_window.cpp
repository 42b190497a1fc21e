// The Trends window (issue #22): Ctrl+T opens it with the search on screen, the chart shows a
// line per search with the counts the core computes (gaps left out), share mode, hover text,
// a click on a point lists exactly that period's matching papers in the main window, CSV,
// PNG and SVG exports; a trend saved by name (through UserData) and opened again, with its
// period, share and range; one saved or deleted by another process shows up; the Reading
// Statistics tab against the core and following a star made in the window; the sidebar's
// day bars against the days' paper counts.

#include "gui_fixtures.h"
#include "gui_window.h"
#include "trend_library.h"

#include "library/library.h"
#include "paperlist/list_controller.h"
#include "paperlist/paper_list_model.h"
#include "search/reading_stats.h"
#include "search/searcher.h"
#include "sidebar/day_bar_delegate.h"
#include "sidebar/day_tree_model.h"
#include "trends/reading_stats_view.h"
#include "trends/saved_trends_bar.h"
#include "trends/trends_chart.h"
#include "trends/trends_window.h"
#include "window/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace paperboy;

class TestTrendsWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    QString m_db;

    // What the core says, on a connection of its own.
    TrendSeries expected(const QString &query, TrendPeriod by)
    {
        Database database;
        if (!database.open(m_db, Database::Mode::ReadOnly))
            return {};
        Store store(database);
        const Trends trends(store);
        return trends.series(query, trends.axis(by));
    }

    QStringList searchIds(const QString &query)
    {
        Database database;
        if (!database.open(m_db, Database::Mode::ReadOnly))
            return {};
        Store store(database);
        SearchOptions options;
        options.limit = 0;
        const SearchResult result = Searcher(store).search(parseSearchQuery(query), options);
        QStringList ids;
        for (const PaperView &view : store.viewsForPaperIds(result.paperIds))
            ids.append(view.paper.arxivId);
        ids.sort();
        return ids;
    }

    static QStringList listedIds(MainWindow &window)
    {
        QListView *view = gui_test::paperListView(window);
        QStringList ids;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            ids.append(view->model()->index(row, 0).data(PaperListModel::IdRole).toString());
        ids.sort();
        return ids;
    }

    static bool waitForChart(TrendsWindow *trends)
    {
        return QTest::qWaitFor([trends] { return !trends->isComputing(); }, 10000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trends_window"));
        gui_test::useSettingsIn(m_settingsDir.path());
        m_db = m_dir.filePath(QStringLiteral("library.sqlite"));
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(test::fillTrendLibrary(store));
    }

    void chartShowsTheSeriesAndAClickListsThePeriod()
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(window->library()->isReady());
        window->findChild<QAction *>(QStringLiteral("showTrendsAction"))->trigger();
        TrendsWindow *trends = window->findChild<TrendsWindow *>();
        QVERIFY(trends);
        QTRY_VERIFY(trends->isVisible());
        trends->setPeriod(TrendPeriod::Week);
        trends->setQueries({QStringLiteral("diffusion"), QStringLiteral("扩散模型 OR"),
                            QStringLiteral("author:wang -video")});
        QVERIFY(waitForChart(trends));

        TrendsChart *chart = trends->chart();
        QCOMPARE(chart->seriesShown(), (QList<int>{0, 1, 2}));
        QCOMPARE(chart->axis().by, TrendPeriod::Week);
        const QStringList queries = trends->queries();
        for (int i = 0; i < 3; ++i) {
            const TrendSeries want = expected(queries.at(i), TrendPeriod::Week);
            QCOMPARE(chart->series(i)->counts, want.counts);
        }
        // The gap week has no point; the week after it has.
        const qsizetype gap = chart->axis().periods.indexOf(QDate(2025, 1, 13));
        const qsizetype week = chart->axis().periods.indexOf(QDate(2025, 1, 6));
        QVERIFY(gap > 0 && week > 0);
        QVERIFY(!chart->valueAt(0, gap));
        QCOMPARE(chart->pointPosition(0, gap), QPoint());
        const qint64 count = *chart->series(0)->counts.at(week);
        QVERIFY(count > 0);
        QCOMPARE(*chart->valueAt(0, week), double(count));
        QVERIFY(
            chart->figuresText(week).contains(QStringLiteral("diffusion: %1 paper").arg(count)));
        QVERIFY(chart->figuresText(gap).contains(QStringLiteral("no papers")));

        // A click on the point lists that week's matches in the main window.
        const QPoint point = chart->pointPosition(0, week);
        QVERIFY(!point.isNull());
        // Hovering over it shows every line's figures for that week.
        QSignalSpy hovered(chart, &TrendsChart::hoverText);
        // (QTest::mouseMove moves the cursor, which the offscreen platform does not do.)
        auto moveTo = [&chart](const QPoint &pos) {
            QMouseEvent move(QEvent::MouseMove, pos, chart->viewport()->mapToGlobal(pos),
                             Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(chart->viewport(), &move);
        };
        moveTo(point + QPoint(0, 40)); // off every point: nothing
        QVERIFY(hovered.isEmpty());
        moveTo(point + QPoint(3, -2));
        QTRY_VERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().first().toString(), chart->figuresText(week));
        QSignalSpy listed(trends, &TrendsWindow::listRequested);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, point);
        QTRY_COMPARE(listed.size(), 1);
        const QString query = QStringLiteral("diffusion after:2025-01-06 before:2025-01-13");
        QTRY_COMPARE(window->currentSource().query, query);
        QTRY_COMPARE(gui_test::listedCount(*window), int(count));
        QCOMPARE(listedIds(*window), searchIds(query));
    }

    void savedTrendOpensAgain()
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(window->library()->isReady());
        window->findChild<QAction *>(QStringLiteral("showTrendsAction"))->trigger();
        TrendsWindow *trends = window->findChild<TrendsWindow *>();
        QVERIFY(trends);
        SavedTrendsBar *bar = trends->savedTrends();
        auto *picker = trends->findChild<QComboBox *>(QStringLiteral("trendSavedTrends"));
        auto *save = trends->findChild<QPushButton *>(QStringLiteral("trendSaveButton"));
        auto *remove = trends->findChild<QPushButton *>(QStringLiteral("trendDeleteButton"));
        QVERIFY(picker && save && remove);
        QTRY_VERIFY(!picker->isEnabled()); // nothing saved yet
        QVERIFY(!remove->isEnabled());

        // A trend over five weeks of shares, from a Wednesday to a Sunday.
        trends->setPeriod(TrendPeriod::Week);
        trends->setShowShare(true);
        trends->setQueries({QStringLiteral("diffusion"), QString(), QStringLiteral("扩散模型")});
        trends->setRange(QDate(2025, 1, 1), QDate(2025, 2, 2));
        QVERIFY(waitForChart(trends));
        QCOMPARE(trends->chart()->axis().start(), QDate(2024, 12, 30));
        QCOMPARE(trends->chart()->axis().end(), QDate(2025, 2, 3));

        QTest::mouseClick(save, Qt::LeftButton);
        auto *dialog = trends->findChild<QInputDialog *>(QStringLiteral("saveTrendDialog"));
        QVERIFY(dialog);
        dialog->setTextValue(QStringLiteral("  Diffusion in January "));
        dialog->accept();
        QTRY_COMPARE(bar->trends().size(), 1);
        QCOMPARE(picker->currentText(), QStringLiteral("Diffusion in January"));
        QVERIFY(remove->isEnabled());
        // In the file, as the core reads it.
        {
            Database database;
            QVERIFY(database.open(m_db, Database::Mode::ReadOnly));
            Store store(database);
            const std::optional<SavedTrend> kept =
                SavedTrends(store).find(QStringLiteral("diffusion in january"));
            QVERIFY(kept);
            QCOMPARE(kept->queries,
                     (QStringList{QStringLiteral("diffusion"), QStringLiteral("扩散模型")}));
            QCOMPARE(kept->by, TrendPeriod::Week);
            QVERIFY(kept->share);
            QCOMPARE(kept->from, QDate(2025, 1, 1));
            QCOMPARE(kept->to, QDate(2025, 2, 2));
        }

        // Changed on screen: no longer the saved one; opened from the picker: all of it back.
        trends->setPeriod(TrendPeriod::Month);
        trends->setShowShare(false);
        trends->setRange({}, {});
        trends->setQueries({QStringLiteral("video")});
        QVERIFY(waitForChart(trends));
        QTRY_VERIFY(bar->openedName().isEmpty());
        QCOMPARE(picker->currentIndex(), 0);
        QVERIFY(!remove->isEnabled());
        emit picker->activated(1); // as when chosen from its list
        QVERIFY(waitForChart(trends));
        QCOMPARE(bar->openedName(), QStringLiteral("Diffusion in January"));
        QCOMPARE(trends->queries().mid(0, 2),
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("扩散模型")}));
        QCOMPARE(trends->rangeFrom(), QDate(2025, 1, 1));
        QCOMPARE(trends->rangeTo(), QDate(2025, 2, 2));
        QVERIFY(trends->chart()->showsShare());
        const TrendAxis axis = trends->chart()->axis();
        QCOMPARE(axis.by, TrendPeriod::Week);
        QCOMPARE(axis.start(), QDate(2024, 12, 30));
        QCOMPARE(axis.periods.size(), 5);
        {
            Database database;
            QVERIFY(database.open(m_db, Database::Mode::ReadOnly));
            Store store(database);
            QCOMPARE(trends->chart()->series(1)->counts,
                     Trends(store).series(QStringLiteral("扩散模型"), axis).counts);
        }

        // Deleted: gone from the file and the picker; the chart stays.
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(bar->trends().isEmpty());
        QVERIFY(!picker->isEnabled());
        QVERIFY(waitForChart(trends));
        QCOMPARE(trends->chart()->seriesShown(), (QList<int>{0, 1}));

        // Another process saves one: LibraryWatch brings it to the picker.
        {
            Database database;
            QVERIFY(database.open(m_db));
            Store store(database);
            SavedTrend other;
            other.name = QStringLiteral("From the command line");
            other.queries = {QStringLiteral("graph")};
            QCOMPARE(SavedTrends(store).save(other, false), SavedTrends::SaveResult::Saved);
        }
        QTRY_COMPARE_WITH_TIMEOUT(bar->trends().size(), 1, 10000);
        QTRY_COMPARE(picker->itemText(1), QStringLiteral("From the command line"));
        QVERIFY(bar->open(QStringLiteral("FROM THE COMMAND LINE")));
        QVERIFY(waitForChart(trends));
        QCOMPARE(trends->queries().first(), QStringLiteral("graph"));
        QCOMPARE(trends->rangeFrom(), QDate());
        QCOMPARE(trends->chart()->axis().by, TrendPeriod::Month);
        QVERIFY(!trends->chart()->showsShare());
    }

    void readingStatisticsTab()
    {
        // What the reader did in the week of Monday 2025-02-10, written as the store does.
        const QDateTime when(QDate(2025, 2, 11), QTime(10, 0));
        QStringList ids;
        {
            Database database;
            QVERIFY(database.open(m_db));
            Store store(database);
            store.setClock([when] { return when.toUTC(); });
            QSqlQuery q(database.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY arxiv_id DESC"
                                          " LIMIT 4")));
            while (q.next())
                ids.append(q.value(0).toString());
            QVERIFY(store.setStarred(ids.at(0), true) && store.setStarred(ids.at(1), true));
            QVERIFY(store.setReadMany(ids.mid(0, 3), true));
            QVERIFY(store.setNote(ids.at(2), QStringLiteral("统计")));
            QVERIFY(store.addTags(ids.at(0), {QStringLiteral("kd")}));
        }
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(window->library()->isReady());
        window->findChild<QAction *>(QStringLiteral("showTrendsAction"))->trigger();
        TrendsWindow *trends = window->findChild<TrendsWindow *>();
        QVERIFY(trends);
        ReadingStatsView *view = trends->readingStats();
        view->setToday(QDate(2025, 2, 13));
        trends->showReadingStats();
        QTRY_VERIFY(view->isVisible());
        QTRY_VERIFY(!view->isComputing() && !view->stats().weeks.isEmpty());
        ReadingStats want;
        {
            Database database;
            QVERIFY(database.open(m_db, Database::Mode::ReadOnly));
            Store store(database);
            want = ReadingStatistics(store).compute(QDate(2025, 2, 13), 12);
        }
        QCOMPARE(view->stats().weeks, want.weeks);
        QCOMPARE(view->stats().weeks.size(), 12);
        const ReadingWeek week = view->stats().thisWeek;
        QCOMPARE(week.start, QDate(2025, 2, 10));
        QVERIFY(week.read >= 3 && week.starred >= 2 && week.annotated >= 1);
        QVERIFY(week.arrived > 0);
        const QString summary = view->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("%1 read").arg(week.read)), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("%1 starred").arg(week.starred)));
        QVERIFY(summary.contains(QStringLiteral("kd (")));
        QCOMPARE(view->bars(0).size(), 12);
        QCOMPARE(qint64(view->bars(0).at(11)), week.read);
        QCOMPARE(qint64(view->bars(1).at(11)), week.starred);
        QCOMPARE(qint64(view->bars(2).at(11)), week.annotated);

        // This week, as the clock says: a star made in the window counts at once.
        view->setToday(QDate());
        QTRY_VERIFY(!view->isComputing());
        QTRY_COMPARE(view->stats().thisWeek.start,
                     QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek()));
        const qint64 starred = view->stats().thisWeek.starred;
        window->library()->userData()->setStarred(ids.at(3), true);
        QTRY_COMPARE(view->stats().thisWeek.starred, starred + 1);
        QTRY_COMPARE(qint64(view->bars(1).constLast()), starred + 1);
    }

    void sidebarDaysCarryABar()
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(window->library()->isReady());
        auto *tree = window->findChild<QTreeView *>(QStringLiteral("dayTree"));
        QVERIFY(tree);
        auto *delegate = qobject_cast<DayBarDelegate *>(tree->itemDelegateForColumn(0));
        QVERIFY(delegate);
        auto *model = qobject_cast<DayTreeModel *>(tree->model());
        QTRY_VERIFY(model && !model->dates().isEmpty());
        int most = 0;
        for (const QDate &date : model->dates())
            most = std::max(most, model->indexOfDate(date).data(DayTreeModel::PapersRole).toInt());
        QVERIFY(most > 0);
        bool full = false;
        for (const QDate &date : model->dates()) {
            const QModelIndex index = model->indexOfDate(date);
            const int papers = index.data(DayTreeModel::PapersRole).toInt();
            const double fraction = delegate->barFraction(index);
            if (papers == 0) {
                QCOMPARE(fraction, -1.0); // a repeat day: no bar
                continue;
            }
            QVERIFY(qAbs(fraction - double(papers) / most) < 1e-9);
            full = full || fraction == 1.0;
        }
        QVERIFY(full);
        // Years and months have none.
        QCOMPARE(delegate->barFraction(model->index(0, 0)), -1.0);
        // Drawn: the busiest day's row has the bar's colour at its foot, the quietest less of it.
        QDate busiest;
        for (const QDate &date : model->dates())
            if (model->indexOfDate(date).data(DayTreeModel::PapersRole).toInt() == most)
                busiest = date;
        tree->expandAll();
        tree->scrollTo(model->indexOfDate(busiest));
        const QRect row = tree->visualRect(model->indexOfDate(busiest));
        QVERIFY(row.isValid());
        const QImage image = tree->viewport()->grab().toImage();
        const bool selected = tree->selectionModel()->isSelected(model->indexOfDate(busiest));
        const QColor bar = DayBarDelegate::barColor(tree->palette(), selected);
        int barPixels = 0;
        for (int x = row.left(); x < row.right(); ++x) {
            const QColor pixel = image.pixelColor(x * image.devicePixelRatio(),
                                                  (row.bottom() - 2) * image.devicePixelRatio());
            barPixels += qAbs(pixel.red() - bar.red()) + qAbs(pixel.green() - bar.green()) +
                                     qAbs(pixel.blue() - bar.blue()) <
                                 40
                             ? 1
                             : 0;
        }
        QVERIFY2(barPixels > row.width() / 2, qPrintable(QString::number(barPixels)));
    }

    void shareCsvAndExports()
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(window->library()->isReady());
        window->findChild<QAction *>(QStringLiteral("showTrendsAction"))->trigger();
        TrendsWindow *trends = window->findChild<TrendsWindow *>();
        QVERIFY(trends);
        trends->setPeriod(TrendPeriod::Month);
        trends->setQueries({QStringLiteral("video")});
        QVERIFY(waitForChart(trends));
        TrendsChart *chart = trends->chart();
        const TrendAxis &axis = chart->axis();
        const qsizetype january = axis.periods.indexOf(QDate(2025, 1, 1));
        const qsizetype march = axis.periods.indexOf(QDate(2025, 3, 1));
        trends->setShowShare(true);
        QVERIFY(chart->showsShare());
        const double share =
            double(*chart->series(0)->counts.at(january)) / axis.totals.at(january);
        QVERIFY(qAbs(*chart->valueAt(0, january) - share * 100) < 1e-9);

        const QStringList rows = trends->csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.first(), QStringLiteral("period,video,video (share),all papers,partial"));
        QCOMPARE(rows.at(march + 1), QStringLiteral("2025-03-01,,,,false"));
        // The library starts on 2024-12-16 and ends on 2025-04-04: both ends are partial.
        QVERIFY(rows.at(1).endsWith(QLatin1String(",true")));
        QVERIFY(rows.constLast().endsWith(QLatin1String(",true")));
        QVERIFY(chart->figuresText(0).contains(QStringLiteral("Partial: the library starts")));
        QVERIFY(!chart->figuresText(january).contains(QStringLiteral("Partial")));
        QVERIFY(
            rows.at(january + 1)
                .startsWith(
                    QStringLiteral("2025-01-01,%1,").arg(*chart->series(0)->counts.at(january))));

        const QString png = m_dir.filePath(QStringLiteral("trends.png"));
        const QString svg = m_dir.filePath(QStringLiteral("trends.svg"));
        QVERIFY(chart->savePng(png));
        QVERIFY(chart->saveSvg(svg));
        QImage image(png);
        QVERIFY(image.width() > 100 && image.height() > 100);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<path") || text.contains("<polyline"));

        // A period change computes the lines again, by year.
        trends->setPeriod(TrendPeriod::Year);
        QVERIFY(waitForChart(trends));
        QCOMPARE(chart->axis().periods, (QList<QDate>{QDate(2024, 1, 1), QDate(2025, 1, 1)}));
        QCOMPARE(chart->series(0)->counts,
                 expected(QStringLiteral("video"), TrendPeriod::Year).counts);
    }
};

QTEST_MAIN(TestTrendsWindow)
#include "tst_trends_window.moc"
