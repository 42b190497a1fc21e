#include "detail/detail_pane.h"

#include "common/highlight_text.h"
#include "common/link_policy.h"
#include "common/math_text.h"
#include "common/palette_colors.h"
#include "common/paper_text.h"
#include "common/plain_tool_tip.h"
#include "detail/ai_summary_view.h"
#include "detail/code_line.h"
#include "detail/follow_button.h"
#include "detail/note_editor.h"
#include "detail/note_panel.h"
#include "detail/translation_bar.h"
#include "detail/version_view.h"
#include "paperlist/paper_delegate.h"
#include "tags/tags_edit.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace paperboy {

namespace {

// A wrapped label's own minimum height assumes a narrow width, which would give the scroll
// area a scroll bar even when the text fits; the layout's height-for-width decides instead.
class WrappingLabel : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override
    {
        return {QLabel::minimumSizeHint().width(), fontMetrics().height()};
    }
};

// Data never becomes markup: every label shows plain text and wraps.
QLabel *textLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new WrappingLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// Titles and abstracts: their TeX math shown as math, plain text otherwise.
MathTextView *mathText(const QString &objectName, QWidget *parent)
{
    auto *view = new MathTextView(parent);
    view->setObjectName(objectName);
    return view;
}

void setTextOrHide(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

DetailPane::DetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setMargin(24);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    layout->addWidget(buildAbstract());
    m_aiSummary = new AiSummaryView(content);
    layout->addWidget(m_aiSummary);
    layout->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("detailScroll"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->addWidget(m_scroll);
    m_splitter->addWidget(buildNotes());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_splitter);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    // "Copy TeX" in the menus of titles, abstracts and the summary: the text as published.
    for (MathTextView *view : findChildren<MathTextView *>())
        connect(view, &MathTextView::copyTexRequested, this,
                [this](const QString &source) { emit copyRequested(source, tr("TeX")); });
    updateColours();
    clear(tr("Select a paper to read it here."));
}

QWidget *DetailPane::buildHeader()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_star = new QToolButton;
    m_star->setObjectName(QStringLiteral("starButton"));
    m_star->setCheckable(true);
    m_star->setAutoRaise(true);
    m_star->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont starFont = m_star->font();
    starFont.setPointSizeF(starFont.pointSizeF() * 1.5);
    m_star->setFont(starFont);
    connect(m_star, &QToolButton::clicked, this, [this](bool checked) {
        if (hasPaper())
            emit starToggled(m_view.paper.arxivId, checked);
    });

    m_title = mathText(QStringLiteral("titleLabel"), box);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_star, 0, Qt::AlignTop);
    titleRow->addWidget(m_title, 1);
    layout->addLayout(titleRow);

    m_chineseTitle = mathText(QStringLiteral("chineseTitleLabel"), box);
    QFont zhFont = m_chineseTitle->font();
    zhFont.setPointSizeF(zhFont.pointSizeF() * 1.15);
    m_chineseTitle->setFont(zhFont);
    m_authors = textLabel(QStringLiteral("authorsLabel"), box);
    m_meta = textLabel(QStringLiteral("metaLabel"), box);
    m_comment = textLabel(QStringLiteral("commentLabel"), box);
    m_journal = textLabel(QStringLiteral("journalLabel"), box);
    m_why = textLabel(QStringLiteral("whyLabel"), box);
    m_why->hide();
    layout->addWidget(m_chineseTitle);
    m_versions = new VersionView(box);
    for (QLabel *label :
         {m_authors, m_meta, m_why, m_comment, m_journal, static_cast<QLabel *>(m_versions)})
        layout->addWidget(label);

    auto *links = new QHBoxLayout;
    m_openAbstract = linkButton(QStringLiteral("openAbstractButton"), tr("arXiv page"),
                                [this] { return abstractUrl(); });
    m_openPdf = linkButton(QStringLiteral("openPdfButton"), QStringLiteral("PDF"),
                           [this] { return pdfLink(); });
    m_openCode =
        linkButton(QStringLiteral("openCodeButton"), tr("Code"), [this] { return codeUrl(); });
    m_openProject = linkButton(QStringLiteral("openProjectButton"), tr("Project Page"),
                               [this] { return projectUrl(); });
    links->addWidget(m_openAbstract);
    links->addWidget(m_openPdf);
    links->addWidget(m_openCode);
    links->addWidget(m_openProject);
    links->addStretch(1);
    m_moreLikeThis = new QPushButton(tr("More Like This"));
    m_moreLikeThis->setObjectName(QStringLiteral("moreLikeThisButton"));
    m_moreLikeThis->setToolTip(tr("Papers ranked by how much they read like this one"));
    connect(m_moreLikeThis, &QPushButton::clicked, this, [this] {
        if (hasPaper())
            emit moreLikeThisRequested(m_view.paper.arxivId);
    });
    links->addWidget(m_moreLikeThis);
    m_follow = new FollowButton;
    connect(m_follow, &FollowButton::followToggled, this, &DetailPane::followToggled);
    links->addWidget(m_follow);
    layout->addLayout(links);

    m_codeText = textLabel(QStringLiteral("codeUrlLabel"), box);
    m_codeWarning = textLabel(QStringLiteral("codeWarningLabel"), box);
    layout->addWidget(m_codeText);
    layout->addWidget(m_codeWarning);
    return box;
}

