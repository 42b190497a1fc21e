#include "paper_json.h"

#include "core/json_text_writer.h"
#include "core/json_values.h"

#include <QJsonArray>

#include <vector>

namespace paperboy {

namespace {

// Builds QJsonValues through the calls JsonTextWriter takes, so one description of a
// paper (writePaper below) gives both the objects `show` extends and the streamed text of
// `list` and `search`.
class JsonValueBuilder
{
public:
    void beginObject() { m_open.push_back({QJsonObject(), {}, m_key}); }
    void beginArray()
    {
        m_open.push_back({{}, QJsonArray(), m_key});
        m_open.back().isArray = true;
    }
    void endObject() { close(); }
    void endArray() { close(); }
    void key(QLatin1String name) { m_key = name; }
    void string(const QString &text) { add(text); }
    void null() { add(QJsonValue::Null); }
    void boolean(bool value) { add(value); }
    void integer(qint64 value) { add(value); }
    void textOrNull(const QString &text) { add(text.isEmpty() ? QJsonValue() : QJsonValue(text)); }
    void strings(const QStringList &list) { add(QJsonArray::fromStringList(list)); }

    QJsonObject result() const { return m_result.toObject(); }

private:
    struct Open
    {
        QJsonObject object;
        QJsonArray array;
        QLatin1String key; // where the container goes in its parent
        bool isArray = false;
    };
    void add(const QJsonValue &value)
    {
        if (m_open.empty()) {
            m_result = value;
            return;
        }
        Open &top = m_open.back();
        if (top.isArray)
            top.array.append(value);
        else
            top.object.insert(m_key, value);
    }
    void close()
    {
        Open done = std::move(m_open.back());
        m_open.pop_back();
        m_key = done.key;
        add(done.isArray ? QJsonValue(done.array) : QJsonValue(done.object));
    }

