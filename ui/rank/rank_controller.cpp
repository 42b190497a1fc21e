#include "rank/rank_controller.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "fetch/fetch_controller.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "rank/rule_dialog.h"
#include "sidebar/views_panel.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

namespace paperboy {

namespace {

QAction *makeAction(QWidget *window, const char *objectName, const QString &text,
                    const QKeySequence &key = {})
{
    auto *action = new QAction(text, window);
    action->setObjectName(QLatin1String(objectName));
    // As ReaderActions does: Qt's own default keeps the "(X)" of a Chinese "撤销(&X)".
    action->setToolTip(withoutAccelerator(text));
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

bool leavesList(ListKind kind)
{
    return kind == ListKind::ForYou || kind == ListKind::Similar;
}

} // namespace

RankController::RankController(const RankParts &parts)
    : QObject(parts.window), m_parts(parts), m_library(parts.library)
{
    QMainWindow *window = parts.window;
    m_notInterested =
        makeAction(window, "notInterestedAction", tr("&Not Interested"), QKeySequence(Qt::Key_X));
    m_notInterested->setToolTip(tr("Hide from For You and rank papers like it lower"));
    m_undo = makeAction(window, "undoAction", tr("&Undo Not Interested"), QKeySequence::Undo);
    m_undo->setEnabled(false);
    m_moreLikeThis =
        makeAction(window, "moreLikeThisAction", tr("&More Like This"), QKeySequence(Qt::Key_M));
    m_sortForYou = makeAction(window, "sortForYouAction", tr("Sort Best &First for You"));
    m_sortForYou->setCheckable(true);
    m_sortForYou->setToolTip(tr("Order any list by what you starred"));
    m_hideRead = makeAction(window, "hideReadAction", tr("&Hide Read Papers"));
    m_hideRead->setCheckable(true);

    // Beside the other commands on a paper, and a View menu for the list's toggles.
    if (auto *paper = window->menuBar()->findChild<QMenu *>(QStringLiteral("paperMenu"))) {
        paper->addSeparator();
        paper->addActions({m_notInterested, m_undo, m_moreLikeThis});
    }
    QMenu *view = new QMenu(tr("&View"), window->menuBar());
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({m_sortForYou, m_hideRead});
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.size() > 1 ? menus.at(menus.size() - 1) : nullptr, view);

    PaperListPanel *list = parts.list;
    DetailPane *detail = parts.detail;
    connect(m_notInterested, &QAction::triggered, this, &RankController::dismissSelected);
    connect(m_undo, &QAction::triggered, this, &RankController::undo);
    connect(m_moreLikeThis, &QAction::triggered, this, [this, detail] {
        if (detail->hasPaper())
            emit listRequested(ListSource::similar(detail->paper().paper.arxivId));
    });
    connect(detail, &DetailPane::moreLikeThisRequested, this,
            [this](const QString &id) { emit listRequested(ListSource::similar(id)); });
    connect(m_sortForYou, &QAction::toggled, this, [this, list](bool on) {
        list->filterModel()->setSortByScore(on);
        if (on && !list->model()->hasRanks())
            onListLoaded(m_parts.currentSource(), list->model()->papers(), {});
    });
    connect(m_hideRead, &QAction::toggled, list->filterModel(), &PaperFilterModel::setHideRead);
    connect(detail, &DetailPane::followToggled, this, [this](const QString &author, bool follow) {
        m_library->userData()->setFollowed(author, follow);
        status(follow ? tr("Following %1: their papers are marked in every list.").arg(author)
                      : tr("No longer following %1.").arg(author));
    });
    connect(m_library, &Library::listLoaded, this, &RankController::onListLoaded);
    connect(list, &PaperListPanel::currentPaperChanged, this, &RankController::showWhy);
    connect(parts.views, &ViewsPanel::ruleRequested, this, &RankController::editRule);
    // New papers get their vectors on the ranking's thread (imports do it in Library).
    connect(parts.fetch, &FetchController::fetchFinished, this,
            [this](const FetchSummary &summary) {
                if (summary.papersStored > 0)
                    m_library->ranking().updateIndex();
            });
    // The user's own Chinese feeds the CJK pairs (store/rank_store.cpp): a trigger marked the
    // paper's vector stale, rebuilt here rather than at the next import.
    connect(m_library->userData(), &UserData::committed, this, [this](UserFields fields) {
        if (fields & UserField::Translation)
            m_library->ranking().updateIndex();
    });
    auto enable = [this, detail] {
        m_notInterested->setEnabled(detail->hasPaper());
        m_moreLikeThis->setEnabled(detail->hasPaper());
    };
    connect(list, &PaperListPanel::currentPaperChanged, this, enable);
    enable();