QPushButton *DetailPane::linkButton(const QString &objectName, const QString &text,
                                    std::function<QUrl()> url)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(button, &QPushButton::clicked, this, [this, url] { emit openRequested(url()); });
    connect(button, &QWidget::customContextMenuRequested, this, [this, button, url](QPoint pos) {
        QMenu menu(button);
        const QUrl target = url();
        menu.addAction(tr("Copy Link"), this,
                       [this, target] { emit copyRequested(target.toString(), tr("link")); })
            ->setEnabled(!target.isEmpty());
        menu.addAction(tr("Copy arXiv ID"), this,
                       [this] { emit copyRequested(m_view.paper.arxivId, tr("arXiv ID")); });
        menu.exec(button->mapToGlobal(pos));
    });
    return button;
}

QWidget *DetailPane::buildAbstract()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(sectionLabel(tr("Abstract"), box));
    header->addStretch(1);
    m_languageBox = new QComboBox;
    m_languageBox->setObjectName(QStringLiteral("abstractLanguageBox"));
    m_languageBox->addItem(tr("English"), int(AbstractLanguage::English));
    m_languageBox->addItem(QStringLiteral("中文"), int(AbstractLanguage::Chinese));
    m_languageBox->addItem(tr("Side by side"), int(AbstractLanguage::Both));
    m_languageBox->setCurrentIndex(m_languageBox->findData(int(m_language)));
    m_languageBox->setToolTip(tr("Abstract language"));
    connect(m_languageBox, &QComboBox::activated, this, [this](int index) {
        setAbstractLanguage(AbstractLanguage(m_languageBox->itemData(index).toInt()));
        emit abstractLanguageChanged(m_language);
    });
    header->addWidget(m_languageBox);
    layout->addLayout(header);

    m_abstractNote = textLabel(QStringLiteral("abstractNoteLabel"), box);
    layout->addWidget(m_abstractNote);
    auto *texts = new QHBoxLayout;
    texts->setSpacing(16);
    m_abstractEnglish = mathText(QStringLiteral("abstractEnglishLabel"), box);
    m_abstractChinese = mathText(QStringLiteral("abstractChineseLabel"), box);
    texts->addWidget(m_abstractEnglish, 1);
    texts->addWidget(m_abstractChinese, 1);
    layout->addLayout(texts);
    m_translation = new TranslationBar(box);
    connect(m_translation, &TranslationBar::translateRequested, this,
            &DetailPane::translateRequested);
    connect(m_translation, &TranslationBar::editRequested, this, &DetailPane::editTranslation);
    layout->addWidget(m_translation);
    return box;
}

