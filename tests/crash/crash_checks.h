#pragma once

// What must hold in a library after any process writing to it was killed at any point:
// the file is intact, every acknowledged user write is there, and every digest is whole.
// Header-only so the crash harness and the checker's own test (tests/cli/tst_crash_checks.cpp)
// share it.
//
// User data is tracked per key ("star:ID", "read:ID", "note:ID", "tag:ID:TAG",
// "search:NAME"). Writes to one key are never in flight at the same time, so for each key the
// stored value must be the last acknowledged value (the process said it was saved), or the
// value of a write still running. A write that ended without saying (killed) may or may not
// have committed: the first check after it accepts either, and from then on the value that
// check found is fixed, as if acknowledged, so a later regression cannot hide behind it. The
// same holds for digests: one an unacknowledged import or fetch left in place must stay.
// Nothing else, and in particular no import or fetch, may change user data.

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy::crash {

struct DigestShape
{
    int entries = 0;
    int translations = 0;
    bool operator==(const DigestShape &) const = default;
};

// "2024-03-14|meiri-xueshu-sudi|cs.CV" -> shape, as read from a database.
inline QMap<QString, DigestShape> readDigestShapes(const QSqlDatabase &db, QStringList *problems)
{
    QMap<QString, DigestShape> shapes;
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT d.date || '|' || d.source || '|' || d.category, d.entry_count,"
                           " (SELECT count(*) FROM digest_entries e WHERE e.digest_id = d.id),"
                           " (SELECT count(*) FROM digest_entries e JOIN entry_translations t"
                           "  ON t.entry_id = e.id WHERE e.digest_id = d.id) FROM digests d"))) {
        problems->append(QStringLiteral("cannot read digests: %1").arg(q.lastError().text()));
        return shapes;
    }
    while (q.next()) {
        const QString key = q.value(0).toString();
        const int declared = q.value(1).toInt();
        const int entries = q.value(2).toInt();
        if (declared != entries)
            problems->append(QStringLiteral("digest %1 is half-stored: entry_count %2, %3 entries")
                                 .arg(key)
                                 .arg(declared)
                                 .arg(entries));
        if (entries == 0)
            problems->append(QStringLiteral("digest %1 has no entries").arg(key));
        shapes.insert(key, {entries, q.value(3).toInt()});
    }
    return shapes;
}

class ExpectedState
{
public:
    // The value a key has before any write: no star, no read mark, no note, no tag, no search.
    static QString initialValue(const QString &key)
    {
        // Notes, saved searches and saved trends are absent until written ("" when absent).
        return key.startsWith(QLatin1String("note:")) || key.startsWith(QLatin1String("search:")) ||
                       key.startsWith(QLatin1String("trend:")) ||
                       key.startsWith(QLatin1String("pdf:"))
                   ? QString()
                   : QStringLiteral("0");
    }

    void writeStarted(const QString &key, const QString &value) { m_running[key].insert(value); }
    void writeAcknowledged(const QString &key, const QString &value)
    {
        m_acked[key] = value;
        m_running.remove(key);
        m_unsettled.remove(key);
        ++m_acknowledgedWrites;
    }
    // The writer was killed (or failed) without saying whether `value` was saved.
    void writeEnded(const QString &key, const QString &value)
    {
        if (m_running.contains(key)) {
            m_running[key].remove(value);
            if (m_running[key].isEmpty())
                m_running.remove(key);
        }
        m_unsettled[key].insert(value);
    }

    // Every digest a source can produce, with its whole shape (from an unkilled reference run).
    void setReferenceDigests(const QMap<QString, DigestShape> &shapes) { m_reference = shapes; }
    // An import or fetch exited 0: these digests must be there, whole, from now on.
    void importAcknowledged(const QStringList &digestKeys)
    {
        for (const QString &key : digestKeys) {
            m_required.insert(key);
            if (m_growing.contains(key))
                m_whole.insert(key);
        }
    }
    // Digests a bulk import stores chunk by chunk (a day's papers may span chunks): until an
    // import of them is acknowledged, fewer entries than the source has are fine, but never
    // fewer than a check saw before.
    void setGrowingDigests(const QSet<QString> &keys) { m_growing = keys; }
    // An import or fetch was killed: those of its digests the next check finds are required
    // from then on.
    void importEnded(const QStringList &digestKeys)
    {
        for (const QString &key : digestKeys)
            m_unsettledDigests.insert(key);
    }

