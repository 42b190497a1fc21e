// What goes to a translation service and what may come back: protected spans (math, URLs,
// code) out and back exactly, answers that are no translation rejected, language codes for
// each party, and the hash that tells when the English changed.

#include "translate/answer_check.h"
#include "translate/language.h"
#include "translate/text_protection.h"
#include "translate/translation_hash.h"

#include <QTest>

using namespace paperboy::translate;
using namespace Qt::StringLiterals;

class TestTranslateText : public QObject
{
    Q_OBJECT

private slots:
    void protectsMathUrlsAndCode_data();
    void protectsMathUrlsAndCode();
    void placeholdersComeBackExactly();
    void xmlTagsComeBackExactly();
    void movedMarkersStillRestore();
    void forgivesFullWidthBrackets();
    void lostRepeatedOrUnknownMarkersFail_data();
    void lostRepeatedOrUnknownMarkersFail();
    void literalMarkerInTheSourceSurvives();
    void rejectsWhatIsNoTranslation_data();
    void rejectsWhatIsNoTranslation();
    void languageCodes();
    void hashIgnoresSpacingOnly();
};

void TestTranslateText::protectsMathUrlsAndCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("spans");
    QTest::newRow("inline math") << u"We bound $\\|x\\|_2 \\le \\epsilon$ tightly."_s
                                 << QStringList{u"$\\|x\\|_2 \\le \\epsilon$"_s};
    QTest::newRow("display math first")
        << u"See $$a+b$$ and $c$."_s << QStringList{u"$$a+b$$"_s, u"$c$"_s};
    QTest::newRow("paren math") << u"with \\(O(n \\log n)\\) time"_s
                                << QStringList{u"\\(O(n \\log n)\\)"_s};
    QTest::newRow("bracket math") << u"so \\[E = mc^2\\] holds"_s
                                  << QStringList{u"\\[E = mc^2\\]"_s};
    QTest::newRow("escaped dollar is text") << u"costs \\$5 only"_s << QStringList{};
    QTest::newRow("url without the full stop") << u"Code: https://github.com/x/y-z. More soon."_s
                                               << QStringList{u"https://github.com/x/y-z"_s};
    QTest::newRow("url in parentheses")
        << u"(see https://x.org/a_b)"_s << QStringList{u"https://x.org/a_b"_s};
    QTest::newRow("code span") << u"call `torch.compile()` first"_s
                               << QStringList{u"`torch.compile()`"_s};
    QTest::newRow("nothing") << u"Plain words only."_s << QStringList{};
}

void TestTranslateText::protectsMathUrlsAndCode()
{
    QFETCH(QString, text);
    QFETCH(QStringList, spans);
    const ProtectedText placeholders = protect(text, Protection::Placeholders);
    QCOMPARE(placeholders.spans, spans);
    for (const QString &span : spans)
        QVERIFY2(!placeholders.text.contains(span), qPrintable(placeholders.text));
    const ProtectedText xml = protect(text, Protection::XmlTags);
    QCOMPARE(xml.spans, spans);
    // Unchanged answers restore to the very text sent.
    QString back;
    QString error;
    QVERIFY2(restore(placeholders, placeholders.text, &back, &error), qPrintable(error));
    QCOMPARE(back, text);
    QVERIFY2(restore(xml, xml.text, &back, &error), qPrintable(error));
    QCOMPARE(back, text);
}

void TestTranslateText::placeholdersComeBackExactly()
{
    const QString english =
        u"We prove $\\mathcal{O}(\\sqrt{T})$ regret for $K$ arms; code at https://a.io/x."_s;
    const ProtectedText sent = protect(english, Protection::Placeholders);
    QCOMPARE(sent.text, u"We prove [[1]] regret for [[2]] arms; code at [[3]]."_s);
    QString zh;
    QString error;
    QVERIFY(restore(sent, u"我们证明了 [[2]] 臂的 [[1]] 遗憾界；代码见 [[3]]。"_s, &zh, &error));
    QCOMPARE(zh,
             u"我们证明了 $K$ 臂的 $\\mathcal{O}(\\sqrt{T})$ 遗憾界；代码见 https://a.io/x。"_s);
}