QWidget *DetailPane::buildNotes()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(9, 6, 9, 9);
    layout->addWidget(sectionLabel(tr("Notes"), box));
    m_notePanel = new NotePanel(box);
    m_note = m_notePanel->editor();
    connect(m_note, &NoteEditor::noteEdited, this, &DetailPane::noteEdited);
    connect(m_notePanel, &NotePanel::historyRequested, this, [this] {
        if (hasPaper())
            emit noteHistoryRequested(m_view.paper.arxivId);
    });
    layout->addWidget(m_notePanel, 1);
    auto *tagsRow = new QHBoxLayout;
    auto *tagsLabel = new QLabel(tr("&Tags:"), box);
    m_tags = new TagsEdit(box);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. diffusion, to-read"));
    m_tags->setClearButtonEnabled(true);
    tagsLabel->setBuddy(m_tags);
    connect(m_tags, &QLineEdit::editingFinished, this, &DetailPane::commitTags);
    tagsRow->addWidget(tagsLabel);
    tagsRow->addWidget(m_tags, 1);
    layout->addLayout(tagsRow);
    return box;
}

void DetailPane::editTranslation()
{
    if (!hasPaper())
        return;
    auto *dialog = new TranslationEditDialog(m_view, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = m_view.paper.arxivId] {
        // A field left as the machine wrote it stays the machine's: a later, better
        // translation may still replace it. Anything else is the user's own words.
        const MachineTranslation &machine = m_view.machineTranslation;
        const bool same = m_view.paper.arxivId == id;
        const QString title =
            same && dialog->title() == machine.title.trimmed() ? QString() : dialog->title();
        const QString abstract = same && dialog->abstract() == machine.abstract.trimmed()
                                     ? QString()
                                     : dialog->abstract();
        emit translationEdited(id, title, abstract);
    });
    dialog->open();
}

void DetailPane::commitTags()
{
    if (!hasPaper())
        return;
    const QStringList tags = m_tags->tags();
    if (tags == m_view.user.tags)
        return;
    // UserData answers with the change, which brings the tags back into m_view.
    emit tagsEdited(m_view.paper.arxivId, tags);
}

void DetailPane::setWhy(const QStringList &terms)
{
    setTextOrHide(m_why, terms.isEmpty()
                             ? QString()
                             : tr("For you because of: %1").arg(terms.join(QStringLiteral(", "))));
}

QString DetailPane::whyText() const
{
    return m_why->isHidden() ? QString() : m_why->text();
}

void DetailPane::showPaper(const PaperView &view)
{
    const bool samePaper = view.paper.arxivId == m_view.paper.arxivId;
    if (!samePaper) {
        setWhy({});
        commitTags();
        m_note->setPaper(view.paper.arxivId, view.user.note);
        m_tags->setText(view.user.tags.join(QStringLiteral(", ")));
        m_scroll->verticalScrollBar()->setValue(0);
        m_versions->setVersions({});
    } else if (!m_tags->hasFocus() && view.user.tags != m_view.user.tags) {
        // Tags renamed or added elsewhere: the field must not write the old ones back.
        m_tags->setText(view.user.tags.join(QStringLiteral(", ")));
    }
    m_view = view;
    const Paper &p = view.paper;
    showStar(view.user.starred);
    m_follow->setAuthors(p.authors, view.user.followedAuthors);
    updateTexts();

    QStringList meta{QStringLiteral("arXiv:") + versionedId(p)};
    const QStringList categories = categoriesOf(view);
    if (!categories.isEmpty())
        meta.append(categories.join(QLatin1Char(' ')));
    if (view.digestDate.isValid())
        meta.append(tr("%1 #%2 (%3)", "digest date, position in the digest, digest source")
                        .arg(QLocale().toString(view.digestDate, QLocale::ShortFormat))
                        .arg(view.entry.position)
                        .arg(view.digestSource));
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    setTextOrHide(m_comment,
                  p.comment.isEmpty() ? QString() : tr("Comment: %1").arg(readableText(p.comment)));
    setTextOrHide(m_journal,
                  p.journalRef.isEmpty() ? QString() : tr("Journal ref: %1").arg(p.journalRef));

    const QString code = codeText();
    m_openCode->setEnabled(!codeUrl().isEmpty());
    m_openCode->setToolTip(code.isEmpty() ? tr("No code link known") : plainToolTip(code));
    m_openAbstract->setToolTip(plainToolTip(abstractUrl().toString()));
    m_openPdf->setToolTip(plainToolTip(pdfLink().toString()));
    setTextOrHide(m_codeText,
                  codeLineText(code, !codeUrl().isEmpty(), m_newCodeLinks.contains(p.arxivId)));
    setTextOrHide(m_codeWarning, view.entry.codeUrlWarning.isEmpty()
                                     ? QString()
                                     : QStringLiteral("\u26A0 ") + view.entry.codeUrlWarning);
    m_openProject->setVisible(!projectUrl().isEmpty());
    m_openProject->setToolTip(plainToolTip(projectUrl().toString()));
    if (p.codeStars >= 0)
        m_openCode->setText(tr("Code \u2605 %1").arg(PaperDelegate::compactCount(p.codeStars)));
    else
        m_openCode->setText(tr("Code"));
    m_stack->setCurrentWidget(m_splitter);
    if (!samePaper)
        emit paperShown(p.arxivId);
}

