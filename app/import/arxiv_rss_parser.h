#pragma once

// arXiv's RSS 2.0 listing (rss.arxiv.org/rss/<categories>): one day's announcements.

#include "import/parse_result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace paperboy {

// One Digest (source "arxiv-rss") dated by the channel's pubDate. A day without
// announcements is a success with zero entries. `requestedCategories` ("cs.CV cs.LG")
// becomes the digest category; when empty it is derived from the channel link.
ParseResult parseArxivRss(const QByteArray &xml, const QString &requestedCategories = {});

} // namespace paperboy
