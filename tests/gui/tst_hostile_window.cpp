// The real reader window over a library filled from hostile files (tst_hostile_content.h,
// imported through the real Importer): every paper's labels show the literal text (markup is
// never interpreted, also when search highlights switch a label to rich text), the list
// paints a 1 MB abstract, and javascript:, file: and data: links are shown but never
// opened. Every tooltip that carries data (the list's titles, the code link, the status bar
// with a server's reply, a search's heading) shows it as text too. Also: a library on a
// read-only mount opens for reading and refuses stars.

#include "../unit/tst_full_disk_mount.h"
#include "../unit/tst_hostile_content.h"
#include "gui_fixtures.h"
#include "gui_window.h"
#include "other_user.h"

#include "common/link_policy.h"
#include "detail/detail_pane.h"
#include "window/main_window.h"
#include "common/math_text.h"

#include <QAction>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace paperboy;
using gui_test::chooseDay;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {

// Stands in for the desktop: records what the window asked it to open.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

const QStringList kRawMarkup = {QStringLiteral("<script"), QStringLiteral("<b>"),
                                QStringLiteral("<img"),    QStringLiteral("<a href"),
                                QStringLiteral("<iframe"), QStringLiteral("<i>")};

// What a label shows a reader, whatever its text format.
QString shownText(const QLabel *label)
{
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (!rich)
        return label->text();
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

// No label of the detail pane may interpret the data's markup.
QString markupProblem(MainWindow &window)
{
    const QList<QLabel *> labels = window.detailPane()->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        const QString text = label->text();
        if (label->textFormat() == Qt::PlainText ||
            (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(text)))
            continue;
        for (const QString &raw : kRawMarkup)
            if (text.contains(raw, Qt::CaseInsensitive))
                return QStringLiteral("%1 interprets %2 in: %3")
                    .arg(label->objectName(), raw, text.left(200));
    }
    // Titles and abstracts are text views filled with plain text: what the data holds is shown.
    const QList<MathTextView *> views = window.detailPane()->findChildren<MathTextView *>();
    for (const MathTextView *view : views)
        for (const QString &raw : kRawMarkup)
            if (view->sourceText().contains(raw) && !view->toPlainText().contains(raw))
                return QStringLiteral("%1 lost %2").arg(view->objectName(), raw);
    return {};
}

// What a tooltip shows a reader: Qt renders it as rich text when it looks like markup.
QString shownToolTip(const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument document;
    document.setHtml(tip);
    return document.toPlainText();
}

// A tooltip that renders as rich text must carry no tag of the data's own.
QString toolTipProblem(const QString &where, const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return {};
    for (const QString &raw : kRawMarkup)
        if (tip.contains(raw, Qt::CaseInsensitive))
            return QStringLiteral("the tooltip of %1 interprets %2 in: %3")
                .arg(where, raw, tip.left(200));
    return {};
}

QString windowToolTipProblem(MainWindow &window)
{
    QAbstractItemModel *list = gui_test::paperListView(window)->model();
    for (int row = 0; row < list->rowCount(); ++row) {
        const QString problem =
            toolTipProblem(QStringLiteral("list row %1").arg(row),
                           list->index(row, 0).data(Qt::ToolTipRole).toString());
        if (!problem.isEmpty())
            return problem;
    }
    for (const QWidget *widget : window.findChildren<QWidget *>()) {
        const QString problem = toolTipProblem(widget->objectName(), widget->toolTip());
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QLabel *label(MainWindow &window, const char *name)
{
    return window.findChild<QLabel *>(QLatin1String(name));
}

// What a text of the detail pane shows a reader: a label's, or a text view's (titles, abstracts).
QString shown(MainWindow &window, const char *name)
{
    if (const auto *view = window.findChild<MathTextView *>(QLatin1String(name)))
        return view->text();
    return shownText(label(window, name));
}

} // namespace

class TestHostileWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void everyPaperShowsLiteralText();
    void highlightedTextStaysEscaped();
    void toolTipsShowLiteralText();
    void localAndScriptLinksAreNeverOpened();
    void linkPolicyRefusesHostileUrls_data();
    void linkPolicyRefusesHostileUrls();
    void readOnlyLibraryOpensForReading_data();
    void readOnlyLibraryOpensForReading();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    UrlRecorder m_desktop;
};

void TestHostileWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostile_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
    for (const char *scheme : {"http", "https", "javascript", "file", "data"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), &m_desktop, "open");
}

