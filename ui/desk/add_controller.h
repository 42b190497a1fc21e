#pragma once

// "Add any paper" in the window (issue #21): Ctrl+V outside text fields and a link or id
// dropped on the window. The text is read for arXiv references (core/paper_reference.h); the
// papers the library lacks come from the arXiv API through PaperAdder on the writer thread's
// storage (network on this thread, parsing on a worker, storing on the writer), progress in
// the status bar. The papers are then marked added through UserData, the one writer of the
// reader's data, and the Added view opens with the first of them selected.

#include "fetch/paper_adder.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMimeData;
class QWidget;

namespace paperboy {

class Library;
class ListController;

class AddController : public QObject
{
    Q_OBJECT
public:
    AddController(Library *library, ListController *lists, QWidget *window);

    // The text a paste or drop carries: its links first, else its text.
    static QString referenceText(const QMimeData *mime);
    // Whether the text holds at least one arXiv paper (a drop is offered only then).
    static bool holdsReference(const QMimeData *mime);

    bool isRunning() const { return m_adder && m_adder->isRunning(); }

public slots:
    void addFromText(const QString &text);
    void addFromMime(const QMimeData *mime);
    void pasteFromClipboard();

signals:
    void message(const QString &text, bool isError);
    // The papers are in the library and marked added (the Added view is being opened).
    void added(const QStringList &arxivIds);

private:
    void onFinished(const AddSummary &summary, const QStringList &refused);

    Library *m_library;
    ListController *m_lists;
    QWidget *m_window;
    QPointer<PaperAdder> m_adder;
};

} // namespace paperboy
