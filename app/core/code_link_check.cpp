#include "code_link_check.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace paperboy {

namespace {

// "TransformerPrograms" -> {transformer, programs}; "goodviews_ecg" -> {goodviews, ecg}.
QStringList words(const QString &text, bool splitCamelCase)
{
    QString spaced;
    spaced.reserve(text.size() * 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (splitCamelCase && i > 0 && c.isUpper() && text.at(i - 1).isLower())
            spaced += QLatin1Char(' ');
        spaced += c.isLetterOrNumber() ? c.toLower() : QChar(QLatin1Char(' '));
    }
    QStringList result = spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Words of one or two letters ("a", "of", "v2") say nothing about which paper is meant.
    result.removeIf([](const QString &w) { return w.size() < 3; });
    return result;
}

} // namespace

QString repoNameOf(const QString &url)
{
    const QUrl parsed(url);
    const QString host = parsed.host().toLower();
    QStringList parts = parsed.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (host.endsWith(QLatin1String("huggingface.co")) && !parts.isEmpty() &&
        (parts.first() == QLatin1String("spaces") || parts.first() == QLatin1String("datasets")))
        parts.removeFirst();
    if (parts.size() < 2)
        return {};
    QString name = parts.at(1);
    if (name.endsWith(QLatin1String(".git")))
        name.chop(4);
    return name;
}

double repoTitleMatch(const QString &repoName, const QString &title)
{
    const QStringList repoWords = words(repoName, true);
    if (repoWords.isEmpty())
        return 0.0;
    const QStringList titleWords = words(title, false);
    const QString titleJoined = titleWords.join(QString());
    int found = 0;
    for (const QString &word : repoWords) {
        // Prefix match lets "diffusion" match "diffusers"-style stems and "prog" match "programs".
        const bool hit = std::any_of(titleWords.begin(), titleWords.end(), [&](const QString &t) {
            return t == word || (word.size() >= 4 && t.startsWith(word)) ||
                   (t.size() >= 4 && word.startsWith(t));
        });
        if (hit || (word.size() >= 5 && titleJoined.contains(word)))
            ++found;
    }
    return double(found) / double(repoWords.size());
}

QString misplacedCodeLinkWarning(const QString &url, const QList<CodeLinkCandidate> &candidates,
                                 qsizetype ownIndex)
{
    if (ownIndex < 0 || ownIndex >= candidates.size())
        return {};
    const QString repo = repoNameOf(url);
    if (repo.isEmpty())
        return {};
    const double own = repoTitleMatch(repo, candidates.at(ownIndex).title);
    qsizetype best = -1;
    double bestScore = 0.0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (i == ownIndex)
            continue;
        const double score = repoTitleMatch(repo, candidates.at(i).title);
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    if (best < 0 || bestScore < 0.6 || bestScore - own < 0.5)
        return {};
    const CodeLinkCandidate &other = candidates.at(best);
    const QUrl parsed(url);
    const QString shown = parsed.host() + parsed.path();
    return QStringLiteral("This code link (%1) looks like the code of paper %2, \"%3\" (%4), "
                          "not of this paper.")
        .arg(shown)
        .arg(other.position)
        .arg(other.title, other.arxivId);
}

} // namespace paperboy
