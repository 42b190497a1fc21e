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
        if (!m_loading && !m_paperId.isEmpty() && !m_conflict)
            m_autosave.start();
    });
}

void NoteEditor::setPaper(const QString &arxivId, const QString &note)
{
    flushLeaving();
    m_paperId = arxivId;
    m_saved = note;
    load(note, false);
    setEnabled(!arxivId.isEmpty());
}

void NoteEditor::load(const QString &text, bool keepCursor)
{
    m_loading = true;
    // A note replaced from outside while the field has focus keeps the cursor where it was,
    // as far as the new text allows.
    const int position = textCursor().position();
    setPlainText(text);
    if (keepCursor) {
        QTextCursor cursor = textCursor();
        cursor.setPosition(qMin(position, int(text.size())));
        setTextCursor(cursor);
    }
    m_loading = false;
}

bool NoteEditor::isDirty() const
{
    return !m_paperId.isEmpty() && toPlainText() != m_saved;
}

void NoteEditor::flush()
{
    m_autosave.stop();
    if (m_conflict || !isDirty())
        return;
    m_saved = toPlainText();
    emit noteEdited(m_paperId, m_saved);
}

void NoteEditor::flushLeaving()
{
    if (m_conflict)
        mergeBoth();
    flush();
}

void NoteEditor::storedNoteChanged(const QString &arxivId, const QString &note)
{
    if (arxivId != m_paperId || note == m_saved)
        return;
    if (m_conflict) {
        // Changed elsewhere once more while the choice is open: the newest text is the other.
        m_other = note;
        if (note == toPlainText())
            endConflict();
        emit conflictChanged(m_conflict);
        return;
    }
    if (!isDirty()) {
        m_saved = note;
        load(note);
        return;
    }
    if (toPlainText() == note) { // the same words typed in both places
        m_saved = note;
        return;
    }
    m_autosave.stop();
    m_other = note;
    m_conflict = true;
    emit conflictChanged(true);
}

QString NoteEditor::mergedText() const
{
    const QString mine = toPlainText();
    if (mine.contains(m_other))
        return mine;
    if (m_other.contains(mine))
        return m_other;
    return mine + QStringLiteral("\n\n") + m_other;
}

void NoteEditor::endConflict()
{
    // What is stored now is the other text; the editor's text is saved against it.
    m_saved = m_other;
    m_other.clear();
    m_conflict = false;
}

void NoteEditor::keepMine()
{
    if (!m_conflict)
        return;
    endConflict();
    emit conflictChanged(false);
    flush();
}

void NoteEditor::keepOther()
{
    if (!m_conflict)
        return;
    const QString other = m_other;
    endConflict();
    load(other);
    emit conflictChanged(false);
}

void NoteEditor::mergeBoth()
{
    if (!m_conflict)
        return;
    const QString merged = mergedText();
    endConflict();
    load(merged);
    emit conflictChanged(false);
    flush();
}

void NoteEditor::focusOutEvent(QFocusEvent *event)
{
    flush();
    QPlainTextEdit::focusOutEvent(event);
}

} // namespace paperboy
