#pragma once

// A reading list to paste into a group-meeting document: titles, authors, links, the
// abstract and the reader's own notes, in English or English + Chinese.

#include "core/paper.h"

#include <QList>
#include <QString>

namespace paperboy {

struct MarkdownOptions
{
    QString heading;        // "Reading list: 2024-03-14"; empty = no heading
    bool bilingual = false; // add the Chinese title and abstract where a digest gave them
};

QString papersToMarkdown(const QList<PaperView> &papers, const MarkdownOptions &options = {});

// Backslash-escapes what Markdown (CommonMark + GFM) would read as markup, so titles,
// abstracts and notes render as the text they are: no stray emphasis, headings, HTML or links.
// Control characters other than tab and line feed are dropped; a CR becomes a line feed.
QString markdownEscape(const QString &text);

// The link target for a code URL, or empty when it is not a plain https link.
QString safeMarkdownUrl(const QString &url);

} // namespace paperboy
