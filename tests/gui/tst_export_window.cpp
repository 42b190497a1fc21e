// Getting papers out of the reader window: b copies BibTeX of the paper or the selection, the
// list's menu copies RIS and CSL-JSON, File > Export… writes a file on the writer thread, and
// user data is backed up, restored (with a report) and rotated on start.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "backup/auto_backup.h"
#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "export/export_controller.h"
#include "export/export_dialog.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "sidebar/count_delegate.h"
#include "window/main_window.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {
const QString kBoot = QStringLiteral("2306.05544");

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void chooseData(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(index);
}
} // namespace

class TestExportWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bCopiesBibtexOfTheSelection();
    void listMenuCopiesOtherFormats();
    void exportDialogWritesTheDay();
    void exportDialogWritesASearch();
    void backupAndRestoreUserData();
    void automaticBackupOnStart();

private:
    QLabel *status(MainWindow &window)
    {
        return window.findChild<QLabel *>(QStringLiteral("statusMessage"));
    }
    ExportDialog *openExportDialog(MainWindow &window)
    {
        window.findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
        return gui_test::waitForWindow<ExportDialog>(QStringLiteral("exportDialog"));
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestExportWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_export_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestExportWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestExportWindow::cleanup()
{
    m_dir.reset();
}

void TestExportWindow::bCopiesBibtexOfTheSelection()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QListView *view = gui_test::paperListView(*window);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_B);
    QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.startsWith(QStringLiteral("@misc{")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("eprint = {2306.05544}")) ||
            text.contains(QStringLiteral("2306.05544")));
    QCOMPARE(text.count(QStringLiteral("@misc{")), 1);
    QVERIFY(status(*window)->text().contains(QStringLiteral("BibTeX")));

    // Shift-click extends the selection: three entries, in list order.
    const QRect last = view->visualRect(view->model()->index(2, 0));
    QVERIFY(selectRow(*window, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, last.center());
    QCOMPARE(window->paperList()->selectedPapers().size(), 3);
    QTest::keyClick(view, Qt::Key_B);
    text = QGuiApplication::clipboard()->text();
    QCOMPARE(text.count(QStringLiteral("@misc{")), 3);
    QVERIFY(text.indexOf(QStringLiteral("2306.01667")) <
            text.indexOf(QStringLiteral("2306.01128")));
}

void TestExportWindow::listMenuCopiesOtherFormats()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QListView *view = gui_test::paperListView(*window);
    const QPoint at = view->visualRect(view->model()->index(1, 0)).center();
    bool chosen = false;
    const QStringList offered = gui_test::chooseFromContextMenu(
        view->viewport(), at, QStringLiteral("copyRisAction"), &chosen);
    QVERIFY2(chosen, qPrintable(offered.join(QLatin1Char(' '))));
    QVERIFY(offered.contains(QStringLiteral("copyCslJsonAction")));
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("TY  - ")));

    gui_test::chooseFromContextMenu(view->viewport(), at, QStringLiteral("copyCslJsonAction"),
                                    &chosen);
    QVERIFY(chosen);
    const QJsonArray items =
        QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).array();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QStringLiteral("number")).toString(), kBoot);
}

void TestExportWindow::exportDialogWritesTheDay()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    ExportDialog *dialog = openExportDialog(*window);
    QVERIFY(dialog);
    auto *scope = dialog->findChild<QComboBox *>(QStringLiteral("exportScopeBox"));
    auto *format = dialog->findChild<QComboBox *>(QStringLiteral("exportFormatBox"));
    auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("exportPathEdit"));
    QVERIFY(scope->currentText().contains(QStringLiteral("This day")));
    chooseData(format, int(ExportFormat::Csv));
    QVERIFY(path->text().endsWith(QStringLiteral("papers-2024-03-14.csv")));
    const QString file = m_dir->filePath(QStringLiteral("day.csv"));
    path->setText(file);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);

    QTRY_VERIFY(QFile::exists(file));
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("Exported 3 papers")));
    const QStringList lines = readText(file).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.first().startsWith(QStringLiteral("id,")));
    QVERIFY(!QApplication::activeModalWidget());
}

