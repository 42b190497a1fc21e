#pragma once

// Importing digest files into the library from the window: the file dialog, dropped files,
// and what the status bar says when the import is done.

#include "library/library.h"

#include <QObject>

class QWidget;

namespace paperboy {

class ImportController : public QObject
{
    Q_OBJECT
public:
    ImportController(Library *library, QWidget *window);

    void chooseFiles();
    void importFiles(const QStringList &paths);

signals:
    void message(const QString &text, bool isError);
    // Some files were stored: the list on screen may have new papers.
    void imported();
    // Papers the reader keeps got their first code link from these files.
    void codeLinksArrived(const QList<paperboy::CodeLinkArrival> &arrivals);

private:
    void onFinished(const QList<ImportReport> &reports);

    Library *m_library;
    QWidget *m_window;
};

} // namespace paperboy