    // The two toggles are the reader's way of reading: they stay as left.
    const QSettings settings;
    m_sortForYou->setChecked(settings::sortForYou.value(settings));
    m_hideRead->setChecked(settings::hideRead.value(settings));
}

void RankController::saveSettings(QSettings &settings) const
{
    settings::sortForYou.setValue(settings, m_sortForYou->isChecked());
    settings::hideRead.setValue(settings, m_hideRead->isChecked());
}

void RankController::status(const QString &text, bool isError)
{
    m_parts.showStatus(text, isError);
}

void RankController::onListLoaded(const ListSource &source, const QList<PaperView> &papers,
                                  const ListResult &result)
{
    if (source != m_parts.currentSource())
        return;
    PaperListPanel *list = m_parts.list;
    if (source.kind == ListKind::ForYou && result.error.isEmpty()) {
        const RankStatus &rank = result.rankStatus;
        if (rank.fewPositives()) {
            const QString hint =
                tr("For You learns from your stars: star at least %1 papers you liked "
                   "(%2 so far), and press X on those you do not want.")
                    .arg(RankStatus::kFewPositives)
                    .arg(rank.positives);
            list->setEmptyMessage(hint);
            status(hint);
        }
    }
    if (leavesList(source.kind)) {
        applyRanks(result.ranks);
        return;
    }
    // Any other list is scored once it is on screen; a newer list overtakes the request.
    const quint64 request = ++m_scoreRequest;
    if (papers.isEmpty())
        return;
    m_library->scoreList(this, papers, [this, source, request](RankedPapers ranked) {
        if (request != m_scoreRequest || source != m_parts.currentSource())
            return;
        applyRanks(ranked.ranks);
    });
}

void RankController::applyRanks(const PaperRanks &ranks)
{
    PaperListPanel *list = m_parts.list;
    list->model()->setRanks(ranks);
    if (m_sortForYou->isChecked()) {
        list->model()->fetchAll();
        list->filterModel()->invalidate();
    }
    showWhy();
    emit listScored(int(ranks.size()));
}

void RankController::showWhy()
{
    DetailPane *detail = m_parts.detail;
    if (!detail->hasPaper())
        return;
    const auto &ranks = m_parts.list->model()->ranks();
    const auto it = ranks.constFind(detail->paper().paper.arxivId);
    detail->setWhy(it == ranks.constEnd() ? QStringList() : it->why);
}

void RankController::dismissSelected()
{
    PaperListPanel *list = m_parts.list;
    const QList<PaperView> papers = list->selectedPapers();
    if (papers.isEmpty())
        return;
    Dismissed dismissed;
    dismissed.source = m_parts.currentSource();
    for (const PaperView &view : papers)
        dismissed.ids.append(view.paper.arxivId);
    m_library->userData()->setDismissed(dismissed.ids, true);
    if (leavesList(dismissed.source.kind)) {
        // The next paper takes the place of the first one dismissed.
        const int firstRow = list->model()->rowOf(dismissed.ids.first());
        for (const QString &id : std::as_const(dismissed.ids)) {
            PaperView removed;
            const int row = list->model()->removePaper(id, &removed);
            if (row >= 0)
                dismissed.rows.append({row, removed});
        }
        // Rows were removed one by one: each later row counted without the earlier ones.
        // Undo inserts them back in the same order, so the numbers fit as they are.
        const int next = qMin(firstRow, list->model()->rowCount() - 1);
        if (next >= 0)
            list->selectId(list->model()->paperAt(next)->paper.arxivId);
        m_parts.setListedCount(int(list->model()->papers().size()));
    }
    // Elsewhere the rows stay and follow UserData's change (a dismissed paper is dimmed).
    status(tr("Not interested: %n papers. Undo with Ctrl+Z.", nullptr, int(dismissed.ids.size())));
    m_lastDismissal = dismissed;
    m_undo->setEnabled(true);
}

void RankController::undo()
{
    if (!m_lastDismissal)
        return;
    const Dismissed dismissed = *std::exchange(m_lastDismissal, std::nullopt);
    m_undo->setEnabled(false);
    PaperListPanel *list = m_parts.list;
    const bool shown = dismissed.source == m_parts.currentSource();
    if (shown) {
        // Back in reverse order, each at the row it left; UserData's change (below) then
        // brings their state up to date like any other row's.
        for (auto it = dismissed.rows.crbegin(); it != dismissed.rows.crend(); ++it)
            list->model()->insertPaper(it->first, it->second);
        if (!dismissed.rows.isEmpty())
            m_parts.setListedCount(int(list->model()->papers().size()));
    }
    m_library->userData()->setDismissed(dismissed.ids, false);
    if (shown)
        list->selectId(dismissed.ids.first());
    status(tr("Undone: %n papers back.", nullptr, int(dismissed.ids.size())));
}

void RankController::editRule(const QString &name, const QString &query)
{
    m_library->read(
        this, [](Store &store) { return store.rules(); },
        [this, name, query](QList<Rule> rules) {
            std::optional<Rule> current;
            for (const Rule &rule : rules)
                if (rule.name == name)
                    current = rule;
            auto *dialog = new RuleDialog(name, query, current, m_parts.window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &RuleDialog::ruleChosen, this, [this, name](const Rule &rule) {
                m_library->saveRule(rule);
                status(tr("Rule saved: new papers found by “%1” will be acted on.").arg(name));
            });
            connect(dialog, &RuleDialog::ruleRemoved, this, [this, name] {
                m_library->removeRule(name);
                status(tr("Rule of “%1” removed.").arg(name));
            });
            dialog->open();
        });
}

} // namespace paperboy
