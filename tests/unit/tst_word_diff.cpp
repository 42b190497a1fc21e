// The word diff behind `paperboy diff` and the detail pane's "what changed".

#include "core/word_diff.h"

#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;
using Op = DiffChunk::Op;

namespace {

QString side(const QList<DiffChunk> &chunks, Op skip)
{
    QString text;
    for (const DiffChunk &chunk : chunks)
        if (chunk.op != skip)
            text += chunk.text;
    return text.trimmed();
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT

private slots:
    void sameTextIsOneEqualRun();
    void replacedWordInTheMiddle();
    void insertionsAndDeletionsAtTheEnds();
    void emptySides();
    void bothSidesRebuild_data();
    void bothSidesRebuild();
    void whitespaceIsNoChange();
    void opNames();
};

void TestWordDiff::sameTextIsOneEqualRun()
{
    const QList<DiffChunk> chunks = wordDiff(u"a b c"_s, u"a b c"_s);
    QCOMPARE(chunks, (QList<DiffChunk>{{Op::Equal, u"a b c"_s}}));
    QVERIFY(!hasChanges(chunks));
}

void TestWordDiff::replacedWordInTheMiddle()
{
    const QList<DiffChunk> chunks =
        wordDiff(u"This article discusses crypto bugs"_s, u"This paper analyses crypto bugs"_s);
    QCOMPARE(chunks, (QList<DiffChunk>{{Op::Equal, u"This "_s},
                                       {Op::Delete, u"article discusses "_s},
                                       {Op::Insert, u"paper analyses "_s},
                                       {Op::Equal, u"crypto bugs"_s}}));
    QVERIFY(hasChanges(chunks));
}

void TestWordDiff::insertionsAndDeletionsAtTheEnds()
{
    // The colon that ends a word is a token of its own: "0" stays, ": Splitting Zero" arrives.
    QCOMPARE(wordDiff(u"0"_s, u"0: Splitting Zero"_s),
             (QList<DiffChunk>{{Op::Equal, u"0"_s}, {Op::Insert, u": Splitting Zero"_s}}));
    QCOMPARE(wordDiff(u"Danqi Chen"_s, u"Danqi Chen, Grace Hopper"_s),
             (QList<DiffChunk>{{Op::Equal, u"Danqi Chen"_s}, {Op::Insert, u", Grace Hopper"_s}}));
    QCOMPARE(wordDiff(u"bugs."_s, u"bugs, and more."_s),
             (QList<DiffChunk>{
                 {Op::Equal, u"bugs"_s}, {Op::Insert, u", and more"_s}, {Op::Equal, u"."_s}}));
    QCOMPARE(wordDiff(u"x y"_s, u"x"_s),
             (QList<DiffChunk>{{Op::Equal, u"x "_s}, {Op::Delete, u"y"_s}}));
    QCOMPARE(wordDiff(u"b c"_s, u"a b c"_s),
             (QList<DiffChunk>{{Op::Insert, u"a "_s}, {Op::Equal, u"b c"_s}}));
}

void TestWordDiff::emptySides()
{
    QVERIFY(wordDiff({}, {}).isEmpty());
    QCOMPARE(wordDiff({}, u"Accepted at CVPR"_s),
             (QList<DiffChunk>{{Op::Insert, u"Accepted at CVPR"_s}}));
    QCOMPARE(wordDiff(u"12 pages"_s, {}), (QList<DiffChunk>{{Op::Delete, u"12 pages"_s}}));
}

void TestWordDiff::bothSidesRebuild_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("reordered") << u"a b c d e f"_s << u"f e d c b a"_s;
    QTest::newRow("interleaved") << u"the cat sat on the mat"_s << u"the dog sat under the mat"_s;
    QTest::newRow("repeats") << u"a a a b"_s << u"a b a a"_s;
    QTest::newRow("cjk and math") << u"我们 提出 $O(n)$ 方法"_s
                                  << u"我们 改进 $O(n \\log n)$ 方法"_s;
}

void TestWordDiff::bothSidesRebuild()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const QList<DiffChunk> chunks = wordDiff(before, after);
    QCOMPARE(side(chunks, Op::Insert), before);
    QCOMPARE(side(chunks, Op::Delete), after);
    for (qsizetype i = 1; i < chunks.size(); ++i)
        QVERIFY(chunks.at(i).op != chunks.at(i - 1).op); // runs are merged
}

void TestWordDiff::whitespaceIsNoChange()
{
    QVERIFY(!hasChanges(wordDiff(u"a  b\n c"_s, u" a b c "_s)));
}

void TestWordDiff::opNames()
{
    QCOMPARE(diffOpName(Op::Equal), u"equal"_s);
    QCOMPARE(diffOpName(Op::Insert), u"insert"_s);
    QCOMPARE(diffOpName(Op::Delete), u"delete"_s);
}

QTEST_GUILESS_MAIN(TestWordDiff)
#include "tst_word_diff.moc"
