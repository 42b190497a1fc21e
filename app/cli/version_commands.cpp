// `paperboy diff`: what changed between two versions of a paper, word by word.

#include "cli/cli_context.h"
#include "core/word_diff.h"
#include "store/version_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <utility>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

struct Field
{
    QString name; // the JSON key
    QString label;
    QString (*get)(const PaperVersion &);
};

const QList<Field> &fields()
{
    static const QList<Field> list = {
        {u"title"_s, u"Title"_s, [](const PaperVersion &v) { return v.title; }},
        {u"authors"_s, u"Authors"_s, [](const PaperVersion &v) { return v.authors.join(u", "_s); }},
        {u"comment"_s, u"Comment"_s, [](const PaperVersion &v) { return v.comment; }},
        {u"journal_ref"_s, u"Journal-ref"_s, [](const PaperVersion &v) { return v.journalRef; }},
        {u"doi"_s, u"DOI"_s, [](const PaperVersion &v) { return v.doi; }},
        {u"abstract"_s, u"Abstract"_s, [](const PaperVersion &v) { return v.abstract; }},
    };
    return list;
}

QJsonArray chunksToJson(const QList<DiffChunk> &chunks)
{
    QJsonArray array;
    for (const DiffChunk &chunk : chunks)
        array.append(QJsonObject{{u"op"_s, diffOpName(chunk.op)}, {u"text"_s, chunk.text}});
    return array;
}

QString versionLabel(const PaperVersion &v)
{
    return v.date.isValid()
               ? u"v%1 (%2)"_s.arg(v.version).arg(QLocale::c().toString(v.date, u"d MMM yyyy"_s))
               : u"v%1"_s.arg(v.version);
}

bool parseVersion(CliContext &ctx, const QString &name, int *version)
{
    if (!ctx.flag(name))
        return true;
    QString text = ctx.value(name);
    if (text.startsWith(u'v'))
        text.remove(0, 1);
    bool ok = false;
    *version = text.toInt(&ok);
    if (ok && *version > 0)
        return true;
    CliContext::err(
        u"paperboy diff: %1 wants a version number, not '%2'"_s.arg(name, ctx.value(name)));
    return false;
}

int diffCommand(CliContext &ctx)
{
    QString id;
    int ignored = 0;
    if (!parseArxivId(ctx.positionals.first(), &id, &ignored)) {
        CliContext::err(u"paperboy diff: '%1' is not an arXiv id"_s.arg(ctx.positionals.first()));
        return CliContext::kUsage;
    }
    int from = 0;
    int to = 0;
    if (!parseVersion(ctx, u"--from"_s, &from) || !parseVersion(ctx, u"--to"_s, &to))
        return CliContext::kUsage;
    if (!ctx.openStore(Database::Mode::ReadOnly))
        return CliContext::kError;
    if (!ctx.store().hasPaper(id)) {
        CliContext::err(u"paperboy diff: %1 is not in the library"_s.arg(id));
        return CliContext::kError;
    }
    VersionStore store(ctx.database());
    const QList<PaperVersion> versions = store.versions(id);
    if (!store.lastError().isEmpty()) {
        CliContext::err(u"paperboy diff: %1"_s.arg(store.lastError()));
        return CliContext::kError;
    }
    if (versions.size() < 2) {
        CliContext::err(u"paperboy diff: the library knows one version of %1; "
                        "'paperboy fetch --source updates' checks for newer ones"_s.arg(id));
        return CliContext::kError;
    }
    // By default the newest version against the one before it.
    auto find = [&versions](int number) -> const PaperVersion * {
        for (const PaperVersion &v : versions)
            if (v.version == number)
                return &v;
        return nullptr;
    };
    const PaperVersion *newer = to > 0 ? find(to) : &versions.last();
    const PaperVersion *older = nullptr;
    if (from > 0) {
        older = find(from);
    } else if (newer) {
        for (const PaperVersion &v : versions)
            if (v.version < newer->version)
                older = &v;
    }
    for (const auto &[number, found] : {std::pair{from, older}, std::pair{to, newer}}) {
        if (!found) {
            QStringList known;
            for (const PaperVersion &v : versions)
                known.append(u"v%1"_s.arg(v.version));
            CliContext::err(u"paperboy diff: %1 has no recorded %2 (known: %3)"_s.arg(
                id, number > 0 ? u"v%1"_s.arg(number) : u"earlier version"_s, known.join(u", "_s)));
            return CliContext::kError;
        }
    }

    QJsonArray changes;
    QJsonObject perField;
    const bool json = ctx.json();
    if (!json)
        CliContext::out(u"%1: %2 -> %3\n"_s.arg(id, versionLabel(*older), versionLabel(*newer)));
    for (const Field &field : fields()) {
        const QList<DiffChunk> chunks = wordDiff(field.get(*older), field.get(*newer));
        perField.insert(field.name, chunksToJson(chunks));
        if (chunks.isEmpty())
            continue;
        // One array a person can read top to bottom: each field's label, then its words.
        changes.append(QJsonObject{{u"op"_s, u"equal"_s}, {u"text"_s, field.label + u": "_s}});
        for (const QJsonValue &chunk : chunksToJson(chunks))
            changes.append(chunk);
        changes.append(QJsonObject{{u"op"_s, u"equal"_s}, {u"text"_s, u"\n"_s}});
        if (json || !hasChanges(chunks))
            continue;
        CliContext::out(u"\n%1:\n"_s.arg(field.label));
        for (const DiffChunk &chunk : chunks) {
            switch (chunk.op) {
            case DiffChunk::Op::Equal:
                CliContext::out(chunk.text);
                break;
            case DiffChunk::Op::Delete:
                // Markers as wdiff writes them, also on a terminal (colour alone is lost on
                // a colour-blind reader).
                CliContext::outColoured(u"[-%1-]"_s.arg(chunk.text.trimmed()) +
                                            (chunk.text.endsWith(u' ') ? u" "_s : QString()),
                                        "31");
                break;
            case DiffChunk::Op::Insert:
                CliContext::outColoured(u"{+%1+}"_s.arg(chunk.text.trimmed()) +
                                            (chunk.text.endsWith(u' ') ? u" "_s : QString()),
                                        "32");
                break;
            }
        }
        CliContext::out(u"\n"_s);
    }
    if (json) {
        CliContext::printJson(QJsonObject{{u"id"_s, id},
                                          {u"from"_s, older->version},
                                          {u"to"_s, newer->version},
                                          {u"changes"_s, changes},
                                          {u"fields"_s, perField}});
    }
    return CliContext::kOk;
}

} // namespace

void registerVersionCommands(QList<Command> &commands)
{
    commands.append(
        {u"diff"_s,
         u"diff ID [--from N] [--to M] [--json]"_s,
         u"what changed between two recorded versions of a paper, word by word (default: the "
         "newest against the one before); --json: {\"changes\": [{\"op\": "
         "\"equal\"|\"insert\"|\"delete\", \"text\": ...}], \"fields\": {...}}"_s,
         {{u"--json"_s, false}, {u"--from"_s, true}, {u"--to"_s, true}},
         1,
         1,
         diffCommand});
}

} // namespace paperboy
