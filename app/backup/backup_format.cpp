#include "backup/backup_format.h"

#include "core/json_values.h"
#include "core/paper.h"
#include "search/saved_trends.h"
#include "store/curation.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <functional>

namespace paperboy {

namespace {

// Collects the first problem found while walking the document.
class Checker
{
public:
    explicit Checker(const QString &fileName) : m_fileName(fileName) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2").arg(m_fileName, what);
    }

    bool boolean(const QJsonObject &object, const char *key, const QString &where)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(QStringLiteral("%1: \"%2\" must be true or false").arg(where, QLatin1String(key)));
        return value.toBool();
    }

    QString timestamp(const QJsonObject &object, const char *key, const QString &where,
                      bool required = false)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if ((value.isUndefined() || value.isNull()) && !required)
            return {};
        if (!value.isString() ||
            !QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid()) {
            fail(QStringLiteral("%1: \"%2\" must be an ISO 8601 date and time")
                     .arg(where, QLatin1String(key)));
            return {};
        }
        return value.toString();
    }

    QString text(const QJsonObject &object, const char *key, const QString &where)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString() || value.toString().isEmpty()) {
            fail(QStringLiteral("%1: \"%2\" must be a non-empty string")
                     .arg(where, QLatin1String(key)));
            return {};
        }
        return value.toString();
    }

    // A string, or null/absent for none.
    QString optionalText(const QJsonObject &object, const char *key, const QString &where)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString())
            fail(QStringLiteral("%1: \"%2\" must be a string or null")
                     .arg(where, QLatin1String(key)));
        return value.toString();
    }

    QJsonArray array(const QJsonObject &object, const char *key, const QString &where)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(QStringLiteral("%1: \"%2\" must be a list").arg(where, QLatin1String(key)));
        return value.toArray();
    }

private:
    QString m_fileName;
    QString m_error;
};

BackupPaper paperFromJson(const QJsonValue &value, int index, Checker &check)
{
    BackupPaper paper;
    const QString where = QStringLiteral("papers[%1]").arg(index);
    if (!value.isObject()) {
        check.fail(QStringLiteral("%1 must be an object").arg(where));
        return paper;
    }
    const QJsonObject object = value.toObject();
    paper.id = check.text(object, "id", where);
    paper.starred = check.boolean(object, "starred", where);
    paper.starredChanged = check.timestamp(object, "starred_changed", where);
    paper.read = check.boolean(object, "read", where);
    paper.readChanged = check.timestamp(object, "read_changed", where);
    const QJsonValue note = object.value(QLatin1String("note"));
    if (note.isString())
        paper.note = note.toString();
    else if (!note.isNull() && !note.isUndefined())
        check.fail(QStringLiteral("%1: \"note\" must be a string or null").arg(where));
    paper.noteChanged = check.timestamp(object, "note_changed", where);
    const QJsonArray tags = check.array(object, "tags", where);
    for (qsizetype t = 0; t < tags.size(); ++t) {
        const QString tagWhere = QStringLiteral("%1.tags[%2]").arg(where).arg(t);
        const QJsonObject tag = tags.at(t).toObject();
        if (!tags.at(t).isObject()) {
            check.fail(QStringLiteral("%1 must be an object").arg(tagWhere));
            break;
        }
        paper.tags.append(
            {check.text(tag, "tag", tagWhere), check.timestamp(tag, "added", tagWhere, true)});
    }
    // Version 2: the earlier texts of the note.
    const QJsonArray history = check.array(object, "note_history", where);
    for (qsizetype h = 0; h < history.size(); ++h) {
        const QString versionWhere = QStringLiteral("%1.note_history[%2]").arg(where).arg(h);
        if (!history.at(h).isObject()) {
            check.fail(QStringLiteral("%1 must be an object").arg(versionWhere));
            break;
        }
        const QJsonObject version = history.at(h).toObject();
        paper.noteHistory.append({check.text(version, "text", versionWhere),
                                  check.timestamp(version, "replaced_at", versionWhere, true),
                                  check.text(version, "by", versionWhere)});
    }
    // Version 3: the user's own translations.
    const QJsonArray translations = check.array(object, "translations", where);
    for (qsizetype t = 0; t < translations.size(); ++t) {
        const QString trWhere = QStringLiteral("%1.translations[%2]").arg(where).arg(t);
        if (!translations.at(t).isObject()) {
            check.fail(QStringLiteral("%1 must be an object").arg(trWhere));
            break;
        }
        const QJsonObject tr = translations.at(t).toObject();
        BackupTranslation translation;
        translation.language = check.text(tr, "language", trWhere);
        translation.title = check.optionalText(tr, "title", trWhere);
        translation.abstract = check.optionalText(tr, "abstract", trWhere);
        translation.changed = check.timestamp(tr, "changed", trWhere, true);
        if (translation.title.isEmpty() && translation.abstract.isEmpty())
            check.fail(QStringLiteral("%1 has neither title nor abstract").arg(trWhere));
        paper.translations.append(translation);
    }
    return paper;
}

