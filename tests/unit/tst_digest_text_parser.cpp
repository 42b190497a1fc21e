// The founding digest and the ways real reposts of it vary.

#include "import/digest_text_parser.h"
#include "import/text_decoding.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using namespace paperboy;

namespace {

QString fixtureText()
{
    QFile file(
        QStringLiteral(PAPERBOY_TEST_DATA "/digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the founding digest fixture");
    return QString::fromUtf8(file.readAll());
}

const QStringList kChrome = {QStringLiteral("更多Ai资讯"),  QStringLiteral("红包"),
                             QStringLiteral("余额"),        QStringLiteral("打赏"),
                             QStringLiteral("AiCharm"),     QStringLiteral("扫码"),
                             QStringLiteral("hope_wisdom"), QStringLiteral("插入图片")};

} // namespace

class TestDigestTextParser : public QObject
{
    Q_OBJECT

private slots:
    void foundingDigest()
    {
        const ParseResult result = parseDigestText(fixtureText());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.digests.size(), 1);
        const Digest &d = result.digests.first();
        QCOMPARE(d.date, QDate(2024, 3, 14));
        QCOMPARE(d.category, QStringLiteral("cs.CV"));
        QCOMPARE(d.source, QStringLiteral("meiri-xueshu-sudi"));
        QCOMPARE(d.entries.size(), 3);

        const QStringList ids = {QStringLiteral("2306.01667"), QStringLiteral("2306.05544"),
                                 QStringLiteral("2306.01128")};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(d.entries[i].paper.arxivId, ids[i]);
            QCOMPARE(d.entries[i].position, i + 1);
            QCOMPARE(d.entries[i].translationLanguage, QStringLiteral("zh"));
        }
        const DigestEntry &first = d.entries[0];
        QCOMPARE(first.paper.title, QStringLiteral("Towards In-context Scene Understanding"));
        QCOMPARE(first.translatedTitle, QStringLiteral("迈向情境场景理解"));
        QCOMPARE(first.paper.authors,
                 (QStringList{QStringLiteral("Ivana Balažević"), QStringLiteral("David Steiner"),
                              QStringLiteral("Nikhil Parthasarathy"),
                              QStringLiteral("Relja Arandjelović"),
                              QStringLiteral("Olivier J. Hénaff")}));
        QVERIFY(first.translatedAbstract.startsWith(
            QStringLiteral("上下文学习 – 使用不同提示配置模型行为的能力")));
        QVERIFY(first.translatedAbstract.endsWith(QStringLiteral("场景的可能性。")));
        QVERIFY(first.codeUrlAsGiven.isEmpty());

        const DigestEntry &boot = d.entries[1];
        QCOMPARE(
            boot.paper.title,
            QStringLiteral(
                "BOOT: Data-free Distillation of Denoising Diffusion Models with Bootstrapping"));
        QCOMPARE(boot.translatedTitle,
                 QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
        QCOMPARE(boot.paper.authors.size(), 5);
        QCOMPARE(boot.paper.authors.last(), QStringLiteral("Josh Susskind"));
        QCOMPARE(boot.codeUrlAsGiven,
                 QStringLiteral("https://github.com/princeton-nlp/TransformerPrograms"));
        QVERIFY(boot.codeUrlWarning.contains(QStringLiteral("Learning Transformer Programs")));
        QVERIFY(boot.codeUrlWarning.contains(QStringLiteral("2306.01128")));

        const DigestEntry &third = d.entries[2];
        QCOMPARE(third.paper.title, QStringLiteral("Learning Transformer Programs"));
        QCOMPARE(third.translatedTitle, QStringLiteral("学习变压器程序"));
        QCOMPARE(third.paper.authors,
                 (QStringList{QStringLiteral("Dan Friedman"), QStringLiteral("Alexander Wettig"),
                              QStringLiteral("Danqi Chen")}));
        QVERIFY(third.translatedAbstract.endsWith(QStringLiteral("目标的新道路。")));
        QVERIFY(third.codeUrlWarning.isEmpty());
    }

    void noPageChromeInAnyField()
    {
        const ParseResult result = parseDigestText(fixtureText());
        QVERIFY(result.ok());
        for (const DigestEntry &e : result.digests.first().entries) {
            const QStringList fields = {e.paper.title,
                                        e.translatedTitle,
                                        e.translatedAbstract,
                                        e.paper.abstract,
                                        e.paper.authors.join(QLatin1Char(',')),
                                        e.codeUrlAsGiven};
            for (const QString &field : fields)
                for (const QString &chrome : kChrome)
                    QVERIFY2(!field.contains(chrome),
                             qPrintable(e.paper.arxivId + QLatin1Char(' ') + chrome));
        }
    }

    void variantsParseTheSame_data()
    {
        QTest::addColumn<QString>("text");
        const QString original = fixtureText();
        QString crlf = original;
        crlf.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        QTest::newRow("CRLF") << crlf;
        QString fullWidth = original;
        fullWidth.replace(QStringLiteral("标题:"), QStringLiteral("标题："))
            .replace(QStringLiteral("作者:"), QStringLiteral("作者："))
            .replace(QStringLiteral("文章链接:"), QStringLiteral("文章链接："));
        QTest::newRow("full-width colons") << fullWidth;
        QString compact = original;
        compact.replace(QStringLiteral("\n\n"), QStringLiteral("\n"));
        QTest::newRow("no blank lines") << compact;
        QString spaced = original;
        spaced.replace(QStringLiteral("\n\n"), QStringLiteral("\n\n\n\n"));
        QTest::newRow("extra blank lines") << spaced;
        QString html =
            QStringLiteral("<html><body><div class=\"article\">") +
            original.toHtmlEscaped().replace(QStringLiteral("\n"), QStringLiteral("<br/>\n")) +
            QStringLiteral("</div></body></html>");
        QTest::newRow("HTML copy") << html;
    }

