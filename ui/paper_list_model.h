#pragma once

// The papers of the current list, as loaded from the store, in digest order. Edits made in
// the window (star, read, note) are patched into the rows in place, so the view keeps its
// selection and scroll position.

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

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    template <typename Edit> void editRow(const QString &arxivId, Edit edit);

    QList<PaperView> m_papers;
};

} // namespace paperboy
