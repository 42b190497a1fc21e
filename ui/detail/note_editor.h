#pragma once

// The notes field of the detail pane. Typing is saved after a short pause; switching papers,
// leaving the field and closing the window save at once, so a note is never lost.

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

    // Emits noteEdited now when the text differs from what was last saved.
    void flush();
    bool isDirty() const;

    static constexpr int kAutosaveDelayMs = 500;

signals:
    void noteEdited(const QString &arxivId, const QString &note);

protected:
    void focusOutEvent(QFocusEvent *event) override;

private:
    QTimer m_autosave;
    QString m_paperId;
    QString m_saved;
    bool m_loading = false;
};

} // namespace paperboy