void DetailPane::showVersions(const QString &arxivId, const QList<PaperVersion> &versions)
{
    if (arxivId == m_view.paper.arxivId)
        m_versions->setVersions(versions);
}

void DetailPane::updateTexts()
{
    // Titles, authors, abstract and summary, with the search's words marked when there is one.
    const Paper &p = m_view.paper;
    m_title->setSourceText(p.title.isEmpty() ? p.arxivId : readableText(p.title), m_highlight);
    const QString chinese = chineseTitleOf(m_view);
    m_chineseTitle->setSourceText(chinese, m_highlight);
    m_chineseTitle->setVisible(!chinese.isEmpty());
    const QString authors = authorList(p.authors);
    setHighlightedText(m_authors, authors, m_highlight);
    m_authors->setVisible(!authors.isEmpty());
    updateAbstract();
    m_aiSummary->setSummary(m_view.entry.ai, m_highlight);
}

void DetailPane::setHighlightTerms(const QStringList &terms)
{
    if (terms == m_highlight)
        return;
    m_highlight = terms;
    if (hasPaper())
        updateTexts();
}

void DetailPane::setKnownTags(const QStringList &tags)
{
    m_tags->setKnownTags(tags);
}

void DetailPane::applyUserChange(const UserStateChange &change)
{
    const UserStateChange::Paper *paper = hasPaper() ? change.find(m_view.paper.arxivId) : nullptr;
    if (!paper)
        return;
    UserStateChange::apply(*paper, m_view.user);
    if (paper->fields & UserField::Starred)
        showStar(m_view.user.starred);
    if (paper->fields & UserField::Tags) {
        QStringList shown = m_tags->tags();
        QStringList tags = m_view.user.tags;
        shown.sort();
        tags.sort();
        // Tags being typed are the reader's; they are written (against the new ones) when
        // the field is left.
        const bool typing = m_tags->hasFocus() && m_tags->isModified();
        if (shown != tags && !typing)
            m_tags->setText(m_view.user.tags.join(QStringLiteral(", ")));
    }
    if (paper->fields & UserField::Note)
        m_note->storedNoteChanged(m_view.paper.arxivId, m_view.user.note);
    if (paper->fields & UserField::Translation)
        updateTexts(); // the Chinese shown, and the bar saying whose it is
    if (paper->fields & UserField::Followed)
        m_follow->setFollowed(m_view.user.followedAuthors);
}

void DetailPane::focusTags()
{
    if (!hasPaper())
        return;
    m_tags->setFocus(Qt::ShortcutFocusReason);
    m_tags->end(false);
    // Ready for one more tag after the ones there.
    if (!m_tags->text().trimmed().isEmpty() && !m_tags->text().trimmed().endsWith(QLatin1Char(',')))
        m_tags->setText(m_tags->text().trimmed() + QStringLiteral(", "));
}

