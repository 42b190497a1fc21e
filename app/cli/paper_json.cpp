#include "paper_json.h"

#include <QJsonArray>

namespace paperboy {

namespace {

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue date(const QDate &value)
{
    return value.isValid() ? QJsonValue(value.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue count(int value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonArray array(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue aiToJson(const AiSummary &ai)
{
    if (ai.isEmpty())
        return QJsonValue::Null;
    QJsonObject object{{QStringLiteral("tldr"), text(ai.tldr)},
                       {QStringLiteral("motivation"), text(ai.motivation)},
                       {QStringLiteral("method"), text(ai.method)},
                       {QStringLiteral("result"), text(ai.result)},
                       {QStringLiteral("conclusion"), text(ai.conclusion)},
                       {QStringLiteral("language"), text(ai.language)}};
    if (!ai.keywords.isEmpty())
        object.insert(QStringLiteral("keywords"), array(ai.keywords));
    return object;
}

} // namespace

QJsonObject paperToJson(const PaperView &view)
{
    const Paper &p = view.paper;
    const DigestEntry &e = view.entry;
    const bool zh = e.translationLanguage.startsWith(QLatin1String("zh"));
    QJsonObject object;
    object.insert(QStringLiteral("id"), p.arxivId);
    object.insert(QStringLiteral("version"), p.version > 0 ? QJsonValue(p.version) : QJsonValue());
    object.insert(QStringLiteral("title"), text(p.title));
    object.insert(QStringLiteral("title_zh"), zh ? text(e.translatedTitle) : QJsonValue());
    object.insert(QStringLiteral("authors"), array(p.authors));
    object.insert(QStringLiteral("abstract"), text(p.abstract));
    object.insert(QStringLiteral("abstract_zh"), zh ? text(e.translatedAbstract) : QJsonValue());
    object.insert(QStringLiteral("categories"), array(p.categories));
    object.insert(QStringLiteral("primary_category"), text(p.primaryCategory));
    object.insert(QStringLiteral("comment"), text(p.comment));
    object.insert(QStringLiteral("journal_ref"), text(p.journalRef));
    object.insert(QStringLiteral("doi"), text(p.doi));
    object.insert(QStringLiteral("published"), date(p.published));
    object.insert(QStringLiteral("updated"), date(p.updated));
    object.insert(QStringLiteral("abs_url"), absUrl(p.arxivId));
    object.insert(QStringLiteral("pdf_url"), pdfUrl(p.arxivId, p.version));
    const QString code = view.codeUrl();
    object.insert(QStringLiteral("code_url"), text(code));
    object.insert(QStringLiteral("code_url_source"), code.isEmpty() ? QJsonValue()
                                                     : e.codeUrlAsGiven.isEmpty()
                                                         ? text(p.codeUrlSource)
                                                         : QJsonValue(QStringLiteral("digest")));
    object.insert(QStringLiteral("code_url_warning"), text(e.codeUrlWarning));
    object.insert(QStringLiteral("project_url"), text(p.projectUrl));
    object.insert(QStringLiteral("code_stars"), count(p.codeStars));
    object.insert(QStringLiteral("upvotes"), count(e.upvotes));
    object.insert(QStringLiteral("ai"), aiToJson(e.ai));
    object.insert(QStringLiteral("starred"), view.user.starred);
    object.insert(QStringLiteral("read"), view.user.read);
    object.insert(QStringLiteral("note"), text(view.user.note));
    object.insert(QStringLiteral("tags"), array(view.user.tags));
    if (view.digestDate.isValid()) {
        object.insert(QStringLiteral("digest"),
                      QJsonObject{{QStringLiteral("date"), date(view.digestDate)},
                                  {QStringLiteral("source"), text(view.digestSource)},
                                  {QStringLiteral("category"), text(view.digestCategory)},
                                  {QStringLiteral("position"), e.position},
                                  {QStringLiteral("announce_type"), text(e.announceType)}});
    } else {
        object.insert(QStringLiteral("digest"), QJsonValue());
    }
    return object;
}

} // namespace paperboy