// The lists of issue #16, each optional.
void readCurations(const QJsonObject &root, Checker &check, BackupData &data)
{
    auto objects = [&](const char *key,
                       const std::function<void(const QJsonObject &, const QString &)> &read) {
        const QJsonArray list = check.array(root, key, QStringLiteral("backup"));
        for (qsizetype i = 0; i < list.size() && !check.failed(); ++i) {
            const QString where = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            if (!list.at(i).isObject()) {
                check.fail(QStringLiteral("%1 must be an object").arg(where));
                return;
            }
            read(list.at(i).toObject(), where);
        }
    };
    objects("dismissals", [&](const QJsonObject &o, const QString &where) {
        data.dismissals.append({check.text(o, "id", where), check.boolean(o, "dismissed", where),
                                check.timestamp(o, "changed", where, true)});
    });
    objects("followed_authors", [&](const QJsonObject &o, const QString &where) {
        data.followedAuthors.append({check.text(o, "name", where),
                                     check.boolean(o, "followed", where),
                                     check.timestamp(o, "changed", where, true)});
    });
    objects("rules", [&](const QJsonObject &o, const QString &where) {
        BackupRule rule;
        rule.name = check.text(o, "name", where);
        if (!o.value(QLatin1String("query")).isString())
            check.fail(QStringLiteral("%1: \"query\" must be a string").arg(where));
        rule.query = o.value(QLatin1String("query")).toString();
        rule.action = check.text(o, "action", where);
        if (!check.failed() && !ruleActionFromName(rule.action))
            check.fail(QStringLiteral("%1: \"action\" must be tag, star, read, dismiss or "
                                      "highlight")
                           .arg(where));
        if (rule.action == QLatin1String("tag"))
            rule.tag = check.text(o, "tag", where);
        rule.created = check.timestamp(o, "created", where, true);
        data.rules.append(rule);
    });
    objects("highlights", [&](const QJsonObject &o, const QString &where) {
        data.highlights.append({check.text(o, "id", where), check.text(o, "rule", where),
                                check.timestamp(o, "added", where, true)});
    });
    // Version 5 (issue #22).
    objects("saved_trends", [&](const QJsonObject &o, const QString &where) {
        BackupSavedTrend trend;
        trend.name = check.text(o, "name", where);
        const QJsonArray queries = check.array(o, "queries", where);
        for (const QJsonValue &query : queries) {
            if (!query.isString() || query.toString().trimmed().isEmpty()) {
                check.fail(QStringLiteral("%1: \"queries\" must hold searches").arg(where));
                return;
            }
            trend.queries.append(query.toString());
        }
        if (trend.queries.isEmpty() || trend.queries.size() > SavedTrends::kMaxQueries)
            check.fail(QStringLiteral("%1: \"queries\" must hold 1 to %2 searches")
                           .arg(where)
                           .arg(SavedTrends::kMaxQueries));
        trend.per = check.text(o, "per", where);
        if (!check.failed() && !trendPeriodFromName(trend.per))
            check.fail(QStringLiteral("%1: \"per\" must be day, week, month or year").arg(where));
        trend.share = check.boolean(o, "share", where);
        for (const auto &[key, day] : {std::pair{"from", &trend.from}, {"to", &trend.to}}) {
            const QJsonValue value = o.value(QLatin1String(key));
            if (value.isNull() || value.isUndefined())
                continue;
            *day = value.toString();
            if (!QDate::fromString(*day, Qt::ISODate).isValid())
                check.fail(QStringLiteral("%1: \"%2\" must be a day (YYYY-MM-DD) or null")
                               .arg(where, QLatin1String(key)));
        }
        trend.created = check.timestamp(o, "created", where, true);
        data.savedTrends.append(trend);
    });
    // Version 7 (issue #21).
    objects("pdfs", [&](const QJsonObject &o, const QString &where) {
        BackupPdf pdf;
        pdf.id = check.text(o, "id", where);
        const QJsonValue pages = o.value(QLatin1String("pages"));
        const QJsonValue bytes = o.value(QLatin1String("bytes"));
        auto whole = [](const QJsonValue &v) {
            return v.isDouble() && v.toDouble() >= 0 && v.toDouble() == double(v.toInteger());
        };
        if (!pages.isNull() && !pages.isUndefined() && !whole(pages))
            check.fail(QStringLiteral("%1: \"pages\" must be a number >= 0 or null").arg(where));
        else if (whole(pages))
            pdf.pages = int(pages.toInteger());
        if (!whole(bytes))
            check.fail(QStringLiteral("%1: \"bytes\" must be a number >= 0").arg(where));
        pdf.bytes = bytes.toInteger();
        pdf.added = check.timestamp(o, "added", where, true);
        data.pdfs.append(pdf);
    });
    // Version 6 (issue #21).
    objects("papers_added", [&](const QJsonObject &o, const QString &where) {
        BackupAdded added;
        added.id = check.text(o, "id", where);
        QString id;
        int version = 0;
        if (!check.failed() &&
            (!parseArxivId(added.id, &id, &version) || id != added.id || version != 0))
            check.fail(QStringLiteral("%1: \"id\" must be an arXiv id without version, not '%2'")
                           .arg(where, added.id));
        added.addedAt = check.timestamp(o, "added_at", where, true);
        data.papersAdded.append(added);
    });
}

} // namespace

