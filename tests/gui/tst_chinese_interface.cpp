// The real window in Simplified Chinese: the interface language comes from the preference, the
// translator is installed as at start-up, and no text the window shows is still the English
// source of a message the .ts translates.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "interface_language.h"
#include "preferences/preference_keys.h"
#include "window/main_window.h"
#include "window/reader_actions.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>
#include <QXmlStreamReader>

#include <memory>

using namespace paperboy;

namespace {

const QString kTranslations =
    QStringLiteral(PAPERBOY_TEST_DATA "/../../resources/translations/paperboy_zh_CN.ts");

// Source text -> translation of every finished message whose translation differs from its
// source (a "PDF" that stays "PDF" is no leftover).
QHash<QString, QString> translatedSources()
{
    QHash<QString, QString> sources;
    QFile file(kTranslations);
    if (!file.open(QIODevice::ReadOnly))
        return sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            if (!xml.attributes().value(QLatin1String("type")).isEmpty())
                continue;
            const QString translation =
                xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            if (!translation.isEmpty() && translation != source)
                sources.insert(source, translation);
        }
    }
    return sources;
}

// Every text the window shows or offers: its menus and actions, and the labels, buttons,
// placeholders, tooltips, list items and headers of its visible widgets. Each comes with
// where it was found.
QList<std::pair<QString, QString>> shownTexts(QMainWindow *window)
{
    QList<std::pair<QString, QString>> texts;
    auto add = [&texts](const QObject *where, const QString &what, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts.append({QStringLiteral("%1 %2").arg(where->objectName(), what), text});
    };
    for (QAction *menu : window->menuBar()->actions())
        add(menu->menu(), QStringLiteral("title"), menu->text());
    for (const QAction *action : window->findChildren<QAction *>()) {
        add(action, QStringLiteral("text"), action->text());
        if (action->toolTip() != withoutAccelerator(action->text()).remove(QChar(0x2026)))
            add(action, QStringLiteral("toolTip"), action->toolTip());
    }
    for (const QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window))
            continue;
        // As the tooltip shows it: data-carrying tooltips are escaped text in a <p>.
        QString toolTip = widget->toolTip();
        if (Qt::mightBeRichText(toolTip)) {
            QTextDocument document;
            document.setHtml(toolTip);
            toolTip = document.toPlainText();
        }
        add(widget, QStringLiteral("toolTip"), toolTip);
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            add(label, QStringLiteral("text"), label->text());
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            add(button, QStringLiteral("text"), button->text());
        if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
            add(edit, QStringLiteral("placeholder"), edit->placeholderText());
        if (const auto *list = qobject_cast<const QListWidget *>(widget)) {
            // Items read "<glyph>  <name>".
            for (int row = 0; row < list->count(); ++row)
                add(list, QStringLiteral("item"),
                    list->item(row)->text().section(QStringLiteral("  "), -1));
        }
        if (const auto *tree = qobject_cast<const QTreeView *>(widget)) {
            for (int column = 0; column < tree->model()->columnCount(); ++column)
                add(tree, QStringLiteral("header"),
                    tree->model()->headerData(column, Qt::Horizontal).toString());
        }
    }
    return texts;
}

// The shown texts that are still the English source of a translated message.
QStringList englishLeftovers(QMainWindow *window)
{
    const QHash<QString, QString> sources = translatedSources();
    QStringList leftovers;
    for (const auto &[where, text] : shownTexts(window))
        if (sources.contains(text))
            leftovers.append(QStringLiteral("%1: \"%2\" (should read \"%3\")")
                                 .arg(where, text, sources.value(text)));
    return leftovers;
}

QString actionText(QMainWindow *window, const char *objectName)
{
    auto *action = window->findChild<QAction *>(QLatin1String(objectName));
    return action ? action->text() : QString();
}

QString menuTitle(QMainWindow *window, const char *objectName)
{
    auto *menu = window->menuBar()->findChild<QMenu *>(QLatin1String(objectName));
    return menu ? menu->title() : QString();
}

} // namespace

class TestChineseInterface : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void preferenceLoadsTheChineseTranslation();
    void menusActionsAndSidebarSpeakChinese();
    void noEnglishSourceTextIsLeft();
    void withoutTheTranslatorTheChecksFail();

private:
    void installFromPreference();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    LoadedTranslations m_loaded;
};

void TestChineseInterface::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chinese_interface"));
    gui_test::useSettingsIn(m_settingsDir.path());
    QVERIFY2(translatedSources().size() > 100, qPrintable(kTranslations));
}

