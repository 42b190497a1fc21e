#pragma once

// Recognises an input file by its content, never by its name: users rename downloads, and
// the same bytes arrive from files, clipboards and URLs.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace paperboy {

enum class InputFormat
{
    Unknown,
    DigestText,    // 每日学术速递 text or HTML copy (标题 / 作者 / 文章链接 / 摘要)
    ArxivApiAtom,  // export.arxiv.org/api/query answer
    ArxivRss,      // rss.arxiv.org/rss/...
    ArxivAtomFeed, // rss.arxiv.org/atom/...
    OaiPmh,        // OAI-PMH answer (export.arxiv.org/oai2, oaipmh.arxiv.org/oai)
    HfDailyJson,   // huggingface.co/api/daily_papers
    DigestJsonl,   // daily-arXiv-ai-enhanced data/YYYY-MM-DD.jsonl
    ArxivSnapshotJsonl, // Kaggle arxiv-metadata-oai-snapshot.json
};

// How much of the start of a file detectFormat() looks at; passing more is harmless.
inline constexpr qsizetype kFormatSniffBytes = 16 * 1024;

InputFormat detectFormat(const QByteArray &head);

// For messages: "arXiv API (Atom)", ... Unknown gives "unknown format".
QString formatName(InputFormat format);

// Every recognisable format's name, for an "unknown format, expected one of ..." message.
QStringList knownFormatNames();

} // namespace paperboy
