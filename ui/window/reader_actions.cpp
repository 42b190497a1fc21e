#include "window/reader_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QWidget>

namespace paperboy {

namespace {

QAction *make(QWidget *window, const char *objectName, const QString &text,
              const QList<QKeySequence> &keys = {})
{
    auto *action = new QAction(text, window);
    action->setObjectName(QLatin1String(objectName));
    // Qt's own default keeps the "(F)" of a Chinese "文件(&F)".
    action->setToolTip(withoutAccelerator(text).remove(QChar(0x2026)));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

QKeySequence key(Qt::Key k)
{
    return QKeySequence(k);
}

} // namespace

QString withoutAccelerator(const QString &text)
{
    static const QRegularExpression bracketed(QStringLiteral("\\s*\\(&[^&\\s]\\)"));
    QString plain = text;
    plain.remove(bracketed);
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return plain;
}

ReaderActions::ReaderActions(QWidget *w)
    : importFiles(make(w, "importAction", tr("&Import Digest…"), {QKeySequence::Open})),
      // Text fields take Ctrl+V first (ShortcutOverride): there it pastes text as ever.
      addPapers(
          make(w, "addPapersAction", tr("&Add Papers from Clipboard"), {QKeySequence::Paste})),
      fetchToday(make(w, "fetchTodayAction", tr("&Fetch Today's Papers"), {key(Qt::Key_F5)})),
      fetchDays(
          make(w, "fetchDaysAction", tr("Fetch &Days…"), {QKeySequence(Qt::SHIFT | Qt::Key_F5)})),
      checkVersions(make(w, "checkVersionsAction", tr("Check for New &Versions"))),
      exportPapers(make(w, "exportAction", tr("&Export…"), {QKeySequence(Qt::CTRL | Qt::Key_E)})),
      backupUserData(make(w, "backupAction", tr("&Back Up User Data…"))),
      restoreUserData(make(w, "restoreAction", tr("&Restore User Data…"))),
      quit(make(w, "quitAction", tr("&Quit"), {QKeySequence::Quit})),
      nextPaper(make(w, "nextPaperAction", tr("&Next Paper"), {key(Qt::Key_J)})),
      previousPaper(make(w, "previousPaperAction", tr("&Previous Paper"), {key(Qt::Key_K)})),
      nextDay(make(w, "nextDayAction", tr("Next &Day"), {key(Qt::Key_BracketRight)})),
      previousDay(make(w, "previousDayAction", tr("P&revious Day"), {key(Qt::Key_BracketLeft)})),
      focusFilter(make(w, "focusFilterAction", tr("&Filter the List"), {key(Qt::Key_Slash)})),
      focusSearch(make(w, "focusSearchAction", tr("&Search All Papers"), {QKeySequence::Find})),
      focusNote(make(w, "focusNoteAction", tr("Write a &Note"), {key(Qt::Key_N)})),
      focusTags(make(w, "focusTagsAction", tr("Edit &Tags"), {key(Qt::Key_T)})),
      focusList(make(w, "focusListAction", tr("Back to the &List"), {key(Qt::Key_Escape)})),
      toggleStar(make(w, "toggleStarAction", tr("&Star"), {key(Qt::Key_S)})),
      toggleRead(make(w, "toggleReadAction", tr("Toggle &Read"), {key(Qt::Key_U)})),
      markAllRead(make(w, "markAllReadAction", tr("Mark &All as Read"),
                       {QKeySequence(Qt::SHIFT | Qt::Key_U)})),
      openAbstract(make(w, "openAbstractAction", tr("&Open arXiv Page"), {key(Qt::Key_O)})),
      openPdf(make(w, "openPdfAction", tr("Open &PDF"), {key(Qt::Key_P)})),
      openCode(make(w, "openCodeAction", tr("Open &Code"), {key(Qt::Key_C)})),
      openProject(make(w, "openProjectAction", tr("Open Pro&ject Page"))),
      copyLink(make(w, "copyLinkAction", tr("Copy &Link"))),
      copyId(make(w, "copyIdAction", tr("Copy arXiv &ID"),
                  {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)})),
      copyBibtex(make(w, "copyBibtexAction", tr("Copy &BibTeX"), {key(Qt::Key_B)})),
      copyRis(make(w, "copyRisAction", tr("Copy &RIS"))),
      copyCslJson(make(w, "copyCslJsonAction", tr("Copy CSL-&JSON"))),
      saveToZotero(make(w, "saveToZoteroAction", tr("Save to &Zotero"), {key(Qt::Key_Z)})),
      addTag(make(w, "addTagAction", tr("New &Tag…"))),
      saveSearch(make(w, "saveSearchAction", tr("Sa&ve Search…"))),
      showTrends(make(w, "showTrendsAction", tr("T&rends…"), {QKeySequence(Qt::CTRL | Qt::Key_T)})),
      // t already edits tags: translating is the capital T.
      translatePaper(make(w, "translatePaperAction", tr("Tra&nslate into Chinese"),
                          {QKeySequence(Qt::SHIFT | Qt::Key_T)})),
      translateAgain(make(w, "translateAgainAction", tr("Translate A&gain"))),
      translateDay(make(w, "translateDayAction", tr("Translate This &Day…"))),
      shortcutsHelp(make(w, "shortcutsHelpAction", tr("&Keyboard Shortcuts"),
                         {key(Qt::Key_Question), key(Qt::Key_F1)})),
      about(make(w, "aboutAction", tr("&About Paperboy")))
{
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
    fetchToday->setToolTip(tr("Ask arXiv for today's listing of your categories"));
    fetchDays->setToolTip(tr("Fetch past days or a range of days from arXiv"));
    checkVersions->setToolTip(tr("Ask arXiv whether the papers you starred, noted or tagged, "
                                 "and the newest papers of the authors you follow, have new "
                                 "versions"));
    copyBibtex->setToolTip(tr("Copy the BibTeX of the selected papers"));
    saveSearch->setEnabled(false);
    translatePaper->setToolTip(tr("Translate the paper on screen into Chinese (Shift+T: t "
                                  "already edits tags)"));
    translateAgain->setToolTip(tr("Ask the translation service anew for the paper on screen, "
                                  "replacing its machine translation"));
    addPapers->setToolTip(tr("Add the papers whose arXiv links or ids are on the clipboard "
                             "(arxiv.org, alphaxiv.org, huggingface.co/papers, DOIs); dropping "
                             "a link on the window does the same"));
    saveToZotero->setToolTip(tr("Send the selected papers to Zotero's desktop app, with your "
                                "tags, your note and a link to the PDF"));
    showTrends->setToolTip(tr("Chart how often searches match per day, week, month or year"));
    translateDay->setToolTip(tr("Translate every paper of the day that has no Chinese yet; "
                                "the size of the run is shown before anything is sent"));
}

QList<QAction *> ReaderActions::paperActions() const
{
    return {toggleStar, toggleRead,     openAbstract,   openPdf,     openCode, copyLink,
            copyId,     copyBibtex,     copyRis,        copyCslJson, addTag,   focusNote,
            focusTags,  translatePaper, translateAgain, saveToZotero};
}

QList<QList<QAction *>> ReaderActions::groups() const
{
    return {{nextPaper, previousPaper, nextDay, previousDay, focusFilter, focusSearch, focusNote,
             focusTags, focusList},
            {toggleStar, toggleRead, markAllRead, openAbstract, openPdf, openCode, copyId,
             copyBibtex, saveToZotero, translatePaper},
            {importFiles, addPapers, fetchToday, fetchDays, exportPapers, showTrends, shortcutsHelp,
             quit}};
}

void ReaderActions::buildMenus(QMenuBar *bar) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(importFiles);
    file->addAction(addPapers);
    file->addAction(fetchToday);
    file->addAction(fetchDays);
    file->addAction(checkVersions);
    file->addSeparator();
    file->addAction(exportPapers);
    file->addAction(backupUserData);
    file->addAction(restoreUserData);
    file->addSeparator();
    file->addAction(quit);

