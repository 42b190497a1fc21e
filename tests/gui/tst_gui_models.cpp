// The window's item models and value helpers, checked with QAbstractItemModelTester.

#include "common/paper_text.h"
#include "common/settings.h"
#include "library/pending_edits.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"
#include "sidebar/day_tree_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;

namespace {

DaySummary day(int y, int m, int d, int papers, int unread)
{
    DaySummary summary;
    summary.date = QDate(y, m, d);
    summary.papers = papers;
    summary.unread = unread;
    summary.categories = {QStringLiteral("cs.CV")};
    return summary;
}

PaperView paper(const QString &id, const QString &title, const QStringList &categories = {},
                const QString &zh = {})
{
    PaperView view;
    view.paper.arxivId = id;
    view.paper.title = title;
    view.paper.authors = {QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                          QStringLiteral("Grace Hopper"), QStringLiteral("Edsger Dijkstra")};
    view.paper.categories = categories;
    view.digestCategory = QStringLiteral("cs.CV");
    view.entry.translatedTitle = zh;
    return view;
}

} // namespace

class TestGuiModels : public QObject
{
    Q_OBJECT

private slots:
    void dayTreeGroupsByYearAndMonth();
    void dayTreeUpdatesCountsInPlace();
    void dayTreeRepeatShowsNoZero();
    void dayTreeNavigatesBetweenDays();
    void dayTreeStatusHook();
    void paperListModelRolesAndEdits();
    void filterModelByTextAndCategory();
    void pendingEditsOutliveStaleReads();
    void readableTextUnwrapsFontCommands();
    void settingsKeysRoundTrip();
};

void TestGuiModels::dayTreeGroupsByYearAndMonth()
{
    DayTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDays({day(2024, 3, 14, 3, 2), day(2024, 3, 12, 5, 5), day(2024, 2, 28, 4, 0),
                   day(2023, 12, 31, 1, 1)});
    QCOMPARE(model.rowCount(), 2); // 2024, 2023 — newest first
    const QModelIndex y2024 = model.index(0, 0);
    QCOMPARE(y2024.data().toString(), QStringLiteral("2024"));
    QCOMPARE(model.rowCount(y2024), 2); // March, February
    const QModelIndex march = model.index(0, 0, y2024);
    QCOMPARE(model.rowCount(march), 2);
    QCOMPARE(march.data(DayTreeModel::PapersRole).toInt(), 8);
    QCOMPARE(march.data(DayTreeModel::UnreadRole).toInt(), 7);
    QCOMPARE(y2024.data(DayTreeModel::PapersRole).toInt(), 12);
    const QModelIndex newest = model.index(0, 0, march);
    QCOMPARE(newest.data(DayTreeModel::DateRole).toDate(), QDate(2024, 3, 14));
    QCOMPARE(newest.siblingAtColumn(DayTreeModel::PapersColumn).data().toInt(), 3);
    QCOMPARE(newest.siblingAtColumn(DayTreeModel::UnreadColumn).data().toInt(), 2);
    QVERIFY(newest.data(Qt::FontRole).value<QFont>().bold());
    const QModelIndex allRead = model.indexOfDate(QDate(2024, 2, 28));
    QVERIFY(!allRead.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.parent(allRead).data(DayTreeModel::LevelRole).toInt(),
             int(DayTreeModel::MonthLevel));
    QCOMPARE(model.dates().size(), 4);
    // No digest on the 13th: not listed.
    QVERIFY(!model.indexOfDate(QDate(2024, 3, 13)).isValid());

    model.setDays({});
    QCOMPARE(model.rowCount(), 0);
}

void TestGuiModels::dayTreeRepeatShowsNoZero()
{
    // A repeat counts none of its own papers; a 0 beside it read as a lost listing while its
    // list showed the repeated day's papers.
    DayTreeModel model;
    DaySummary repeat = day(2026, 6, 13, 0, 0);
    repeat.sameAs = QDate(2026, 6, 12);
    model.setDays({repeat, day(2026, 6, 12, 250, 250), day(2026, 6, 11, 0, 0)});
    const QModelIndex repeated = model.indexOfDate(QDate(2026, 6, 13));
    QCOMPARE(repeated.siblingAtColumn(DayTreeModel::PapersColumn).data().toString(), QString());
    QVERIFY(repeated.data().toString().contains(QStringLiteral("repeat")));
    QVERIFY(repeated.data(Qt::ToolTipRole).toString().contains(QStringLiteral("repeated")));
    QCOMPARE(model.indexOfDate(QDate(2026, 6, 12))
                 .siblingAtColumn(DayTreeModel::PapersColumn)
                 .data()
                 .toInt(),
             250);
    // A day that is no repeat keeps its honest 0.
    QCOMPARE(model.indexOfDate(QDate(2026, 6, 11))
                 .siblingAtColumn(DayTreeModel::PapersColumn)
                 .data()
                 .toString(),
             QStringLiteral("0"));
}

