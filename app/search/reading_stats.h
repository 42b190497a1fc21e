#pragma once

// Reading statistics (issue #22): papers read, starred and annotated per week (Monday to
// Sunday), papers that arrived, and a summary of one week with its most used tags.
//
// What the library records, and so what is counted: user_papers keeps one time per field,
// the time of its latest change (read_changed, starred_changed, note_changed). A paper counts
// as read (starred, annotated) in the week its read mark (star, note) was last set, and only
// while it is still set: a paper read in March and marked unread in May counts nowhere, a
// note written in March and edited in May counts in May. Read marks a whole day at a time
// (Mark Day Read) or a rule set carry that moment. Fields set without a time (none that this
// version writes) are left out and counted in `undated`. Tags count in the week they were
// added (user_tags.added). Papers arrived are those dated in the week as search and trends
// date them (paper_dates: the first digest that listed them, else their submission date).
//
// Change times are UTC; a week is counted in local time (the day the reader saw), as SQLite's
// 'localtime' modifier converts them. Same connection rules as Trends.

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace paperboy {

class Store;

struct ReadingWeek
{
    QDate start; // a Monday
    qint64 read = 0;
    qint64 starred = 0;
    qint64 annotated = 0;
    qint64 arrived = 0;

    bool operator==(const ReadingWeek &) const = default;
};

struct TagUse
{
    QString tag;
    qint64 papers = 0; // papers the tag was added to that week

    bool operator==(const TagUse &) const = default;
};

struct ReadingStats
{
    // Consecutive weeks, oldest first, up to the week holding `today`: the last `weeks` of
    // them, or (weeks = 0) from the first week anything was read, starred or annotated.
    QList<ReadingWeek> weeks;
    ReadingWeek thisWeek;  // the week holding `today`, always filled
    QList<TagUse> topTags; // this week's, most used first (then by name), at most five
    qint64 undated = 0;    // read marks, stars and notes without a time: in no week
    bool ok = true;
    QString error;
};

class ReadingStatistics
{
public:
    static constexpr int kTopTags = 5;

    explicit ReadingStatistics(const QSqlDatabase &db) : m_db(db) {}
    explicit ReadingStatistics(Store &store);

    // `weeks` > 0 keeps the last `weeks` weeks up to today's; 0 keeps every week.
    ReadingStats compute(const QDate &today, int weeks = 0) const;

private:
    QSqlDatabase m_db;
};

} // namespace paperboy
