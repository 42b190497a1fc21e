#include "sync/local_apply.h"

#include "store/note_history.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace paperboy::sync {

namespace {

QJsonObject objectOf(const std::optional<QString> &value)
{
    return value ? QJsonDocument::fromJson(value->toUtf8()).object() : QJsonObject();
}

// The part of a "id U+001F rest" key after the separator.
QString restOf(const QString &key)
{
    return key.section(QChar(0x1f), 1);
}

} // namespace

bool LocalApplier::applyPaperState(const QString &kind, const QString &id,
                                   const std::optional<QString> &value, const QString &when)
{
    std::optional<UserPaperRows> stored;
    if (!m_writer.readPaper(id, &stored))
        return false;
    UserPaperRows row = stored.value_or(UserPaperRows{});
    row.id = id;
    const QString previousNote = row.note.value_or(QString());
    if (kind == kStar) {
        row.starred = value.has_value();
        row.starredChanged = when;
    } else if (kind == kRead) {
        row.read = value.has_value();
        row.readChanged = when;
    } else {
        row.note = value;
        row.noteChanged = when;
    }
    return m_writer.writePaperState(row, stored.has_value(), previousNote, NoteChange::Sync, when);
}

bool LocalApplier::keepLosingNote(const QString &id, const QString &text, const QString &when)
{
    if (text.isEmpty())
        return true;
    bool added = false;
    return m_writer.addNoteVersion(id, {text, when, noteChangeName(NoteChange::Sync)}, &added);
}

bool LocalApplier::apply(const ItemChange &change, const QString &when)
{
    const QString &kind = change.item.kind;
    const QString &key = change.item.key;
    const std::optional<QString> &value = change.value;
    bool done = false; // whether a row was added or removed; not needed here
    if (kind == kStar || kind == kRead || kind == kNote)
        return applyPaperState(kind, key, value, when);
    if (kind == kTag) {
        const QString id = paperIdOf(change.item);
        return value ? m_writer.addTag(id, {restOf(key), when}, &done)
                     : m_writer.removeTag(id, restOf(key), &done);
    }
    if (kind == kSavedSearch) {
        if (!value)
            return m_writer.removeSavedSearch(key, &done);
        std::optional<SavedSearchRow> stored;
        return m_writer.readSavedSearch(key, &stored) &&
               m_writer.writeSavedSearch({key, *value, when}, stored.has_value());
    }
    if (kind == kDismissal)
        return m_writer.writeDismissal({key, value.has_value(), when});
    if (kind == kFollow) {
        if (value)
            return m_writer.writeFollow(key, {*value, true, when});
        std::optional<FollowRow> stored;
        if (!m_writer.readFollow(key, &stored))
            return false;
        return !stored || m_writer.writeFollow(key, {stored->name, false, when});
    }
    if (kind == kRule) {
        const QJsonObject rule = objectOf(value);
        return value ? m_writer.writeRule({key, rule.value(QStringLiteral("query")).toString(),
                                           rule.value(QStringLiteral("action")).toString(),
                                           rule.value(QStringLiteral("tag")).toString(), when})
                     : m_writer.removeRule(key, &done);
    }
    if (kind == kSavedTrend) {
        const QJsonObject trend = objectOf(value);
        if (!value)
            return m_writer.removeSavedTrend(key, &done);
        QStringList queries;
        for (const QJsonValue &query : trend.value(QStringLiteral("queries")).toArray())
            queries.append(query.toString());
        return m_writer.writeSavedTrend({trend.value(QStringLiteral("name")).toString(), queries,
                                         trend.value(QStringLiteral("per")).toString(),
                                         trend.value(QStringLiteral("share")).toBool(),
                                         trend.value(QStringLiteral("from")).toString(),
                                         trend.value(QStringLiteral("to")).toString(), when});
    }
    if (kind == kTranslation) {
        const QString id = paperIdOf(change.item);
        const QJsonObject text = objectOf(value);
        return value ? m_writer.writeTranslation(
                           id, {restOf(key), text.value(QStringLiteral("title")).toString(),
                                text.value(QStringLiteral("abstract")).toString(), when})
                     : m_writer.removeTranslation(id, restOf(key), &done);
    }
    if (kind == kAdded) // there is no un-adding: an absent value changes nothing here
        return !value || m_writer.mergeAdded({key, when}, &done);
    return true; // a kind from a newer Paperboy: kept on the server, left alone here
}

} // namespace paperboy::sync
