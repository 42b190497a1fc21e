#pragma once

// Digests written by an attacker, for tst_hostile_import (core and command line) and
// tests/gui/tst_hostile_window (the window): markup, script and local URLs, a 1 MB
// abstract, control characters, a bidi override, invalid UTF-8. Header-only: generated at
// test time because some of it cannot live in a text fixture.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

namespace paperboy::hostile {

inline const QString kDay = QStringLiteral("2024-04-01");
inline const QString kRssDay = QStringLiteral("2024-11-28");

// Papers of the hostile digest text, in order.
inline const QString kMarkupPaper = QStringLiteral("2404.00001");
inline const QString kFileLinkPaper = QStringLiteral("2404.00002");
inline const QString kDataLinkPaper = QStringLiteral("2404.00003");
inline const QString kInvalidUtf8Paper = QStringLiteral("2404.00004");
inline const QString kRssMarkupPaper = QStringLiteral("2411.99001");
inline const QString kRssBigPaper = QStringLiteral("2411.99002");

inline const QString kMarkupTitle =
    QStringLiteral("<b>Bold</b> <script>alert(1)</script> <img src=x onerror=alert(2)>");
inline const QString kMarkupChineseTitle =
    QStringLiteral("<a href=\"javascript:alert(3)\">点我</a> &amp; <i>斜体</i>");
inline const QString kMarkupAbstract = QStringLiteral(
    "<iframe src=\"file:///etc/passwd\"></iframe> see data:text/html;base64,PHNjcmlwdD4= "
    "and <a href='file:///etc/shadow'>this</a>");
inline const QString kJavascriptCode = QStringLiteral("javascript:alert(document.cookie)");
// U+202E reverses what follows ("gnp.exe" reads "exe.png"); ESC and BEL drive terminals.
inline const QString kBidiTitle = QStringLiteral(
    "Harmless \u202Egnp.exe\u202C paper \x1b]0;pwned\x07 with \x1b[2J control characters");
inline const QString kFileCode = QStringLiteral("file:///etc/passwd");
inline const QString kDataCode = QStringLiteral("data:text/html,<script>alert(4)</script>");
inline constexpr qsizetype kBigAbstractChars = 1024 * 1024;

inline QByteArray entry(int n, const QString &title, const QString &chinese, const QString &authors,
                        const QString &id, const QString &code, const QByteArray &abstract)
{
    QByteArray text =
        QStringLiteral("%1.%2\n\n标题:%3\n\n作者:%4\n\n文章链接:https://arxiv.org/abs/%5\n\n")
            .arg(n)
            .arg(title, chinese, authors, id)
            .toUtf8();
    if (!code.isEmpty())
        text += QStringLiteral("项目代码:%1\n\n").arg(code).toUtf8();
    return text + "摘要:\n\n        " + abstract + "\n\n";
}

// A 每日学术速递 text digest of kDay with four hostile papers. The fourth abstract holds bytes
// that are not UTF-8.
inline QByteArray digestText()
{
    QByteArray text = "每日学术速递2024.04.01\n\nSubjects: cs.CV\n\n";
    text += entry(1, kMarkupTitle, kMarkupChineseTitle,
                  QStringLiteral("Eve <eve@evil.example>, Mallory"), kMarkupPaper, kJavascriptCode,
                  kMarkupAbstract.toUtf8());
    text += entry(2, kBidiTitle, QStringLiteral("控制\u202E字符\x01\x02"),
                  QStringLiteral("Trent\x1b[31m Red"), kFileLinkPaper, kFileCode,
                  QByteArray(kBigAbstractChars, 'a'));
    text += entry(3, QStringLiteral("A data: link as code"), QStringLiteral("数据链接"),
                  QStringLiteral("Peggy"), kDataLinkPaper, kDataCode, "普通的摘要。");
    text +=
        entry(4, QStringLiteral("Broken bytes"), QStringLiteral("坏字节"), QStringLiteral("Victor"),
              kInvalidUtf8Paper, QString(), "bad \xff\xfe bytes \xc3\x28 here");
    return text;
}

// An arXiv RSS listing of kRssDay: escaped markup in the title, a CDATA script in the
// description, a javascript: link, a bidi override, and a 1 MB abstract.
inline QByteArray rssFeed()
{
    const QByteArray item1 =
        "<item><title>&lt;b&gt;RSS bold&lt;/b&gt; &lt;script&gt;alert(5)&lt;/script&gt; "
        "&#x202E;txt.exe</title>"
        "<link>https://arxiv.org/abs/2411.99001</link>"
        "<description><![CDATA[arXiv:2411.99001v1 Announce Type: new \nAbstract: "
        "<script>alert(6)</script> Code: javascript:alert(7) and file:///etc/passwd]]>"
        "</description><guid isPermaLink=\"false\">oai:arXiv.org:2411.99001v1</guid>"
        "<category>cs.CV</category><pubDate>Thu, 28 Nov 2024 00:00:00 -0500</pubDate>"
        "<arxiv:announce_type>new</arxiv:announce_type>"
        "<dc:creator>&lt;i&gt;Eve&lt;/i&gt;, Mallory</dc:creator></item>";
    const QByteArray item2 =
        "<item><title>A very long abstract</title>"
        "<link>https://arxiv.org/abs/2411.99002</link>"
        "<description>arXiv:2411.99002v1 Announce Type: new \nAbstract: " +
        QByteArray(kBigAbstractChars, 'b') +
        "</description><guid isPermaLink=\"false\">oai:arXiv.org:2411.99002v1</guid>"
        "<category>cs.CV</category><pubDate>Thu, 28 Nov 2024 00:00:00 -0500</pubDate>"
        "<arxiv:announce_type>new</arxiv:announce_type><dc:creator>Bob</dc:creator></item>";
    return "<?xml version='1.0' encoding='UTF-8'?>\n"
           "<rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
           "xmlns:atom=\"http://www.w3.org/2005/Atom\" version=\"2.0\"><channel>"
           "<title>cs.CV updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs.CV</link>"
           "<description>cs.CV updates</description><language>en-us</language>"
           "<lastBuildDate>Thu, 28 Nov 2024 05:00:00 +0000</lastBuildDate>"
           "<pubDate>Thu, 28 Nov 2024 00:00:00 -0500</pubDate>" +
           item1 + item2 + "</channel></rss>\n";
}

// Writes both files into `dir`; returns {text path, RSS path}, empty on failure.
inline QStringList writeFiles(const QDir &dir)
{
    const QString text = dir.filePath(QStringLiteral("meiri-xueshu-sudi_2024-04-01_cs.CV.txt"));
    const QString rss = dir.filePath(QStringLiteral("hostile-rss.xml"));
    for (const auto &[path, bytes] : {std::pair{text, digestText()}, std::pair{rss, rssFeed()}}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
    }
    return {text, rss};
}

} // namespace paperboy::hostile
