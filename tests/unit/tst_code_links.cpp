#include "core/code_links.h"

#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

class TestCodeLinks : public QObject
{
    Q_OBJECT

private slots:
    void cleansUrls_data();
    void cleansUrls();
    void rejectsNonRepositoryLinks_data();
    void rejectsNonRepositoryLinks();
    void findsSeveralInOrderWithoutDuplicates();
    void bestPrefersRepositoryOverProjectPage();
    void bestPrefersAbstractOnTie();
    void bestFallsBackToComment();
    void bestReportsNothing();
    void firstProjectPage();
};

void TestCodeLinks::cleansUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("kind");
    // The first rows are sentences from the 2024-11-28 RSS fixture.
    QTest::newRow(".git") << u"We made our code available in: "
                             u"https://github.com/mandiehyewon/goodviews_ecg.git"_s
                          << u"https://github.com/mandiehyewon/goodviews_ecg"_s << u"github"_s;
    QTest::newRow(".git then period")
        << u"at https://github.com/aheldis/Toxicity-Classification.git."_s
        << u"https://github.com/aheldis/Toxicity-Classification"_s << u"github"_s;
    QTest::newRow("period") << u"available at https://github.com/itsmag11/Omegance."_s
                            << u"https://github.com/itsmag11/Omegance"_s << u"github"_s;
    QTest::newRow("href") << uR"(\href{https://github.com/Kanyooo/EEG-DCNet}{here}.)"_s
                          << u"https://github.com/Kanyooo/EEG-DCNet"_s << u"github"_s;
    QTest::newRow("brace then period")
        << u"https://github.com/ch9397/FixedWing-MonoPPO}."_s
        << u"https://github.com/ch9397/FixedWing-MonoPPO"_s << u"github"_s;
    QTest::newRow("parenthesised") << u"(https://github.com/AllanMSouza/ACSP-FL), and"_s
                                   << u"https://github.com/AllanMSouza/ACSP-FL"_s << u"github"_s;
    QTest::newRow("project page") << u"see https://ai4ce.github.io/CityWalker/"_s
                                  << u"https://ai4ce.github.io/CityWalker/"_s << u"project-page"_s;
    QTest::newRow("project page period") << u"at https://hi-slam2.github.io/."_s
                                         << u"https://hi-slam2.github.io/"_s << u"project-page"_s;
    QTest::newRow("deep path kept")
        << u"https://github.com/google/research/tree/main/foo."_s
        << u"https://github.com/google/research/tree/main/foo"_s << u"github"_s;
    QTest::newRow("trailing slash and fragment")
        << u"https://github.com/a/b/#readme"_s << u"https://github.com/a/b"_s << u"github"_s;
    QTest::newRow("www and http") << u"http://www.github.com/a/b"_s << u"https://github.com/a/b"_s
                                  << u"github"_s;
    QTest::newRow("no scheme") << u"Code: github.com/owner/repo."_s
                               << u"https://github.com/owner/repo"_s << u"github"_s;
    QTest::newRow("gitlab") << u"https://gitlab.com/group/project"_s
                            << u"https://gitlab.com/group/project"_s << u"gitlab"_s;
    QTest::newRow("hf model") << u"https://huggingface.co/org/model-7b,"_s
                              << u"https://huggingface.co/org/model-7b"_s << u"hf-model"_s;
    QTest::newRow("hf space") << u"demo: https://huggingface.co/spaces/org/demo/tree/main"_s
                              << u"https://huggingface.co/spaces/org/demo"_s << u"hf-space"_s;
    QTest::newRow("hf dataset") << u"https://huggingface.co/datasets/org/data)."_s
                                << u"https://huggingface.co/datasets/org/data"_s << u"hf-dataset"_s;
    QTest::newRow("chinese punctuation")
        << u"项目代码：https://github.com/a/b。"_s << u"https://github.com/a/b"_s << u"github"_s;
}

void TestCodeLinks::cleansUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, url);
    QFETCH(QString, kind);
    const QList<FoundLink> links = findCodeLinks(text);
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first().url, url);
    QCOMPARE(links.first().kind, kind);
}

