#pragma once

// The papers of the current list, as loaded from the store, in digest order. Edits made in
// the window (star, read, note, tags) are patched into the rows in place, so the view keeps
// its selection and scroll position.

#include "core/paper.h"

#include <QAbstractListModel>
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
    };

    explicit PaperListModel(QObject *parent = nullptr);

    void setPapers(const QList<PaperView> &papers);
    const QList<PaperView> &papers() const { return m_papers; }
    const PaperView *paperAt(int row) const;
    int rowOf(const QString &arxivId) const;

    void setStarred(const QString &arxivId, bool starred);
    void setRead(const QString &arxivId, bool read);
    void setNote(const QString &arxivId, const QString &note);
    void setTags(const QString &arxivId, const QStringList &tags);
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
    template <typename Edit> void editRow(const QString &arxivId, Edit edit);

    QList<PaperView> m_papers;
    int m_shown = 0; // rows handed to views so far
};

} // namespace paperboy
