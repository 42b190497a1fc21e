#pragma once

// The detail pane's note: the editor, and above it the banner that appears when the note was
// changed elsewhere while the reader had unsaved text in the editor. The banner shows both
// texts and lets the reader keep either or merge them; it stays until one is chosen.
//
// Below the editor a word says where the note stands: "Saving…" while its write is on its way,
// "Saved" only once it committed. When writes fail (the library locked, the disk full) a
// banner at the top of the window says so and stays until every note is saved; the text
// stays in the editor.

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace paperboy {

class Banner;
class NoteEditor;
class NoteSaver;

class NotePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NotePanel(QWidget *parent = nullptr);

    NoteEditor *editor() const { return m_editor; }
    Banner *conflictBanner() const { return m_conflict; }
    // Follows the saving of notes (once, when the library is known). `notSaved` is the banner
    // that says notes fail to save; the window places it where it cannot be squeezed.
    void watchSaves(NoteSaver *saver, Banner *notSaved);

signals:
    // "Earlier Versions…": the reader wants the note's history.
    void historyRequested();

private:
    void showConflict(bool conflict);
    void updateSaveState();

    NoteEditor *m_editor = nullptr;
    Banner *m_conflict = nullptr;
    QPlainTextEdit *m_other = nullptr;
    QPlainTextEdit *m_mine = nullptr;
    NoteSaver *m_saver = nullptr;
    QLabel *m_saveState = nullptr;
    Banner *m_notSaved = nullptr;
    QString m_savedPaper; // the paper on screen whose note committed since it was shown
};

} // namespace paperboy