void TestCodeLinks::rejectsNonRepositoryLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ftp") << u"ftp://github.com/a/b"_s;
    QTest::newRow("ssh") << u"git@github.com:a/b.git"_s;
    QTest::newRow("profile only") << u"https://github.com/someone"_s;
    QTest::newRow("github features") << u"https://github.com/features/copilot"_s;
    QTest::newRow("hf paper") << u"https://huggingface.co/papers/2411.17702"_s;
    QTest::newRow("hf space without name") << u"https://huggingface.co/spaces/org"_s;
    QTest::newRow("other site") << u"http://www.astronomy.ohio-state.edu/~gould/x.ps.gz"_s;
    QTest::newRow("arxiv") << u"https://arxiv.org/abs/2411.17702"_s;
    QTest::newRow("licence") << u"http://creativecommons.org/licenses/by/4.0/"_s;
    QTest::newRow("inside word") << u"notgithub.com/a/b"_s;
    QTest::newRow("empty") << QString();
}

void TestCodeLinks::rejectsNonRepositoryLinks()
{
    QFETCH(QString, text);
    QVERIFY2(findCodeLinks(text).isEmpty(), qPrintable(findCodeLinks(text).value(0).url));
}

void TestCodeLinks::findsSeveralInOrderWithoutDuplicates()
{
    const QString text =
        u"Project page: https://x.github.io/p. Code: https://github.com/x/p and "
        u"https://github.com/x/p.git; weights at https://huggingface.co/x/p-large."_s;
    const QList<FoundLink> links = findCodeLinks(text);
    QCOMPARE(links.size(), 3);
    QCOMPARE(links.at(0).url, u"https://x.github.io/p"_s);
    QCOMPARE(links.at(1).url, u"https://github.com/x/p"_s);
    QCOMPARE(links.at(2).url, u"https://huggingface.co/x/p-large"_s);
    QCOMPARE(links.at(2).kind, u"hf-model"_s);
}

void TestCodeLinks::bestPrefersRepositoryOverProjectPage()
{
    QString source;
    const QString best = bestCodeLink(u"Project page: https://x.github.io/p."_s,
                                      u"Code at https://github.com/x/p"_s, &source);
    QCOMPARE(best, u"https://github.com/x/p"_s);
    QCOMPARE(source, u"comment"_s);
}

void TestCodeLinks::bestPrefersAbstractOnTie()
{
    QString source;
    const QString best =
        bestCodeLink(u"https://github.com/a/first"_s, u"https://github.com/b/second"_s, &source);
    QCOMPARE(best, u"https://github.com/a/first"_s);
    QCOMPARE(source, u"abstract"_s);
}

void TestCodeLinks::bestFallsBackToComment()
{
    QString source;
    QCOMPARE(bestCodeLink(u"no links here"_s, u"demo https://huggingface.co/spaces/a/b"_s, &source),
             u"https://huggingface.co/spaces/a/b"_s);
    QCOMPARE(source, u"comment"_s);
    QCOMPARE(bestCodeLink(u"https://x.github.io/"_s, {}, &source), u"https://x.github.io/"_s);
    QCOMPARE(source, u"abstract"_s);
}

void TestCodeLinks::bestReportsNothing()
{
    QString source = u"stale"_s;
    QVERIFY(bestCodeLink(u"see https://arxiv.org/abs/1"_s, u"12 pages"_s, &source).isEmpty());
    QVERIFY(source.isEmpty());
    QVERIFY(bestCodeLink({}, {}).isEmpty());
}

void TestCodeLinks::firstProjectPage()
{
    QCOMPARE(paperboy::firstProjectPage(u"https://github.com/a/b"_s, u"https://c.github.io/d"_s),
             u"https://c.github.io/d"_s);
    QVERIFY(paperboy::firstProjectPage(u"https://github.com/a/b"_s, {}).isEmpty());
}

QTEST_APPLESS_MAIN(TestCodeLinks)
#include "tst_code_links.moc"
