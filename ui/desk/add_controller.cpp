#include "desk/add_controller.h"

#include "common/settings.h"
#include "core/paper_reference.h"
#include "library/library.h"
#include "paperlist/list_controller.h"
#include "store/store_thread.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSettings>
#include <QUrl>
#include <QWidget>

#include <memory>

namespace paperboy {

AddController::AddController(Library *library, ListController *lists, QWidget *window)
    : QObject(window), m_library(library), m_lists(lists), m_window(window)
{
    setObjectName(QStringLiteral("addController"));
}

QString AddController::referenceText(const QMimeData *mime)
{
    if (!mime)
        return {};
    QStringList pieces;
    for (const QUrl &url : mime->urls())
        if (!url.isLocalFile())
            pieces.append(url.toString());
    if (!pieces.isEmpty())
        return pieces.join(QLatin1Char('\n'));
    return mime->hasText() ? mime->text() : QString();
}

bool AddController::holdsReference(const QMimeData *mime)
{
    return !parsePaperReferences(referenceText(mime)).papers.isEmpty();
}

void AddController::pasteFromClipboard()
{
    addFromMime(QGuiApplication::clipboard()->mimeData());
}

void AddController::addFromMime(const QMimeData *mime)
{
    addFromText(referenceText(mime));
}

void AddController::addFromText(const QString &text)
{
    const ReferenceList references = parsePaperReferences(text);
    if (references.papers.isEmpty()) {
        const QString shown = text.simplified().left(80);
        emit message(shown.isEmpty()
                         ? tr("Nothing to add: the clipboard holds no arXiv id or link.")
                         : tr("Nothing to add: “%1” is not an arXiv paper (an id like "
                              "2401.01234, or an arxiv.org, alphaxiv.org or huggingface.co/papers "
                              "link).")
                               .arg(shown),
                     true);
        return;
    }
    if (isRunning()) {
        emit message(tr("Still adding the papers pasted before; try again in a moment."), true);
        return;
    }
    QStringList ids;
    for (const PaperReference &reference : references.papers)
        ids.append(reference.id);
    delete m_adder;
    QSettings settings;
    m_adder = new PaperAdder(settings::fetchSettings(settings),
                             FetchStorage::onThread(m_library->writerThread()), this);
    m_adder->setObjectName(QStringLiteral("paperAdder"));
    connect(m_adder, &PaperAdder::progress, this, [this](int done, int total, const QString &) {
        emit message(tr("Adding papers: asking arXiv (%1 of %2)…").arg(done).arg(total), false);
    });
    const QStringList refused = references.refusedPieces;
    connect(m_adder, &PaperAdder::finished, this,
            [this, refused](const AddSummary &summary) { onFinished(summary, refused); });
    emit message(tr("Adding %n paper(s)…", nullptr, int(ids.size())), false);
    m_adder->start(ids);
}

void AddController::onFinished(const AddSummary &summary, const QStringList &refused)
{
    const QStringList ids = summary.toMark();
    QStringList problems;
    if (!summary.unknown.isEmpty())
        problems.append(tr("unknown to arXiv: %1").arg(summary.unknown.join(QStringLiteral(", "))));
    if (!summary.failed.isEmpty())
        problems.append(summary.offline ? tr("arXiv could not be reached for %1")
                                              .arg(summary.failed.join(QStringLiteral(", ")))
                                        : tr("not fetched: %1 (%2)")
                                              .arg(summary.failed.join(QStringLiteral(", ")),
                                                   summary.errors.join(QStringLiteral("; "))));
    if (!refused.isEmpty())
        problems.append(tr("not arXiv papers: %1").arg(refused.join(QStringLiteral(", "))));
    if (ids.isEmpty()) {
        emit message(tr("Nothing added: %1.").arg(problems.join(QStringLiteral("; "))), true);
        return;
    }
    UserData *user = m_library->userData();
    // The Added view is read once the mark is written, so the papers are in it.
    // Writes commit in order: the first Added commit from now on is this one.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(user, &UserData::committed, this, [this, ids, connection](UserFields fields) {
            if (!(fields & UserField::Added))
                return;
            disconnect(*connection);
            m_lists->showAndSelect(ListSource::view(ListKind::Added), ids.first());
            emit added(ids);
        });
    user->markAdded(ids);
    QString text = tr("Added %n paper(s).", nullptr, int(ids.size()));
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + tr("Not added: %1.").arg(problems.join(QStringLiteral("; ")));
    emit message(text, !problems.isEmpty());
}

} // namespace paperboy