    void variantsParseTheSame()
    {
        QFETCH(QString, text);
        const ParseResult result = parseDigestText(text);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Digest &d = result.digests.first();
        QCOMPARE(d.date, QDate(2024, 3, 14));
        QCOMPARE(d.entries.size(), 3);
        QCOMPARE(d.entries[1].translatedTitle,
                 QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
        QCOMPARE(d.entries[2].paper.authors.size(), 3);
        QVERIFY(!d.entries[1].codeUrlWarning.isEmpty());
        QVERIFY(d.entries[2].translatedAbstract.endsWith(QStringLiteral("目标的新道路。")));
        for (const QString &chrome : kChrome)
            QVERIFY(!d.entries[2].translatedAbstract.contains(chrome));
    }

    void severalSubjects()
    {
        QString text = fixtureText();
        text.replace(QRegularExpression(QStringLiteral("Subjects:[\\s\\x{00a0}]*cs.CV")),
                     QStringLiteral("Subjects: cs.CV, cs.LG; cs.AI"));
        const ParseResult result = parseDigestText(text);
        QVERIFY(result.ok());
        QCOMPARE(result.digests.first().category, QStringLiteral("cs.CV cs.LG cs.AI"));
    }

    void missingOptionalFields()
    {
        const QString text = QStringLiteral(
            "每日学术速递2024.05.02\n\nSubjects: cs.LG\n\n"
            "1.A Paper Without "
            "Authors\n标题:没有作者的论文\n文章链接:https://arxiv.org/abs/2405.00001v2\n\n"
            "2.Another Paper\n标题:另一篇论文\n作者:A. "
            "Person\n文章链接:arxiv.org/abs/2405.00002\n摘要:一行摘要。\n");
        const ParseResult result = parseDigestText(text);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Digest &d = result.digests.first();
        QCOMPARE(d.entries.size(), 2);
        QCOMPARE(d.entries[0].paper.version, 2);
        QVERIFY(d.entries[0].paper.authors.isEmpty());
        QCOMPARE(d.entries[1].translatedAbstract, QStringLiteral("一行摘要。"));
        QCOMPARE(result.warnings.size(), 1); // paper 1 has no abstract
    }

    void entryWithoutLinkIsAnErrorWithItsLine()
    {
        const QString text =
            QStringLiteral("每日学术速递2024.05.02\n\n1.Title One\n标题:一\n作者:X\n"
                           "文章链接:https://arxiv.org/abs/2405.00001\n\n"
                           "2.Title Two\n标题:二\n作者:Y\n摘要:z\n");
        const ParseResult result = parseDigestText(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorLine, 8);
        QVERIFY(result.error.contains(QStringLiteral("Title Two")));
    }

    void garbageAndEmpty()
    {
        QVERIFY(!parseDigestText(QString()).ok());
        QVERIFY(!parseDigestText(QStringLiteral("Rate exceeded.")).ok());
        QVERIFY(
            !parseDigestText(QStringLiteral("1.余额是钱包充值的虚拟货币\n2.余额无法直接购买下载"))
                 .ok());
    }

    void noDateIsAnError()
    {
        QString text = fixtureText();
        text.replace(QStringLiteral("每日学术速递2024.03.14"), QStringLiteral("每日学术速递"));
        const ParseResult result = parseDigestText(text);
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains(QStringLiteral("date")));
    }

    void twoThousandEntries()
    {
        QString text = QStringLiteral("每日学术速递2024.06.01\nSubjects: cs.CV\n\n");
        for (int i = 1; i <= 2000; ++i)
            text +=
                QStringLiteral("%1.Paper number %1\n标题:论文%1\n作者:A %1, B "
                               "%1\n文章链接:https://arxiv.org/abs/2406.%2\n摘要:\n  摘要%1。\n\n")
                    .arg(i)
                    .arg(i, 5, 10, QLatin1Char('0'));
        const ParseResult result = parseDigestText(text);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.digests.first().entries.size(), 2000);
        QCOMPARE(result.digests.first().entries.last().paper.arxivId, QStringLiteral("2406.02000"));
        QCOMPARE(result.digests.first().entries.last().translatedAbstract,
                 QStringLiteral("摘要2000。"));
    }

    void encodings()
    {
        const QString original = fixtureText();
        QString text;
        QString error;
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        QVERIFY(decodeText(utf16.encode(original), &text, &error));
        QCOMPARE(text, original);
        QStringEncoder utf16NoBom(QStringEncoder::Utf16BE);
        QVERIFY(decodeText(utf16NoBom.encode(original), &text, &error));
        QCOMPARE(text, original);
        QStringEncoder gbk("GB18030");
        if (gbk.isValid()) {
            QVERIFY2(decodeText(gbk.encode(original), &text, &error), qPrintable(error));
            QCOMPARE(text, original);
        }
        QVERIFY(!decodeText(QByteArray("\x00\x01\x02\x03garbage\x00", 12), &text, &error));
        QVERIFY(error.contains(QStringLiteral("binary")));
        QVERIFY(!decodeText(QByteArray(), &text, &error));
    }
};

QTEST_APPLESS_MAIN(TestDigestTextParser)
#include "tst_digest_text_parser.moc"
