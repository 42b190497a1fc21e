#include "interface_language.h"

#include "color_scheme.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace paperboy {

namespace {

const char *const kTranslatorName = "paperboyTranslator";

// Loads `name`_<locale>.qm from the first folder that has one.
QTranslator *loadTranslator(QCoreApplication *app, const QLocale &locale, const QString &name,
                            const QStringList &folders)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1String(kTranslatorName));
    for (const QString &folder : folders) {
        if (translator->load(locale, name, QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(translator);
            return translator;
        }
    }
    delete translator;
    return nullptr;
}

} // namespace

QLocale interfaceLocale(InterfaceLanguage language, const QLocale &system)
{
    switch (language) {
    case InterfaceLanguage::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case InterfaceLanguage::SimplifiedChinese:
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    case InterfaceLanguage::System:
        break;
    }
    return system;
}

QStringList translationFolders()
{
    QStringList folders;
    // <prefix>/bin/paperboy finds <prefix>/share/paperboy/translations.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral("../share/paperboy/translations"));
    if (QFileInfo(installed).isDir())
        folders.append(QDir::cleanPath(installed));
    folders.append(QStringLiteral(":/i18n"));
    return folders;
}

LoadedTranslations installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    LoadedTranslations loaded;
    if (QTranslator *t =
            loadTranslator(app, locale, QStringLiteral("paperboy"), translationFolders()))
        loaded.paperboy = t->filePath();
    // Only when our own strings are translated: an English interface with Chinese standard
    // buttons would be worse than either.
    if (!loaded.paperboy.isEmpty()) {
        const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (QTranslator *t = loadTranslator(app, locale, QStringLiteral("qtbase"), {qtFolder}))
            loaded.qtbase = t->filePath();
    }
    // Any other language reads the English interface, which needs the English plural forms
    // ("1 day", "2 days"): Qt fills in %n but picks a form only from a translation.
    if (loaded.paperboy.isEmpty() && locale.language() != QLocale::C) {
        if (QTranslator *t = loadTranslator(app, QLocale(QLocale::English, QLocale::UnitedStates),
                                            QStringLiteral("paperboy"), translationFolders()))
            loaded.paperboy = t->filePath();
    }
    return loaded;
}

void applyInterfacePreferences(QApplication *app)
{
    const QSettings settings;
    const InterfaceLanguage language =
        interfaceLanguageFromName(settings::interfaceLanguage.value(settings));
    installTranslations(app, interfaceLocale(language));
    // Every rendered size, so the icon stays crisp at any scale factor.
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/paperboy-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    followDesktopColorScheme();
}

void removeTranslations(QCoreApplication *app)
{
    const QList<QTranslator *> translators = app->findChildren<QTranslator *>(
        QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::system());
}

} // namespace paperboy
