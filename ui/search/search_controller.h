#pragma once

// The search box: typing never waits for the database. Each keystroke cuts short a search in
// progress (StoreThread::interrupt through Library::cancelSearch) and restarts a short pause;
// when the pause ends the search is asked for as a list source. Saving a search and renaming
// or deleting saved ones are here too.

#include "library/library.h"

#include <QObject>
#include <QTimer>

class QWidget;

namespace paperboy {

class SearchController : public QObject
{
    Q_OBJECT
public:
    SearchController(Library *library, QWidget *window);

    static constexpr int kDebounceMs = 150;

    bool byRelevance() const { return m_byRelevance; }
    void setByRelevance(bool byRelevance);

    // The search box changed: cancel what runs, wait for the pause, then search.
    void onTextEdited(const QString &text);
    // Enter: search now.
    void searchNow(const QString &text);

    // Ask for a name, then save `query` (non-blocking dialogs, objectNames below).
    void askToSave(const QString &query);  // saveSearchDialog, replaceSavedSearchDialog
    void askToRename(const QString &name); // renameSavedSearchDialog
    void askToDelete(const QString &name); // deleteSavedSearchDialog

signals:
    void searchRequested(const paperboy::ListSource &source);
    void searchCleared();
    void orderChanged(bool byRelevance);
    void message(const QString &text, bool isError);
    // A saved search got another name (empty `to`: it was deleted).
    void savedSearchRenamed(const QString &from, const QString &to);

private:
    void fire();
    // The name is taken by another query: replace it only when the reader says so
    // (replaceSavedSearchDialog).
    void askToReplace(const QString &name, const QString &existing, const QString &query);
    void save(const QString &name, const QString &query);

    Library *m_library;
    QWidget *m_window;
    QTimer m_debounce;
    QString m_pending;
    bool m_byRelevance = false;
};

} // namespace paperboy
