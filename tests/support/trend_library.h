#pragma once

// A library spread over months for the trend tests (issue #22): weekday digests from
// 2024-12-16 to 2025-02-28 and 2025-04-01 to 2025-04-04, with holes the trends must show as
// gaps, repeats and papers without digests:
//   - no digest in the week of 2025-01-13 (Monday) and none in March 2025: gaps;
//   - 2024-12-25 (a Wednesday) has no digest: a gap day inside held weeks;
//   - Saturday 2025-01-04 has only a repeat of Friday's listing ("same as 2025-01-03"): held,
//     no paper dated in it;
//   - every tenth paper is listed again the next digest day: it counts on its first day only;
//   - two papers have no digest: dated by their submission date (2025-02-15, a Saturday, and
//     2024-11-20, before the first digest).
// Titles mix five words; every third paper has a Chinese title (扩散模型 when the English one
// says diffusion); every fourth is by Wei Wang; categories alternate cs.CV and cs.LG.

#include "store/store.h"

#include <QDate>
#include <QList>
#include <QString>

namespace paperboy::test {

inline const QStringList &trendWords()
{
    static const QStringList words = {QStringLiteral("diffusion"), QStringLiteral("transformer"),
                                      QStringLiteral("graph"), QStringLiteral("protein"),
                                      QStringLiteral("video")};
    return words;
}

inline QList<QDate> trendDigestDays()
{
    QList<QDate> days;
    auto addWeekdays = [&days](QDate from, const QDate &to) {
        for (; from <= to; from = from.addDays(1))
            if (from.dayOfWeek() <= 5 && from != QDate(2024, 12, 25) &&
                (from < QDate(2025, 1, 13) || from > QDate(2025, 1, 19)))
                days.append(from);
    };
    addWeekdays(QDate(2024, 12, 16), QDate(2025, 2, 28));
    addWeekdays(QDate(2025, 4, 1), QDate(2025, 4, 4));
    return days;
}

inline Paper trendPaper(int n, const QDate &day)
{
    const QStringList &words = trendWords();
    Paper paper;
    paper.arxivId = QStringLiteral("2501.%1").arg(n, 5, 10, QLatin1Char('0'));
    const QString first = words.at((n * 7 + day.day()) % words.size());
    const QString second = words.at((n * 3) % words.size());
    paper.title = QStringLiteral("A study of %1 and %2 number %3").arg(first, second).arg(n);
    paper.abstract = QStringLiteral("We look at %1 models.").arg(second);
    paper.authors = {n % 4 == 0 ? QStringLiteral("Wei Wang") : QStringLiteral("Ada Lovelace"),
                     QStringLiteral("Alan Turing")};
    paper.categories = {n % 2 ? QStringLiteral("cs.CV") : QStringLiteral("cs.LG")};
    paper.primaryCategory = paper.categories.first();
    paper.published = day.addDays(-2);
    paper.version = 1;
    return paper;
}

// Fills `store`; false on a store error.
inline bool fillTrendLibrary(Store &store)
{
    QList<Digest> digests;
    int n = 0;
    DigestEntry carried; // every tenth paper, listed again the next day
    bool carry = false;
    for (const QDate &day : trendDigestDays()) {
        Digest digest;
        digest.date = day;
        digest.source = QStringLiteral("arxiv-rss");
        digest.category = QStringLiteral("cs.CV");
        const int count = 2 + day.day() % 4;
        for (int i = 0; i < count; ++i) {
            DigestEntry entry;
            entry.paper = trendPaper(++n, day);
            entry.position = i + 1;
            if (n % 3 == 0) {
                entry.translationLanguage = QStringLiteral("zh");
                entry.translatedTitle = entry.paper.title.contains(QLatin1String("diffusion"))
                                            ? QStringLiteral("基于扩散模型的研究")
                                            : QStringLiteral("关于图网络的研究");
            }
            digest.entries.append(entry);
        }
        if (carry) {
            carried.position = int(digest.entries.size()) + 1;
            digest.entries.append(carried);
        }
        carry = false;
        if (n % 10 < 3) { // roughly one day in three
            carried = digest.entries.constFirst();
            carry = true;
        }
        digests.append(digest);
    }
    Digest repeat;
    repeat.date = QDate(2025, 1, 4);
    repeat.source = QStringLiteral("arxiv-rss");
    repeat.category = QStringLiteral("cs.CV");
    repeat.sameAs = QDate(2025, 1, 3);
    for (const Digest &digest : std::as_const(digests))
        if (digest.date == repeat.sameAs)
            repeat.entries = digest.entries; // the same listing again
    digests.append(repeat);
    QList<Paper> bare = {trendPaper(++n, QDate(2025, 2, 17)), trendPaper(++n, QDate(2024, 11, 22))};
    return store.saveDigests(digests, bare);
}

} // namespace paperboy::test
