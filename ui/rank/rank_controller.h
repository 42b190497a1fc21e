#pragma once

// Reading less in the window (issue #16): the ranking's score on every list (a short bar in
// each row, "For you because of ..." in the detail pane), sorting any list best first,
// "not interested" (x) with undo, more like this, following authors, hiding read papers, and
// the rules of saved searches.
//
// Every score comes from the library's ranking thread (RankService); nothing here waits for a
// model. Dismissals and follows are user state: they are written by UserData, and the rows
// and the detail pane follow its change signal like a star.

#include "library/library.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QSettings;
class QMainWindow;

namespace paperboy {

class DetailPane;
class FetchController;
class PaperListPanel;
class ViewsPanel;

// What the controller works with: the window's parts, and two of its functions (which list
// is shown, the status line), so that it needs no MainWindow.
struct RankParts
{
    QMainWindow *window = nullptr;
    Library *library = nullptr;
    PaperListPanel *list = nullptr;
    DetailPane *detail = nullptr;
    ViewsPanel *views = nullptr;
    FetchController *fetch = nullptr;
    std::function<ListSource()> currentSource;
    std::function<void(const QString &, bool)> showStatus;
    // Papers left the list on screen or came back: its heading counts them again.
    std::function<void(int)> setListedCount;
};

class RankController : public QObject
{
    Q_OBJECT
public:
    explicit RankController(const RankParts &parts);

    QAction *notInterestedAction() const { return m_notInterested; }
    QAction *undoAction() const { return m_undo; }
    QAction *moreLikeThisAction() const { return m_moreLikeThis; }
    QAction *sortForYouAction() const { return m_sortForYou; }
    QAction *hideReadAction() const { return m_hideRead; }
    // The commands on a paper: enabled while one is shown, listed in the keyboard help.
    QList<QAction *> paperActions() const { return {m_notInterested, m_undo, m_moreLikeThis}; }

    // Marks the selected papers "not interested"; in For you and More like this they leave
    // the list. Undo brings them back.
    void dismissSelected();
    void undo();
    // The list's toggles (sort best first, hide read), restored when the window opens.
    void saveSettings(QSettings &settings) const;
    // Opens the rule dialog of a saved search (its current rule, if any, filled in).
    void editRule(const QString &name, const QString &query);

signals:
    void listRequested(const paperboy::ListSource &source);
    // Every list scored after it was shown (tests wait on it).
    void listScored(int papers);

private:
    void onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                      const ListResult &result);
    void applyRanks(const PaperRanks &ranks);
    void showWhy();
    void status(const QString &text, bool isError = false);

    RankParts m_parts;
    Library *m_library;
    QAction *m_notInterested = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_moreLikeThis = nullptr;
    QAction *m_sortForYou = nullptr;
    QAction *m_hideRead = nullptr;
    quint64 m_scoreRequest = 0;

    // The last dismissal, for undo: the papers and where they were in the list.
    struct Dismissed
    {
        ListSource source;
        QList<std::pair<int, PaperView>> rows; // ascending rows
        QStringList ids;
    };
    std::optional<Dismissed> m_lastDismissal;
};

} // namespace paperboy
