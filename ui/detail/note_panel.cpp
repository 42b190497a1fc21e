#include "detail/note_panel.h"

#include "common/banner.h"
#include "detail/note_editor.h"
#include "library/note_saver.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

namespace {

QPlainTextEdit *readOnlyText(const QString &objectName, QWidget *parent)
{
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(objectName);
    text->setReadOnly(true);
    text->setTabChangesFocus(true);
    text->setMaximumHeight(text->fontMetrics().lineSpacing() * 5);
    return text;
}

} // namespace

NotePanel::NotePanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_editor = new NoteEditor(this);
    m_editor->setMinimumHeight(60);

    m_conflict = new Banner(QStringLiteral("noteConflictBanner"), this);
    m_conflict->setText(tr("This note was changed elsewhere while you were writing. Nothing is "
                           "saved until you choose."));
    auto *otherLabel = new QLabel(tr("Changed elsewhere:"), m_conflict);
    m_other = readOnlyText(QStringLiteral("noteConflictOther"), m_conflict);
    auto *mineLabel = new QLabel(tr("Yours (not saved yet):"), m_conflict);
    m_mine = readOnlyText(QStringLiteral("noteConflictMine"), m_conflict);
    for (QWidget *widget : {static_cast<QWidget *>(otherLabel), static_cast<QWidget *>(m_other),
                            static_cast<QWidget *>(mineLabel), static_cast<QWidget *>(m_mine)})
        m_conflict->addContent(widget);
    connect(m_conflict->addButton(QStringLiteral("noteKeepMineButton"), tr("Keep Mine")),
            &QPushButton::clicked, m_editor, &NoteEditor::keepMine);
    connect(m_conflict->addButton(QStringLiteral("noteKeepOtherButton"), tr("Keep Theirs")),
            &QPushButton::clicked, m_editor, &NoteEditor::keepOther);
    connect(m_conflict->addButton(QStringLiteral("noteMergeButton"), tr("Merge Both")),
            &QPushButton::clicked, m_editor, &NoteEditor::mergeBoth);
    m_conflict->hide();

    m_saveState = new QLabel(this);
    m_saveState->setObjectName(QStringLiteral("noteSaveState"));
    m_saveState->setTextFormat(Qt::PlainText);
    m_saveState->setForegroundRole(QPalette::PlaceholderText);

    auto *history = new QPushButton(tr("Earlier &Versions…"), this);
    history->setObjectName(QStringLiteral("noteHistoryButton"));
    history->setFlat(true);
    history->setToolTip(tr("Every change of a note keeps the text it replaced: see them and "
                           "bring one back"));
    connect(history, &QPushButton::clicked, this, &NotePanel::historyRequested);
    auto *below = new QHBoxLayout;
    below->setContentsMargins(0, 0, 0, 0);
    below->addWidget(m_saveState, 1);
    below->addWidget(history);

    layout->addWidget(m_conflict);
    layout->addWidget(m_editor, 1);
    layout->addLayout(below);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotePanel::updateSaveState);
    connect(m_editor, &NoteEditor::conflictChanged, this, &NotePanel::showConflict);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_editor->hasConflict())
            m_mine->setPlainText(m_editor->toPlainText());
    });
}

void NotePanel::watchSaves(NoteSaver *saver, Banner *notSaved)
{
    m_saver = saver;
    m_notSaved = notSaved;
    m_notSaved->hide();
    connect(m_notSaved->addButton(QStringLiteral("noteRetryButton"), tr("Try Again Now")),
            &QPushButton::clicked, saver, &NoteSaver::retryNow);
    connect(saver, &NoteSaver::saved, this, [this](const QString &arxivId) {
        if (arxivId == m_editor->paperId())
            m_savedPaper = arxivId;
        updateSaveState();
    });
    connect(saver, &NoteSaver::writeStarted, this, &NotePanel::updateSaveState);
    connect(saver, &NoteSaver::stateChanged, this, &NotePanel::updateSaveState);
}

void NotePanel::updateSaveState()
{
    if (!m_saver)
        return;
    const QString id = m_editor->paperId();
    if (id != m_savedPaper)
        m_savedPaper.clear();
    const bool unsaved = !id.isEmpty() && m_saver->isUnsaved(id);
    const bool failing = !m_saver->lastError().isEmpty();
    QString state;
    if (id.isEmpty() || m_editor->isDirty())
        state.clear(); // being typed: the autosave follows
    else if (unsaved)
        state = failing ? tr("Not saved yet") : tr("Saving…");
    else if (!m_savedPaper.isEmpty())
        state = tr("Saved");
    m_saveState->setText(state);

    const QStringList waiting = m_saver->unsavedIds();
    if (failing && !waiting.isEmpty()) {
        m_notSaved->setText(tr("%n note(s) not saved yet (%1): %2", nullptr, int(waiting.size()))
                                .arg(waiting.join(QStringLiteral(", ")), m_saver->lastError()) +
                            QLatin1Char('\n') +
                            tr("The text is kept, and saving is tried again until it works; if "
                               "Paperboy is closed first, it is kept for the next start."));
        m_notSaved->show();
    } else {
        m_notSaved->hide();
    }
}

void NotePanel::showConflict(bool conflict)
{
    if (conflict) {
        m_other->setPlainText(m_editor->otherText());
        m_mine->setPlainText(m_editor->toPlainText());
    }
    m_conflict->setVisible(conflict);
}

} // namespace paperboy
