#include "trends/saved_trends_bar.h"

#include "library/library.h"
#include "library/user_data.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

SavedTrendsBar::SavedTrendsBar(Library *library, std::function<SavedTrend()> current,
                               QWidget *parent)
    : QWidget(parent), m_library(library), m_current(std::move(current)),
      m_picker(new QComboBox(this)), m_save(new QPushButton(tr("Sa&ve Trend…"), this)),
      m_delete(new QPushButton(tr("&Delete"), this))
{
    m_picker->setObjectName(QStringLiteral("trendSavedTrends"));
    m_save->setObjectName(QStringLiteral("trendSaveButton"));
    m_save->setToolTip(tr("Keep these searches and settings by name, beside the saved searches"));
    m_delete->setObjectName(QStringLiteral("trendDeleteButton"));
    m_delete->setToolTip(tr("Delete the saved trend on screen (the chart stays)"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_save, 1);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picker);
    layout->addLayout(buttons);

    connect(m_picker, &QComboBox::activated, this, [this](int index) {
        if (m_filling || index <= 0)
            return;
        open(m_picker->itemText(index));
    });
    connect(m_save, &QPushButton::clicked, this, &SavedTrendsBar::askName);
    connect(m_delete, &QPushButton::clicked, this, &SavedTrendsBar::removeOpened);
    if (library) {
        if (UserData *user = library->userData())
            connect(user, &UserData::committed, this, [this](UserFields fields) {
                if (fields & UserField::SavedTrends)
                    reload();
            });
        connect(library, &Library::changedOutside, this, &SavedTrendsBar::reload);
    }
    fill();
    reload();
}

bool SavedTrendsBar::open(const QString &name)
{
    for (const SavedTrend &trend : std::as_const(m_trends)) {
        if (trend.name.compare(name.simplified(), Qt::CaseInsensitive) != 0)
            continue;
        emit loadRequested(trend);
        m_opened = trend.name; // after the load: its edits leave() the one before
        fill();
        emit message(tr("Saved trend “%1”.").arg(trend.name));
        return true;
    }
    return false;
}

void SavedTrendsBar::saveAs(const QString &name)
{
    const QString simplified = name.simplified();
    if (simplified.isEmpty() || !m_library || !m_library->userData())
        return;
    SavedTrend trend = m_current();
    trend.name = simplified;
    bool exists = false;
    for (const SavedTrend &saved : std::as_const(m_trends))
        exists = exists || saved.name.compare(simplified, Qt::CaseInsensitive) == 0;
    m_library->userData()->saveTrend(trend);
    m_opened = simplified;
    emit message(exists ? tr("Replaced the saved trend “%1”.").arg(simplified)
                        : tr("Saved the trend as “%1”.").arg(simplified));
    updateButtons();
}

void SavedTrendsBar::removeOpened()
{
    if (m_opened.isEmpty() || !m_library || !m_library->userData())
        return;
    m_library->userData()->removeTrend(m_opened);
    emit message(tr("Deleted the saved trend “%1”; Save Trend… keeps it again.").arg(m_opened));
    m_opened.clear();
    updateButtons();
}

void SavedTrendsBar::leave()
{
    if (m_opened.isEmpty())
        return;
    m_opened.clear();
    fill();
}

void SavedTrendsBar::reload()
{
    if (!m_library)
        return;
    m_library->read(
        this, [](Store &store) { return SavedTrends(store).list(); },
        [this](const QList<SavedTrend> &trends) {
            m_trends = trends;
            fill();
            emit listed();
        });
}

void SavedTrendsBar::askName()
{
    const SavedTrend trend = m_current();
    if (trend.queries.isEmpty()) {
        emit message(tr("Type a search first: a trend keeps its searches."));
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("saveTrendDialog"));
    dialog->setWindowTitle(tr("Save Trend"));
    dialog->setLabelText(tr("Name for this trend (a saved trend of the same name is replaced):"));
    dialog->setTextValue(m_opened.isEmpty() ? trend.queries.join(QStringLiteral(", ")).left(40)
                                            : m_opened);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, &SavedTrendsBar::saveAs);
    dialog->open();
}

void SavedTrendsBar::fill()
{
    m_filling = true;
    m_picker->clear();
    m_picker->addItem(m_trends.isEmpty() ? tr("No saved trends") : tr("Open a saved trend…"));
    int current = 0;
    for (const SavedTrend &trend : std::as_const(m_trends)) {
        m_picker->addItem(trend.name);
        if (trend.name.compare(m_opened, Qt::CaseInsensitive) == 0)
            current = m_picker->count() - 1;
    }
    m_picker->setCurrentIndex(current);
    m_picker->setEnabled(!m_trends.isEmpty());
    m_filling = false;
    updateButtons();
}

void SavedTrendsBar::updateButtons()
{
    m_delete->setEnabled(!m_opened.isEmpty());
}

} // namespace paperboy
