// Ranking quality on the recorded fixtures (issue #16): stars on one topic must bring the
// other papers of that topic to the top, and Paperboy's ranking must beat arxiv-sanity-lite's
// method, implemented here a second time, independently, as the baseline: tf-idf by regular
// expression (max_df 0.1), plain liblinear, no dismissals, no feedback, no Chinese. The
// average precision of both is printed for docs/ranking.md.
//
// A topic is a primary category (cs.CV, cs.AI, cs.CL: 122, 87 and 79 of the 384 papers). Each
// scenario runs 10 trials per topic:
//  - S1: 5 random papers of the topic starred; the reader dismisses the 5 best-ranked papers
//    of other topics (in the baseline's ranking, so that every method ranks the same papers);
//  - S2: the same, dismissing 20 at random among the 100 best-ranked of other topics;
//  - T: 10 papers of the topic tagged, ranked by the tag (paperboy rank --tag);
//  - M: more like this: one paper of the topic is the only positive.
// Every method ranks the same candidates (neither positive nor dismissed).
// PAPERBOY_RANK_QUALITY_SEEDS=0,7,31 runs the trials with several seeds (default: 0).

#include "import/importer.h"
#include "rank/rank_index.h"
#include "rank/ranker.h"
#include "rank/text_features.h"
#include "rank/vocabulary.h"
#include "test_db.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <linear.h>
#include <map>

using namespace paperboy;
using namespace paperboy::test;

namespace {

struct FixturePaper
{
    qint64 id = 0;
    QString arxivId;
    QString topic;
    QString text; // title, abstract, authors
};

// ---- The baseline: compute.py + serve.py's svm_rank, written from their description. ----

QStringList baselineTokens(const QString &raw)
{
    // strip_accents='unicode', lowercase=True, token_pattern r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b',
    // stop_words='english', ngram_range=(1, 2).
    QString text = raw.normalized(QString::NormalizationForm_KD);
    QString kept;
    for (const QChar c : std::as_const(text))
        if (c.combiningClass() == 0)
            kept += c;
    kept = kept.toLower();
    static const QRegularExpression word(QStringLiteral(R"(\b[a-zA-Z_][a-zA-Z0-9_]+\b)"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    auto it = word.globalMatch(kept);
    while (it.hasNext()) {
        const QString w = it.next().captured(0);
        if (!rank::isStopWord(w.toStdString()))
            words.append(w);
    }
    QStringList grams = words;
    for (qsizetype i = 1; i < words.size(); ++i)
        grams.append(words.at(i - 1) + QLatin1Char(' ') + words.at(i));
    return grams;
}

struct Baseline
{
    QStringList vocabulary;
    QHash<qint64, std::vector<feature_node>> rows; // liblinear rows, bias and end included

    // max_df: arxiv-sanity-lite's 0.1, or Paperboy's (to check that the two implementations
    // agree on the vocabulary and the model).
    Baseline(const QList<FixturePaper> &papers, double maxDf)
    {
        std::map<QString, std::pair<int, int>> counts; // df, tf
        QHash<qint64, QMap<QString, int>> termCounts;
        for (const FixturePaper &paper : papers) {
            QMap<QString, int> &own = termCounts[paper.id];
            for (const QString &gram : baselineTokens(paper.text))
                ++own[gram];
            for (auto it = own.cbegin(); it != own.cend(); ++it) {
                counts[it.key()].first += 1;
                counts[it.key()].second += it.value();
            }
        }
        const double n = double(papers.size());
        QList<std::pair<int, QString>> kept;
        for (const auto &[term, c] : counts)
            if (c.first >= 5 && c.first <= maxDf * n)
                kept.append({c.second, term});
        std::sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        kept = kept.mid(0, 20000);
        for (const auto &entry : kept)
            vocabulary.append(entry.second);
        vocabulary.sort();
        QHash<QString, int> index;
        QList<double> idf;
        for (const QString &term : std::as_const(vocabulary)) {
            index.insert(term, int(index.size()));
            idf.append(std::log((1 + n) / (1 + counts[term].first)) + 1);
        }
        for (const FixturePaper &paper : papers) {
            std::vector<feature_node> row;
            double sum = 0;
            const QMap<QString, int> &own = termCounts[paper.id];
            for (auto it = own.cbegin(); it != own.cend(); ++it) {
                const auto found = index.constFind(it.key());
                if (found == index.cend())
                    continue;
                const double value = (1 + std::log(double(it.value()))) * idf.at(*found);
                row.push_back({*found + 1, value});
                sum += value * value;
            }
            std::sort(row.begin(), row.end(), [](const feature_node &a, const feature_node &b) {
                return a.index < b.index;
            });
            for (feature_node &node : row)
                node.value /= std::sqrt(sum);
            row.push_back({int(vocabulary.size()) + 1, 1.0});
            row.push_back({-1, 0});
            rows.insert(paper.id, row);
        }
    }

    // LinearSVC(class_weight='balanced', C=0.01): positives against every other paper.
    QHash<qint64, double> scores(const QSet<qint64> &positives)
    {
        std::vector<feature_node *> x;
        std::vector<double> y;
        for (const qint64 id : positives) {
            x.push_back(rows[id].data());
            y.push_back(+1);
        }
        for (auto it = rows.begin(); it != rows.end(); ++it)
            if (!positives.contains(it.key())) {
                x.push_back(it.value().data());
                y.push_back(-1);
            }
        problem prob{};
        prob.l = int(x.size());
        prob.n = int(vocabulary.size()) + 1;
        prob.x = x.data();
        prob.y = y.data();
        prob.bias = 1;
        const double p = double(positives.size()), total = double(x.size());
        int labels[2] = {+1, -1};
        double weights[2] = {total / (2 * p), total / (2 * (total - p))};
        parameter param{};
        param.solver_type = L2R_L2LOSS_SVC_DUAL;
        param.C = 0.01;
        param.eps = 0.1;
        param.nr_weight = 2;
        param.weight_label = labels;
        param.weight = weights;
        std::srand(1);
        model *m = train(&prob, &param);
        QHash<qint64, double> result;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            double value = 0;
            predict_values(m, it.value().data(), &value);
            result.insert(it.key(), m->label[0] == 1 ? value : -value);
        }
        free_and_destroy_model(&m);
        return result;
    }
};

// ---- Measuring. ----

double averagePrecision(const QList<qint64> &ranked, const QSet<qint64> &relevant)
{
    double hits = 0, sum = 0;
    for (qsizetype i = 0; i < ranked.size(); ++i)
        if (relevant.contains(ranked.at(i))) {
            hits += 1;
            sum += hits / double(i + 1);
        }
    return relevant.isEmpty() ? 0 : sum / double(relevant.size());
}

QList<qint64> byScore(const QList<qint64> &candidates, const QHash<qint64, double> &scores)
{
    QList<qint64> ranked = candidates;
    std::stable_sort(ranked.begin(), ranked.end(), [&](qint64 a, qint64 b) {
        return scores.value(a) != scores.value(b) ? scores.value(a) > scores.value(b) : a < b;
    });
    return ranked;
}

void silence(const char *) {}

} // namespace

class TestRankQuality : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Store> m_store;
    QList<FixturePaper> m_papers;

