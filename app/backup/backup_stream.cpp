#include "backup/backup_stream.h"

#include "store/user_rows.h"

namespace paperboy {

namespace {

// Escapes as Qt's JSON writer does: UTF-8 as is, the two JSON specials and control
// characters escaped, unpaired surrogates as \uXXXX.
void appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            switch (u) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (u < 0x20) {
                    const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
                    out.append(escaped, sizeof escaped);
                } else {
                    out.append(char(u));
                }
            }
        } else if (u < 0x800) {
            out.append(char(0xc0 | (u >> 6))).append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && i + 1 < size &&
                   QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t c = QChar::surrogateToUcs4(u, text[++i].unicode());
            out.append(char(0xf0 | (c >> 18)))
                .append(char(0x80 | ((c >> 12) & 0x3f)))
                .append(char(0x80 | ((c >> 6) & 0x3f)))
                .append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isSurrogate(u)) {
            const char escaped[] = {
                '\\', 'u', hex[u >> 12], hex[(u >> 8) & 0xf], hex[(u >> 4) & 0xf], hex[u & 0xf]};
            out.append(escaped, sizeof escaped);
        } else {
            out.append(char(0xe0 | (u >> 12)))
                .append(char(0x80 | ((u >> 6) & 0x3f)))
                .append(char(0x80 | (u & 0x3f)));
        }
    }
    out.append('"');
}

void appendTextOrNull(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out.append("null");
    else
        appendString(out, text);
}

void appendPaper(QByteArray &out, const BackupPaper &paper)
{
    // Keys in QJsonObject's (sorted) order, indented as inside "papers".
    out.append("        {\n            \"id\": ");
    appendString(out, paper.id);
    out.append(",\n            \"note\": ");
    if (paper.note)
        appendString(out, *paper.note);
    else
        out.append("null");
    out.append(",\n            \"note_changed\": ");
    appendTextOrNull(out, paper.noteChanged);
    if (!paper.noteHistory.isEmpty()) {
        out.append(",\n            \"note_history\": [\n");
        for (qsizetype h = 0; h < paper.noteHistory.size(); ++h) {
            const NoteHistoryRow &version = paper.noteHistory.at(h);
            out.append("                {\n                    \"by\": ");
            appendString(out, version.by);
            out.append(",\n                    \"replaced_at\": ");
            appendString(out, version.replacedAt);
            out.append(",\n                    \"text\": ");
            appendString(out, version.text);
            out.append(h + 1 < paper.noteHistory.size() ? "\n                },\n"
                                                        : "\n                }\n");
        }
        out.append("            ]");
    }
    out.append(",\n            \"read\": ").append(paper.read ? "true" : "false");
    out.append(",\n            \"read_changed\": ");
    appendTextOrNull(out, paper.readChanged);
    out.append(",\n            \"starred\": ").append(paper.starred ? "true" : "false");
    out.append(",\n            \"starred_changed\": ");
    appendTextOrNull(out, paper.starredChanged);
    out.append(",\n            \"tags\": [\n");
    for (qsizetype t = 0; t < paper.tags.size(); ++t) {
        out.append("                {\n                    \"added\": ");
        appendString(out, paper.tags.at(t).added);
        out.append(",\n                    \"tag\": ");
        appendString(out, paper.tags.at(t).tag);
        out.append(t + 1 < paper.tags.size() ? "\n                },\n" : "\n                }\n");
    }
    if (paper.translations.isEmpty()) {
        out.append("            ]\n        }");
        return;
    }
    out.append("            ],\n            \"translations\": [\n");
    for (qsizetype t = 0; t < paper.translations.size(); ++t) {
        const BackupTranslation &translation = paper.translations.at(t);
        out.append("                {\n                    \"abstract\": ");
        appendTextOrNull(out, translation.abstract);
        out.append(",\n                    \"changed\": ");
        appendString(out, translation.changed);
        out.append(",\n                    \"language\": ");
        appendString(out, translation.language);
        out.append(",\n                    \"title\": ");
        appendTextOrNull(out, translation.title);
        out.append(t + 1 < paper.translations.size() ? "\n                },\n"
                                                     : "\n                }\n");
    }
    out.append("            ]\n        }");
}

void appendSearch(QByteArray &out, const BackupSearch &search)
{
    out.append("        {\n            \"created\": ");
    appendString(out, search.created);
    out.append(",\n            \"name\": ");
    appendString(out, search.name);
    out.append(",\n            \"query\": ");
    appendString(out, search.query);
    out.append("\n        }");
}