void DetailPane::clear(const QString &message)
{
    commitTags();
    m_note->setPaper({}, {});
    m_tags->clear();
    m_view = PaperView();
    m_versions->setVersions({});
    m_placeholder->setText(message);
    m_stack->setCurrentWidget(m_placeholder);
}

void DetailPane::showStar(bool starred)
{
    m_star->setChecked(starred);
    m_star->setText(PaperDelegate::starGlyph(starred));
    m_star->setToolTip(starred ? tr("Starred (S to remove the star)") : tr("Star this paper (S)"));
    m_star->setAccessibleName(starred ? tr("Starred") : tr("Not starred"));
}

void DetailPane::setAbstractLanguage(AbstractLanguage language)
{
    m_language = language;
    m_languageBox->setCurrentIndex(m_languageBox->findData(int(language)));
    updateAbstract();
}

void DetailPane::updateAbstract()
{
    m_translation->setPaper(m_view);
    const QString english = readableText(m_view.paper.abstract);
    const QString chinese = chineseAbstractOf(m_view);
    bool showEnglish = m_language != AbstractLanguage::Chinese && !english.isEmpty();
    bool showChinese = m_language != AbstractLanguage::English && !chinese.isEmpty();
    QString note;
    // Falling back beats an empty pane; the note says why the other language is shown.
    if (!showEnglish && !showChinese) {
        showEnglish = !english.isEmpty();
        showChinese = !chinese.isEmpty();
        if (showEnglish)
            note = tr("No Chinese abstract in this digest; showing the English one.");
        else if (showChinese)
            note = tr("No English abstract known yet; showing the digest's Chinese one.");
        else
            note = tr("No abstract known yet.");
    }
    setTextOrHide(m_abstractNote, note);
    m_abstractEnglish->setSourceText(english, m_highlight);
    m_abstractChinese->setSourceText(chinese, m_highlight);
    m_abstractEnglish->setVisible(showEnglish);
    m_abstractChinese->setVisible(showChinese);
}

void DetailPane::focusNote()
{
    if (!hasPaper())
        return;
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->moveCursor(QTextCursor::End);
}

void DetailPane::watchNoteSaves(NoteSaver *saver, Banner *notSaved)
{
    m_notePanel->watchSaves(saver, notSaved);
}

void DetailPane::flushNote()
{
    m_note->flushLeaving();
    commitTags();
}

QUrl DetailPane::abstractUrl() const
{
    return hasPaper() ? openableUrlFromText(absUrl(m_view.paper.arxivId)) : QUrl();
}

QUrl DetailPane::pdfLink() const
{
    return hasPaper() ? openableUrlFromText(pdfUrl(m_view.paper.arxivId, m_view.paper.version))
                      : QUrl();
}

QUrl DetailPane::codeUrl() const
{
    return openableUrlFromText(codeText());
}

QUrl DetailPane::projectUrl() const
{
    return hasPaper() ? openableUrlFromText(m_view.paper.projectUrl.trimmed()) : QUrl();
}

QString DetailPane::codeText() const
{
    return hasPaper() ? m_view.codeUrl().trimmed() : QString();
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColours();
    QWidget::changeEvent(event);
}

void DetailPane::updateColours()
{
    // Secondary texts follow the palette, so a theme switch at runtime restyles them.
    const QPalette base = palette();
    QPalette secondary = base;
    secondary.setColor(QPalette::WindowText, mixColors(base.color(QPalette::WindowText),
                                                       base.color(QPalette::Window), 0.35));
    for (QLabel *label : {m_meta, m_why, m_abstractNote, m_placeholder})
        label->setPalette(secondary);
    secondary.setColor(QPalette::Text, secondary.color(QPalette::WindowText)); // a text view
    m_chineseTitle->setPalette(secondary);
    QPalette warning = base;
    warning.setColor(QPalette::WindowText, warningTextColor(base));
    m_codeWarning->setPalette(warning);
}

} // namespace paperboy
