// Store::saveDigests over paper sets made of fuzz bytes, into a library that holds a stored
// day and user data (stars, read marks, notes, tags, a saved search). Whatever the set:
// the user data is identical afterwards; a refused set changes nothing; a stored day only
// grows (every listing stored before and every listing of the set is there after); the search
// index and the day counts agree with the library; every stored date is a date; and saving
// the same set again changes nothing at all.

#include "fuzz_common.h"
#include "fuzz_library.h"
#include "fuzz_papers.h"

#include <QSet>

namespace {

using namespace paperboy;

QDate digestDate(fuzz::PaperSource &source)
{
    switch (source.fdp().ConsumeIntegralInRange(0, 9)) {
    case 0:
        return {};
    case 1:
    case 2:
    case 3:
    case 4:
        return QDate(2024, 3, 14); // the template's day
    case 5:
    case 6:
        return QDate(2024, 3, 15);
    case 7:
        return QDate(2024, 3, 13);
    default:
        return source.date();
    }
}

Digest digestOf(fuzz::PaperSource &source)
{
    static const QStringList sources{QStringLiteral("arxiv-rss"),
                                     QStringLiteral("arxiv-rss"),
                                     QStringLiteral("meiri-xueshu-sudi"),
                                     QStringLiteral("hf-daily"),
                                     QStringLiteral("digest-json"),
                                     QStringLiteral("arxiv-api"),
                                     QStringLiteral("oai-pmh")};
    static const QStringList categories{QStringLiteral("cs.CV"), QStringLiteral("cs.CV"), QString(),
                                        QStringLiteral(""), QStringLiteral("cs.CV cs.LG")};
    Digest digest;
    digest.date = digestDate(source);
    const auto sourceChoice = source.fdp().ConsumeIntegral<uint8_t>();
    digest.source =
        sourceChoice < 224 ? sources.at(sourceChoice % sources.size()) : source.text(20);
    const auto categoryChoice = source.fdp().ConsumeIntegral<uint8_t>();
    digest.category =
        categoryChoice < 224 ? categories.at(categoryChoice % categories.size()) : source.text(20);
    digest.title = source.text(40);
    if (source.fdp().ConsumeIntegralInRange(0, 7) == 0)
        digest.sameAs = source.fdp().ConsumeBool() ? QDate(2024, 3, 14) : source.date();
    digest.additive = source.fdp().ConsumeIntegralInRange(0, 5) == 0;
    const int entries = source.fdp().ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < entries; ++i) {
        const int position = source.fdp().ConsumeIntegralInRange(0, 15) == 0
                                 ? source.fdp().ConsumeIntegralInRange(-3, 3)
                                 : i + 1;
        digest.entries.append(source.entry(position));
    }
    return digest;
}

QString listingKey(const Digest &digest, const QString &arxivId)
{
    return QStringList{digest.date.toString(Qt::ISODate), digest.source,
                       digest.category.isNull() ? QStringLiteral("") : digest.category, arxivId}
        .join(QLatin1Char('|'));
}

void checkDates(const QSqlDatabase &db)
{
    const QStringList dates =
        fuzz::dumpRows(db, QStringLiteral("SELECT DISTINCT date FROM digests"));
    for (const QString &date : dates)
        fuzz::check(QDate::fromString(date, Qt::ISODate).isValid(),
                    "a digest stored under something that is not a date");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::ensureApplication(argc, argv);
    fuzz::libraryCopies();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::PaperSource source(data, size);
    QList<Digest> digests;
    const int digestCount = source.fdp().ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < digestCount; ++i)
        digests.append(digestOf(source));
    QList<Paper> papers;
    const int paperCount = source.fdp().ConsumeIntegralInRange(0, 2);
    for (int i = 0; i < paperCount; ++i)
        papers.append(source.paper());

    const std::unique_ptr<Database> database = fuzz::libraryCopies().fresh();
    const QSqlDatabase db = database->connection();
    Store store(*database);
    store.setClock(fuzz::fixedNow);
    const QStringList user = fuzz::userRows(db);
    const QStringList cache = fuzz::cacheRows(db);
    const QStringList listedBefore = fuzz::storedListings(db);

    ImportSummary summary;
    if (!store.saveDigests(digests, papers, &summary)) {
        fuzz::check(!store.lastError().trimmed().isEmpty(), "a refused save without a reason");
        fuzz::check(fuzz::userRows(db) == user, "a refused save changed user data");
        fuzz::check(fuzz::cacheRows(db) == cache, "a refused save changed the cache");
        return 0;
    }
    fuzz::check(fuzz::userRows(db) == user, "saving digests changed user data");
    fuzz::checkDerived(db);
    checkDates(db);

    // A day only grows: what was listed stays listed, and the set is listed too.
    const QStringList listed = fuzz::storedListings(db);
    const QSet<QString> listedNow(listed.cbegin(), listed.cend());
    for (const QString &key : listedBefore)
        if (!listedNow.contains(key)) {
            std::fprintf(stderr, "lost: %s\n", qPrintable(key));
            fuzz::fail("a save dropped a paper from a stored digest");
        }
    for (const Digest &digest : std::as_const(digests))
        for (const DigestEntry &entry : digest.entries)
            if (!listedNow.contains(listingKey(digest, entry.paper.arxivId))) {
                std::fprintf(stderr, "missing: %s\n",
                             qPrintable(listingKey(digest, entry.paper.arxivId)));
                fuzz::fail("a saved entry is not listed");
            }
    for (const Digest &digest : std::as_const(digests))
        for (const PaperView &view : store.dayPapers(digest.date))
            fuzz::check(!view.paper.arxivId.isEmpty(), "a day lists a paper without an id");

    // The same set again: nothing changes.
    const QStringList cacheAfter = fuzz::cacheRows(db);
    fuzz::check(store.saveDigests(digests, papers), "the same set refused the second time");
    fuzz::check(fuzz::userRows(db) == user, "saving digests again changed user data");
    const QStringList cacheAgain = fuzz::cacheRows(db);
    if (cacheAgain != cacheAfter) {
        for (const QString &row : cacheAfter)
            if (!cacheAgain.contains(row))
                std::fprintf(stderr, "- %s\n", qPrintable(row));
        for (const QString &row : cacheAgain)
            if (!cacheAfter.contains(row))
                std::fprintf(stderr, "+ %s\n", qPrintable(row));
        fuzz::fail("saving the same set twice changed the library");
    }
    fuzz::checkDerived(db);
    return 0;
}