void TestChineseInterface::init()
{
    gui_test::clearSettings();
    installFromPreference();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestChineseInterface::cleanup()
{
    removeTranslations(qApp);
    m_dir.reset();
}

void TestChineseInterface::cleanupTestCase()
{
    removeTranslations(qApp);
}

// As the app starts: the preference names the language, installTranslations() loads it.
void TestChineseInterface::installFromPreference()
{
    removeTranslations(qApp);
    QSettings settings;
    settings::interfaceLanguage.setValue(
        settings, interfaceLanguageName(InterfaceLanguage::SimplifiedChinese));
    settings.sync();
    const InterfaceLanguage language =
        interfaceLanguageFromName(settings::interfaceLanguage.value(QSettings()));
    m_loaded = installTranslations(qApp, interfaceLocale(language));
}

void TestChineseInterface::preferenceLoadsTheChineseTranslation()
{
    QCOMPARE(m_loaded.paperboy, QStringLiteral(":/i18n/paperboy_zh_CN.qm"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
}

void TestChineseInterface::menusActionsAndSidebarSpeakChinese()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QTRY_VERIFY(window->detailPane()->hasPaper());

    QCOMPARE(menuTitle(window.get(), "fileMenu"), QStringLiteral("文件(&F)"));
    QCOMPARE(menuTitle(window.get(), "editMenu"), QStringLiteral("编辑(&E)"));
    QCOMPARE(menuTitle(window.get(), "goMenu"), QStringLiteral("转到(&G)"));
    QCOMPARE(menuTitle(window.get(), "paperMenu"), QStringLiteral("论文(&P)"));
    QCOMPARE(menuTitle(window.get(), "helpMenu"), QStringLiteral("帮助(&H)"));
    QCOMPARE(actionText(window.get(), "importAction"), QStringLiteral("导入速递(&I)…"));
    QCOMPARE(actionText(window.get(), "fetchTodayAction"), QStringLiteral("获取今天的论文(&F)"));
    QCOMPARE(actionText(window.get(), "toggleStarAction"), QStringLiteral("收藏(&S)"));
    QCOMPARE(actionText(window.get(), "preferencesAction"), QStringLiteral("首选项(&P)…"));
    QCOMPARE(actionText(window.get(), "quitAction"), QStringLiteral("退出(&Q)"));

    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    QCOMPARE(search->placeholderText(), QStringLiteral("搜索全部论文（Ctrl+F）"));

    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    QVERIFY(views);
    QStringList viewNames;
    for (int row = 0; row < views->count(); ++row)
        viewNames.append(views->item(row)->text().section(QStringLiteral("  "), -1));
    QCOMPARE(viewNames, (QStringList{QStringLiteral("已收藏"), QStringLiteral("有笔记"),
                                     QStringLiteral("未读"), QStringLiteral("有更新"),
                                     QStringLiteral("为你推荐"), QStringLiteral("关注的作者"),
                                     QStringLiteral("已添加")}));
    QStringList labels;
    for (const QLabel *label : window->findChildren<QLabel *>())
        if (label->isVisibleTo(window.get()))
            labels.append(label->text());
    for (const char *section : {"按日期浏览", "视图", "分类", "摘要", "笔记"})
        QVERIFY2(labels.contains(QString::fromUtf8(section)), section);

    // The day heading uses the translated date format and counts papers in Chinese.
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QVERIFY2(heading->text().startsWith(QStringLiteral("2024年3月14日")),
             qPrintable(heading->text()));
    QVERIFY2(heading->text().endsWith(QStringLiteral("3 篇论文")), qPrintable(heading->text()));
    auto *days = window->findChild<QTreeView *>(QStringLiteral("dayTree"));
    QCOMPARE(days->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("日期"));
}

void TestChineseInterface::noEnglishSourceTextIsLeft()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QTRY_VERIFY(window->detailPane()->hasPaper());
    const QList<std::pair<QString, QString>> texts = shownTexts(window.get());
    QVERIFY2(texts.size() > 60, qPrintable(QString::number(texts.size())));
    const QStringList leftovers = englishLeftovers(window.get());
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u'\n')));
    // A Chinese accelerator is written "导入速递(&I)"; stripping only the & would leave "(I)" in
    // the tooltip the empty state's buttons copy.
    static const QRegularExpression remnant(QStringLiteral("\\((&)?[A-Z]\\)"));
    for (const QAction *action : window->QWidget::actions())
        QVERIFY2(!remnant.match(action->toolTip()).hasMatch(), qPrintable(action->toolTip()));
}

void TestChineseInterface::withoutTheTranslatorTheChecksFail()
{
    // The same window without the translator: the walk above must catch it.
    removeTranslations(qApp);
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QCOMPARE(menuTitle(window.get(), "fileMenu"), QStringLiteral("&File"));
    const QStringList leftovers = englishLeftovers(window.get());
    QVERIFY2(leftovers.size() > 40, qPrintable(leftovers.join(u'\n')));
    QVERIFY(leftovers.join(u'\n').contains(QStringLiteral("\"&File\"")));
    QVERIFY(leftovers.join(u'\n').contains(QStringLiteral("\"Search all papers (Ctrl+F)\"")));
}

QTEST_MAIN(TestChineseInterface)
#include "tst_chinese_interface.moc"