void TestGuiModels::dayTreeUpdatesCountsInPlace()
{
    DayTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDays({day(2024, 3, 14, 3, 2), day(2024, 3, 12, 5, 5)});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setDays({day(2024, 3, 14, 3, 0), day(2024, 3, 12, 5, 5)});
    QCOMPARE(resets.size(), 0); // same days: selection and expansion survive
    QVERIFY(changes.size() > 0);
    QCOMPARE(model.indexOfDate(QDate(2024, 3, 14)).data(DayTreeModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(DayTreeModel::UnreadRole).toInt(), 5);

    model.setDays({day(2024, 3, 15, 1, 1), day(2024, 3, 14, 3, 0), day(2024, 3, 12, 5, 5)});
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.dates().first(), QDate(2024, 3, 15));
}

void TestGuiModels::dayTreeNavigatesBetweenDays()
{
    DayTreeModel model;
    model.setDays({day(2024, 3, 14, 3, 2), day(2024, 3, 12, 5, 5), day(2024, 2, 28, 4, 0)});
    QCOMPARE(model.olderDay(QDate(2024, 3, 14)), QDate(2024, 3, 12));
    QCOMPARE(model.olderDay(QDate(2024, 3, 12)), QDate(2024, 2, 28));
    QCOMPARE(model.olderDay(QDate(2024, 2, 28)), QDate());
    QCOMPARE(model.newerDay(QDate(2024, 2, 28)), QDate(2024, 3, 12));
    QCOMPARE(model.newerDay(QDate(2024, 3, 13)), QDate(2024, 3, 14));
    QCOMPARE(model.newerDay(QDate(2024, 3, 14)), QDate());
}

void TestGuiModels::dayTreeStatusHook()
{
    DayTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDays({day(2024, 3, 14, 3, 2)});
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setDayStatus(
        QDate(2024, 3, 14),
        {QStringLiteral("fetch failed"), QStringLiteral("HTTP 503 from export.arxiv.org"), {}});
    QCOMPARE(changes.size(), 1);
    const QModelIndex index = model.indexOfDate(QDate(2024, 3, 14));
    QVERIFY(index.data().toString().endsWith(QStringLiteral("fetch failed")));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 503")));
    model.clearDayStatus(QDate(2024, 3, 14));
    QVERIFY(!index.data().toString().contains(QStringLiteral("fetch failed")));
}

