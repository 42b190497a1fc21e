#pragma once

// Digests sometimes paste the code link of a neighbouring paper. We keep the link as given but
// flag it when its repository name fits another paper of the same digest far better.

#include <QList>
#include <QString>

namespace paperboy {

struct CodeLinkCandidate
{
    QString arxivId;
    QString title;
    int position = 0;
};

// How well a repository name ("TransformerPrograms", "goodviews_ecg") matches a title, 0..1:
// the share of the name's words found in the title.
double repoTitleMatch(const QString &repoName, const QString &title);

// The repository name of a GitHub/GitLab/Hugging Face link, or empty.
QString repoNameOf(const QString &url);

// A short warning when `url` (given for candidates[ownIndex]) matches another candidate much
// better than its own paper; empty when the link looks right or cannot be judged.
QString misplacedCodeLinkWarning(const QString &url, const QList<CodeLinkCandidate> &candidates,
                                 qsizetype ownIndex);

} // namespace paperboy