QJsonArray noteHistoryToJson(const QList<NoteHistoryRow> &history)
{
    QJsonArray versions;
    for (const NoteHistoryRow &version : history)
        versions.append(QJsonObject{{QStringLiteral("text"), version.text},
                                    {QStringLiteral("replaced_at"), version.replacedAt},
                                    {QStringLiteral("by"), version.by}});
    return versions;
}

QString backupTimestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

int backupVersionFor(bool hasTranslations, bool hasReadingLess, bool hasSavedTrends, bool hasPdfs,
                     bool hasAddedPapers)
{
    if (hasPdfs)
        return kBackupVersionPdfs;
    if (hasAddedPapers)
        return kBackupVersionAddedPapers;
    if (hasSavedTrends)
        return kBackupVersionSavedTrends;
    if (hasReadingLess)
        return kBackupVersionReadingLess;
    return hasTranslations ? kBackupVersionTranslations : 2;
}

int backupVersionFor(const BackupData &data)
{
    const bool readingLess = !data.dismissals.isEmpty() || !data.followedAuthors.isEmpty() ||
                             !data.rules.isEmpty() || !data.highlights.isEmpty();
    const bool trends = !data.savedTrends.isEmpty();
    const bool pdfs = !data.pdfs.isEmpty();
    const bool added = !data.papersAdded.isEmpty();
    for (const BackupPaper &paper : data.papers)
        if (!paper.translations.isEmpty())
            return backupVersionFor(true, readingLess, trends, pdfs, added);
    return backupVersionFor(false, readingLess, trends, pdfs, added);
}

