#include "paper_json.h"

#include "core/json_values.h"

#include <QJsonArray>

namespace paperboy {

namespace {

QJsonArray array(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue aiToJson(const AiSummary &ai)
{
    if (ai.isEmpty())
        return QJsonValue::Null;
    QJsonObject object{{QStringLiteral("tldr"), textOrNull(ai.tldr)},
                       {QStringLiteral("motivation"), textOrNull(ai.motivation)},
                       {QStringLiteral("method"), textOrNull(ai.method)},
                       {QStringLiteral("result"), textOrNull(ai.result)},
                       {QStringLiteral("conclusion"), textOrNull(ai.conclusion)},
                       {QStringLiteral("language"), textOrNull(ai.language)}};
    if (!ai.keywords.isEmpty())
        object.insert(QStringLiteral("keywords"), array(ai.keywords));
    return object;
}

QJsonObject versionToJson(const PaperVersion &v)
{
    return {{QStringLiteral("version"), v.version > 0 ? QJsonValue(v.version) : QJsonValue()},
            {QStringLiteral("date"), dateOrNull(v.date)},
            {QStringLiteral("title"), textOrNull(v.title)},
            {QStringLiteral("abstract"), textOrNull(v.abstract)},
            {QStringLiteral("authors"), array(v.authors)},
            {QStringLiteral("comment"), textOrNull(v.comment)},
            {QStringLiteral("journal_ref"), textOrNull(v.journalRef)},
            {QStringLiteral("doi"), textOrNull(v.doi)}};
}

QJsonArray versionsToJson(const Paper &p, const QList<PaperVersion> &versions)
{
    QJsonArray list;
    for (const PaperVersion &v : versions)
        list.append(versionToJson(v));
    if (list.isEmpty()) {
        PaperVersion only;
        only.version = p.version;
        only.date = p.updated.isValid() ? p.updated : p.published;
        only.title = p.title;
        only.abstract = p.abstract;
        only.authors = p.authors;
        only.comment = p.comment;
        only.journalRef = p.journalRef;
        only.doi = p.doi;
        list.append(versionToJson(only));
    }
    return list;
}

} // namespace

QJsonObject paperToJson(const PaperView &view, const QList<PaperVersion> &versions)
{
    const Paper &p = view.paper;
    const DigestEntry &e = view.entry;
    const ShownTranslation zh = shownTranslation(view);
    QJsonObject object;
    object.insert(QStringLiteral("id"), p.arxivId);
    object.insert(QStringLiteral("version"), p.version > 0 ? QJsonValue(p.version) : QJsonValue());
    object.insert(QStringLiteral("title"), textOrNull(p.title));
    object.insert(QStringLiteral("title_zh"), textOrNull(zh.title.trimmed()));
    object.insert(QStringLiteral("authors"), array(p.authors));
    object.insert(QStringLiteral("abstract"), textOrNull(p.abstract));
    object.insert(QStringLiteral("abstract_zh"), textOrNull(zh.abstract.trimmed()));
    // Where the Chinese came from (digest > user > machine, field by field), and for a
    // machine translation, which service made it and whether the English moved on since.
    object.insert(QStringLiteral("zh_source"), textOrNull(translationSourceName(zh.source())));
    if (zh.usesMachine()) {
        const MachineTranslation &m = view.machineTranslation;
        object.insert(QStringLiteral("translation"),
                      QJsonObject{{QStringLiteral("provider"), m.provider},
                                  {QStringLiteral("model"), textOrNull(m.model)},
                                  {QStringLiteral("created"),
                                   m.created.isValid()
                                       ? QJsonValue(m.created.toUTC().toString(Qt::ISODateWithMs))
                                       : QJsonValue()},
                                  {QStringLiteral("stale"), m.stale}});
    } else {
        object.insert(QStringLiteral("translation"), QJsonValue());
    }
    object.insert(QStringLiteral("categories"), array(p.categories));
    object.insert(QStringLiteral("primary_category"), textOrNull(p.primaryCategory));
    object.insert(QStringLiteral("comment"), textOrNull(p.comment));
    object.insert(QStringLiteral("journal_ref"), textOrNull(p.journalRef));
    object.insert(QStringLiteral("doi"), textOrNull(p.doi));
    object.insert(QStringLiteral("published"), dateOrNull(p.published));
    object.insert(QStringLiteral("updated"), dateOrNull(p.updated));
    object.insert(QStringLiteral("versions"), versionsToJson(p, versions));
    object.insert(QStringLiteral("abs_url"), absUrl(p.arxivId));
    object.insert(QStringLiteral("pdf_url"), pdfUrl(p.arxivId, p.version));
    const QString code = view.codeUrl();
    object.insert(QStringLiteral("code_url"), textOrNull(code));
    object.insert(QStringLiteral("code_url_source"), code.isEmpty() ? QJsonValue()
                                                     : e.codeUrlAsGiven.isEmpty()
                                                         ? textOrNull(p.codeUrlSource)
                                                         : QJsonValue(QStringLiteral("digest")));
    object.insert(QStringLiteral("code_url_warning"), textOrNull(e.codeUrlWarning));
    object.insert(QStringLiteral("project_url"), textOrNull(p.projectUrl));
    object.insert(QStringLiteral("code_stars"), countOrNull(p.codeStars));
    object.insert(QStringLiteral("upvotes"), countOrNull(e.upvotes));
    object.insert(QStringLiteral("ai"), aiToJson(e.ai));
    object.insert(QStringLiteral("starred"), view.user.starred);
    object.insert(QStringLiteral("read"), view.user.read);
    object.insert(QStringLiteral("note"), textOrNull(view.user.note));
    object.insert(QStringLiteral("tags"), array(view.user.tags));
    object.insert(QStringLiteral("dismissed"), view.user.dismissed);
    object.insert(QStringLiteral("highlighted"), view.user.highlighted);
    object.insert(QStringLiteral("followed_authors"), array(view.user.followedAuthors));
    if (view.digestDate.isValid()) {
        object.insert(QStringLiteral("digest"),
                      QJsonObject{{QStringLiteral("date"), dateOrNull(view.digestDate)},
                                  {QStringLiteral("source"), textOrNull(view.digestSource)},
                                  {QStringLiteral("category"), textOrNull(view.digestCategory)},
                                  {QStringLiteral("position"), e.position},
                                  {QStringLiteral("announce_type"), textOrNull(e.announceType)}});
    } else {
        object.insert(QStringLiteral("digest"), QJsonValue());
    }
    return object;
}

QJsonArray codeLinksToJson(const QList<CodeLinkArrival> &arrivals)
{
    QJsonArray array;
    for (const CodeLinkArrival &a : arrivals)
        array.append(QJsonObject{{QStringLiteral("id"), a.arxivId},
                                 {QStringLiteral("title"), textOrNull(a.title)},
                                 {QStringLiteral("code_url"), a.codeUrl},
                                 {QStringLiteral("starred"), a.starred}});
    return array;
}

QString codeLinkLine(const CodeLinkArrival &arrival)
{
    return QStringLiteral("%1: code link for your %2 paper: %3\n")
        .arg(arrival.arxivId,
             arrival.starred ? QStringLiteral("starred") : QStringLiteral("noted or tagged"),
             arrival.codeUrl);
}

} // namespace paperboy
