#include "detail/note_history_dialog.h"

#include "common/plain_tool_tip.h"
#include "library/user_data.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

namespace {

QString byInWords(const QString &by)
{
    if (by == QLatin1String("restore"))
        return NoteHistoryDialog::tr("replaced by an earlier version");
    if (by == QLatin1String("backup"))
        return NoteHistoryDialog::tr("replaced by a restored backup");
    if (by == QLatin1String("sync"))
        return NoteHistoryDialog::tr("replaced by another device");
    return NoteHistoryDialog::tr("replaced by an edit");
}

} // namespace

NoteHistoryDialog::NoteHistoryDialog(UserData *user, const QString &arxivId, const QString &title,
                                     QWidget *parent)
    : QDialog(parent), m_user(user), m_arxivId(arxivId)
{
    setObjectName(QStringLiteral("noteHistoryDialog"));
    setWindowTitle(tr("Earlier Versions of the Note"));
    resize(720, 420);

    m_summary = new QLabel(tr("Reading the note's history of %1…").arg(arxivId), this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setToolTip(title);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("noteHistoryList"));
    // The text is on the right: the list only needs to tell the versions apart.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("noteHistoryText"));
    m_text->setReadOnly(true);
    auto *panes = new QHBoxLayout;
    panes->addWidget(m_list, 2);
    panes->addWidget(m_text, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_bringBack = buttons->addButton(tr("&Bring Back"), QDialogButtonBox::AcceptRole);
    m_bringBack->setObjectName(QStringLiteral("noteHistoryBringBack"));
    m_bringBack->setEnabled(false);
    m_bringBack->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_bringBack, &QPushButton::clicked, this, &NoteHistoryDialog::bringBack);
    connect(m_list, &QListWidget::currentRowChanged, this, &NoteHistoryDialog::showSelected);
    connect(m_list, &QListWidget::itemActivated, this, &NoteHistoryDialog::bringBack);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(panes, 1);
    layout->addWidget(buttons);

    m_user->readNoteHistory(arxivId, this,
                            [this](const QList<NoteVersion> &versions) { show(versions); });
}

void NoteHistoryDialog::show(const QList<NoteVersion> &versions)
{
    m_versions = versions;
    m_loaded = true;
    const QLocale locale;
    for (const NoteVersion &version : versions) {
        const QString firstLine = version.text.section(QLatin1Char('\n'), 0, 0).left(60);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 · %2\n%3")
                .arg(locale.toString(version.replacedAt.toLocalTime(), QLocale::ShortFormat),
                     byInWords(version.by), firstLine),
            m_list);
        item->setToolTip(plainToolTip(version.text.left(500)));
    }
    if (versions.isEmpty()) {
        m_summary->setText(tr("The note of %1 has no earlier versions: every change of a note "
                              "keeps the text it replaced here.")
                               .arg(m_arxivId));
        return;
    }
    m_summary->setText(tr("%n earlier version(s) of the note of %1, newest first. Bringing one "
                          "back keeps the current note here too.",
                          nullptr, int(versions.size()))
                           .arg(m_arxivId));
    m_list->setCurrentRow(0);
    m_list->setFocus();
}

void NoteHistoryDialog::showSelected()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_versions.size();
    m_text->setPlainText(valid ? m_versions.at(row).text : QString());
    m_bringBack->setEnabled(valid);
}

void NoteHistoryDialog::bringBack()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_versions.size())
        return;
    m_user->restoreNoteVersion(m_arxivId, m_versions.at(row));
    accept();
}

} // namespace paperboy
