#include "detail/note_panel.h"

#include "common/banner.h"
#include "detail/note_editor.h"

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

    layout->addWidget(m_conflict);
    layout->addWidget(m_editor, 1);
    connect(m_editor, &NoteEditor::conflictChanged, this, &NotePanel::showConflict);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_editor->hasConflict())
            m_mine->setPlainText(m_editor->toPlainText());
    });
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
