#include "search/search_controller.h"

#include "common/settings.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace paperboy {

SearchController::SearchController(Library *library, QWidget *window)
    : QObject(window), m_library(library), m_window(window)
{
    QSettings settings;
    m_byRelevance = settings::searchByRelevance.value(settings);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchController::fire);
}

void SearchController::setByRelevance(bool byRelevance)
{
    if (byRelevance == m_byRelevance)
        return;
    m_byRelevance = byRelevance;
    QSettings settings;
    settings::searchByRelevance.setValue(settings, byRelevance);
    emit orderChanged(byRelevance);
}

void SearchController::onTextEdited(const QString &text)
{
    m_library->cancelSearch();
    m_pending = text;
    m_debounce.start();
}

void SearchController::searchNow(const QString &text)
{
    m_debounce.stop();
    m_pending = text;
    fire();
}

void SearchController::fire()
{
    const QString text = m_pending.trimmed();
    if (text.isEmpty()) {
        emit searchCleared();
        return;
    }
    emit searchRequested(ListSource::search(m_pending, m_byRelevance));
}

void SearchController::askToSave(const QString &query)
{
    if (query.trimmed().isEmpty())
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("saveSearchDialog"));
    dialog->setWindowTitle(tr("Save Search"));
    dialog->setLabelText(tr("Name for the search \"%1\":").arg(query));
    dialog->setTextValue(query.simplified().left(40));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, query](const QString &name) {
        const QString trimmed = name.simplified();
        if (trimmed.isEmpty())
            return;
        // The name may be taken since the sidebar was last read (another window, the command
        // line): the file says, not the sidebar.
        m_library->read(
            this,
            [trimmed](Store &store) {
                for (const SavedSearch &saved : SmartViews(store).savedSearches())
                    if (saved.name == trimmed)
                        return saved.query;
                return QString();
            },
            [this, trimmed, query](const QString &existing) {
                if (existing.isEmpty() || existing == query)
                    save(trimmed, query);
                else
                    askToReplace(trimmed, existing, query);
            });
    });
    dialog->open();
}

void SearchController::askToReplace(const QString &name, const QString &existing,
                                    const QString &query)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Replace Saved Search"),
                                tr("A saved search named \"%1\" already exists:\n%2\n\nReplace "
                                   "it with this search?\n%3")
                                    .arg(name, existing, query),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("replaceSavedSearchDialog"));
    box->setTextFormat(Qt::PlainText); // the queries are the user's text, shown as typed
    QPushButton *replace = box->addButton(tr("Replace"), QMessageBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replaceSavedSearchButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, replace, name, query] {
        if (box->clickedButton() == replace)
            save(name, query);
    });
    box->open();
}

void SearchController::save(const QString &name, const QString &query)
{
    m_library->saveSearch(name, query);
    emit message(tr("Saved the search as \"%1\".").arg(name), false);
}

void SearchController::askToRename(const QString &name)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("renameSavedSearchDialog"));
    dialog->setWindowTitle(tr("Rename Saved Search"));
    dialog->setLabelText(tr("New name for \"%1\":").arg(name));
    dialog->setTextValue(name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, name](const QString &to) {
        const QString trimmed = to.simplified();
        if (trimmed.isEmpty() || trimmed == name)
            return;
        m_library->renameSavedSearch(name, trimmed);
        emit savedSearchRenamed(name, trimmed);
        emit message(tr("Renamed the saved search \"%1\" to \"%2\".").arg(name, trimmed), false);
    });
    dialog->open();
}

void SearchController::askToDelete(const QString &name)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Saved Search"),
                                tr("Delete the saved search \"%1\"? The papers stay as they "
                                   "are.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("deleteSavedSearchDialog"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_library->removeSavedSearch(name);
        emit savedSearchRenamed(name, {});
        emit message(tr("Deleted the saved search \"%1\".").arg(name), false);
    });
    box->open();
}

} // namespace paperboy
