#include "tags/tags_edit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStringListModel>

namespace paperboy {

TagsEdit::TagsEdit(QWidget *parent) : QLineEdit(parent)
{
    m_model = new QStringListModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setObjectName(QStringLiteral("tagsCompleter"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    // Not setCompleter(): that would complete the whole line, not the tag being typed.
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &TagsEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &TagsEdit::offerCompletions);
}

void TagsEdit::setKnownTags(const QStringList &tags)
{
    if (tags == m_known)
        return;
    m_known = tags;
    m_model->setStringList(tags);
}

QStringList TagsEdit::parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = raw.simplified();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QStringList TagsEdit::tags() const
{
    return parseTags(text());
}

std::pair<int, int> TagsEdit::currentWord() const
{
    const QString value = text();
    const int cursor = cursorPosition();
    int start = int(value.lastIndexOf(QLatin1Char(','), cursor - 1)) + 1;
    while (start < cursor && value.at(start).isSpace())
        ++start;
    int end = int(value.indexOf(QLatin1Char(','), cursor));
    if (end < 0)
        end = int(value.size());
    return {start, end - start};
}

void TagsEdit::offerCompletions()
{
    const auto [start, length] = currentWord();
    const QString word = text().mid(start, cursorPosition() - start);
    if (word.trimmed().isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    // Tags the paper already has are not offered again.
    const QStringList present = tags();
    QStringList offered;
    for (const QString &tag : std::as_const(m_known))
        if (!present.contains(tag) || tag.compare(word, Qt::CaseInsensitive) == 0)
            offered.append(tag);
    if (offered != m_model->stringList())
        m_model->setStringList(offered);
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete(cursorRect());
}

void TagsEdit::insertCompletion(const QString &tag)
{
    const auto [start, length] = currentWord();
    QString value = text();
    value.replace(start, length, tag);
    setText(value);
    setCursorPosition(start + int(tag.size()));
}

void TagsEdit::keyPressEvent(QKeyEvent *event)
{
    // While the list is open these keys belong to it (QCompleter handles them).
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace paperboy
