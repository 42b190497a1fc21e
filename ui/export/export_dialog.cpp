#include "export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace paperboy {

namespace {

constexpr int kNotes = -1; // the format box's entry for Markdown notes

} // namespace

ExportDialog::ExportDialog(const ExportContext &context, QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Papers"));

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("exportScopeBox"));
    if (context.day.isValid())
        m_scope->addItem(
            tr("This day (%1)").arg(QLocale().toString(context.day, QLocale::ShortFormat)), Day);
    if (!context.selectedIds.isEmpty())
        m_scope->addItem(tr("Selected papers (%n)", nullptr, int(context.selectedIds.size())),
                         Selection);
    m_scope->addItem(tr("Starred papers"), Starred);
    if (!context.tags.isEmpty())
        m_scope->addItem(tr("Papers tagged"), Tag);
    if (!context.search.isEmpty())
        m_scope->addItem(tr("This search (%1)").arg(context.search), Search);
    // The list on screen is what one most likely wants.
    const int preferred = !context.search.isEmpty()        ? m_scope->findData(Search)
                          : !context.tag.isEmpty()         ? m_scope->findData(Tag)
                          : context.selectedIds.size() > 1 ? m_scope->findData(Selection)
                          : context.day.isValid()          ? m_scope->findData(Day)
                                                           : m_scope->findData(Starred);
    m_scope->setCurrentIndex(qMax(0, preferred));

    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("exportTagBox"));
    m_tag->addItems(context.tags);
    if (!context.tag.isEmpty())
        m_tag->setCurrentText(context.tag);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormatBox"));
    for (ExportFormat format : {ExportFormat::BibTeX, ExportFormat::Ris, ExportFormat::CslJson,
                                ExportFormat::Csv, ExportFormat::Markdown})
        m_format->addItem(format == ExportFormat::Markdown ? tr("Markdown reading list")
                                                           : exportDisplayName(format),
                          int(format));
    m_format->addItem(tr("Markdown notes, one file per paper (Obsidian, Logseq)"), kNotes);
    m_format->setItemData(m_format->count() - 1,
                          tr("A note per paper in the chosen folder: front matter and your note "
                             "are rewritten by the next export, your own text below the marker "
                             "line is kept"),
                          Qt::ToolTipRole);
    m_bilingual = new QCheckBox(tr("English and Chinese"), this);
    m_bilingual->setObjectName(QStringLiteral("exportBilingualCheck"));
    m_bilingual->setToolTip(tr("Markdown: add the Chinese title and abstract where a digest "
                               "gave them"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_path->setMinimumWidth(360);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowseButton"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Papers:"), m_scope);
    form->addRow(tr("Tag:"), m_tag);
    form->addRow(tr("Format:"), m_format);
    form->addRow(QString(), m_bilingual);
    form->addRow(tr("File:"), pathRow);
    m_pathLabel = qobject_cast<QLabel *>(form->labelForField(pathRow));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    for (QComboBox *box : {m_scope, m_tag, m_format})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    updateState();
}

bool ExportDialog::notesChosen() const
{
    return m_format->currentData().toInt() == kNotes;
}

QString ExportDialog::suggestedName() const
{
    if (notesChosen()) {
        if (!m_context.notesFolder.isEmpty())
            return m_context.notesFolder;
        const QString folder =
            m_context.folder.isEmpty()
                ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                : m_context.folder;
        return QDir(folder).filePath(QStringLiteral("paperboy-notes"));
    }
    const auto format = ExportFormat(m_format->currentData().toInt());
    QString stem;
    switch (Scope(m_scope->currentData().toInt())) {
    case Day:
        stem = QStringLiteral("papers-") + m_context.day.toString(Qt::ISODate);
        break;
    case Selection:
        stem = QStringLiteral("selected-papers");
        break;
    case Starred:
        stem = QStringLiteral("starred-papers");
        break;
    case Tag:
        stem = QStringLiteral("tag-") + m_tag->currentText();
        break;
    case Search:
        stem = QStringLiteral("search-") + m_context.search;
        break;
    }
    // A file name from user text: letters, digits and dashes only.
    static const QRegularExpression unsafe(QStringLiteral("[^\\w.-]+"));
    stem = stem.replace(unsafe, QStringLiteral("-")).left(60);
    QString folder = m_context.folder;
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(stem + QLatin1Char('.') + exportFileSuffix(format));
}

