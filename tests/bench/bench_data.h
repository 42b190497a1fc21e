#pragma once

// Synthetic data sets for the benchmark: a large cache database in the real schema, arXiv RSS
// listings and an arXiv metadata snapshot file.

#include "bench_text.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace paperboy::bench {

struct CacheShape
{
    int papers = 1000000;
    int days = 1000;
    double chineseShare = 0.2; // papers that a Chinese digest also lists, with a translation
};

struct CacheInfo
{
    QList<QDate> dates; // oldest first
    bool generated = false;
    double seconds = 0;          // generating, when it was generated
    double migrationSeconds = 0; // upgrading an older file to the current schema
    qint64 bytes = 0;
};

// `days` announcement days (weekdays) ending on a fixed Friday, oldest first.
QList<QDate> announcementDays(int days);

// arXiv identifier of the `sequence`-th paper announced in `date`'s month.
QString arxivIdFor(const QDate &date, int sequence);

// Opens `path` when it holds a cache of this shape, otherwise (re)generates it: bare SQLite
// inserts with the index triggers set aside, then the indexes built once, then the triggers
// restored, so the file is exactly what the app would have written.
bool ensureCache(const QString &path, const CacheShape &shape, CacheInfo *info, QString *error);

// One day's arXiv RSS listing as rss.arxiv.org serves it.
QByteArray rssListing(TextGenerator &text, const QDate &date, int papers, int firstSequence);

// An arXiv metadata snapshot (JSON Lines, as Kaggle ships it) of `lines` papers.
bool writeSnapshot(const QString &path, int lines, QString *error);

} // namespace paperboy::bench
