#pragma once

// Finds the code behind a paper: authors announce their repository in the abstract or in the
// arXiv comment, usually as a bare URL with sentence punctuation glued to it.

#include <QList>
#include <QString>

namespace paperboy {

struct FoundLink
{
    QString url;  // cleaned: no trailing punctuation, no ".git"
    QString kind; // "github", "gitlab", "hf-space", "hf-model", "hf-dataset", "project-page"
};

// All repository and project-page links in `text`, in order of appearance, without duplicates.
// Only http(s) links count; "github.com/owner/repo" without a scheme is read as https.
QList<FoundLink> findCodeLinks(const QString &text);

// The most useful link of the two texts: a source repository before a Hugging Face page before
// a project page; on a tie the abstract wins. `source` receives "abstract" or "comment"
// (empty when nothing was found).
QString bestCodeLink(const QString &abstract, const QString &comment, QString *source = nullptr);

// The first project page (github.io) in the abstract, else in the comment; empty if none.
QString firstProjectPage(const QString &abstract, const QString &comment);

} // namespace paperboy
