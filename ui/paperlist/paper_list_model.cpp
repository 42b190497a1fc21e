#include "paperlist/paper_list_model.h"

#include "common/paper_text.h"
#include "common/plain_tool_tip.h"

#include <algorithm>
#include <limits>

namespace paperboy {

PaperListModel::PaperListModel(QObject *parent) : QAbstractListModel(parent) {}

void PaperListModel::setPapers(const QList<PaperView> &papers)
{
    beginResetModel();
    m_papers = papers;
    reindex();
    m_ranks.clear();
    m_fractions.clear();
    m_pdfPages.clear();
    m_shown = int(qMin<qsizetype>(papers.size(), kBatchSize));
    endResetModel();
}

void PaperListModel::setPdfPages(const QHash<QString, QList<int>> &pages)
{
    m_pdfPages.clear();
    for (auto it = pages.cbegin(); it != pages.cend(); ++it) {
        QStringList numbers;
        for (const int page : it.value())
            numbers.append(QString::number(page));
        m_pdfPages.insert(it.key(), numbers.join(QStringLiteral(", ")));
    }
    if (m_shown > 0)
        emit dataChanged(index(0), index(m_shown - 1));
}

bool PaperListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_shown < m_papers.size();
}

void PaperListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = int(qMin<qsizetype>(m_papers.size() - m_shown, kBatchSize));
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}

void PaperListModel::fetchAll()
{
    while (canFetchMore({}))
        fetchMore({});
}

const PaperView *PaperListModel::paperAt(int row) const
{
    return row >= 0 && row < m_shown ? &m_papers[row] : nullptr;
}

int PaperListModel::rowOf(const QString &arxivId) const
{
    const int row = m_rows.value(arxivId, -1);
    return row < m_shown ? row : -1;
}

void PaperListModel::applyUserChange(const UserStateChange &change)
{
    for (const UserStateChange::Paper &paper : change.papers) {
        // Rows not yet handed to views are patched too, quietly.
        const int row = m_rows.value(paper.arxivId, -1);
        if (row < 0)
            continue;
        UserStateChange::apply(paper, m_papers[row].user);
        if (row < m_shown) {
            const QModelIndex changed = index(row);
            emit dataChanged(changed, changed);
        }
    }
}

void PaperListModel::setRanks(const PaperRanks &ranks)
{
    m_ranks = ranks;
    m_fractions.clear();
    // The bar shows where the paper's score stands between the lowest and the highest of this
    // list: an SVM's decision values have no fixed scale, but "how close to the best here"
    // reads the same everywhere. (A place in the list made every bar of For You's first
    // screen look full: there the order already says the place.)
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -lowest;
    for (const PaperRank &rank : ranks) {
        lowest = std::min(lowest, rank.score);
        highest = std::max(highest, rank.score);
    }
    for (auto it = ranks.cbegin(); it != ranks.cend(); ++it)
        m_fractions.insert(it.key(),
                           highest > lowest ? (it->score - lowest) / (highest - lowest) : 1.0);
    if (m_shown > 0)
        emit dataChanged(index(0), index(m_shown - 1));
}

int PaperListModel::removePaper(const QString &arxivId, PaperView *removed)
{
    for (int row = 0; row < m_papers.size(); ++row) {
        if (m_papers[row].paper.arxivId != arxivId)
            continue;
        const bool visible = row < m_shown;
        if (visible)
            beginRemoveRows({}, row, row);
        if (removed)
            *removed = m_papers[row];
        m_papers.removeAt(row);
        reindex();
        if (visible) {
            --m_shown;
            endRemoveRows();
        }
        return row;
    }
    return -1;
}

void PaperListModel::insertPaper(int row, const PaperView &view)
{
    row = qBound(0, row, int(m_papers.size()));
    const bool visible = row <= m_shown;
    if (visible)
        beginInsertRows({}, row, row);
    m_papers.insert(row, view);
    reindex();
    if (visible) {
        ++m_shown;
        endInsertRows();
    }
}

void PaperListModel::reindex()
{
    m_rows.clear();
    m_rows.reserve(m_papers.size());
    for (int row = 0; row < m_papers.size(); ++row)
        if (!m_rows.contains(m_papers[row].paper.arxivId)) // lists show each paper once
            m_rows.insert(m_papers[row].paper.arxivId, row);
}

int PaperListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant PaperListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaperView &view = m_papers[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return view.paper.title.isEmpty() ? view.paper.arxivId : readableText(view.paper.title);
    case Qt::ToolTipRole: {
        const QString zh = chineseTitleOf(view);
        return plainToolTip(zh.isEmpty() ? readableText(view.paper.title)
                                         : readableText(view.paper.title) + QLatin1Char('\n') + zh);
    }
    case Qt::AccessibleTextRole:
        return QStringList{view.user.starred ? tr("Starred") : QString(),
                           view.user.read ? QString() : tr("Unread"),
                           readableText(view.paper.title)}
            .join(QLatin1Char(' '))
            .trimmed();
    case IdRole:
        return view.paper.arxivId;
    case ChineseTitleRole:
        return chineseTitleOf(view);
    case AuthorsRole:
        return shortAuthors(view.paper.authors);
    case PrimaryCategoryRole:
        return primaryCategoryOf(view);
    case CategoriesRole:
        return categoriesOf(view);
    case StarredRole:
        return view.user.starred;
    case ReadRole:
        return view.user.read;
    case HasCodeRole:
        return !view.codeUrl().isEmpty();
    case HasNoteRole:
        return !view.user.note.trimmed().isEmpty();
    case PositionRole:
        return view.entry.position;
    case UpvotesRole:
        return view.entry.upvotes;
    case CodeStarsRole:
        return view.paper.codeStars;
    case TagsRole:
        return view.user.tags;
    case ScoreRole: {
        const auto it = m_ranks.constFind(view.paper.arxivId);
        return it == m_ranks.constEnd() ? QVariant() : QVariant(it->score);
    }
    case RankFractionRole: {
        const auto it = m_fractions.constFind(view.paper.arxivId);
        return it == m_fractions.constEnd() ? QVariant() : QVariant(*it);
    }
    case WhyRole:
        return m_ranks.value(view.paper.arxivId).why;
    case DismissedRole:
        return view.user.dismissed;
    case FollowedRole:
        return view.user.followedAuthors;
    case HighlightedRole:
        return view.user.highlighted;
    case PdfPagesRole:
        return m_pdfPages.value(view.paper.arxivId);
    }
    return {};
}

QHash<int, QByteArray> PaperListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "arxivId");
    names.insert(TitleRole, "title");
    names.insert(ChineseTitleRole, "chineseTitle");
    names.insert(AuthorsRole, "authors");
    names.insert(PrimaryCategoryRole, "primaryCategory");
    names.insert(StarredRole, "starred");
    names.insert(ReadRole, "read");
    names.insert(HasCodeRole, "hasCode");
    names.insert(HasNoteRole, "hasNote");
    return names;
}

} // namespace paperboy