QJsonObject backupToJson(const BackupData &data)
{
    QJsonArray papers;
    for (const BackupPaper &paper : data.papers) {
        QJsonArray tags;
        for (const BackupTag &tag : paper.tags)
            tags.append(QJsonObject{{QStringLiteral("tag"), tag.tag},
                                    {QStringLiteral("added"), tag.added}});
        QJsonObject object{{QStringLiteral("id"), paper.id},
                           {QStringLiteral("starred"), paper.starred},
                           {QStringLiteral("starred_changed"), textOrNull(paper.starredChanged)},
                           {QStringLiteral("read"), paper.read},
                           {QStringLiteral("read_changed"), textOrNull(paper.readChanged)},
                           {QStringLiteral("note"),
                            paper.note ? QJsonValue(*paper.note) : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("note_changed"), textOrNull(paper.noteChanged)},
                           {QStringLiteral("tags"), tags}};
        // Only where there is one: most papers' notes never changed.
        if (!paper.noteHistory.isEmpty())
            object.insert(QStringLiteral("note_history"), noteHistoryToJson(paper.noteHistory));
        if (!paper.translations.isEmpty()) {
            QJsonArray translations;
            for (const BackupTranslation &t : paper.translations)
                translations.append(
                    QJsonObject{{QStringLiteral("language"), t.language},
                                {QStringLiteral("title"), textOrNull(t.title)},
                                {QStringLiteral("abstract"), textOrNull(t.abstract)},
                                {QStringLiteral("changed"), t.changed}});
            object.insert(QStringLiteral("translations"), translations);
        }
        papers.append(object);
    }
    QJsonArray searches;
    for (const BackupSearch &search : data.savedSearches)
        searches.append(QJsonObject{{QStringLiteral("name"), search.name},
                                    {QStringLiteral("query"), search.query},
                                    {QStringLiteral("created"), search.created}});
    QJsonArray seen;
    for (const BackupSeenVersion &v : data.seenVersions)
        seen.append(QJsonObject{{QStringLiteral("id"), v.id},
                                {QStringLiteral("version"), v.version},
                                {QStringLiteral("seen_at"), v.seenAt}});
    QJsonArray dismissals;
    for (const BackupDismissal &d : data.dismissals)
        dismissals.append(QJsonObject{{QStringLiteral("id"), d.id},
                                      {QStringLiteral("dismissed"), d.dismissed},
                                      {QStringLiteral("changed"), d.changed}});
    QJsonArray follows;
    for (const BackupFollow &f : data.followedAuthors)
        follows.append(QJsonObject{{QStringLiteral("name"), f.name},
                                   {QStringLiteral("followed"), f.followed},
                                   {QStringLiteral("changed"), f.changed}});
    QJsonArray rules;
    for (const BackupRule &r : data.rules)
        rules.append(QJsonObject{{QStringLiteral("name"), r.name},
                                 {QStringLiteral("query"), r.query},
                                 {QStringLiteral("action"), r.action},
                                 {QStringLiteral("tag"), textOrNull(r.tag)},
                                 {QStringLiteral("created"), r.created}});
    QJsonArray highlights;
    for (const BackupHighlight &h : data.highlights)
        highlights.append(QJsonObject{{QStringLiteral("id"), h.id},
                                      {QStringLiteral("rule"), h.rule},
                                      {QStringLiteral("added"), h.added}});
    QJsonArray trends;
    for (const BackupSavedTrend &t : data.savedTrends)
        trends.append(
            QJsonObject{{QStringLiteral("name"), t.name},
                        {QStringLiteral("queries"), QJsonArray::fromStringList(t.queries)},
                        {QStringLiteral("per"), t.per},
                        {QStringLiteral("share"), t.share},
                        {QStringLiteral("from"), textOrNull(t.from)},
                        {QStringLiteral("to"), textOrNull(t.to)},
                        {QStringLiteral("created"), t.created}});
    QJsonArray pdfs;
    for (const BackupPdf &p : data.pdfs)
        pdfs.append(QJsonObject{{QStringLiteral("id"), p.id},
                                {QStringLiteral("pages"), p.pages < 0 ? QJsonValue() : p.pages},
                                {QStringLiteral("bytes"), p.bytes},
                                {QStringLiteral("added"), p.added}});
    QJsonArray added;
    for (const BackupAdded &a : data.papersAdded)
        added.append(
            QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("added_at"), a.addedAt}});
    return {{QStringLiteral("format"), QLatin1String(kBackupFormatName)},
            // Never below what the rows need: a version 2 reader must refuse translations, a
            // version 3 reader dismissals, follows and rules, a version 4 reader saved trends,
            // a version 5 reader added papers.
            {QStringLiteral("version"),
             qMax(data.version, backupVersionFor(data) == 2 ? 1 : backupVersionFor(data))},
            {QStringLiteral("created"), textOrNull(data.created)},
            {QStringLiteral("papers"), papers},
            {QStringLiteral("papers_added"), added},
            {QStringLiteral("saved_searches"), searches},
            {QStringLiteral("saved_trends"), trends},
            {QStringLiteral("seen_versions"), seen},
            {QStringLiteral("dismissals"), dismissals},
            {QStringLiteral("followed_authors"), follows},
            {QStringLiteral("rules"), rules},
            {QStringLiteral("highlights"), highlights},
            {QStringLiteral("pdfs"), pdfs}};
}

