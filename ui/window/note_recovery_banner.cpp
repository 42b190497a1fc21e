#include "window/note_recovery_banner.h"

#include "library/library.h"

#include <QMessageBox>
#include <QPushButton>

namespace paperboy {

NoteRecoveryBanner::NoteRecoveryBanner(Library *library, QWidget *parent)
    : Banner(QStringLiteral("noteRecoveryBanner"), parent), m_library(library)
{
    connect(addButton(QStringLiteral("recoverNotesButton"), tr("Save Them")), &QPushButton::clicked,
            this, &NoteRecoveryBanner::saveAll);
    connect(addButton(QStringLiteral("discardRecoveredNotesButton"), tr("Discard…")),
            &QPushButton::clicked, this, &NoteRecoveryBanner::askToDiscard);
    hide();
}

void NoteRecoveryBanner::check()
{
    m_notes = NoteSaver::readRecovery(NoteSaver::recoveryPathFor(m_library->databasePath()));
    if (m_notes.isEmpty()) {
        hide();
        return;
    }
    QStringList papers;
    for (const RecoveredNote &note : m_notes)
        if (!papers.contains(note.arxivId))
            papers.append(note.arxivId);
    setText(tr("%n note(s) typed before Paperboy last closed could not be saved (%1). They were "
               "kept; save them now?",
               nullptr, int(m_notes.size()))
                .arg(papers.join(QStringLiteral(", "))));
    show();
}

QString NoteRecoveryBanner::merged(QString stored, const QStringList &recovered)
{
    for (const QString &text : recovered) {
        if (stored.isEmpty() || text.contains(stored))
            stored = text;
        else if (!stored.contains(text))
            stored =
                text + QStringLiteral("\n\n") + stored; // the typed text first, as in a conflict
    }
    return stored;
}

void NoteRecoveryBanner::saveAll()
{
    QStringList ids;
    QHash<QString, QStringList> texts;
    for (const RecoveredNote &note : m_notes) {
        if (!texts.contains(note.arxivId))
            ids.append(note.arxivId);
        texts[note.arxivId].append(note.text);
    }
    hide();
    // Merged with the notes as stored now: another process may have written them since.
    m_library->read(
        this, [ids](Store &store) { return store.userStates(ids); },
        [this, ids, texts](const QHash<QString, UserState> &states) {
            for (const QString &id : ids) {
                const QString stored = states.value(id).note;
                const QString note = merged(stored, texts.value(id));
                if (note != stored)
                    m_library->userData()->setNote(id, note);
            }
            // From here the notes are the saver's: one that fails again is kept by it, and
            // on closing goes back into the file.
            m_notes.clear();
            NoteSaver::writeRecovery(NoteSaver::recoveryPathFor(m_library->databasePath()), {});
        });
}

void NoteRecoveryBanner::askToDiscard()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Discard Unsaved Notes"),
                                tr("Discard the %n note(s) that could not be saved? They cannot "
                                   "be recovered afterwards.",
                                   nullptr, int(m_notes.size())),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardRecoveredNotesDialog"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() != box->button(QMessageBox::Discard))
            return;
        m_notes.clear();
        NoteSaver::writeRecovery(NoteSaver::recoveryPathFor(m_library->databasePath()), {});
        hide();
    });
    box->open();
}

} // namespace paperboy
