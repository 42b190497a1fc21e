// The Unread smart view: each unread paper once, at its latest listing, newest day first and
// in digest order within a day, up to the limit; and the cheap "any papers?" check.

#include "store/database.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;

namespace {

Digest digest(const QDate &date, const QString &source, const QStringList &ids)
{
    Digest d;
    d.date = date;
    d.source = source;
    d.category = QStringLiteral("cs.CV");
    for (int i = 0; i < ids.size(); ++i) {
        DigestEntry entry;
        entry.paper.arxivId = ids.at(i);
        entry.paper.title = QStringLiteral("Paper ") + ids.at(i);
        entry.position = i + 1;
        d.entries.append(entry);
    }
    return d;
}

QStringList idsOf(const QList<PaperView> &views)
{
    QStringList ids;
    for (const PaperView &view : views)
        ids.append(view.paper.arxivId + QLatin1Char('@') + view.digestDate.toString(Qt::ISODate));
    return ids;
}

} // namespace

class TestStoreUnread : public QObject
{
    Q_OBJECT

private slots:
    void unreadListOrderAndLatestListing()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("library.sqlite"))), qPrintable(db.error()));
        Store store(db);
        QVERIFY(!store.hasPapers());
        const QDate d1(2024, 3, 11), d2(2024, 3, 12), d3(2024, 3, 13);
        QVERIFY2(
            store.saveDigests(
                {digest(d1, QStringLiteral("arxiv-rss"),
                        {QStringLiteral("2403.00001"), QStringLiteral("2403.00002"),
                         QStringLiteral("2403.00003")}),
                 // 2403.00002 is listed again later: shown there only.
                 digest(d2, QStringLiteral("arxiv-rss"),
                        {QStringLiteral("2403.00004"), QStringLiteral("2403.00002")}),
                 // Two digests on one day interleave by position.
                 digest(d3, QStringLiteral("arxiv-rss"),
                        {QStringLiteral("2403.00005"), QStringLiteral("2403.00006")}),
                 digest(d3, QStringLiteral("meiri-xueshu-sudi"), {QStringLiteral("2403.00007")})}),
            qPrintable(store.lastError()));
        QVERIFY(store.hasPapers());
        QVERIFY(store.setRead(QStringLiteral("2403.00003"), true));

        const QStringList all = idsOf(store.unreadPapers());
        QCOMPARE(all, (QStringList{QStringLiteral("2403.00005@2024-03-13"),
                                   QStringLiteral("2403.00007@2024-03-13"),
                                   QStringLiteral("2403.00006@2024-03-13"),
                                   QStringLiteral("2403.00004@2024-03-12"),
                                   QStringLiteral("2403.00002@2024-03-12"),
                                   QStringLiteral("2403.00001@2024-03-11")}));
        QCOMPARE(idsOf(store.unreadPapers(4)), all.mid(0, 4));
        QCOMPARE(idsOf(store.unreadPapers(0)), all); // no limit

        // Reading a paper where it was listed last takes it off the list everywhere.
        QVERIFY(store.setRead(QStringLiteral("2403.00002"), true));
        QStringList rest = all;
        rest.removeOne(QStringLiteral("2403.00002@2024-03-12"));
        QCOMPARE(idsOf(store.unreadPapers()), rest);
        QVERIFY(store.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreUnread)
#include "tst_store_unread.moc"