std::optional<BackupData> backupFromJson(const QByteArray &bytes, const QString &fileName,
                                         QString *error)
{
    auto refuse = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(fileName, what);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse(QStringLiteral("not valid JSON (%1 at byte %2)")
                          .arg(parseError.errorString())
                          .arg(parseError.offset));
    const QJsonObject root = document.object();
    if (!document.isObject() ||
        root.value(QLatin1String("format")).toString() != QLatin1String(kBackupFormatName))
        return refuse(QStringLiteral("not a Paperboy backup (no \"format\": \"%1\")")
                          .arg(QLatin1String(kBackupFormatName)));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return refuse(QStringLiteral("\"version\" must be a positive whole number"));
    if (version.toInt() > kBackupFormatVersion)
        return refuse(QStringLiteral("made by a newer Paperboy (backup format version %1; this "
                                     "version reads up to %2); nothing was restored")
                          .arg(version.toInt())
                          .arg(kBackupFormatVersion));
    Checker check(fileName);
    BackupData data;
    data.version = version.toInt();
    data.created = check.timestamp(root, "created", QStringLiteral("backup"));
    const QJsonArray papers = check.array(root, "papers", QStringLiteral("backup"));
    for (qsizetype i = 0; i < papers.size() && !check.failed(); ++i)
        data.papers.append(paperFromJson(papers.at(i), int(i), check));
    const QJsonArray searches = check.array(root, "saved_searches", QStringLiteral("backup"));
    for (qsizetype i = 0; i < searches.size() && !check.failed(); ++i) {
        const QString where = QStringLiteral("saved_searches[%1]").arg(i);
        if (!searches.at(i).isObject()) {
            check.fail(QStringLiteral("%1 must be an object").arg(where));
            break;
        }
        const QJsonObject search = searches.at(i).toObject();
        const QJsonValue query = search.value(QLatin1String("query"));
        if (!query.isString())
            check.fail(QStringLiteral("%1: \"query\" must be a string").arg(where));
        data.savedSearches.append({check.text(search, "name", where), query.toString(),
                                   check.timestamp(search, "created", where, true)});
    }
    const QJsonArray seen = root.contains(QLatin1String("seen_versions"))
                                ? check.array(root, "seen_versions", QStringLiteral("backup"))
                                : QJsonArray();
    for (qsizetype i = 0; i < seen.size() && !check.failed(); ++i) {
        const QString where = QStringLiteral("seen_versions[%1]").arg(i);
        const QJsonObject object = seen.at(i).toObject();
        const QJsonValue number = object.value(QLatin1String("version"));
        if (!seen.at(i).isObject() || !number.isDouble() || number.toInt() < 1 ||
            number.toDouble() != double(number.toInt())) {
            check.fail(
                QStringLiteral("%1 must be an object with a positive \"version\"").arg(where));
            break;
        }
        data.seenVersions.append({check.text(object, "id", where), number.toInt(),
                                  check.timestamp(object, "seen_at", where, true)});
    }
    readCurations(root, check, data);
    if (check.failed()) {
        if (error)
            *error = check.error();
        return std::nullopt;
    }
    return data;
}

} // namespace paperboy
