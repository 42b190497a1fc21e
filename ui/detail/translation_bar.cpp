#include "detail/translation_bar.h"

#include "common/palette_colors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

TranslationBar::TranslationBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("translationBar"));
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("translationSourceLabel"));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);
    QPalette palette = m_source->palette();
    palette.setColor(QPalette::WindowText, secondaryTextColor(palette));
    m_source->setPalette(palette);
    m_translate = new QPushButton(tr("Translate"), this);
    m_translate->setObjectName(QStringLiteral("translateButton"));
    m_edit = new QPushButton(tr("Edit Chinese…"), this);
    m_edit->setObjectName(QStringLiteral("editTranslationButton"));
    m_edit->setToolTip(tr("Write or correct the Chinese title and abstract yourself; your "
                          "words are kept and never replaced by a machine's"));
    connect(m_translate, &QPushButton::clicked, this, [this] { emit translateRequested(m_again); });
    connect(m_edit, &QPushButton::clicked, this, &TranslationBar::editRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_source, 1);
    layout->addWidget(m_translate);
    layout->addWidget(m_edit);
}

QString TranslationBar::provenance(const PaperView &view)
{
    const ShownTranslation shown = shownTranslation(view);
    QStringList parts;
    if (shown.usesMachine()) {
        const MachineTranslation &machine = view.machineTranslation;
        parts.append(tr("machine translation"));
        parts.append(machine.model.isEmpty() ? machine.provider
                                             : machine.provider + u'/' + machine.model);
        if (machine.stale)
            parts.append(tr("stale: the English changed since"));
    }
    if (shown.titleSource == TranslationSource::User ||
        shown.abstractSource == TranslationSource::User)
        parts.prepend(tr("your translation"));
    return parts.join(QStringLiteral(" · "));
}

void TranslationBar::setPaper(const PaperView &view)
{
    const ShownTranslation shown = shownTranslation(view);
    m_source->setText(provenance(view));
    // Both fields from a person: nothing for a machine to add.
    const bool human = !shown.title.isEmpty() && !shown.abstract.isEmpty() && !shown.usesMachine();
    m_translate->setVisible(!human);
    // A machine's Chinese (stale or not) can be asked for anew: a better model, a changed
    // prompt, a translation the reader does not trust.
    m_again = shown.usesMachine();
    m_translate->setText(m_again ? tr("Translate Again") : tr("Translate"));
    m_translate->setToolTip(
        m_again ? tr("Ask the service chosen in Preferences for a new translation, replacing "
                     "the machine translation shown (Paper > Translate Again)")
                : tr("Translate the title and abstract into Chinese with the service chosen in "
                     "Preferences (Shift+T; t edits tags)"));
    m_translate->setEnabled(!view.paper.title.isEmpty() || !view.paper.abstract.isEmpty());
    // A digest's translation of both fields wins over the user's own (digest > user >
    // machine), so an edit would never show.
    m_edit->setVisible(shown.titleSource != TranslationSource::Digest ||
                       shown.abstractSource != TranslationSource::Digest);
}

TranslationEditDialog::TranslationEditDialog(const PaperView &view, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("translationEditDialog"));
    setWindowTitle(tr("Your Chinese for %1").arg(view.paper.arxivId));
    setMinimumWidth(560);
    const ShownTranslation shown = shownTranslation(view);
    m_title = new QLineEdit(shown.title, this);
    m_title->setObjectName(QStringLiteral("translationTitleEdit"));
    m_title->setPlaceholderText(view.paper.title);
    m_abstract = new QPlainTextEdit(shown.abstract, this);
    m_abstract->setObjectName(QStringLiteral("translationAbstractEdit"));
    m_abstract->setPlaceholderText(view.paper.abstract);
    auto *note = new QLabel(tr("Your translation is kept with your notes and backups, and "
                               "shown before a machine's. Clear both fields to remove it."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("translationEditButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Abstract:"), m_abstract);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString TranslationEditDialog::title() const
{
    return m_title->text().trimmed();
}

QString TranslationEditDialog::abstract() const
{
    return m_abstract->toPlainText().trimmed();
}

} // namespace paperboy