    int acknowledgedWrites() const { return m_acknowledgedWrites; }
    // Killed writes whose outcome a check has fixed.
    int settledWrites() const { return m_settledWrites; }
    int requiredDigests() const { return int(m_required.size()); }
    // The value a key must have, as far as acknowledged (or settled) writes go.
    QString expectedValue(const QString &key) const
    {
        return m_acked.value(key, initialValue(key));
    }
    // A killed write to `key` whose outcome no check has seen yet.
    bool isUnsettled(const QString &key) const { return m_unsettled.contains(key); }
    QStringList keys() const
    {
        QSet<QString> all(m_running.keyBegin(), m_running.keyEnd());
        for (auto it = m_unsettled.cbegin(); it != m_unsettled.cend(); ++it)
            all.insert(it.key());
        for (auto it = m_acked.cbegin(); it != m_acked.cend(); ++it)
            all.insert(it.key());
        QStringList sorted(all.begin(), all.end());
        sorted.sort();
        return sorted;
    }

    // Every problem found in `db`; empty when the library is as it must be. Then settles
    // what killed writes left: their keys and digests are fixed as found.
    QStringList check(const QSqlDatabase &db)
    {
        QStringList problems;
        const QString integrity = scalar(db, QStringLiteral("PRAGMA integrity_check"));
        if (integrity != QLatin1String("ok"))
            problems.append(QStringLiteral("integrity_check: %1").arg(integrity));
        const QString foreignKeys =
            scalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
        if (foreignKeys != QLatin1String("0"))
            problems.append(QStringLiteral("foreign_key_check: %1 violations").arg(foreignKeys));

        const QMap<QString, DigestShape> shapes = readDigestShapes(db, &problems);
        for (auto it = shapes.cbegin(); it != shapes.cend(); ++it) {
            const auto reference = m_reference.constFind(it.key());
            if (reference == m_reference.cend()) {
                problems.append(QStringLiteral("digest %1 comes from no source").arg(it.key()));
            } else if (!(*reference == it.value()) &&
                       !(m_growing.contains(it.key()) && !m_whole.contains(it.key()) &&
                         it.value().entries <= reference->entries &&
                         it.value().translations <= reference->translations)) {
                problems.append(QStringLiteral("digest %1 is not whole: %2 entries, %3 "
                                               "translations; the source has %4 and %5")
                                    .arg(it.key())
                                    .arg(it.value().entries)
                                    .arg(it.value().translations)
                                    .arg(reference->entries)
                                    .arg(reference->translations));
            }
        }
        for (auto it = shapes.cbegin(); it != shapes.cend(); ++it) {
            if (!m_growing.contains(it.key()))
                continue;
            if (it.value().entries < m_seenEntries.value(it.key()))
                problems.append(QStringLiteral("digest %1 shrank from %2 to %3 entries")
                                    .arg(it.key())
                                    .arg(m_seenEntries.value(it.key()))
                                    .arg(it.value().entries));
            m_seenEntries[it.key()] = it.value().entries;
        }
        for (const QString &key : m_required)
            if (!shapes.contains(key))
                problems.append(
                    QStringLiteral("digest %1 of an acknowledged import is missing").arg(key));

        const QHash<QString, QString> stored = readUserValues(db, &problems);
        for (const QString &key : keys()) {
            const QString actual = stored.value(key, initialValue(key));
            QSet<QString> allowed = m_running.value(key) + m_unsettled.value(key);
            allowed.insert(m_acked.contains(key) ? m_acked.value(key) : initialValue(key));
            if (!allowed.contains(actual)) {
                QStringList expected(allowed.begin(), allowed.end());
                expected.sort();
                problems.append(QStringLiteral("%1 is '%2'; acknowledged or in flight: '%3'")
                                    .arg(key, actual.left(60),
                                         expected.join(QLatin1String("' or '")).left(200)));
            } else if (m_unsettled.contains(key) && !m_running.contains(key)) {
                m_acked[key] = actual; // what the killed write left is what must stay
                m_unsettled.remove(key);
                ++m_settledWrites;
            }
        }
        // User data nobody wrote.
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            if (it.value() != initialValue(it.key()) && !m_acked.contains(it.key()) &&
                !m_running.contains(it.key()) && !m_unsettled.contains(it.key()))
                problems.append(QStringLiteral("%1 is '%2' but no one wrote it")
                                    .arg(it.key(), it.value().left(60)));
        for (const QString &key : std::as_const(m_unsettledDigests))
            if (shapes.contains(key))
                m_required.insert(key);
        m_unsettledDigests.clear();
        return problems;
    }

private:
    static QString scalar(const QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return QStringLiteral("<%1>").arg(q.lastError().text());
        QStringList rows;
        while (q.next())
            rows.append(q.value(0).toString());
        return rows.join(QLatin1Char('\n'));
    }

