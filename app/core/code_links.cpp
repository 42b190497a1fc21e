#include "code_links.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace paperboy {

namespace {

// A host-like token, optionally with a scheme, and its path. Candidates are classified
// afterwards; the look-behind keeps "git@github.com:" and the middle of longer words out.
// Full-width and CJK punctuation end a URL because Chinese digests glue "。" to links.
const QRegularExpression &candidatePattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        R"((?<![\w@/.+-])(?:([A-Za-z][A-Za-z0-9+.-]*)://)?)"
        R"(((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}))"
        R"((/[^\s<>"'{}\\|^`\[\]\x{2018}-\x{201F}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*)?)"));
    return pattern;
}

bool isTrailingPunctuation(QChar c)
{
    return QStringView(u".,;:!?*'\"").contains(c);
}

// Sentence punctuation, a closing parenthesis that opened before the URL, and ".git".
QString stripTrailing(QString path)
{
    for (;;) {
        if (!path.isEmpty() && isTrailingPunctuation(path.back())) {
            path.chop(1);
        } else if (path.endsWith(u')') && path.count(u'(') < path.count(u')')) {
            path.chop(1);
        } else if (path.endsWith(QLatin1String(".git"), Qt::CaseInsensitive)) {
            path.chop(4);
        } else {
            return path;
        }
    }
}

// Drops "?query" and "#fragment": a repository link is the same repository without them.
QString withoutQueryAndFragment(const QString &path)
{
    static const QRegularExpression queryOrFragment(QStringLiteral("[?#]"));
    const qsizetype cut = path.indexOf(queryOrFragment);
    return cut < 0 ? path : path.left(cut);
}

QStringList pathSegments(const QString &path)
{
    return withoutQueryAndFragment(path).split(u'/', Qt::SkipEmptyParts);
}

FoundLink repositoryLink(const QString &host, const QString &path, const QString &kind,
                         const QSet<QString> &reservedOwners)
{
    QStringList segments = pathSegments(path);
    if (segments.size() < 2 || reservedOwners.contains(segments.first().toLower()))
        return {};
    segments.last() = stripTrailing(segments.last());
    if (segments.last().isEmpty())
        return {};
    return {QStringLiteral("https://") + host + u'/' + segments.join(u'/'), kind};
}

FoundLink huggingFaceLink(const QString &path)
{
    static const QSet<QString> reserved = {
        QStringLiteral("papers"),  QStringLiteral("docs"),          QStringLiteral("blog"),
        QStringLiteral("models"),  QStringLiteral("collections"),   QStringLiteral("learn"),
        QStringLiteral("tasks"),   QStringLiteral("organizations"), QStringLiteral("join"),
        QStringLiteral("login"),   QStringLiteral("settings"),      QStringLiteral("chat"),
        QStringLiteral("posts"),   QStringLiteral("pricing"),       QStringLiteral("spaces"),
        QStringLiteral("datasets")};
    const QStringList segments = pathSegments(path);
    if (segments.isEmpty())
        return {};
    const QString first = segments.first().toLower();
    QString kind = QStringLiteral("hf-model");
    qsizetype needed = 2;
    if (first == u"spaces") {
        kind = QStringLiteral("hf-space");
        needed = 3;
    } else if (first == u"datasets") {
        kind = QStringLiteral("hf-dataset");
        needed = 3;
    } else if (reserved.contains(first)) {
        return {};
    }
    if (segments.size() < needed)
        return {};
    QStringList kept = segments.mid(0, needed);
    kept.last() = stripTrailing(kept.last());
    if (kept.last().isEmpty())
        return {};
    return {QStringLiteral("https://huggingface.co/") + kept.join(u'/'), kind};
}

FoundLink classify(const QString &scheme, const QString &rawHost, const QString &rawPath)
{
    QString host = rawHost.toLower();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    const QString path = stripTrailing(rawPath);

    if (host == u"github.com") {
        static const QSet<QString> reserved = {
            QStringLiteral("orgs"),   QStringLiteral("features"),    QStringLiteral("sponsors"),
            QStringLiteral("topics"), QStringLiteral("marketplace"), QStringLiteral("settings"),
            QStringLiteral("about"),  QStringLiteral("pricing"),     QStringLiteral("login"),
            QStringLiteral("search"), QStringLiteral("collections"), QStringLiteral("apps")};
        return repositoryLink(host, path, QStringLiteral("github"), reserved);
    }
    if (host == u"gitlab.com") {
        static const QSet<QString> reserved = {QStringLiteral("explore"), QStringLiteral("users"),
                                               QStringLiteral("help"), QStringLiteral("dashboard")};
        return repositoryLink(host, path, QStringLiteral("gitlab"), reserved);
    }
    if (host == u"huggingface.co" || host == u"hf.co")
        return huggingFaceLink(path);
    if (host.endsWith(QLatin1String(".github.io"))) {
        const QString effectiveScheme = scheme.isEmpty() ? QStringLiteral("https") : scheme;
        return {effectiveScheme + QStringLiteral("://") + host + path,
                QStringLiteral("project-page")};
    }
    return {};
}

int kindRank(const QString &kind)
{
    static const QStringList order = {QStringLiteral("github"),     QStringLiteral("gitlab"),
                                      QStringLiteral("hf-space"),   QStringLiteral("hf-model"),
                                      QStringLiteral("hf-dataset"), QStringLiteral("project-page")};
    const qsizetype index = order.indexOf(kind);
    return index < 0 ? int(order.size()) : int(index);
}

} // namespace

QList<FoundLink> findCodeLinks(const QString &text)
{
    QList<FoundLink> links;
    QSet<QString> seen;
    QRegularExpressionMatchIterator it = candidatePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString scheme = match.captured(1).toLower();
        if (!scheme.isEmpty() && scheme != u"http" && scheme != u"https")
            continue;
        const FoundLink link = classify(scheme, match.captured(2), match.captured(3));
        if (link.url.isEmpty())
            continue;
        const QString key = link.url.toLower();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        links.append(link);
    }
    return links;
}

QString bestCodeLink(const QString &abstract, const QString &comment, QString *source)
{
    QString best;
    QString bestSource;
    int bestRank = -1;
    const auto consider = [&](const QString &text, const QString &origin) {
        const QList<FoundLink> links = findCodeLinks(text);
        for (const FoundLink &link : links) {
            const int rank = kindRank(link.kind);
            if (bestRank < 0 || rank < bestRank) {
                best = link.url;
                bestSource = origin;
                bestRank = rank;
            }
        }
    };
    consider(abstract, QStringLiteral("abstract"));
    consider(comment, QStringLiteral("comment"));
    if (source)
        *source = bestSource;
    return best;
}

QString firstProjectPage(const QString &abstract, const QString &comment)
{
    for (const QString *text : {&abstract, &comment}) {
        const QList<FoundLink> links = findCodeLinks(*text);
        for (const FoundLink &link : links) {
            if (link.kind == u"project-page")
                return link.url;
        }
    }
    return {};
}

} // namespace paperboy