void TestGuiModels::paperListModelRolesAndEdits()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PaperView withCode = paper(QStringLiteral("2306.05544"), QStringLiteral("BOOT"), {},
                               QStringLiteral("BOOT:中文"));
    withCode.entry.codeUrlAsGiven = QStringLiteral("https://github.com/x/y");
    model.setPapers(
        {paper(QStringLiteral("2306.01667"), QStringLiteral("Towards \\emph{In-context}")),
         withCode});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data().toString(), QStringLiteral("Towards In-context"));
    QCOMPARE(first.data(PaperListModel::AuthorsRole).toString(),
             QStringLiteral("Ada Lovelace, Alan Turing, Grace Hopper et al."));
    QCOMPARE(first.data(PaperListModel::PrimaryCategoryRole).toString(), QStringLiteral("cs.CV"));
    QVERIFY(!first.data(PaperListModel::HasCodeRole).toBool());
    QVERIFY(model.index(1).data(PaperListModel::HasCodeRole).toBool());
    QCOMPARE(model.index(1).data(PaperListModel::ChineseTitleRole).toString(),
             QStringLiteral("BOOT:中文"));

    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    // Each change carries a whole state; only its own field reaches the row.
    const auto change = [](const QString &id, UserField field, auto edit) {
        UserState state;
        edit(state);
        UserStateChange change;
        change.papers.append({id, field, state});
        return change;
    };
    model.applyUserChange(change(QStringLiteral("2306.05544"), UserField::Starred,
                                 [](UserState &s) { s.starred = true; }));
    model.applyUserChange(
        change(QStringLiteral("2306.05544"), UserField::Read, [](UserState &s) { s.read = true; }));
    model.applyUserChange(change(QStringLiteral("2306.05544"), UserField::Note,
                                 [](UserState &s) { s.note = QStringLiteral("note"); }));
    model.applyUserChange(change(QStringLiteral("9999.99999"), UserField::Starred,
                                 [](UserState &s) { s.starred = true; })); // not listed: ignored
    QCOMPARE(changes.size(), 3);
    QVERIFY(model.index(1).data(PaperListModel::StarredRole).toBool());
    QVERIFY(model.index(1).data(PaperListModel::ReadRole).toBool());
    QVERIFY(model.index(1).data(PaperListModel::HasNoteRole).toBool());
    QCOMPARE(model.rowOf(QStringLiteral("2306.05544")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
}

void TestGuiModels::filterModelByTextAndCategory()
{
    PaperListModel source;
    PaperFilterModel filter;
    filter.setSourceModel(&source);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    source.setPapers(
        {paper(QStringLiteral("1"), QStringLiteral("Diffusion models"), {QStringLiteral("cs.CV")}),
         paper(QStringLiteral("2"), QStringLiteral("Transformer programs"),
               {QStringLiteral("cs.LG"), QStringLiteral("cs.CL")}),
         paper(QStringLiteral("3"), QStringLiteral("Scene understanding"), {},
               QStringLiteral("场景理解"))});
    QCOMPARE(filter.rowCount(), 3);
    filter.setFilterText(QStringLiteral("TRANSFORMER"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText(QStringLiteral("场景"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText(QStringLiteral("models lovelace"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText({});
    filter.setCategories({QStringLiteral("cs.CL")});
    QCOMPARE(filter.rowCount(), 1);
    filter.setCategories({QStringLiteral("cs.CV")}); // paper 3 falls back to the digest's subject
    QCOMPARE(filter.rowCount(), 2);
    filter.setCategories({});
    QCOMPARE(filter.rowCount(), 3);
}

void TestGuiModels::pendingEditsOutliveStaleReads()
{
    PendingEdits edits;
    PaperView stale = paper(QStringLiteral("1"), QStringLiteral("T"));
    const quint64 beforeWrite = edits.stamp();
    edits.setNote(QStringLiteral("1"), QStringLiteral("new note"));
    edits.setStarred(QStringLiteral("1"), true);
    // A read posted before the write committed must not show the old note.
    PaperView view = stale;
    edits.apply(view);
    QCOMPARE(view.user.note, QStringLiteral("new note"));
    QVERIFY(view.user.starred);
    edits.settle(beforeWrite);
    QVERIFY(!edits.isEmpty());
    edits.writeDone(QStringLiteral("1"));
    QVERIFY(edits.hasPendingWrites()); // the star is still on its way
    edits.writeDone(QStringLiteral("1"));
    QVERIFY(!edits.hasPendingWrites());
    // That early read returning now still needs the edit...
    edits.settle(beforeWrite);
    QVERIFY(!edits.isEmpty());
    // ...a read posted after the commit does not.
    edits.settle(edits.stamp());
    QVERIFY(edits.isEmpty());
}

void TestGuiModels::readableTextUnwrapsFontCommands()
{
    QCOMPARE(readableText(QStringLiteral("An \\emph{efficient}\n  method in $\\mathcal{O}(n)$")),
             QStringLiteral("An efficient method in $\\mathcal{O}(n)$"));
    QCOMPARE(readableText(QStringLiteral("\\textbf{\\emph{both}}")), QStringLiteral("both"));
    QCOMPARE(readableText(QStringLiteral("<b>kept</b>")), QStringLiteral("<b>kept</b>"));
    QCOMPARE(readableText(QStringLiteral("learning$\\unicode{x2013}$the ability")),
             QStringLiteral("learning\u2013the ability"));
    QCOMPARE(readableText(QStringLiteral("$a \\unicode{x3b1}$")), QStringLiteral("$a \u03b1$"));
    QCOMPARE(authorList({QStringLiteral("Ivana Bala\\v{z}evi\\'c"),
                         QStringLiteral("Olivier J. H\\'enaff")}),
             QStringLiteral("Ivana Bala\u017Eevi\u0107, Olivier J. H\u00E9naff"));
}

void TestGuiModels::settingsKeysRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    QCOMPARE(settings::abstractLanguage.value(settings), AbstractLanguage::Both);
    QCOMPARE(settings::markReadDelayMs.value(settings), 1500);
    settings::abstractLanguage.setValue(settings, AbstractLanguage::Chinese);
    QCOMPARE(settings.value(settings::abstractLanguage.name()).toString(),
             QStringLiteral("chinese"));
    QCOMPARE(settings::abstractLanguage.value(settings), AbstractLanguage::Chinese);
    settings.setValue(settings::abstractLanguage.name(), QStringLiteral("klingon"));
    QCOMPARE(settings::abstractLanguage.value(settings), AbstractLanguage::Both);
    settings::lastDay.setValue(settings, QDate(2024, 3, 14));
    QCOMPARE(settings.value(settings::lastDay.name()).toString(), QStringLiteral("2024-03-14"));
    QCOMPARE(settings::lastDay.value(settings), QDate(2024, 3, 14));
}

QTEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