void TestHostileWindow::cleanupTestCase()
{
    for (const char *scheme : {"http", "https", "javascript", "file", "data"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void TestHostileWindow::init()
{
    gui_test::clearSettings();
    m_desktop.opened.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    const QStringList files = hostile::writeFiles(QDir(m_dir->path()));
    QCOMPARE(files.size(), 2);
    QVERIFY(gui_test::importInto(m_db, files.at(0)));
    QVERIFY(gui_test::importInto(m_db, files.at(1)));
    // A note with markup and a script link, as a user might paste it.
    Database db;
    QVERIFY(db.open(m_db));
    QVERIFY(
        Store(db).setNote(hostile::kMarkupPaper,
                          QStringLiteral("<b>my</b> note <a href=\"javascript:alert(8)\">x</a>")));
}

void TestHostileWindow::cleanup()
{
    m_dir.reset();
}

void TestHostileWindow::everyPaperShowsLiteralText()
{
    auto window = gui_test::openWindow(m_db);
    QVERIFY(window->isVisible());
    QTRY_VERIFY(chooseDay(*window, QDate::fromString(hostile::kDay, Qt::ISODate)));
    QTRY_COMPARE(listedCount(*window), 4);
    for (int row = 0; row < 4; ++row) {
        QVERIFY(selectRow(*window, row));
        QTRY_VERIFY(!shown(*window, "titleLabel").isEmpty());
        const QString problem = markupProblem(*window);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        window->grab(); // paints the list and the pane, 1 MB abstract included
    }
    QVERIFY(selectRow(*window, 0));
    QTRY_COMPARE(currentId(*window), hostile::kMarkupPaper);
    QTRY_COMPARE(shown(*window, "titleLabel"), hostile::kMarkupTitle);
    QCOMPARE(shown(*window, "chineseTitleLabel"), hostile::kMarkupChineseTitle);
    QVERIFY(shown(*window, "authorsLabel").contains(QStringLiteral("<eve@evil.example>")));
    QVERIFY(shown(*window, "abstractChineseLabel").contains(QStringLiteral("<iframe")));
    auto *note = window->findChild<QPlainTextEdit *>(QStringLiteral("noteEditor"));
    QVERIFY(note);
    QTRY_VERIFY(note->toPlainText().startsWith(QStringLiteral("<b>my</b> note <a href=")));

    QVERIFY(selectRow(*window, 1));
    QTRY_COMPARE(currentId(*window), hostile::kFileLinkPaper);
    QVERIFY(shown(*window, "titleLabel").contains(QStringLiteral("\u202Egnp.exe")));

    QVERIFY(selectRow(*window, 3));
    QTRY_COMPARE(currentId(*window), hostile::kInvalidUtf8Paper);
    QVERIFY(shown(*window, "abstractChineseLabel").contains(QChar::ReplacementCharacter));

    QTRY_VERIFY(chooseDay(*window, QDate::fromString(hostile::kRssDay, Qt::ISODate)));
    QTRY_COMPARE(listedCount(*window), 2);
    for (int row = 0; row < 2; ++row) {
        QVERIFY(selectRow(*window, row));
        QTRY_VERIFY(!shown(*window, "titleLabel").isEmpty());
        const QString problem = markupProblem(*window);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (currentId(*window) == hostile::kRssMarkupPaper)
            QCOMPARE(shown(*window, "authorsLabel"), QStringLiteral("<i>Eve</i>, Mallory"));
    }
    window->grab();
    QVERIFY(m_desktop.opened.isEmpty());
}

void TestHostileWindow::highlightedTextStaysEscaped()
{
    auto window = gui_test::openWindow(m_db);
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("onerror"));
    QTRY_VERIFY(listedCount(*window) >= 1);
    QVERIFY(selectRow(*window, 0));
    QTRY_COMPARE(currentId(*window), hostile::kMarkupPaper);
    auto *title = window->findChild<MathTextView *>(QStringLiteral("titleLabel"));
    // The match is marked with a character format; the data's own tags stay text.
    QTRY_VERIFY(title->document()->toHtml().contains(QStringLiteral("background-color")));
    QVERIFY2(title->document()->toHtml().contains(QStringLiteral("&lt;script&gt;")),
             qPrintable(title->document()->toHtml()));
    QCOMPARE(title->toPlainText(), hostile::kMarkupTitle);
    QCOMPARE(shown(*window, "titleLabel"), hostile::kMarkupTitle);
    const QString problem = markupProblem(*window);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHostileWindow::toolTipsShowLiteralText()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(chooseDay(*window, QDate::fromString(hostile::kDay, Qt::ISODate)));
    QTRY_COMPARE(listedCount(*window), 4);
    auto *code = window->findChild<QPushButton *>(QStringLiteral("openCodeButton"));
    QVERIFY(code);
    for (int row = 0; row < 4; ++row) {
        QVERIFY(selectRow(*window, row));
        QTRY_VERIFY(!shown(*window, "titleLabel").isEmpty());
        const QString problem = windowToolTipProblem(*window);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // The list's tooltip is the raw title and its Chinese title, as written.
    QAbstractItemModel *list = gui_test::paperListView(*window)->model();
    QCOMPARE(shownToolTip(list->index(0, 0).data(Qt::ToolTipRole).toString()),
             hostile::kMarkupTitle + QLatin1Char('\n') + hostile::kMarkupChineseTitle);
    // The code button's tooltip is the link as written.
    QVERIFY(selectRow(*window, 2));
    QTRY_COMPARE(currentId(*window), hostile::kDataLinkPaper);
    QCOMPARE(shownToolTip(code->toolTip()), hostile::kDataCode);

    // The status bar, carrying a server's reply.
    const QString reply = QStringLiteral("Fetch failed: HTTP 503: <html><body><img src=x "
                                         "onerror=alert(9)><b>down</b></body></html>");
    window->showStatus(reply, true);
    auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));
    QCOMPARE(shownToolTip(status->toolTip()), reply);

    // A search's heading repeats the query as typed.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("<b>onerror</b>"));
    auto *heading = label(*window, "listHeading");
    QTRY_VERIFY(heading->text().contains(QStringLiteral("<b>onerror</b>")));
    QVERIFY2(shownToolTip(heading->toolTip()).contains(QStringLiteral("<b>onerror</b>")),
             qPrintable(heading->toolTip()));
    const QString problem = windowToolTipProblem(*window);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHostileWindow::localAndScriptLinksAreNeverOpened()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(chooseDay(*window, QDate::fromString(hostile::kDay, Qt::ISODate)));
    QTRY_COMPARE(listedCount(*window), 4);
    auto *codeButton = window->findChild<QPushButton *>(QStringLiteral("openCodeButton"));
    auto *projectButton = window->findChild<QPushButton *>(QStringLiteral("openProjectButton"));
    auto *openCode = window->findChild<QAction *>(QStringLiteral("openCodeAction"));
    auto *openProject = window->findChild<QAction *>(QStringLiteral("openProjectAction"));
    QVERIFY(codeButton && projectButton && openCode && openProject);
    const QList<QPair<QString, QString>> papers = {
        {hostile::kMarkupPaper, hostile::kJavascriptCode},
        {hostile::kFileLinkPaper, hostile::kFileCode},
        {hostile::kDataLinkPaper, hostile::kDataCode}};
    for (int row = 0; row < papers.size(); ++row) {
        QVERIFY(selectRow(*window, row));
        QTRY_COMPARE(currentId(*window), papers.at(row).first);
        QTRY_VERIFY(label(*window, "codeUrlLabel")->isVisible());
        QVERIFY2(label(*window, "codeUrlLabel")->text().contains(papers.at(row).second),
                 qPrintable(label(*window, "codeUrlLabel")->text()));
        QVERIFY(label(*window, "codeUrlLabel")->text().contains(QStringLiteral("not opened")));
        QVERIFY(!codeButton->isEnabled());
        QTest::mouseClick(codeButton, Qt::LeftButton);
        openCode->trigger();
        openProject->trigger();
        if (projectButton->isVisible())
            QTest::mouseClick(projectButton, Qt::LeftButton);
        QVERIFY2(m_desktop.opened.isEmpty(), qPrintable(m_desktop.opened.value(0).toString()));
    }
    // The web links of the same paper still open: the policy refuses schemes, not papers.
    window->findChild<QAction *>(QStringLiteral("openAbstractAction"))->trigger();
    QCOMPARE(m_desktop.opened,
             QList<QUrl>{QUrl(QStringLiteral("https://arxiv.org/abs/") + hostile::kDataLinkPaper)});
}

void TestHostileWindow::linkPolicyRefusesHostileUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("openable");
    QTest::newRow("javascript") << hostile::kJavascriptCode << false;
    QTest::newRow("JavaScript upper") << QStringLiteral("JAVASCRIPT:alert(1)") << false;
    QTest::newRow("javascript with tab") << QStringLiteral("java\tscript:alert(1)") << false;
    QTest::newRow("file") << hostile::kFileCode << false;
    QTest::newRow("data") << hostile::kDataCode << false;
    QTest::newRow("vbscript") << QStringLiteral("vbscript:msgbox(1)") << false;
    QTest::newRow("no host") << QStringLiteral("https:///etc/passwd") << false;
    QTest::newRow("relative") << QStringLiteral("/etc/passwd") << false;
    QTest::newRow("leading space") << QStringLiteral("  javascript:alert(1)") << false;
    QTest::newRow("bidi in host") << QStringLiteral("https://github.com\u202E/x") << false;
    QTest::newRow("https") << QStringLiteral("https://github.com/apple/ml-boot") << true;
    QTest::newRow("http") << QStringLiteral("http://example.org/code") << true;
}

