#pragma once

// The ranking's reads and writes (app/rank): its derived tables (rank_terms, rank_features,
// rank_stale, rank_state; migration 010), the text it builds vectors from, and the sets of
// papers it trains on and ranks, by papers.id. Writes touch only the derived tables. One
// object per connection, used on that connection's thread.

#include "store/database.h"

#include <QByteArrayView>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace paperboy {

struct RankText
{
    qint64 paperId = 0;
    QString title;
    QStringList authors;
    QString abstract;
    QString translation; // the latest translated title and abstract, if any
};

struct StoredVocabulary
{
    QStringList terms; // English terms first, then CJK
    QList<float> idf;
    int englishSize = 0;
    qint64 fittedAt = 0; // the largest papers.id when it was fitted
    int version = 0;     // of the feature code that fitted it
};

class RankStore
{
public:
    explicit RankStore(Database &database) : m_database(database) {}

    QString lastError() const { return m_error; }

    // The vocabulary, or nullopt when there is none yet (or on error: see lastError()).
    // Without `terms` only its size, fit and version are read (to see whether it changed).
    std::optional<StoredVocabulary> vocabulary(bool terms = true) const;
    // Replaces the vocabulary and drops every vector, in one transaction.
    bool replaceVocabulary(const StoredVocabulary &vocabulary);

    qint64 maxPaperId() const;
    qint64 lastVectorPaperId() const; // 0 when none
    int staleCount() const;

    // Texts to build vectors from: papers after `afterId` by id, the stale ones, or some.
    QList<RankText> textsAfter(qint64 afterId, int limit) const;
    QList<RankText> staleTexts(int limit) const;
    QList<RankText> textsOf(const QList<qint64> &paperIds) const;
    // About `count` papers spread evenly over the library (to fit a vocabulary on).
    QList<RankText> sampleTexts(int count) const;

    // Builds the vectors of the next `limit` papers that need one (new papers first, then
    // stale ones) with `vectorize`, and stores them, taking them off the stale list. Texts are
    // read inside the write transaction that stores their vectors: a change made in between
    // would otherwise be marked fresh without being read. Returns how many were built, -1 on
    // error.
    using Vectorizer = std::function<QByteArray(const RankText &text)>;
    int buildVectors(int limit, const Vectorizer &vectorize);

    using VectorSink = std::function<void(qint64 paperId, QByteArrayView vector)>;
    // Stored, current vectors: of these papers (in no particular order); of every paper (by id,
    // newest first); of the `limit` newest papers. Papers without one (new or stale) are left out.
    bool readVectors(const QList<qint64> &paperIds, const VectorSink &sink) const;
    bool readAllVectors(const VectorSink &sink, int limit = -1) const;
    QSet<qint64> staleIds() const;

    // Papers by papers.id. Starred and tagged ones newest first (by when they were starred
    // or tagged).
    QList<qint64> starredIds() const;
    QList<qint64> taggedIds(const QString &tag) const;
    int starredCount() const;
    int taggedCount(const QString &tag) const;
    QList<qint64> dismissedIds() const;
    std::optional<qint64> paperId(const QString &arxivId) const;
    QHash<QString, qint64> paperIds(const QStringList &arxivIds) const;
    QHash<qint64, QString> arxivIds(const QList<qint64> &paperIds) const;
    // Papers a digest dated from..to listed that are unread, not starred and not dismissed.
    QList<qint64> unreadListed(const QDate &from, const QDate &to) const;
    int unreadListedCount(const QDate &from, const QDate &to) const;
    // Papers a digest of `date` listed.
    QList<qint64> listedOn(const QDate &date) const;
    QDate newestDigestDate() const;

private:
    bool fail(const QString &error) const;
    bool saveVectors(const QList<std::pair<qint64, QByteArray>> &vectors);
    QList<qint64> ids(const QString &sql, const QVariantList &bindings = {}) const;
    QList<RankText> texts(const QString &where, const QVariantList &bindings) const;

    Database &m_database;
    mutable QString m_error;
};

} // namespace paperboy
