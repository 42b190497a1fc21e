// Only http and https ever reach the desktop.

#include "common/link_policy.h"

#include <QDesktopServices>
#include <QTest>

using namespace paperboy;

class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestLinkPolicy : public QObject
{
    Q_OBJECT

private slots:
    void acceptsWebLinks_data();
    void acceptsWebLinks();
    void rejectsEverythingElse_data();
    void rejectsEverythingElse();
    void refusedLinksNeverReachTheDesktop();
};

void TestLinkPolicy::acceptsWebLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("https") << QStringLiteral("https://arxiv.org/abs/2306.05544");
    QTest::newRow("http") << QStringLiteral("http://example.org/code");
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://github.com/x/y");
    QTest::newRow("spaces around") << QStringLiteral("  https://github.com/x/y  ");
}

void TestLinkPolicy::acceptsWebLinks()
{
    QFETCH(QString, text);
    QVERIFY(isOpenableUrl(QUrl(text.trimmed())));
    QVERIFY(!openableUrlFromText(text).isEmpty());
}

void TestLinkPolicy::rejectsEverythingElse_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("javascript upper") << QStringLiteral("JavaScript:alert(document.cookie)");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org/x");
    QTest::newRow("mailto") << QStringLiteral("mailto:someone@example.org");
    QTest::newRow("relative") << QStringLiteral("//evil.example/x");
    QTest::newRow("no host") << QStringLiteral("https:///path");
    QTest::newRow("bare path") << QStringLiteral("/home/user/.ssh/id_rsa");
    QTest::newRow("empty") << QString();
    QTest::newRow("smb") << QStringLiteral("smb://host/share");
}

void TestLinkPolicy::rejectsEverythingElse()
{
    QFETCH(QString, text);
    QVERIFY(!isOpenableUrl(QUrl(text)));
    QVERIFY(openableUrlFromText(text).isEmpty());
}

void TestLinkPolicy::refusedLinksNeverReachTheDesktop()
{
    UrlRecorder desktop;
    for (const char *scheme : {"javascript", "file", "data", "https"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), &desktop, "open");
    QString why;
    QVERIFY(!openExternalUrl(QUrl(QStringLiteral("javascript:alert(1)")), &why));
    QVERIFY(why.contains(QStringLiteral("only http and https")));
    QVERIFY(!openExternalUrl(QUrl(QStringLiteral("file:///etc/passwd")), &why));
    QVERIFY(!openExternalUrl(QUrl(QStringLiteral("data:text/plain,hi")), &why));
    QVERIFY(desktop.opened.isEmpty());
    QVERIFY(openExternalUrl(QUrl(QStringLiteral("https://arxiv.org/abs/2306.05544")), &why));
    QCOMPARE(desktop.opened, QList<QUrl>{QUrl(QStringLiteral("https://arxiv.org/abs/2306.05544"))});
    for (const char *scheme : {"javascript", "file", "data", "https"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

QTEST_MAIN(TestLinkPolicy)
#include "tst_link_policy.moc"
