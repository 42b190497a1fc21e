#pragma once

// Versions in the window: when the detail pane shows a paper, its recorded versions are read
// (reader connection) and shown, and the newest is marked as opened (through UserData), which
// ends its "updated" state (is:updated).

#include <QObject>
#include <QString>

namespace paperboy {

class DetailPane;
class Library;

class VersionsController : public QObject
{
    Q_OBJECT
public:
    VersionsController(Library *library, DetailPane *pane, QObject *parent = nullptr);

private:
    void onPaperShown(const QString &arxivId);

    Library *m_library;
    DetailPane *m_pane;
};

} // namespace paperboy
