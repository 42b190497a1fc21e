// TeX math in the reader window (#23): titles, abstracts (English and Chinese) and the list
// show math as math, sub- and superscripts raised and lowered by the text layout; copying
// gives the readable form, "Copy TeX" the source as published.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "common/math_text.h"
#include "detail/detail_pane.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "window/main_window.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

using namespace paperboy;
using gui_test::chooseDay;
using gui_test::currentId;
using gui_test::listedCount;

namespace {

const QString kPartitioning = QStringLiteral("2606.13491"); // $N \leq \binom{...}{d}$ and more
const QString kFusion = QStringLiteral("2411.17792");       // $H^3$Fusion

QString fixture(const char *relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + QLatin1String(relative);
}

// The text of the fragments of `view` drawn with `alignment`, in order.
QStringList fragments(const MathTextView *view, QTextCharFormat::VerticalAlignment alignment)
{
    QStringList texts;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().verticalAlignment() == alignment)
                texts.append(it.fragment().text());
    return texts;
}

} // namespace

class TestMathWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void abstractShowsMathWithRealScripts();
    void titleAndListShowMath();
    void copyGivesTheReadableFormAndCopyTexTheSource();
    void chineseAbstractShowsMath();

private:
    MathTextView *view(MainWindow &window, const char *name)
    {
        return window.findChild<MathTextView *>(QLatin1String(name));
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestMathWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_math_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestMathWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, fixture("arxiv-rss/rss_2024-11-28_first120items.xml")));
    QVERIFY(gui_test::importInto(m_db,
                                 fixture("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")));
}

void TestMathWindow::cleanup()
{
    m_dir.reset();
}

void TestMathWindow::abstractShowsMathWithRealScripts()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QVERIFY(chooseDay(*window, QDate(2026, 6, 12)));
    QTRY_VERIFY(window->paperList()->selectId(kPartitioning));
    MathTextView *abstract = view(*window, "abstractEnglishLabel");
    QTRY_VERIFY(abstract->text().contains(QStringLiteral("N ≤ (⌊√(nd/2)⌋ choose d)")));
    QVERIFY(abstract->text().contains(QStringLiteral("|X| ≳ n N log N")));
    QVERIFY(!abstract->toPlainText().contains(QStringLiteral("\\binom")));
    QVERIFY(!abstract->toPlainText().contains(QLatin1Char('$')));
    // π^{\bigstar}_{\mathbf{X}}: ★ raised and a bold X lowered by the layout, not by markup.
    const QStringList raised = fragments(abstract, QTextCharFormat::AlignSuperScript);
    const QStringList lowered = fragments(abstract, QTextCharFormat::AlignSubScript);
    QVERIFY2(raised.contains(QStringLiteral("★")), qPrintable(raised.join(u'|')));
    QVERIFY2(lowered.contains(QStringLiteral("X")), qPrintable(lowered.join(u'|')));
    bool boldX = false;
    for (QTextBlock block = abstract->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            boldX = boldX || (it.fragment().text() == u"X" &&
                              it.fragment().charFormat().fontWeight() == QFont::Bold);
    QVERIFY(boldX);
    QVERIFY(abstract->hasMath());
    window->grab(); // lays out and paints the pane
}

void TestMathWindow::titleAndListShowMath()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QVERIFY(chooseDay(*window, QDate(2024, 11, 28)));
    QTRY_VERIFY(window->paperList()->selectId(kFusion));
    MathTextView *title = view(*window, "titleLabel");
    QTRY_VERIFY(title->text().startsWith(QStringLiteral("H³Fusion: Helpful, Harmless")));
    QCOMPARE(fragments(title, QTextCharFormat::AlignSuperScript), QStringList{QStringLiteral("3")});
    QVERIFY(title->toPlainText().startsWith(QStringLiteral("H3Fusion")));
    // The list paints the same title through a text layout; the row is drawn without error
    // and the model still gives the title as stored.
    window->grab();
    const QModelIndex row =
        window->paperList()->model()->index(window->paperList()->model()->rowOf(kFusion));
    QVERIFY(row.data(PaperListModel::TitleRole).toString().startsWith(QStringLiteral("$H^3$")));
}

void TestMathWindow::copyGivesTheReadableFormAndCopyTexTheSource()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QVERIFY(chooseDay(*window, QDate(2024, 11, 28)));
    QTRY_VERIFY(window->paperList()->selectId(kFusion));
    MathTextView *title = view(*window, "titleLabel");
    QTRY_VERIFY(title->hasMath());

    // A selection of the first two characters: H and a raised 3.
    QTextCursor cursor(title->document());
    cursor.setPosition(0);
    cursor.setPosition(2, QTextCursor::KeepAnchor);
    title->setTextCursor(cursor);
    QGuiApplication::clipboard()->clear();
    title->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("H³"));
    title->selectAll();
    title->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), title->text());

    auto *copyTex = title->findChild<QAction *>(QStringLiteral("copyTexAction"));
    QVERIFY(copyTex);
    QVERIFY(copyTex->isEnabled());
    copyTex->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("$H^3$Fusion")));

    // A title without math offers no "Copy TeX".
    QTRY_VERIFY(window->paperList()->selectId(QStringLiteral("2411.17705")));
    QTRY_VERIFY(title->text().startsWith(QStringLiteral("EEG-DCNet")));
    QVERIFY(!copyTex->isEnabled());
}

void TestMathWindow::chineseAbstractShowsMath()
{
    const QDate day(2024, 3, 15);
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), day)));
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QVERIFY(chooseDay(*window, day));
    QTRY_VERIFY(window->paperList()->selectId(QStringLiteral("2403.00001")));
    MathTextView *chinese = view(*window, "abstractChineseLabel");
    QTRY_VERIFY(chinese->text().contains(QStringLiteral("复杂度 𝒪(n)")));
    QVERIFY(chinese->sourceText().contains(QStringLiteral("$\\mathcal{O}(n)$")));
    QCOMPARE(view(*window, "titleLabel")->text(), QStringLiteral("Sparse Attention in 𝒪(n) Time"));
}

QTEST_MAIN(TestMathWindow)
#include "tst_math_window.moc"
