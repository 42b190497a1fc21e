#pragma once

// The detail pane's note: the editor, and above it the banner that appears when the note was
// changed elsewhere while the reader had unsaved text in the editor. The banner shows both
// texts and lets the reader keep either or merge them; it stays until one is chosen.

#include <QWidget>

class QPlainTextEdit;

namespace paperboy {

class Banner;
class NoteEditor;

class NotePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NotePanel(QWidget *parent = nullptr);

    NoteEditor *editor() const { return m_editor; }
    Banner *conflictBanner() const { return m_conflict; }

private:
    void showConflict(bool conflict);

    NoteEditor *m_editor = nullptr;
    Banner *m_conflict = nullptr;
    QPlainTextEdit *m_other = nullptr;
    QPlainTextEdit *m_mine = nullptr;
};

} // namespace paperboy
