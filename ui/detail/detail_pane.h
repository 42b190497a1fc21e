#pragma once

// The right pane: everything about the selected paper, its links, the star, notes and tags.
// All data is shown as plain text; the only links are our own buttons, which go through the
// link policy.

#include "common/settings.h"
#include "core/paper.h"
#include "core/paper_version.h"
#include "library/user_state_change.h"

#include <QBoxLayout>
#include <QSet>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace paperboy {

class AiSummaryView;
class Banner;
class FollowButton;
class MathTextView;
class NoteEditor;
class NotePanel;
class NoteSaver;
class TagsEdit;
class TranslationBar;
class VersionView;

class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    // Shows `view`; the same paper again refreshes the fields but leaves the note being typed.
    void showPaper(const PaperView &view);
    void clear(const QString &message);
    bool hasPaper() const { return !m_view.paper.arxivId.isEmpty(); }
    const PaperView &paper() const { return m_view; }

    // The reader's data changed (UserData): the star, tags and note of the paper shown follow.
    // A note being typed is never replaced; a conflict is offered instead.
    void applyUserChange(const paperboy::UserStateChange &change);
    void setAbstractLanguage(AbstractLanguage language);
    AbstractLanguage abstractLanguage() const { return m_language; }

    NoteEditor *noteEditor() const { return m_note; }
    // Shows under the note whether it is saved, and `notSaved` while notes fail to save.
    void watchNoteSaves(NoteSaver *saver, Banner *notSaved);
    TagsEdit *tagsEdit() const { return m_tags; }
    QSplitter *splitter() const { return m_splitter; }
    void focusNote();
    void focusTags();
    void flushNote();
    // The library's tags, offered while typing in the tags field.
    void setKnownTags(const QStringList &tags);
    // Words of the search on screen, marked in the title, authors, abstract and summary.
    void setHighlightTerms(const QStringList &terms);
    // The recorded versions of `arxivId` (VersionsController); ignored when another paper is
    // shown by then.
    void showVersions(const QString &arxivId, const QList<PaperVersion> &versions);
    // Why the ranking placed the paper where it is: the terms that raised its score most;
    // empty hides the line. Cleared when another paper is shown.
    void setWhy(const QStringList &terms);
    QString whyText() const;
    // These papers got their first code link since the window opened: their code line says
    // so ("New code link") while the window is open.
    void markNewCodeLinks(const QList<paperboy::CodeLinkArrival> &arrivals)
    {
        for (const CodeLinkArrival &arrival : arrivals)
            m_newCodeLinks.insert(arrival.arxivId);
        if (hasPaper() && m_newCodeLinks.contains(m_view.paper.arxivId))
            showPaper(m_view);
    }

    // A line of another feature's under the links (the kept PDF's, ui/pdf/).
    void addHeaderLine(QWidget *line)
    {
        const auto *anchor = findChild<QWidget *>(QStringLiteral("codeWarningLabel"));
        if (auto *layout = qobject_cast<QBoxLayout *>(anchor->parentWidget()->layout()))
            layout->addWidget(line);
    }

    // The paper's links; empty when there is none (code) or it may not be opened.
    QUrl abstractUrl() const;
    QUrl pdfLink() const;
    QUrl codeUrl() const;
    QString codeText() const; // the code link exactly as the data gives it
    QUrl projectUrl() const;

signals:
    // Another paper is on screen (not emitted when the same paper is refreshed).
    void paperShown(const QString &arxivId);
    void starToggled(const QString &arxivId, bool starred);
    void openRequested(const QUrl &url);
    void copyRequested(const QString &text, const QString &what);
    void noteEdited(const QString &arxivId, const QString &note);
    // The reader asked for the earlier versions of the shown paper's note.
    void noteHistoryRequested(const QString &arxivId);
    void tagsEdited(const QString &arxivId, const QStringList &tags);
    void abstractLanguageChanged(paperboy::AbstractLanguage language);
    // The Translate button: the paper on screen, into Chinese; `again` forces a new machine
    // translation ("Translate Again").
    void translateRequested(bool again);
    // The user saved their own Chinese; an empty field leaves that field to the digest or the
    // machine.
    void translationEdited(const QString &arxivId, const QString &title, const QString &abstract);
    void followToggled(const QString &author, bool follow);
    void moreLikeThisRequested(const QString &arxivId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildAbstract();
    QWidget *buildNotes();
    QPushButton *linkButton(const QString &objectName, const QString &text,
                            std::function<QUrl()> url);
    void updateAbstract();
    void updateTexts();
    void updateColours();
    void commitTags();
    void showStar(bool starred);
    void editTranslation();

    PaperView m_view;
    AbstractLanguage m_language = AbstractLanguage::Both;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QSplitter *m_splitter = nullptr;
    QScrollArea *m_scroll = nullptr;
    QToolButton *m_star = nullptr;
    MathTextView *m_title = nullptr;
    MathTextView *m_chineseTitle = nullptr;
    QLabel *m_authors = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_comment = nullptr;
    QLabel *m_journal = nullptr;
    VersionView *m_versions = nullptr;
    QLabel *m_why = nullptr;
    FollowButton *m_follow = nullptr;
    QPushButton *m_moreLikeThis = nullptr;
    QPushButton *m_openAbstract = nullptr;
    QPushButton *m_openPdf = nullptr;
    QPushButton *m_openCode = nullptr;
    QPushButton *m_openProject = nullptr;
    QLabel *m_codeText = nullptr;
    QLabel *m_codeWarning = nullptr;
    QComboBox *m_languageBox = nullptr;
    MathTextView *m_abstractEnglish = nullptr;
    MathTextView *m_abstractChinese = nullptr;
    QLabel *m_abstractNote = nullptr;
    TranslationBar *m_translation = nullptr;
    AiSummaryView *m_aiSummary = nullptr;
    NotePanel *m_notePanel = nullptr;
    NoteEditor *m_note = nullptr;
    TagsEdit *m_tags = nullptr;
    QStringList m_highlight;
    QSet<QString> m_newCodeLinks; // arXiv ids, markNewCodeLinks()
};

} // namespace paperboy