    static QHash<QString, QString> readUserValues(const QSqlDatabase &db, QStringList *problems)
    {
        QHash<QString, QString> values;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT arxiv_id, starred, read, note FROM user_papers"))) {
            problems->append(
                QStringLiteral("cannot read user_papers: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next()) {
            const QString id = q.value(0).toString();
            values.insert(QStringLiteral("star:") + id, q.value(1).toString());
            values.insert(QStringLiteral("read:") + id, q.value(2).toString());
            values.insert(QStringLiteral("note:") + id, q.value(3).toString());
        }
        if (!q.exec(QStringLiteral("SELECT arxiv_id, tag FROM user_tags"))) {
            problems->append(QStringLiteral("cannot read user_tags: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next())
            values.insert(
                QStringLiteral("tag:%1:%2").arg(q.value(0).toString(), q.value(1).toString()),
                QStringLiteral("1"));
        if (!q.exec(QStringLiteral("SELECT name, query FROM saved_searches"))) {
            problems->append(
                QStringLiteral("cannot read saved_searches: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next())
            values.insert(QStringLiteral("search:") + q.value(0).toString(), q.value(1).toString());
        // Issue #16: dismissals by paper, followed authors by folded name.
        if (!q.exec(QStringLiteral("SELECT 'dismiss:' || arxiv_id, dismissed FROM user_dismissals"
                                   " UNION ALL SELECT 'follow:' || name_key, followed FROM"
                                   " user_follows"))) {
            problems->append(
                QStringLiteral("cannot read user_dismissals: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next())
            values.insert(q.value(0).toString(), q.value(1).toString());
        // Issue #22: saved trends by name (one search each here: the list is that search).
        if (!q.exec(QStringLiteral("SELECT 'trend:' || name, queries FROM user_saved_trends"))) {
            problems->append(
                QStringLiteral("cannot read user_saved_trends: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next())
            values.insert(q.value(0).toString(), q.value(1).toString());
        // Issue #21: kept PDFs by paper ("1"), each with the text of every page it counts
        // (the harness's PDFs have text on every page): the row and its text commit together.
        if (!q.exec(QStringLiteral("SELECT u.arxiv_id, u.pages, (SELECT count(*) FROM pdf_text t"
                                   " WHERE t.arxiv_id = u.arxiv_id) FROM user_pdfs u"))) {
            problems->append(QStringLiteral("cannot read user_pdfs: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next()) {
            values.insert(QStringLiteral("pdf:") + q.value(0).toString(), QStringLiteral("1"));
            if (q.value(1).toInt() != q.value(2).toInt())
                problems->append(QStringLiteral("kept PDF %1: %2 pages but the text of %3")
                                     .arg(q.value(0).toString())
                                     .arg(q.value(1).toInt())
                                     .arg(q.value(2).toInt()));
        }
        // Issue #21: papers added by hand ("1"; never removed).
        if (!q.exec(QStringLiteral("SELECT 'added:' || arxiv_id, '1' FROM user_added"))) {
            problems->append(
                QStringLiteral("cannot read user_added: %1").arg(q.lastError().text()));
            return values;
        }
        while (q.next())
            values.insert(q.value(0).toString(), q.value(1).toString());
        return values;
    }

    QHash<QString, QString> m_acked;
    QHash<QString, QSet<QString>> m_running;   // writers still alive
    QHash<QString, QSet<QString>> m_unsettled; // killed writers, until the next check
    QMap<QString, DigestShape> m_reference;
    QSet<QString> m_required;
    QSet<QString> m_unsettledDigests;
    QSet<QString> m_growing;
    QSet<QString> m_whole; // growing digests an acknowledged import completed
    QHash<QString, int> m_seenEntries;
    int m_acknowledgedWrites = 0;
    int m_settledWrites = 0;
};

} // namespace paperboy::crash
