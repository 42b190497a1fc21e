#pragma once

// The papers of the current list, as loaded from the store, in digest order. Changes of the
// reader's data (UserData's change signal, from this window or another process) are patched
// into the rows in place, so the view keeps its selection and scroll position.

#include "core/paper.h"
#include "library/rank_service.h"
#include "library/user_state_change.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace paperboy {

class PaperListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        ChineseTitleRole,
        AuthorsRole, // short form, "A, B, C et al."
        PrimaryCategoryRole,
        CategoriesRole, // QStringList
        StarredRole,
        ReadRole,
        HasCodeRole,
        HasNoteRole,
        PositionRole,
        UpvotesRole,   // int, -1 when unknown
        CodeStarsRole, // int, -1 when unknown
        TagsRole,      // QStringList
        // Reading less (issue #16):
        ScoreRole,        // double, the ranking's score; invalid until the list is scored
        RankFractionRole, // double in [0, 1]: 1 for the list's best paper, 0 for its worst
        WhyRole,          // QStringList: the terms that raised the score most
        DismissedRole,    // "not interested"
        FollowedRole,     // QStringList: the paper's authors the reader follows
        HighlightedRole,  // a highlight rule marked it
        // Issue #21: the pages of the kept PDF holding the search's words ("2, 5"), empty
        // when none.
        PdfPagesRole,
    };

    explicit PaperListModel(QObject *parent = nullptr);

    void setPapers(const QList<PaperView> &papers);
    const QList<PaperView> &papers() const { return m_papers; }
    const PaperView *paperAt(int row) const;
    int rowOf(const QString &arxivId) const;

    // The rows of the changed papers take their new stars, read marks, notes and tags.
    void applyUserChange(const paperboy::UserStateChange &change);
    // Scores of the listed papers (a list is scored after it is shown); cleared by setPapers.
    void setRanks(const PaperRanks &ranks);
    const PaperRanks &ranks() const { return m_ranks; }
    // The pages of the listed papers' kept PDFs holding the search's words (PdfPagesRole);
    // cleared by setPapers.
    void setPdfPages(const QHash<QString, QList<int>> &pages);
    bool hasRanks() const { return !m_ranks.isEmpty(); }
    // Takes a paper out of the list (For you after "not interested"); -1 when not listed.
    int removePaper(const QString &arxivId, PaperView *removed = nullptr);
    // Puts it back at `row` (undo).
    void insertPaper(int row, const PaperView &view);
    // Only the rows in [first, last] are handed to views at first; the rest follow as views
    // scroll (canFetchMore/fetchMore), so a long Unread view opens as fast as a day.
    static constexpr int kBatchSize = 2000;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Makes every row available (a filter or a jump to an id needs them all).
    void fetchAll();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reindex(); // m_rows after the list changed

    QList<PaperView> m_papers;
    QHash<QString, int> m_rows; // arXiv id -> row, over every paper (shown or not yet)
    PaperRanks m_ranks;
    QHash<QString, double> m_fractions; // RankFractionRole by arXiv id
    QHash<QString, QString> m_pdfPages; // PdfPagesRole by arXiv id
    int m_shown = 0;                    // rows handed to views so far
};

} // namespace paperboy
