#pragma once

// "Earlier Versions…" of a note: every text the note had before a change (an edit, a restore,
// a restored backup, a sync), newest first, with when and what replaced it. Choosing one
// brings it back as the note; the text it replaces goes into the history in turn, so nothing
// is lost by choosing. The history is read off the GUI thread; the dialog fills in when it
// arrives.

#include "store/note_history.h"

#include <QDialog>
#include <QList>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace paperboy {

class UserData;

class NoteHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    NoteHistoryDialog(UserData *user, const QString &arxivId, const QString &title,
                      QWidget *parent = nullptr);

    // The versions shown (for tests), once read.
    const QList<NoteVersion> &versions() const { return m_versions; }
    bool isLoaded() const { return m_loaded; }

private:
    void show(const QList<NoteVersion> &versions);
    void showSelected();
    void bringBack();

    UserData *m_user = nullptr;
    QString m_arxivId;
    QList<NoteVersion> m_versions;
    bool m_loaded = false;
    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_bringBack = nullptr;
};

} // namespace paperboy
