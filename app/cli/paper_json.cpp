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

template <class Out> void text(Out &out, const char *key, const QString &value)
{
    out.key(QLatin1String(key));
    out.textOrNull(value);
}

template <class Out> void strings(Out &out, const char *key, const QStringList &list)
{
    out.key(QLatin1String(key));
    out.strings(list);
}

template <class Out> void date(Out &out, const char *key, const QDate &date)
{
    out.key(QLatin1String(key));
    if (date.isValid())
        out.string(date.toString(Qt::ISODate));
    else
        out.null();
}

// Counts where a negative means unknown.
template <class Out> void count(Out &out, const char *key, int count)
{
    out.key(QLatin1String(key));
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
    text(out, "conclusion", ai.conclusion);
    if (!ai.keywords.isEmpty()) {
        strings(out, "keywords", ai.keywords);
    }
    text(out, "language", ai.language);
    text(out, "method", ai.method);
    text(out, "motivation", ai.motivation);
    text(out, "result", ai.result);
    text(out, "tldr", ai.tldr);
    out.endObject();
}

template <class Out> void writeVersion(Out &out, const PaperVersion &v)
{
    out.beginObject();
    text(out, "abstract", v.abstract);
    strings(out, "authors", v.authors);
    text(out, "comment", v.comment);
    date(out, "date", v.date);
    text(out, "doi", v.doi);
    text(out, "journal_ref", v.journalRef);
    text(out, "title", v.title);
    count(out, "version", v.version > 0 ? v.version : -1);
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
    text(out, "model", m.model);
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
    text(out, "announce_type", e.announceType);
    text(out, "category", view.digestCategory);
    date(out, "date", view.digestDate);
    out.key(QLatin1String("position"));
    out.integer(e.position);
    text(out, "source", view.digestSource);
    out.endObject();
}

// Keys in the order QJsonObject keeps them (sorted), so the streamed text equals Qt's.
template <class Out>
void writePaper(Out &out, const PaperView &view, const QList<PaperVersion> &versions,
                const PaperPdfJson &pdf)
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
    text(out, "abstract", p.abstract);
    text(out, "abstract_zh", zh.abstract.trimmed());
    out.key(QLatin1String("ai"));
    writeAi(out, e.ai);
    strings(out, "authors", p.authors);
    strings(out, "categories", p.categories);
    count(out, "code_stars", p.codeStars);
    text(out, "code_url", code);
    text(out, "code_url_source",
         code.isEmpty()               ? QString()
         : e.codeUrlAsGiven.isEmpty() ? p.codeUrlSource
                                      : QStringLiteral("digest"));
    text(out, "code_url_warning", e.codeUrlWarning);
    text(out, "comment", p.comment);
    out.key(QLatin1String("digest"));
    writeDigest(out, view);
    out.key(QLatin1String("dismissed"));
    out.boolean(view.user.dismissed);
    text(out, "doi", p.doi);
    strings(out, "followed_authors", view.user.followedAuthors);
    out.key(QLatin1String("highlighted"));
    out.boolean(view.user.highlighted);
    out.key(QLatin1String("id"));
    out.string(p.arxivId);
    text(out, "journal_ref", p.journalRef);
    text(out, "note", view.user.note);
    text(out, "pdf_file", pdf.file);
    if (pdf.matchedPages) {
        out.key(QLatin1String("pdf_matched_pages"));
        out.beginArray();
        for (const int page : *pdf.matchedPages)
            out.integer(page);
        out.endArray();
    }
    count(out, "pdf_pages", pdf.file.isEmpty() ? -1 : pdf.pages);
    out.key(QLatin1String("pdf_url"));
    out.string(pdfUrl(p.arxivId, p.version));
    text(out, "primary_category", p.primaryCategory);
    text(out, "project_url", p.projectUrl);
    date(out, "published", p.published);
    out.key(QLatin1String("read"));
    out.boolean(view.user.read);
    out.key(QLatin1String("starred"));
    out.boolean(view.user.starred);
    strings(out, "tags", view.user.tags);
    text(out, "title", p.title);
    text(out, "title_zh", zh.title.trimmed());
    out.key(QLatin1String("translation"));
    writeTranslation(out, view, zh);
    date(out, "updated", p.updated);
    count(out, "upvotes", e.upvotes);
    count(out, "version", p.version > 0 ? p.version : -1);
    out.key(QLatin1String("versions"));
    writeVersions(out, p, versions);
    text(out, "zh_source", translationSourceName(zh.source()));
    out.endObject();
}

} // namespace

QJsonObject paperToJson(const PaperView &view, const QList<PaperVersion> &versions,
                        const PaperPdfJson &pdf)
{
    JsonValueBuilder builder;
    writePaper(builder, view, versions, pdf);
    return builder.result();
}

void writePaperJson(JsonTextWriter &out, const PaperView &view, const QList<PaperVersion> &versions,
                    const PaperPdfJson &pdf)
{
    writePaper(out, view, versions, pdf);
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