    QHash<qint64, double> ours(const QList<qint64> &candidates, Ranker &ranker,
                               const RankSpec &spec)
    {
        QHash<qint64, double> scores;
        const QList<PaperScore> scored = ranker.score(candidates, spec);
        for (const PaperScore &score : scored)
            scores.insert(score.paperId, score.score);
        return scores;
    }

private slots:
    void initTestCase()
    {
        set_print_string_function(&silence);
        m_database = std::make_unique<Database>();
        QVERIFY(m_database->open(m_dir.filePath(QStringLiteral("quality.sqlite"))));
        m_store = std::make_unique<Store>(*m_database);
        Importer importer(*m_store);
        for (const QString &file :
             {QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"),
              QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"),
              QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml"),
              QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt"),
              QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json")})
            QVERIFY2(importer.importFile(fixture(file)).ok, qPrintable(file));
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id, arxiv_id, coalesce(primary_category, ''),"
                                      " coalesce(title, ''), coalesce(abstract, ''),"
                                      " coalesce(authors, '') FROM papers ORDER BY id")));
        while (q.next())
            m_papers.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString() + QLatin1Char(' ') + q.value(4).toString() +
                                 QLatin1Char(' ') +
                                 q.value(5).toString().replace(QChar(0x1f), QLatin1Char(' '))});
        QCOMPARE(m_papers.size(), 384);
        RankIndex index(*m_database);
        QVERIFY2(index.update(), qPrintable(index.lastError()));
        QCOMPARE(index.pendingPapers(), 0);
    }

    void vocabularyMatchesTheReference()
    {
        // Two implementations of one method must choose the same terms (Paperboy's max_df).
        const Baseline reference(m_papers, rank::VocabularyOptions{}.maxDf);
        const std::optional<StoredVocabulary> stored = RankStore(*m_database).vocabulary();
        QVERIFY(stored);
        QCOMPARE(stored->englishSize, stored->terms.size()); // no CJK pair reaches 5 papers here
        QCOMPARE(stored->terms.size(), reference.vocabulary.size());
        QCOMPARE(stored->terms, reference.vocabulary);
        // arxiv-sanity-lite's max_df of 0.1 drops the words that make a topic in a library of
        // a few categories ("image", "language"): the baseline's vocabulary is smaller.
        const Baseline baseline(m_papers, 0.1);
        QVERIFY(baseline.vocabulary.size() < reference.vocabulary.size());
        QVERIFY(!baseline.vocabulary.contains(QStringLiteral("image")));
        QVERIFY(reference.vocabulary.contains(QStringLiteral("image")));
    }

    void rankingBeatsTheBaseline_data()
    {
        QTest::addColumn<int>("stars");      // positives
        QTest::addColumn<bool>("byTag");     // tagged, not starred
        QTest::addColumn<int>("dismissals"); // papers of other topics dismissed
        QTest::addColumn<int>("amongTop");   // 0: the best-ranked; N: at random among N best
        QTest::newRow("S1 5 stars, the 5 best-ranked of other topics dismissed")
            << 5 << false << 5 << 0;
        QTest::newRow("S2 5 stars, 20 of the 100 best-ranked of other topics dismissed")
            << 5 << false << 20 << 100;
        QTest::newRow("T  10 papers tagged, ranked by the tag") << 10 << true << 0 << 0;
        QTest::newRow("M  more like this: one paper") << 1 << false << 0 << 0;
    }

    void rankingBeatsTheBaseline()
    {
        QFETCH(int, stars);
        QFETCH(bool, byTag);
        QFETCH(int, dismissals);
        QFETCH(int, amongTop);
        const bool similar = stars == 1;
        Baseline baseline(m_papers, 0.1);
        Baseline reference(m_papers, rank::VocabularyOptions{}.maxDf);
        Ranker ranker(*m_database);
        rank::TrainingOptions plain;
        plain.dismissedShare = 0;
        plain.feedback = 0;
        QHash<QString, QSet<qint64>> byTopic;
        QHash<qint64, FixturePaper> byId;
        for (const FixturePaper &paper : std::as_const(m_papers)) {
            byTopic[paper.topic].insert(paper.id);
            byId.insert(paper.id, paper);
        }
        const QStringList topics = {QStringLiteral("cs.CV"), QStringLiteral("cs.AI"),
                                    QStringLiteral("cs.CL")};
        QList<quint32> seeds;
        for (const QString &seed :
             qEnvironmentVariable("PAPERBOY_RANK_QUALITY_SEEDS", QStringLiteral("0"))
                 .split(QLatin1Char(','), Qt::SkipEmptyParts))
            seeds.append(seed.toUInt());
        const QString tag = QStringLiteral("quality-topic");
        constexpr int kTrials = 10;
        struct Sums
        {
            double random = 0, baseline = 0, reference = 0, plain = 0, ours = 0;
            int trials = 0;
        };
        QList<Sums> perSeed;
        for (const quint32 seed : std::as_const(seeds)) {
            Sums sums;
            for (const QString &topic : topics) {
                QList<qint64> members(byTopic.value(topic).begin(), byTopic.value(topic).end());
                std::sort(members.begin(), members.end());
                for (int trial = 0; trial < kTrials; ++trial) {
                    QRandomGenerator random(
                        quint32(1000 * trial + topics.indexOf(topic) + 100000 * seed));
                    std::shuffle(members.begin(), members.end(), random);
                    const QSet<qint64> positives(members.begin(), members.begin() + stars);
                    QStringList positiveIds;
                    QList<qint64> candidates;
                    for (const FixturePaper &p : std::as_const(m_papers)) {
                        if (positives.contains(p.id))
                            positiveIds.append(p.arxivId);
                        else
                            candidates.append(p.id);
                    }
                    RankSpec spec;
                    if (similar) {
                        spec.similarTo = positiveIds.constFirst();
                    } else {
                        for (const QString &id : std::as_const(positiveIds))
                            QVERIFY(byTag ? m_store->addTags(id, {tag})
                                          : m_store->setStarred(id, true));
                        if (byTag)
                            spec.tag = tag;
                    }
                    // The reader dismisses among the first screens of the baseline's order.
                    QList<qint64> dismissed;
                    if (dismissals > 0) {
                        QList<qint64> others;
                        for (const qint64 id : byScore(candidates, baseline.scores(positives)))
                            if (byId.value(id).topic != topic)
                                others.append(id);
                        if (amongTop > 0) {
                            others = others.mid(0, amongTop);
                            std::shuffle(others.begin(), others.end(), random);
                        }
                        dismissed = others.mid(0, dismissals);
                    }
                    QStringList dismissedIds;
                    for (const qint64 id : std::as_const(dismissed))
                        dismissedIds.append(byId.value(id).arxivId);
                    QVERIFY(m_store->setDismissed(dismissedIds, true));
                    QList<qint64> remaining;
                    QSet<qint64> relevant;
                    for (const qint64 id : std::as_const(candidates))
                        if (!dismissed.contains(id)) {
                            remaining.append(id);
                            if (byTopic.value(topic).contains(id))
                                relevant.insert(id);
                        }
                    // The baseline knows nothing of dismissals: the dismissed are more papers.
                    sums.baseline +=
                        averagePrecision(byScore(remaining, baseline.scores(positives)), relevant);
                    sums.reference +=
                        averagePrecision(byScore(remaining, reference.scores(positives)), relevant);
                    ranker.setTrainingOptions(plain);
                    sums.plain += averagePrecision(
                        byScore(remaining, ours(remaining, ranker, spec)), relevant);
                    ranker.setTrainingOptions({});
                    const QHash<qint64, double> scores = ours(remaining, ranker, spec);
                    QVERIFY2(!scores.isEmpty(), qPrintable(ranker.lastError()));
                    sums.ours += averagePrecision(byScore(remaining, scores), relevant);
                    sums.random += double(relevant.size()) / double(remaining.size());
                    QVERIFY(m_store->setDismissed(dismissedIds, false));
                    if (!similar)
                        for (const QString &id : std::as_const(positiveIds))
                            QVERIFY(byTag ? m_store->removeTags(id, {tag})
                                          : m_store->setStarred(id, false));
                    ++sums.trials;
                }
            }
            for (double *ap :
                 {&sums.random, &sums.baseline, &sums.reference, &sums.plain, &sums.ours})
                *ap /= sums.trials;
            perSeed.append(sums);
        }
        auto line = [&](const char *name, double Sums::*field) {
            QString values;
            double mean = 0;
            for (const Sums &sums : std::as_const(perSeed)) {
                values += QStringLiteral(" %1").arg(sums.*field, 0, 'f', 3);
                mean += sums.*field;
            }
            mean /= perSeed.size();
            qInfo("  %-44s %.3f%s", name, mean,
                  perSeed.size() > 1 ? qPrintable(QStringLiteral("  (seeds:%1)").arg(values)) : "");
            return mean;
        };
        qInfo("average precision, %d trials per seed (cs.CV, cs.AI, cs.CL x %d), seeds %s:",
              perSeed.constFirst().trials, kTrials,
              qPrintable(qEnvironmentVariable("PAPERBOY_RANK_QUALITY_SEEDS", QStringLiteral("0"))));
        const double apRandom = line("random order", &Sums::random);
        const double apBaseline = line("baseline (arxiv-sanity-lite, max_df 0.1)", &Sums::baseline);
        const double apReference = line("the same at max_df 0.5 (reference)", &Sums::reference);
        const double apPlain = line("Paperboy, no dismissals, no feedback", &Sums::plain);
        const double apOurs = line("Paperboy (default)", &Sums::ours);
        // Stars on a topic bring its papers first, well ahead of chance.
        QVERIFY(apBaseline > (similar ? 1.2 : 1.8) * apRandom);
        // Without its additions, Paperboy's model is the reference: two implementations agree.
        QVERIFY2(std::abs(apPlain - apReference) < 0.005,
                 qPrintable(QStringLiteral("%1 vs %2").arg(apPlain).arg(apReference)));
        // Beaten clearly (the margins measured are 0.08 to 0.11; see docs/ranking.md).
        QVERIFY2(apOurs > apBaseline + 0.03,
                 qPrintable(QStringLiteral("%1 vs %2").arg(apOurs).arg(apBaseline)));
    }
};

QTEST_GUILESS_MAIN(TestRankQuality)
#include "tst_rank_quality.moc"