void ExportDialog::updateState()
{
    const bool tag = Scope(m_scope->currentData().toInt()) == Tag;
    m_tag->setEnabled(tag);
    const auto format = ExportFormat(m_format->currentData().toInt());
    const bool notes = notesChosen();
    m_bilingual->setEnabled(format == ExportFormat::Markdown && !notes);
    if (m_pathLabel)
        m_pathLabel->setText(notes ? tr("Folder:") : tr("File:"));
    if (notes != m_showsNotes) {
        // A folder is no file name: switching between the two starts from a suggestion.
        m_showsNotes = notes;
        m_pathEdited = false;
    }
    if (!m_pathEdited) {
        m_path->setText(suggestedName());
    } else if (!notes && !m_path->text().isEmpty()) {
        // A chosen name keeps its folder and stem; only the suffix follows the format.
        const QFileInfo info(m_path->text());
        m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                            exportFileSuffix(format)));
    }
}

void ExportDialog::browse()
{
    if (notesChosen()) {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Export Notes To Folder"), m_path->text(), QFileDialog::ShowDirsOnly);
        if (folder.isEmpty())
            return;
        m_path->setText(folder);
        m_pathEdited = true;
        return;
    }
    const auto format = ExportFormat(m_format->currentData().toInt());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export To"), m_path->text(),
        QStringLiteral("%1 (*.%2);;%3 (*)")
            .arg(m_format->currentText(), exportFileSuffix(format), tr("All files")));
    if (path.isEmpty())
        return;
    m_path->setText(path);
    m_pathEdited = true;
}

ExportChoice ExportDialog::choice() const
{
    ExportChoice choice;
    choice.markdownNotes = notesChosen();
    choice.format = choice.markdownNotes ? ExportFormat::Markdown
                                         : ExportFormat(m_format->currentData().toInt());
    choice.options.bilingual = m_bilingual->isEnabled() && m_bilingual->isChecked();
    choice.path = m_path->text().trimmed();
    switch (Scope(m_scope->currentData().toInt())) {
    case Day:
        choice.selection = PaperSelection::day(m_context.day);
        choice.describe =
            tr("the papers of %1").arg(QLocale().toString(m_context.day, QLocale::ShortFormat));
        break;
    case Selection:
        choice.selection = PaperSelection::papers(m_context.selectedIds);
        choice.describe = tr("the selected papers");
        break;
    case Starred:
        choice.selection = PaperSelection::starred();
        choice.describe = tr("the starred papers");
        break;
    case Tag:
        choice.selection = PaperSelection::tag(m_tag->currentText());
        choice.describe = tr("the papers tagged %1").arg(m_tag->currentText());
        break;
    case Search:
        choice.selection = PaperSelection::search(m_context.search);
        choice.describe = tr("the search results");
        break;
    }
    return choice;
}

void ExportDialog::accept()
{
    if (m_path->text().trimmed().isEmpty()) {
        m_path->setFocus();
        return;
    }
    const QFileInfo info(m_path->text().trimmed());
    if (notesChosen() && info.exists() && !info.isDir()) {
        QMessageBox::warning(this, tr("Export"),
                             tr("%1 is a file: Markdown notes need a folder.")
                                 .arg(QDir::toNativeSeparators(info.filePath())));
        return;
    }
    if (!info.dir().exists()) {
        QMessageBox::warning(this, tr("Export"),
                             tr("The folder %1 does not exist.").arg(info.dir().path()));
        return;
    }
    QDialog::accept();
}

} // namespace paperboy