void TestHostileWindow::linkPolicyRefusesHostileUrls()
{
    QFETCH(QString, text);
    QFETCH(bool, openable);
    const QUrl url = openableUrlFromText(text);
    QCOMPARE(!url.isEmpty(), openable);
    if (openable)
        QVERIFY(isOpenableUrl(url));
    QString why;
    if (!openable) {
        QVERIFY(!isOpenableUrl(QUrl(text)));
        QVERIFY(!openExternalUrl(QUrl(text), &why));
        QVERIFY(!why.isEmpty());
    }
    QVERIFY(m_desktop.opened.isEmpty() || openable);
}

// "tmpfs": a filesystem remounted read-only (needs mount(2); skipped where it is not
// permitted). "other user": always runs: the library and its folder lose write permission
// and, when the tests run as root (whom permissions do not stop), the window runs as
// "nobody" while it is open.
void TestHostileWindow::readOnlyLibraryOpensForReading_data()
{
    QTest::addColumn<bool>("tmpfs");
    QTest::newRow("tmpfs") << true;
    QTest::newRow("other user") << false;
}

void TestHostileWindow::readOnlyLibraryOpensForReading()
{
    QFETCH(bool, tmpfs);
    std::unique_ptr<test::SmallDisk> disk;
    QTemporaryDir plain;
    QString path;
    if (tmpfs) {
        disk = std::make_unique<test::SmallDisk>(QStringLiteral("4m"));
        if (!disk->isMounted())
            QSKIP(qPrintable(
                QStringLiteral("no filesystem to make read-only: %1").arg(disk->why())));
        path = disk->filePath(QStringLiteral("library.sqlite"));
    } else {
        path = plain.filePath(QStringLiteral("library.sqlite"));
    }
    QVERIFY(gui_test::importInto(path, gui_test::foundingDigestPath()));
    const QFile::Permissions read = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions enter = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    if (tmpfs) {
        QVERIFY(disk->remount(true));
    } else {
        QVERIFY(QFile::setPermissions(path, read));
        QVERIFY(QFile::setPermissions(plain.path(), read | enter));
    }
    {
        std::unique_ptr<test::AsNobody> nobody;
        if (!tmpfs) {
            nobody = std::make_unique<test::AsNobody>();
            QVERIFY(nobody->ok());
        }
        auto window = gui_test::openWindow(path);
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        QTRY_VERIFY(!shown(*window, "titleLabel").isEmpty());
        const QString id = currentId(*window);
        gui_test::paperListView(*window)->setFocus();
        window->findChild<QAction *>(QStringLiteral("toggleStarAction"))->trigger();
        // The write is refused where the reader can see it, and nothing is stored.
        auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("read-only")),
                     qPrintable(status->text()));
        qInfo("read-only library, after a star: %s", qPrintable(status->text()));
        window.reset();
        nobody.reset();
        QVERIFY(!gui_test::storedState(path, id).starred);
    }
    if (tmpfs)
        QVERIFY(disk->remount(false));
    else
        QFile::setPermissions(plain.path(), read | enter | QFile::WriteOwner);
}

QTEST_MAIN(TestHostileWindow)
#include "tst_hostile_window.moc"
