#include "detail/note_editor.h"

namespace paperboy {

NoteEditor::NoteEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("noteEditor"));
    setPlaceholderText(tr("Notes on this paper (saved as you type)"));
    setTabChangesFocus(true);
    setEnabled(false);
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &NoteEditor::flush);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && !m_paperId.isEmpty())
            m_autosave.start();
    });
}

void NoteEditor::setPaper(const QString &arxivId, const QString &note)
{
    flush();
    m_paperId = arxivId;
    m_saved = note;
    m_loading = true;
    setPlainText(note);
    m_loading = false;
    setEnabled(!arxivId.isEmpty());
}

bool NoteEditor::isDirty() const
{
    return !m_paperId.isEmpty() && toPlainText() != m_saved;
}

void NoteEditor::flush()
{
    m_autosave.stop();
    if (!isDirty())
        return;
    m_saved = toPlainText();
    emit noteEdited(m_paperId, m_saved);
}

void NoteEditor::focusOutEvent(QFocusEvent *event)
{
    flush();
    QPlainTextEdit::focusOutEvent(event);
}

} // namespace paperboy