void TestTranslateText::xmlTagsComeBackExactly()
{
    const QString english = u"If $a<b$ & $b>c$ then R&D wins <sometimes>."_s;
    const ProtectedText sent = protect(english, Protection::XmlTags);
    QCOMPARE(sent.text, u"If <x i=\"1\">$a&lt;b$</x> &amp; <x i=\"2\">$b&gt;c$</x> then R&amp;D "
                        "wins &lt;sometimes&gt;."_s);
    // DeepL answers with the tags kept (ignore_tags) and the text escaped.
    QString zh;
    QString error;
    QVERIFY2(restore(sent,
                     u"如果 <x i=\"1\">$a&lt;b$</x> 且 <x i=\"2\">$b&gt;c$</x>，那么研发 &amp; "
                     "&#x5F00;发&lt;有时&gt;获胜。"_s,
                     &zh, &error),
             qPrintable(error));
    QCOMPARE(zh, u"如果 $a<b$ 且 $b>c$，那么研发 & 开发<有时>获胜。"_s);
    // Whatever came back inside a tag, the span is ours.
    QVERIFY(restore(sent, u"<x i=\"2\">changed</x> <x i=\"1\"/> 中文"_s, &zh, &error));
    QCOMPARE(zh, u"$b>c$ $a<b$ 中文"_s);
}

void TestTranslateText::movedMarkersStillRestore()
{
    const ProtectedText sent = protect(u"A $x$ B $y$ C"_s, Protection::Placeholders);
    QString zh;
    QString error;
    QVERIFY(restore(sent, u"[[2]] 丙 [[1]] 甲"_s, &zh, &error));
    QCOMPARE(zh, u"$y$ 丙 $x$ 甲"_s);
}

void TestTranslateText::forgivesFullWidthBrackets()
{
    const ProtectedText sent = protect(u"With $n$ and $m$ nodes"_s, Protection::Placeholders);
    QString zh;
    QString error;
    QVERIFY2(restore(sent, u"有［［1］］和【【 2 】】个节点"_s, &zh, &error), qPrintable(error));
    QCOMPARE(zh, u"有$n$和$m$个节点"_s);
}

void TestTranslateText::lostRepeatedOrUnknownMarkersFail_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("why");
    QTest::newRow("lost") << u"只有 [[1]]"_s << u"lost"_s;
    QTest::newRow("repeated") << u"[[1]] [[1]] [[2]]"_s << u"repeats"_s;
    QTest::newRow("unknown") << u"[[1]] [[2]] [[3]]"_s << u"never sent"_s;
    QTest::newRow("math rewritten") << u"[[1]] 和 $y$"_s << u"lost"_s;
}