    QMenu *go = bar->addMenu(tr("&Go"));
    go->setObjectName(QStringLiteral("goMenu"));
    go->addActions({nextPaper, previousPaper});
    go->addSeparator();
    go->addActions({nextDay, previousDay});
    go->addSeparator();
    go->addActions({focusSearch, saveSearch, showTrends});
    go->addSeparator();
    go->addActions({focusFilter, focusNote, focusTags, focusList});

    QMenu *paper = bar->addMenu(tr("&Paper"));
    paper->setObjectName(QStringLiteral("paperMenu"));
    paper->addActions({toggleStar, toggleRead, markAllRead});
    paper->addSeparator();
    paper->addActions({openAbstract, openPdf, openCode, openProject});
    paper->addSeparator();
    paper->addActions({copyLink, copyId, copyBibtex, copyRis, copyCslJson});
    paper->addAction(saveToZotero);
    paper->addSeparator();
    paper->addActions({translatePaper, translateAgain, translateDay});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addActions({shortcutsHelp, about});
}

void ReaderActions::fillContextMenu(QMenu *menu, QMenu *tagMenu) const
{
    menu->addActions({openAbstract, openPdf, openCode});
    menu->addSeparator();
    menu->addActions({copyLink, copyId, copyBibtex, saveToZotero});
    QMenu *cite = menu->addMenu(tr("Copy Citation As"));
    cite->setObjectName(QStringLiteral("citationMenu"));
    cite->addActions({copyBibtex, copyRis, copyCslJson});
    menu->addSeparator();
    menu->addActions({toggleStar, toggleRead});
    if (tagMenu)
        menu->addMenu(tagMenu);
    menu->addSeparator();
    menu->addActions({translatePaper, translateAgain, translateDay});
}

} // namespace paperboy