    std::vector<Open> m_open;
    QLatin1String m_key;
    QJsonValue m_result;
};

template <class Out> void dateOrNull(Out &out, const QDate &date)
{
    if (date.isValid())
        out.string(date.toString(Qt::ISODate));
    else
        out.null();
}

template <class Out> void countOrNull(Out &out, int count)
{
    if (count < 0)
        out.null();
    else
        out.integer(count);
}

template <class Out> void writeAi(Out &out, const AiSummary &ai)
{
    if (ai.isEmpty())
        return out.null();
    out.beginObject();
    out.key(QLatin1String("conclusion"));
    out.textOrNull(ai.conclusion);
    if (!ai.keywords.isEmpty()) {
        out.key(QLatin1String("keywords"));
        out.strings(ai.keywords);
    }
    out.key(QLatin1String("language"));
    out.textOrNull(ai.language);
    out.key(QLatin1String("method"));
    out.textOrNull(ai.method);
    out.key(QLatin1String("motivation"));
    out.textOrNull(ai.motivation);
    out.key(QLatin1String("result"));
    out.textOrNull(ai.result);
    out.key(QLatin1String("tldr"));
    out.textOrNull(ai.tldr);
    out.endObject();
}

template <class Out> void writeVersion(Out &out, const PaperVersion &v)
{
    out.beginObject();
    out.key(QLatin1String("abstract"));
    out.textOrNull(v.abstract);
    out.key(QLatin1String("authors"));
    out.strings(v.authors);
    out.key(QLatin1String("comment"));
    out.textOrNull(v.comment);
    out.key(QLatin1String("date"));
    dateOrNull(out, v.date);
    out.key(QLatin1String("doi"));
    out.textOrNull(v.doi);
    out.key(QLatin1String("journal_ref"));
    out.textOrNull(v.journalRef);
    out.key(QLatin1String("title"));
    out.textOrNull(v.title);
    out.key(QLatin1String("version"));
    countOrNull(out, v.version > 0 ? v.version : -1);
    out.endObject();
}

template <class Out>
void writeVersions(Out &out, const Paper &p, const QList<PaperVersion> &versions)
{
    out.beginArray();
    for (const PaperVersion &v : versions)
        writeVersion(out, v);
    if (versions.isEmpty()) {
        PaperVersion only;
        only.version = p.version;
        only.date = p.updated.isValid() ? p.updated : p.published;
        only.title = p.title;
        only.abstract = p.abstract;
        only.authors = p.authors;
        only.comment = p.comment;
        only.journalRef = p.journalRef;
        only.doi = p.doi;
        writeVersion(out, only);
    }
    out.endArray();
}

template <class Out>
void writeTranslation(Out &out, const PaperView &view, const ShownTranslation &zh)
{
    if (!zh.usesMachine())
        return out.null();
    const MachineTranslation &m = view.machineTranslation;
    out.beginObject();
    out.key(QLatin1String("created"));
    if (m.created.isValid())
        out.string(m.created.toUTC().toString(Qt::ISODateWithMs));
    else
        out.null();
    out.key(QLatin1String("model"));
    out.textOrNull(m.model);
    out.key(QLatin1String("provider"));
    out.string(m.provider);
    out.key(QLatin1String("stale"));
    out.boolean(m.stale);
    out.endObject();
}

template <class Out> void writeDigest(Out &out, const PaperView &view)
{
    if (!view.digestDate.isValid())
        return out.null();
    const DigestEntry &e = view.entry;
    out.beginObject();
    out.key(QLatin1String("announce_type"));
    out.textOrNull(e.announceType);
    out.key(QLatin1String("category"));
    out.textOrNull(view.digestCategory);
    out.key(QLatin1String("date"));
    dateOrNull(out, view.digestDate);
    out.key(QLatin1String("position"));
    out.integer(e.position);
    out.key(QLatin1String("source"));
    out.textOrNull(view.digestSource);
    out.endObject();
}

// Keys in the order QJsonObject keeps them (sorted), so the streamed text equals Qt's.
template <class Out>
void writePaper(Out &out, const PaperView &view, const QList<PaperVersion> &versions)
{
    const Paper &p = view.paper;
    const DigestEntry &e = view.entry;
    // Where the Chinese came from (digest > user > machine, field by field), and for a
    // machine translation, which service made it and whether the English moved on since.
    const ShownTranslation zh = shownTranslation(view);
    const QString code = view.codeUrl();
    out.beginObject();
    out.key(QLatin1String("abs_url"));
    out.string(absUrl(p.arxivId));
    out.key(QLatin1String("abstract"));
    out.textOrNull(p.abstract);
    out.key(QLatin1String("abstract_zh"));
    out.textOrNull(zh.abstract.trimmed());
    out.key(QLatin1String("ai"));
    writeAi(out, e.ai);
    out.key(QLatin1String("authors"));
    out.strings(p.authors);
    out.key(QLatin1String("categories"));
    out.strings(p.categories);
    out.key(QLatin1String("code_stars"));
    countOrNull(out, p.codeStars);
    out.key(QLatin1String("code_url"));
    out.textOrNull(code);
    out.key(QLatin1String("code_url_source"));
    out.textOrNull(code.isEmpty()               ? QString()
                   : e.codeUrlAsGiven.isEmpty() ? p.codeUrlSource
                                                : QStringLiteral("digest"));
    out.key(QLatin1String("code_url_warning"));
    out.textOrNull(e.codeUrlWarning);
    out.key(QLatin1String("comment"));
    out.textOrNull(p.comment);
    out.key(QLatin1String("digest"));
    writeDigest(out, view);
    out.key(QLatin1String("dismissed"));
    out.boolean(view.user.dismissed);
    out.key(QLatin1String("doi"));
    out.textOrNull(p.doi);
    out.key(QLatin1String("followed_authors"));
    out.strings(view.user.followedAuthors);
    out.key(QLatin1String("highlighted"));
    out.boolean(view.user.highlighted);
    out.key(QLatin1String("id"));
    out.string(p.arxivId);
    out.key(QLatin1String("journal_ref"));
    out.textOrNull(p.journalRef);
    out.key(QLatin1String("note"));
    out.textOrNull(view.user.note);
    out.key(QLatin1String("pdf_url"));
    out.string(pdfUrl(p.arxivId, p.version));
    out.key(QLatin1String("primary_category"));
    out.textOrNull(p.primaryCategory);
    out.key(QLatin1String("project_url"));
    out.textOrNull(p.projectUrl);
    out.key(QLatin1String("published"));
    dateOrNull(out, p.published);
    out.key(QLatin1String("read"));
    out.boolean(view.user.read);
    out.key(QLatin1String("starred"));
    out.boolean(view.user.starred);
    out.key(QLatin1String("tags"));
    out.strings(view.user.tags);
    out.key(QLatin1String("title"));
    out.textOrNull(p.title);
    out.key(QLatin1String("title_zh"));
    out.textOrNull(zh.title.trimmed());
    out.key(QLatin1String("translation"));
    writeTranslation(out, view, zh);
    out.key(QLatin1String("updated"));
    dateOrNull(out, p.updated);
    out.key(QLatin1String("upvotes"));
    countOrNull(out, e.upvotes);
    out.key(QLatin1String("version"));
    countOrNull(out, p.version > 0 ? p.version : -1);
    out.key(QLatin1String("versions"));
    writeVersions(out, p, versions);
    out.key(QLatin1String("zh_source"));
    out.textOrNull(translationSourceName(zh.source()));
    out.endObject();
}

} // namespace

QJsonObject paperToJson(const PaperView &view, const QList<PaperVersion> &versions)
{
    JsonValueBuilder builder;
    writePaper(builder, view, versions);
    return builder.result();
}

void writePaperJson(JsonTextWriter &out, const PaperView &view, const QList<PaperVersion> &versions)
{
    writePaper(out, view, versions);
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