void TestTranslateText::lostRepeatedOrUnknownMarkersFail()
{
    QFETCH(QString, answer);
    QFETCH(QString, why);
    const ProtectedText sent = protect(u"A $x$ B $y$"_s, Protection::Placeholders);
    QString zh;
    QString error;
    QVERIFY(!restore(sent, answer, &zh, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
    // The same for DeepL's tags, and a tag that is not ours.
    const ProtectedText xml = protect(u"A $x$ B $y$"_s, Protection::XmlTags);
    QVERIFY(!restore(xml, u"<x i=\"1\">$x$</x> 中文"_s, &zh, &error));
    QVERIFY(!restore(xml, u"<x i=\"1\"/><x i=\"2\"/><b>粗</b>"_s, &zh, &error));
}

void TestTranslateText::literalMarkerInTheSourceSurvives()
{
    const QString english = u"The token [[1]] is literal, and so is $z$."_s;
    const ProtectedText sent = protect(english, Protection::Placeholders);
    QCOMPARE(sent.spans, (QStringList{u"[[1]]"_s, u"$z$"_s}));
    QString back;
    QString error;
    QVERIFY(restore(sent, sent.text, &back, &error));
    QCOMPARE(back, english);
}

void TestTranslateText::rejectsWhatIsNoTranslation_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("rejected");
    const QString title = u"Diffusion Models Beat GANs on Image Synthesis"_s;
    QTest::newRow("chinese") << title << u"扩散模型在图像合成上胜过 GAN"_s << u"zh"_s << false;
    QTest::newRow("empty") << title << u"  "_s << u"zh"_s << true;
    QTest::newRow("echo") << title << u"diffusion models  beat GANs on image synthesis"_s << u"de"_s
                          << true;
    QTest::newRow("no cjk") << title << u"Modelos de difusion superan a las GAN"_s << u"zh"_s
                            << true;
    QTest::newRow("apology en") << title << u"I'm sorry, but I can't help with that."_s << u"zh"_s
                                << true;
    QTest::newRow("apology zh") << title << u"抱歉，我无法翻译这段文字。"_s << u"zh"_s << true;
    QTest::newRow("refusal") << title << u"As an AI language model, I cannot..."_s << u"de"_s
                             << true;
    QTest::newRow("a name may stay") << u"LLaMA 2"_s << u"LLaMA 2"_s << u"zh"_s << false;
    QTest::newRow("japanese") << title << u"拡散モデルはGANに勝る"_s << u"ja"_s << false;
    QTest::newRow("german") << title << u"Diffusionsmodelle schlagen GANs"_s << u"de"_s << false;
    QTest::newRow("unfortunately later is fine")
        << title << u"扩散模型。不幸的是，I'm sorry 出现在后面。"_s << u"zh"_s << false;
}

void TestTranslateText::rejectsWhatIsNoTranslation()
{
    QFETCH(QString, source);
    QFETCH(QString, answer);
    QFETCH(QString, language);
    QFETCH(bool, rejected);
    const QString reason = rejectionReason(source, answer, language);
    QCOMPARE(!reason.isEmpty(), rejected);
}

void TestTranslateText::languageCodes()
{
    QCOMPARE(libraryLanguage(u"zh-CN"_s), u"zh"_s);
    QCOMPARE(libraryLanguage(u"zh_Hans"_s), u"zh"_s);
    QCOMPARE(libraryLanguage(u"zh"_s), u"zh"_s);
    QCOMPARE(libraryLanguage(u"zh-TW"_s), u"zh-Hant"_s);
    QCOMPARE(libraryLanguage(u"zh-Hant-HK"_s), u"zh-Hant"_s);
    QCOMPARE(libraryLanguage(u"JA"_s), u"ja"_s);
    QCOMPARE(libraryLanguage(u"de-DE"_s), u"de"_s);
    QVERIFY(libraryLanguage(u"chinese please"_s).isEmpty());
    QVERIFY(libraryLanguage(u""_s).isEmpty());
    QCOMPARE(deeplTargetCode(u"zh"_s), u"ZH-HANS"_s);
    QCOMPARE(deeplTargetCode(u"zh-Hant"_s), u"ZH-HANT"_s);
    QCOMPARE(deeplTargetCode(u"ja"_s), u"JA"_s);
    QCOMPARE(libreTranslateCode(u"zh"_s), u"zh"_s);
    QCOMPARE(libreTranslateCode(u"zh-Hant"_s), u"zt"_s);
    QCOMPARE(languageNameForPrompt(u"zh"_s), u"Simplified Chinese"_s);
    QVERIFY(isCjkLanguage(u"zh-Hant"_s));
    QVERIFY(!isCjkLanguage(u"de"_s));
    QVERIFY(containsCjk(u"abc 中 def"_s));
    QVERIFY(containsCjk(u"𠀀"_s));       // extension B, outside the BMP
    QVERIFY(!containsCjk(u"abc，。"_s)); // full-width punctuation alone is no translation
}

void TestTranslateText::hashIgnoresSpacingOnly()
{
    const QString a = sourceHash(u"A  title"_s, u"Line one\nline two."_s);
    QCOMPARE(a.size(), 64);
    QCOMPARE(sourceHash(u"A title"_s, u"Line one line two. "_s), a);
    QVERIFY(sourceHash(u"A title"_s, u"Line one line three."_s) != a);
    QVERIFY(sourceHash(u"A"_s, u"title Line one line two."_s) != a);
}

QTEST_APPLESS_MAIN(TestTranslateText)
#include "tst_translate_text.moc"
