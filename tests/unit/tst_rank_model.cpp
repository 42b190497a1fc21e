// The ranking's pieces on small cases worked out by hand: terms, tf-idf, the stored vector
// form, the liblinear SVM and its explanations.

#include "rank/linear_svm.h"
#include "rank/text_features.h"
#include "rank/vocabulary.h"

#include <QTest>

#include <cmath>

using namespace paperboy::rank;

namespace {

QStringList englishTermList(const QString &text)
{
    std::vector<quint64> hashes;
    QList<QByteArray> terms;
    englishTerms(text, hashes, &terms);
    QStringList list;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        list.append(QString::fromUtf8(terms.at(i)));
        // The hash of a term is the hash of its text, however it was formed.
        if (hashes.at(size_t(i)) != termHash(terms.at(i)))
            list.append(QStringLiteral("<hash mismatch>"));
    }
    return list;
}

SparseVector vec(std::initializer_list<std::pair<quint32, float>> values)
{
    SparseVector v;
    for (const auto &[index, value] : values)
        v.push_back({index, value});
    return v;
}

double norm(const SparseVector &v)
{
    double sum = 0;
    for (const FeatureValue &f : v)
        sum += double(f.value) * f.value;
    return std::sqrt(sum);
}

} // namespace

class TestRankModel : public QObject
{
    Q_OBJECT

private slots:
    void englishTermsAsTfidfReadsThem()
    {
        // Stop words go before pairs are formed; "3D" and "4" are no words (they start with a
        // digit), "naïve" loses its accent, "GPT" its case, "x" is too short.
        QCOMPARE(englishTermList(QStringLiteral("Diffusion Models of the 3D world: naïve GPT-4 x")),
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("models"),
                              QStringLiteral("diffusion models"), QStringLiteral("world"),
                              QStringLiteral("models world"), QStringLiteral("naive"),
                              QStringLiteral("world naive"), QStringLiteral("gpt"),
                              QStringLiteral("naive gpt")}));
        // A word glued to non-ASCII letters is not an ASCII word; '_' starts a word.
        QCOMPARE(englishTermList(QStringLiteral("模型abc _id ﬁne")),
                 (QStringList{QStringLiteral("_id"), QStringLiteral("fine"),
                              QStringLiteral("_id fine")}));
        QVERIFY(englishTermList(QStringLiteral("the of and we")).isEmpty());
        QVERIFY(isStopWord("the") && isStopWord("yourselves") && !isStopWord("diffusion"));
    }

    void cjkTermsArePairsInsideRuns()
    {
        std::vector<quint64> hashes;
        QList<QByteArray> terms;
        cjkTerms(QStringLiteral("扩散模型 with 蒸馏。単"), hashes, &terms);
        QStringList list;
        for (const QByteArray &term : terms)
            list.append(QString::fromUtf8(term));
        QCOMPARE(list, (QStringList{QStringLiteral("扩散"), QStringLiteral("散模"),
                                    QStringLiteral("模型"), QStringLiteral("蒸馏")}));
        QCOMPARE(hashes.size(), size_t(4));
        QCOMPARE(hashes.front(), termHash(QStringLiteral("扩散").toUtf8()));
    }

    void vocabularyKeepsTermsByDocumentFrequency()
    {
        VocabularyOptions options;
        options.minDf = 2;
        options.maxDf = 0.75; // of 4 documents: at most 3
        options.maxFeatures = 100;
        VocabularyBuilder builder(options);
        builder.count({QStringLiteral("apple banana"), {}});
        builder.count({QStringLiteral("apple cherry"), {}});
        builder.count({QStringLiteral("apple banana cherry"), {}});
        builder.count({QStringLiteral("apple durian"), {}});
        const Vocabulary vocabulary = builder.build();
        // apple: df 4 > 3, dropped; durian and the other pairs: df 1 < 2, dropped. Terms are
        // numbered alphabetically.
        QCOMPARE(vocabulary.terms(),
                 (QStringList{QStringLiteral("apple banana"), QStringLiteral("banana"),
                              QStringLiteral("cherry")}));
        QCOMPARE(vocabulary.englishSize(), 3);
        // idf = ln((1 + n) / (1 + df)) + 1
        QCOMPARE(vocabulary.idf().at(1), float(std::log(5.0 / 3.0) + 1));

        // The most frequent terms win when there are too many.
        options.maxFeatures = 1;
        VocabularyBuilder limited(options);
        limited.count({QStringLiteral("banana cherry"), {}});
        limited.count({QStringLiteral("banana cherry cherry"), {}});
        limited.count({QStringLiteral("kiwi"), {}});
        QCOMPARE(limited.build().terms(), QStringList{QStringLiteral("cherry")});
    }

    void vectorsAreSublinearTfidfOfLengthOne()
    {
        const Vocabulary vocabulary({QStringLiteral("alpha"), QStringLiteral("beta")}, {1.0f, 2.0f},
                                    2);
        const SparseVector v = vocabulary.vectorize({QStringLiteral("alpha alpha alpha beta"), {}});
        QCOMPARE(v.size(), size_t(2));
        // (1 + ln 3) * 1 and (1 + ln 1) * 2, scaled to length 1.
        const double a = 1 + std::log(3.0), b = 2.0, length = std::sqrt(a * a + b * b);
        QVERIFY(std::abs(v[0].value - a / length) < 1e-6);
        QVERIFY(std::abs(v[1].value - b / length) < 1e-6);
        QVERIFY(vocabulary.vectorize({QStringLiteral("gamma"), {}}).empty());
    }

    void chineseHalfWeighsAsMuchAsTheEnglish()
    {
        const Vocabulary vocabulary(
            {QStringLiteral("alpha"), QStringLiteral("扩散"), QStringLiteral("模型")},
            {1.0f, 1.0f, 1.0f}, 1);
        const SparseVector both =
            vocabulary.vectorize({QStringLiteral("alpha"), QStringLiteral("扩散模型")});
        QCOMPARE(both.size(), size_t(3));
        QVERIFY(std::abs(norm(both) - 1) < 1e-6);
        QVERIFY(std::abs(both[0].value - std::sqrt(0.5)) < 1e-6); // English half
        QVERIFY(std::abs(both[1].value - 0.5) < 1e-6);            // CJK half: two equal terms
        // English words in the Chinese text are not English terms, and the reverse.
        const SparseVector chineseOnly =
            vocabulary.vectorize({QStringLiteral("扩散"), QStringLiteral("alpha 扩散")});
        QCOMPARE(chineseOnly.size(), size_t(1));
        QCOMPARE(chineseOnly[0].index, 1u);
        QVERIFY(std::abs(chineseOnly[0].value - 1) < 1e-6);
    }

    void storedVectorsRoundTrip()
    {
        const SparseVector v = vec({{0, 0.5f}, {7, 0.25f}, {65535, 1.0f}, {70000, 0.5f}});
        const QByteArray bytes = encodeVector(v);
        QCOMPARE(bytes.size(), 12); // the index beyond 16 bits is not stored
        const SparseVector back = decodeVector(bytes);
        QCOMPARE(back.size(), size_t(3));
        for (size_t i = 0; i < back.size(); ++i) {
            QCOMPARE(back[i].index, v[i].index);
            QVERIFY(std::abs(back[i].value - v[i].value) < 1.0f / 65535);
        }
        QVERIFY(decodeVector(QByteArray()).empty());
    }

    void svmSeparatesAndExplainsItself()
    {
        // Three features: 0 is what the positives share, 1 what the negatives share, 2 noise.
        std::vector<SparseVector> storage;
        storage.push_back(vec({{0, 0.9f}, {2, 0.4f}}));
        storage.push_back(vec({{0, 1.0f}}));
        for (int i = 0; i < 20; ++i)
            storage.push_back(vec({{1, 0.9f}, {2, i % 2 ? 0.4f : 0.0f}}));
        std::vector<const SparseVector *> positives{&storage[0], &storage[1]};
        std::vector<const SparseVector *> negatives;
        for (size_t i = 2; i < storage.size(); ++i)
            negatives.push_back(&storage[i]);
        const std::optional<LinearModel> model =
            trainLinearSvm(positives, negatives, {}, 3, TrainingOptions{});
        QVERIFY(model);
        QCOMPARE(model->weights.size(), size_t(3));
        QVERIFY(model->weights[0] > 0);
        QVERIFY(model->weights[1] < 0);
        // Balanced weights: two positives against twenty negatives still rank above them all.
        for (size_t i = 2; i < storage.size(); ++i)
            QVERIFY(model->score(storage[0]) > model->score(storage[i]));
        const SparseVector unseen = vec({{0, 0.6f}, {1, 0.3f}, {2, 0.7f}});
        const Explanation why = explain(*model, unseen);
        QCOMPARE(why.score, model->score(unseen));
        double sum = why.bias;
        for (const Contribution &c : why.contributions)
            sum += c.value;
        QVERIFY(std::abs(sum - why.score) < 1e-12);
        QCOMPARE(why.contributions.front().index, 0u); // the positives' feature raised it most
        QVERIFY(why.contributions.back().value < 0);   // the negatives' feature lowered it
        // Nothing to learn from: no model.
        QString error;
        QVERIFY(!trainLinearSvm({}, negatives, {}, 3, {}, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!trainLinearSvm(positives, {}, {}, 3, {}));
    }

    void dismissedPapersCountAsNamedNegatives()
    {
        // The positives are about 0; candidate X shares 0 with them and 1 with a dismissed
        // paper. Dismissing that paper must push X down more than leaving it unlabelled.
        std::vector<SparseVector> storage;
        storage.push_back(vec({{0, 1.0f}}));
        storage.push_back(vec({{0, 0.8f}, {3, 0.6f}}));
        storage.push_back(vec({{1, 1.0f}})); // the dismissed paper
        for (int i = 0; i < 10; ++i)
            storage.push_back(vec({{2, 1.0f}}));
        const SparseVector x = vec({{0, 0.7f}, {1, 0.7f}});
        std::vector<const SparseVector *> positives{&storage[0], &storage[1]};
        std::vector<const SparseVector *> rest;
        for (size_t i = 3; i < storage.size(); ++i)
            rest.push_back(&storage[i]);
        std::vector<const SparseVector *> unlabelled = rest;
        unlabelled.push_back(&storage[2]);
        // A share of a half: the one dismissed paper weighs as much as the ten others.
        TrainingOptions half;
        half.dismissedShare = 0.5;
        const auto plain = trainLinearSvm(positives, unlabelled, {}, 4, TrainingOptions{});
        const auto named = trainLinearSvm(positives, rest, {&storage[2]}, 4, half);
        QVERIFY(plain && named);
        QVERIFY(named->weights[1] < plain->weights[1]);
        QVERIFY(named->score(x) < plain->score(x));
        // A share of 0 is the same as an unlabelled negative (solved to the same optimum).
        TrainingOptions exact;
        exact.epsilon = 1e-9;
        TrainingOptions once = exact;
        once.dismissedShare = 0;
        const auto same = trainLinearSvm(positives, rest, {&storage[2]}, 4, once);
        const auto reference = trainLinearSvm(positives, unlabelled, {}, 4, exact);
        QVERIFY(same && reference);
        QVERIFY(std::abs(same->score(x) - reference->score(x)) < 1e-6);

        // The same problem twice gives the same model (liblinear's shuffles are seeded).
        const auto again = trainLinearSvm(positives, unlabelled, {}, 4, TrainingOptions{});
        QCOMPARE(again->weights, plain->weights);
    }

    void feedbackLearnsTheTopicsOtherWords()
    {
        // The two stars are about feature 0 only. Among 250 unlabelled papers, 8 have 0 and 3
        // together (the topic's papers); the rest are about 1 or 2. A paper about 3 alone
        // ranks below the others without feedback (3 is only in unlabelled papers) and above
        // them with it: the best-scored unlabelled papers taught the model that 3 goes with 0.
        // Feature 4 is in no paper: a paper about it is neither liked nor disliked.
        std::vector<SparseVector> storage;
        storage.push_back(vec({{0, 1.0f}}));
        storage.push_back(vec({{0, 0.9f}, {2, 0.4f}}));
        for (int i = 0; i < 8; ++i)
            storage.push_back(vec({{0, 0.6f}, {3, 0.8f}}));
        for (int i = 0; i < 242; ++i)
            storage.push_back(vec({{i % 2 ? 1u : 2u, 1.0f}}));
        std::vector<const SparseVector *> positives{&storage[0], &storage[1]};
        std::vector<const SparseVector *> unlabelled;
        for (size_t i = 2; i < storage.size(); ++i)
            unlabelled.push_back(&storage[i]);
        const SparseVector topic = vec({{3, 1.0f}});
        const SparseVector other = vec({{4, 1.0f}});
        TrainingOptions none;
        none.feedback = 0;
        TrainingOptions some; // the default: 10 papers, 250 >= 10 * kFeedbackPool
        QCOMPARE(some.feedback, 10);
        const auto plain = trainLinearSvm(positives, unlabelled, {}, 5, none);
        const auto fed = trainLinearSvm(positives, unlabelled, {}, 5, some);
        QVERIFY(plain && fed);
        QVERIFY(plain->weights[3] < 0);
        QVERIFY(plain->score(topic) < plain->score(other));
        QVERIFY(fed->weights[3] > 0);
        QVERIFY(fed->score(topic) > fed->score(other));
        // Positives enough to name the topic by themselves: no feedback (one training).
        TrainingOptions many = some;
        many.feedbackBelow = int(positives.size());
        QCOMPARE(trainLinearSvm(positives, unlabelled, {}, 5, many)->weights, plain->weights);
        many.feedbackBelow = int(positives.size()) + 1;
        QCOMPARE(trainLinearSvm(positives, unlabelled, {}, 5, many)->weights, fed->weights);
        // The first model only picks the papers that join the positives: a looser tolerance
        // for it picks the same topic papers here, and the model that ranks is trained at the
        // full tolerance, so it comes out the same to the last bit.
        TrainingOptions exactProbe = some;
        exactProbe.probeEpsilon = some.epsilon;
        QVERIFY(some.probeEpsilon > some.epsilon);
        QCOMPARE(trainLinearSvm(positives, unlabelled, {}, 5, exactProbe)->weights, fed->weights);
        // Too few unlabelled papers for the best ten to be a confident few: no feedback.
        unlabelled.resize(10 * kFeedbackPool - 1);
        const auto small = trainLinearSvm(positives, unlabelled, {}, 5, some);
        const auto smallPlain = trainLinearSvm(positives, unlabelled, {}, 5, none);
        QVERIFY(small && smallPlain);
        QCOMPARE(small->weights, smallPlain->weights);
    }
};

QTEST_GUILESS_MAIN(TestRankModel)
#include "tst_rank_model.moc"
