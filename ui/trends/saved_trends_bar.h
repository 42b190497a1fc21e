#pragma once

// The Trends window's saved trends (issue #22): a picker that opens one, Save Trend… and
// Delete. The list is read on the library's reader thread; saves and deletes go through
// UserData (the one writer of user data in the window), and the list is read again once
// they commit or another process writes the library.

#include "search/saved_trends.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QPushButton;

namespace paperboy {

class Library;

class SavedTrendsBar : public QWidget
{
    Q_OBJECT
public:
    // `current` gives the trend on screen (its name is chosen here).
    SavedTrendsBar(Library *library, std::function<SavedTrend()> current,
                   QWidget *parent = nullptr);

    QList<SavedTrend> trends() const { return m_trends; }
    // The saved trend on screen, or "" once its searches or settings were changed.
    QString openedName() const { return m_opened; }
    // Opens the saved trend named `name` (without case): loadRequested(). False when unknown.
    bool open(const QString &name);
    // Saves the trend on screen as `name` (replacing one of that name).
    void saveAs(const QString &name);
    // Deletes the saved trend on screen.
    void removeOpened();
    // The trend on screen changed: it is no longer the saved one.
    void leave();
    // Reads the list again.
    void reload();

signals:
    void loadRequested(const paperboy::SavedTrend &trend);
    void message(const QString &text);
    // The list was read (after reload()).
    void listed();

private:
    void askName();
    void fill();
    void updateButtons();

    QPointer<Library> m_library;
    std::function<SavedTrend()> m_current;
    QComboBox *m_picker;
    QPushButton *m_save;
    QPushButton *m_delete;
    QList<SavedTrend> m_trends;
    QString m_opened;
    bool m_filling = false;
};

} // namespace paperboy