void TestExportWindow::exportDialogWritesASearch()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setNote(kBoot, QStringLiteral("**not bold** [no link](http://x)")));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("distillation"));
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});

    ExportDialog *dialog = openExportDialog(*window);
    QVERIFY(dialog);
    auto *scope = dialog->findChild<QComboBox *>(QStringLiteral("exportScopeBox"));
    QVERIFY(scope->currentText().contains(QStringLiteral("distillation")));
    chooseData(dialog->findChild<QComboBox *>(QStringLiteral("exportFormatBox")),
               int(ExportFormat::Markdown));
    auto *bilingual = dialog->findChild<QCheckBox *>(QStringLiteral("exportBilingualCheck"));
    QVERIFY(bilingual->isEnabled());
    bilingual->setChecked(true);
    const QString file = m_dir->filePath(QStringLiteral("search.md"));
    dialog->findChild<QLineEdit *>(QStringLiteral("exportPathEdit"))->setText(file);
    dialog->accept();

    QTRY_VERIFY(QFile::exists(file));
    const QString text = readText(file);
    QVERIFY(text.contains(QStringLiteral("BOOT")));
    QVERIFY(text.contains(QStringLiteral("去噪扩散"))); // bilingual: the Chinese title too
    QVERIFY(text.contains(QStringLiteral("\\*\\*not bold\\*\\*")));
    QVERIFY(!text.contains(QStringLiteral("Transformer Programs")));
}

void TestExportWindow::backupAndRestoreUserData()
{
    const QString backup = m_dir->filePath(QStringLiteral("user-data.json"));
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
        QTRY_VERIFY(gui_test::storedState(m_db, kBoot).starred);
        QTest::keyClick(gui_test::paperListView(*window), Qt::Key_N);
        QTest::keyClicks(window->detailPane()->noteEditor(), QStringLiteral("from the backup"));
        window->detailPane()->flushNote();
        QTRY_COMPARE(gui_test::storedState(m_db, kBoot).note, QStringLiteral("from the backup"));
        window->exportController()->backUpTo(backup);
        QTRY_VERIFY(QFile::exists(backup));
        QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("Backed up")));
    }

    // Another library with the same papers and no user data takes the backup in.
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    QVERIFY(gui_test::importInto(other, gui_test::foundingDigestPath()));
    auto window = gui_test::openWindow(other);
    QTRY_COMPARE(listedCount(*window), 3);
    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    QTRY_COMPARE(views->item(0)->data(CountDelegate::CountRole).toInt(), 0);
    QVERIFY(selectRow(*window, 1)); // the paper whose note the backup brings
    QVERIFY(window->detailPane()->noteEditor()->toPlainText().isEmpty());
    window->exportController()->restoreFrom(backup);
    QTRY_VERIFY(gui_test::storedState(other, kBoot).starred);
    QTRY_VERIFY(window->exportController()->restoreReportDialog());
    QMessageBox *report = window->exportController()->restoreReportDialog();
    QCOMPARE(report->objectName(), QStringLiteral("restoreReportDialog"));
    QVERIFY(report->isVisible());
    QVERIFY(!report->isModal());
    QVERIFY2(report->informativeText().contains(QStringLiteral("Papers with new user data: 1")),
             qPrintable(report->informativeText()));
    // The window shows it at once: the count and the star in the list.
    QTRY_COMPARE(views->item(0)->data(CountDelegate::CountRole).toInt(), 1);
    QTRY_VERIFY(window->paperList()->model()->papers().at(1).user.starred);
    QTRY_COMPARE(window->detailPane()->noteEditor()->toPlainText(),
                 QStringLiteral("from the backup"));
    QCOMPARE(gui_test::currentId(*window), kBoot);
    report->close();

    // A file that is not a backup changes nothing and says why.
    const QString bogus = m_dir->filePath(QStringLiteral("bogus.json"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"something else\"}");
    file.close();
    window->exportController()->restoreFrom(bogus);
    QTRY_VERIFY(status(*window)->text().startsWith(QStringLiteral("Restore failed")));
    QVERIFY(gui_test::storedState(other, kBoot).starred);
}

void TestExportWindow::automaticBackupOnStart()
{
    const QString folder = m_dir->filePath(QStringLiteral("backups"));
    MainWindow::Options options;
    options.importSample = false;
    options.backupFolder = folder;
    MainWindow window(m_db, options);
    window.show();
    const QString expected =
        QDir(folder).filePath(automaticBackupFileName(m_db, QDate::currentDate()));
    QTRY_VERIFY(QFile::exists(expected));
    QVERIFY(readText(expected).contains(QStringLiteral("paperboy-backup")));
}

QTEST_MAIN(TestExportWindow)
#include "tst_export_window.moc"
