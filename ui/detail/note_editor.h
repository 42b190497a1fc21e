#pragma once

// The notes field of the detail pane. Typing is saved after a short pause; switching papers,
// leaving the field and closing the window save at once, so a note is never lost.
//
// The stored note can change underneath (another process, a second window): the editor takes
// the new text when nothing is being typed, and when it holds unsaved text it keeps both and
// reports a conflict, which the reader settles (keep mine, keep the other, merge). Leaving
// the paper with a conflict still open saves both texts, merged.

#include <QPlainTextEdit>
#include <QTimer>

namespace paperboy {

class NoteEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit NoteEditor(QWidget *parent = nullptr);

    // Saves the current paper's note if it changed, then shows `note` for `arxivId`.
    void setPaper(const QString &arxivId, const QString &note);
    QString paperId() const { return m_paperId; }

    // Emits noteEdited now when the text differs from what was last saved. While a conflict
    // waits for the reader's choice nothing is saved.
    void flush();
    // Saves before the editor moves on (another paper, another list, closing): an open
    // conflict is saved as both texts merged.
    void flushLeaving();
    bool isDirty() const;

    // The stored note of `arxivId` is now `note` (written here or elsewhere).
    void storedNoteChanged(const QString &arxivId, const QString &note);
    bool hasConflict() const { return m_conflict; }
    // The text stored elsewhere while this editor had unsaved text.
    QString otherText() const { return m_other; }
    // Both texts in one: the longer one when it already holds the other, else mine first.
    QString mergedText() const;
    void keepMine();
    void keepOther();
    void mergeBoth();

    static constexpr int kAutosaveDelayMs = 500;
    // Tests hold text unsaved with a long delay.
    void setAutosaveDelay(int milliseconds) { m_autosave.setInterval(milliseconds); }

signals:
    void noteEdited(const QString &arxivId, const QString &note);
    void conflictChanged(bool conflict);

protected:
    void focusOutEvent(QFocusEvent *event) override;

private:
    void load(const QString &text, bool keepCursor = true);
    void endConflict();

    QTimer m_autosave;
    QString m_paperId;
    QString m_saved; // the stored text this editor's text started from
    QString m_other; // during a conflict: the text stored elsewhere
    bool m_conflict = false;
    bool m_loading = false;
};

} // namespace paperboy
