#pragma once

// Shared set-up for the window tests: a temp database filled through the real Importer, and
// small extra digests written next to it. Header-only: support/*.cpp files are compiled into
// every test program, including ones that do not link the UI.

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QString>
#include <QTest>

namespace paperboy::gui_test {

inline QString foundingDigestPath()
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt");
}

// Imports `path` into the database at `databasePath`, on this thread, before any window opens.
inline bool importInto(const QString &databasePath, const QString &path)
{
    Database database;
    if (!database.open(databasePath))
        return false;
    Store store(database);
    const ImportReport report = Importer(store).importFile(path);
    if (!report.ok)
        qWarning("import of %s failed: %s", qPrintable(path), qPrintable(report.error));
    return report.ok;
}

// A second, smaller digest in the founding digest's format, for another date. Its papers have
// their own ids; the abstract carries markup-looking text and TeX on purpose.
inline QString writeDigest(const QDir &dir, const QDate &date, const QString &codeLink = {})
{
    const QString name =
        QStringLiteral("meiri-xueshu-sudi_%1_cs.CV.txt").arg(date.toString(Qt::ISODate));
    QString text = QStringLiteral("每日学术速递%1\n\nSubjects: cs.CV\n\n")
                       .arg(date.toString(QStringLiteral("yyyy.MM.dd")));
    text += QStringLiteral("1.Sparse Attention in $\\mathcal{O}(n)$ Time\n\n"
                           "标题:线性时间的稀疏注意力\n\n"
                           "作者:Ada Lovelace, Alan Turing\n\n"
                           "文章链接:https://arxiv.org/abs/2403.00001\n\n");
    if (!codeLink.isEmpty())
        text += QStringLiteral("项目代码:%1\n\n").arg(codeLink);
    text += QStringLiteral("摘要:\n\n        我们提出 <a href=\"javascript:alert(1)\">点击</a> 与 "
                           "<b>粗体</b> 方法,复杂度 $\\mathcal{O}(n)$。\n\n"
                           "2.Second Day Paper Two\n\n"
                           "标题:第二天的第二篇论文\n\n"
                           "作者:Grace Hopper\n\n"
                           "文章链接:https://arxiv.org/abs/2403.00002\n\n"
                           "摘要:\n\n        第二篇论文的摘要。\n\n");
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

// Settings go to a throwaway folder so tests never read or write the user's configuration.
inline void useSettingsIn(const QString &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
}

inline void clearSettings()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

} // namespace paperboy::gui_test