void appendSeenVersion(QByteArray &out, const BackupSeenVersion &seen)
{
    out.append("        {\n            \"id\": ");
    appendString(out, seen.id);
    out.append(",\n            \"seen_at\": ");
    appendString(out, seen.seenAt);
    out.append(",\n            \"version\": ").append(QByteArray::number(seen.version));
    out.append("\n        }");
}

// The lists of issue #16: flat objects, keys in QJsonObject's (sorted) order.
void appendBool(QByteArray &out, bool value)
{
    out.append(value ? "true" : "false");
}

void appendDismissal(QByteArray &out, const BackupDismissal &d)
{
    out.append("        {\n            \"changed\": ");
    appendString(out, d.changed);
    out.append(",\n            \"dismissed\": ");
    appendBool(out, d.dismissed);
    out.append(",\n            \"id\": ");
    appendString(out, d.id);
    out.append("\n        }");
}

void appendFollow(QByteArray &out, const BackupFollow &f)
{
    out.append("        {\n            \"changed\": ");
    appendString(out, f.changed);
    out.append(",\n            \"followed\": ");
    appendBool(out, f.followed);
    out.append(",\n            \"name\": ");
    appendString(out, f.name);
    out.append("\n        }");
}

void appendRule(QByteArray &out, const BackupRule &r)
{
    out.append("        {\n            \"action\": ");
    appendString(out, r.action);
    out.append(",\n            \"created\": ");
    appendString(out, r.created);
    out.append(",\n            \"name\": ");
    appendString(out, r.name);
    out.append(",\n            \"query\": ");
    appendString(out, r.query);
    out.append(",\n            \"tag\": ");
    appendTextOrNull(out, r.tag);
    out.append("\n        }");
}

void appendHighlight(QByteArray &out, const BackupHighlight &h)
{
    out.append("        {\n            \"added\": ");
    appendString(out, h.added);
    out.append(",\n            \"id\": ");
    appendString(out, h.id);
    out.append(",\n            \"rule\": ");
    appendString(out, h.rule);
    out.append("\n        }");
}

// A paper the reader added (issue #21).
void appendAdded(QByteArray &out, const BackupAdded &a)
{
    out.append("        {\n            \"added_at\": ");
    appendString(out, a.addedAt);
    out.append(",\n            \"id\": ");
    appendString(out, a.id);
    out.append("\n        }");
}

// A kept PDF (issue #21): which paper, not the file.
void appendPdf(QByteArray &out, const BackupPdf &p)
{
    out.append("        {\n            \"added\": ");
    appendString(out, p.added);
    out.append(",\n            \"bytes\": ").append(QByteArray::number(p.bytes));
    out.append(",\n            \"id\": ");
    appendString(out, p.id);
    out.append(",\n            \"pages\": ")
        .append(p.pages < 0 ? QByteArray("null") : QByteArray::number(p.pages));
    out.append("\n        }");
}

// A saved trend (issue #22): its searches one per line, as QJsonDocument indents a list.
void appendSavedTrend(QByteArray &out, const BackupSavedTrend &t)
{
    out.append("        {\n            \"created\": ");
    appendString(out, t.created);
    out.append(",\n            \"from\": ");
    appendTextOrNull(out, t.from);
    out.append(",\n            \"name\": ");
    appendString(out, t.name);
    out.append(",\n            \"per\": ");
    appendString(out, t.per);
    out.append(",\n            \"queries\": [\n");
    for (qsizetype i = 0; i < t.queries.size(); ++i) {
        out.append("                ");
        appendString(out, t.queries.at(i));
        out.append(i + 1 < t.queries.size() ? ",\n" : "\n");
    }
    out.append("            ],\n            \"share\": ");
    appendBool(out, t.share);
    out.append(",\n            \"to\": ");
    appendTextOrNull(out, t.to);
    out.append("\n        }");
}

// Writes in large pieces; remembers the first failure.
class Output
{
public:
    explicit Output(QIODevice *device) : m_device(device) {}

