#pragma once

// Notes that could not be written when the window last closed (the library locked by a long
// import, a full disk) were kept in a recovery file beside the library (NoteSaver). On the
// next start this banner offers them back. Save Them writes each one, merged with what the
// paper's note became meanwhile so nothing is lost; Discard forgets them, after asking.

#include "common/banner.h"
#include "library/note_saver.h"

namespace paperboy {

class Library;

class NoteRecoveryBanner : public Banner
{
    Q_OBJECT
public:
    NoteRecoveryBanner(Library *library, QWidget *parent = nullptr);

    // Reads the recovery file; the banner shows when it holds notes.
    void check();

    // `stored` is the paper's note now; `recovered` the texts kept for it, oldest first.
    static QString merged(QString stored, const QStringList &recovered);

private:
    void saveAll();
    void askToDiscard();

    Library *m_library;
    QList<RecoveredNote> m_notes;
};

} // namespace paperboy
