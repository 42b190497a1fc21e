#pragma once

// Domain values shared by every layer: parsers produce them, the store persists them,
// the CLI and the window render them. Plain values, cheap to copy across threads.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

// What the arXiv record (or the best source we have) says about a paper.
// Empty strings mean "unknown"; the store never overwrites a known value with an empty one.
struct Paper
{
    QString arxivId; // without version: "2306.01667", "math/0211159"
    int version = 0; // 0 = unknown
    QString title;
    QStringList authors; // in order
    QString abstract;
    QStringList categories;
    QString primaryCategory;
    QString comment;
    QString journalRef;
    QString doi;
    QDate published; // first version
    QDate updated;   // latest version
    QString codeUrl;
    QString codeUrlSource; // where codeUrl came from: "abstract", "comment", "hf", "digest", ...
    QString projectUrl;
    int codeStars = -1; // -1 = unknown

    bool isValid() const { return !arxivId.isEmpty(); }
};

// Machine-written summary some digests attach to a paper (daily-arXiv-ai-enhanced, HF).
struct AiSummary
{
    QString language; // BCP-47-ish: "zh", "en"
    QString tldr;
    QString motivation;
    QString method;
    QString result;
    QString conclusion;
    QStringList keywords;

    bool isEmpty() const
    {
        return tldr.isEmpty() && motivation.isEmpty() && method.isEmpty() && result.isEmpty() &&
               conclusion.isEmpty() && keywords.isEmpty();
    }
};

// One paper as one digest presented it. The digest's own words stay here, never on Paper.
struct DigestEntry
{
    Paper paper;
    int position = 0;            // 1-based order inside the digest
    QString announceType;        // "new", "cross", "replace", "replace-cross", or empty
    QString translationLanguage; // language of the two fields below, e.g. "zh"
    QString translatedTitle;
    QString translatedAbstract;
    QString codeUrlAsGiven;
    QString codeUrlWarning; // human-readable, set when the given code link looks misplaced
    int upvotes = -1;       // -1 = unknown
    QString organisation;
    AiSummary ai;
};

struct Digest
{
    QDate date;
    QString source; // "meiri-xueshu-sudi", "arxiv-rss", "arxiv-api", "hf-daily", "digest-json", ...
    QString category; // subject; several separated by spaces
    QString title;
    QList<DigestEntry> entries;
    QDate sameAs; // set when the source repeated an earlier day's listing unchanged
    // Bulk loads arrive in chunks: add these entries to an existing digest with the same key
    // instead of replacing its entries.
    bool additive = false;
};

// A paper's title and abstract in another language as the user wrote them. User data, keyed
// by arXiv id like notes; never written by imports, fetches or the translator.
struct UserTranslation
{
    QString language; // "zh", "zh-Hant", "ja", ... (see translate/language.h)
    QString title;
    QString abstract;
    QDateTime changed;

    bool isEmpty() const { return title.isEmpty() && abstract.isEmpty(); }
};

// Everything the user wrote about a paper. Keyed by arXiv id so it outlives the cache.
struct UserState
{
    bool starred = false;
    bool read = false;
    QString note;
    QStringList tags;
    QDateTime starredChanged;
    QDateTime readChanged;
    QDateTime noteChanged;
    // The user's own Chinese ("zh") title and abstract; other languages are kept in the store
    // but not shown yet.
    UserTranslation translation;
    bool dismissed = false;      // "not interested" (hidden from For you)
    bool highlighted = false;    // a highlight rule marked it
    QStringList followedAuthors; // the paper's authors the reader follows, as written there
};

// The same as a translation service wrote them, with where they came from. Derived data.
struct MachineTranslation
{
    QString language;
    QString title;
    QString abstract;
    QString provider; // "deepl", "openai", "libretranslate"
    QString model;    // the chat model; empty where the service has none
    QDateTime created;
    QString sourceHash; // of the English it was made from (translate/translation_hash.h)
    bool stale = false; // the English changed since

    bool isEmpty() const { return title.isEmpty() && abstract.isEmpty(); }
};

enum class TranslationSource
{
    None,
    Digest,
    User,
    Machine
};

// A paper as a reader sees it in one digest: metadata + that digest's words + user data.
struct PaperView
{
    Paper paper;
    DigestEntry entry; // entry.paper is left empty; see `paper`
    QDate digestDate;
    QString digestSource;
    QString digestCategory;
    UserState user;
    MachineTranslation machineTranslation; // Chinese ("zh") only, for now

    // The code link a reader should see: the digest's as given, else the one found for the
    // paper (abstract, comment, Hugging Face, ...).
    QString codeUrl() const
    {
        return entry.codeUrlAsGiven.isEmpty() ? paper.codeUrl : entry.codeUrlAsGiven;
    }

    // The Chinese title and abstract a reader sees, empty when there is none: a digest's, else
    // the user's own, else a machine's (shownTranslation below). Every writer (the window,
    // JSON, CSV, Markdown) asks here, so they agree on what counts as Chinese.
    QString chineseTitle() const;
    QString chineseAbstract() const;
};

// An entry's translation is Chinese when its language says so or says nothing: the digests
// without a language (每日学术速递) are Chinese, and the store records them as "zh".
bool isChineseTranslation(const DigestEntry &entry);

// The Chinese title and abstract the reader is shown, field by field: a digest's human
// translation first, then the user's own, then a machine translation.
struct ShownTranslation
{
    QString title;
    QString abstract;
    TranslationSource titleSource = TranslationSource::None;
    TranslationSource abstractSource = TranslationSource::None;

    // The first of digest, user, machine that gave a field; None when neither field is known.
    TranslationSource source() const;
    bool usesMachine() const
    {
        return titleSource == TranslationSource::Machine ||
               abstractSource == TranslationSource::Machine;
    }
};

ShownTranslation shownTranslation(const PaperView &view);
// "digest", "user", "machine"; empty for None.
QString translationSourceName(TranslationSource source);

QString absUrl(const QString &arxivId);
QString pdfUrl(const QString &arxivId, int version = 0);

// "https://arxiv.org/abs/2306.01667v2" / "arXiv:2306.01667" / "math/0211159v1" -> id and version.
// Returns false when the text holds no arXiv identifier.
bool parseArxivId(const QString &text, QString *id, int *version);

} // namespace paperboy