    QByteArray &buffer() { return m_buffer; }
    bool flushIfFull() { return m_buffer.size() < (256 << 10) || flush(); }
    bool flush()
    {
        if (m_device && !m_buffer.isEmpty() && m_device->write(m_buffer) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_failed = false;
};

// Writes the document while the store walks the user rows (store/user_rows.h), so nothing
// but the paper at hand is held. The keys come in QJsonObject's (sorted) order, which is the
// order of the walk: the document is the one backupToJson() would give.
bool writeDocument(Database &database, Output &out, const QString &created, BackupData *written,
                   QByteArray *fingerprint, QString *error)
{
    enum Key
    {
        Dismissals,
        Follows,
        Format,
        Highlights,
        Papers,
        PapersAdded,
        Pdfs,
        Rules,
        Searches,
        Trends,
        Seen,
        End
    };
    static const char *const names[] = {
        "dismissals",     "followed_authors", "format",       "highlights",
        "papers",         "papers_added",     "pdfs",         "rules",
        "saved_searches", "saved_trends",     "seen_versions"};
    out.buffer().append("{\n    \"created\": ");
    appendTextOrNull(out.buffer(), created);
    out.buffer().append(",\n");
    // Decide the version written at the end.
    bool hasTranslations = false;
    bool hasReadingLess = false;
    bool hasSavedTrends = false;
    bool hasPdfs = false;
    bool hasAddedPapers = false;
    int at = -1;        // the key written last
    qsizetype rows = 0; // rows of the list open now
    // Writes every key up to `key`: the lists in between (empty ones too) and "format".
    auto reach = [&](int key) {
        while (at < key) {
            if (at >= 0 && at != Format)
                out.buffer().append(rows > 0 ? "\n    ],\n" : "    ],\n");
            ++at;
            rows = 0;
            if (at == End)
                break;
            if (at == Format)
                out.buffer().append("    \"format\": \"").append(kBackupFormatName).append("\",\n");
            else
                out.buffer().append("    \"").append(names[at]).append("\": [\n");
        }
    };
    auto startRow = [&](int key) {
        reach(key);
        if (rows++ > 0)
            out.buffer().append(",\n");
    };
    UserRowsVisitor visitor;
    visitor.dismissal = [&](DismissalRow &&row) {
        startRow(Dismissals);
        hasReadingLess = true;
        appendDismissal(out.buffer(), row);
        if (written)
            written->dismissals.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.follow = [&](FollowRow &&row) {
        startRow(Follows);
        hasReadingLess = true;
        appendFollow(out.buffer(), row);
        if (written)
            written->followedAuthors.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.highlight = [&](HighlightRow &&row) {
        startRow(Highlights);
        hasReadingLess = true;
        appendHighlight(out.buffer(), row);
        if (written)
            written->highlights.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.paper = [&](UserPaperRows &&paper) {
        startRow(Papers);
        appendPaper(out.buffer(), paper);
        hasTranslations = hasTranslations || !paper.translations.isEmpty();
        if (written)
            written->papers.append(std::move(paper));
        return out.flushIfFull();
    };
    visitor.added = [&](AddedRow &&row) {
        startRow(PapersAdded);
        hasAddedPapers = true;
        appendAdded(out.buffer(), row);
        if (written)
            written->papersAdded.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.pdf = [&](PdfRow &&row) {
        startRow(Pdfs);
        hasPdfs = true;
        appendPdf(out.buffer(), row);
        if (written)
            written->pdfs.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.rule = [&](RuleRow &&row) {
        startRow(Rules);
        hasReadingLess = true;
        appendRule(out.buffer(), row);
        if (written)
            written->rules.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.search = [&](SavedSearchRow &&search) {
        startRow(Searches);
        appendSearch(out.buffer(), search);
        if (written)
            written->savedSearches.append(std::move(search));
        return out.flushIfFull();
    };
    visitor.trend = [&](SavedTrendRow &&row) {
        startRow(Trends);
        hasSavedTrends = true;
        appendSavedTrend(out.buffer(), row);
        if (written)
            written->savedTrends.append(std::move(row));
        return out.flushIfFull();
    };
    visitor.seen = [&](SeenVersionRow &&row) {
        startRow(Seen);
        appendSeenVersion(out.buffer(), row);
        if (written)
            written->seenVersions.append(std::move(row));
        return out.flushIfFull();
    };
    if (!walkUserRows(database, visitor, fingerprint, error)) {
        if (out.failed() && error)
            *error = QStringLiteral("cannot write the backup");
        return false;
    }
    reach(End);
    const int version =
        backupVersionFor(hasTranslations, hasReadingLess, hasSavedTrends, hasPdfs, hasAddedPapers);
    out.buffer().append("    \"version\": ").append(QByteArray::number(version)).append("\n}\n");
    if (written)
        written->version = version;
    if (!out.flush()) {
        if (error)
            *error = QStringLiteral("cannot write the backup");
        return false;
    }
    return true;
}

} // namespace

std::optional<QByteArray> userDataFingerprint(Database &database, QString *error)
{
    QByteArray fingerprint;
    if (!walkUserRows(database, {}, &fingerprint, error))
        return std::nullopt;
    return fingerprint;
}

bool streamBackup(Database &database, QIODevice &device, const QString &created, QString *error,
                  QByteArray *fingerprint, BackupData *written)
{
    Output out(&device);
    if (written) {
        *written = BackupData();
        written->created = created;
    }
    return writeDocument(database, out, created, written, fingerprint, error);
}

} // namespace paperboy
