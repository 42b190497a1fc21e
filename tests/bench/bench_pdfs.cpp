// Kept PDFs (issue #21) on the generated cache: what keeping a PDF's text costs (one
// transaction of 20 pages), and what searching costs once PDFs are kept: plain words then
// also match their text (the union), fulltext: searches it alone, and the pages holding the
// words are looked up for a page of results. The PDFs are kept for the newest papers and
// removed again at the end, so the cache is left as it was.

#include "bench_measure.h"

#include "core/pdf_files.h"
#include "search/pdf_text_search.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/pdf_store.h"
#include "store/store.h"

#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>

namespace paperboy::bench {

namespace {

constexpr int kPdfs = 200;
constexpr int kPages = 20;

const char *const kWords[] = {
    "learning", "diffusion",  "model",   "network",     "training", "image",   "video",
    "token",    "attention",  "dataset", "benchmark",   "loss",     "teacher", "student",
    "dense",    "prediction", "layer",   "transformer", "the",      "of",      "and"};

// About 400 words a page; page 7 of every fifth PDF holds a rare word.
QStringList pagesOf(int pdf)
{
    QRandomGenerator random(quint32(pdf + 1));
    QStringList pages;
    for (int page = 1; page <= kPages; ++page) {
        QStringList words;
        for (int i = 0; i < 400; ++i)
            words.append(QLatin1String(kWords[random.bounded(int(std::size(kWords)))]));
        if (page == 7 && pdf % 5 == 0)
            words.append(QStringLiteral("quasarwhistle"));
        pages.append(words.join(QLatin1Char(' ')));
    }
    return pages;
}

std::vector<double> timeSearch(const Searcher &searcher, Store &store, const QString &text,
                               int runs, int *found)
{
    std::vector<double> times;
    const SearchQuery query = parseSearchQuery(text);
    for (int run = 0; run < runs + 1; ++run) {
        QElapsedTimer timer;
        timer.start();
        SearchResult result;
        const QList<PaperView> views = searcher.searchViews(store, query, {}, &result);
        if (run > 0) // the first run warms the page cache
            times.push_back(elapsedMs(timer));
        *found = int(views.size());
    }
    return times;
}

} // namespace

QList<Figure> measurePdfs(const Settings &settings)
{
    QList<Figure> figures;
    Database db;
    if (!db.open(settings.db)) {
        std::fprintf(stderr, "   cannot open %s: %s\n", qPrintable(settings.db),
                     qPrintable(db.error()));
        return figures;
    }
    Store store(db);
    PdfStore pdfs(db);
    const Searcher searcher(db.connection());
    QStringList ids;
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY id DESC LIMIT %1").arg(kPdfs));
        while (q.next())
            ids.append(q.value(0).toString());
    }
    const QStringList words = {QStringLiteral("learning"), QStringLiteral("zeolite"),
                               QStringLiteral("\"neural network\"")};
    QHash<QString, double> before;
    for (const QString &word : words) {
        int found = 0;
        before.insert(word, median(timeSearch(searcher, store, word, settings.runs, &found)));
    }

    Timed keep;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        KeptPdf pdf;
        pdf.arxivId = ids.at(i);
        pdf.fileName = pdfFileNameFor(ids.at(i));
        pdf.bytes = 1 << 20;
        const QStringList pages = pagesOf(int(i));
        keep.run([&] {
            if (!pdfs.keep(pdf, pages))
                std::fprintf(stderr, "   keep: %s\n", qPrintable(pdfs.lastError()));
        });
    }
    figures.append(keep.figure(QStringLiteral("pdf_keep"),
                               QStringLiteral("keep a PDF's text, %1 pages of 400 words, one "
                                              "transaction (%2 PDFs)")
                                   .arg(kPages)
                                   .arg(ids.size())));

    for (const QString &word : words) {
        int found = 0;
        Figure f{QStringLiteral("pdf_search_%1").arg(word),
                 QStringLiteral("search %1, first page, with %2 PDFs kept (%3 found; %4 ms "
                                "without)")
                     .arg(word)
                     .arg(ids.size()),
                 0,
                 QStringLiteral("ms"),
                 QString(),
                 true,
                 QJsonObject()};
        const std::vector<double> times = timeSearch(searcher, store, word, settings.runs, &found);
        f.value = median(times);
        f.label = f.label.arg(found).arg(before.value(word), 0, 'f', 1);
        f.detail = summary(times);
        figures.append(f);
    }
    for (const QString &text :
         {QStringLiteral("fulltext:quasarwhistle"), QStringLiteral("fulltext:learning"),
          QStringLiteral("fulltext:\"teacher student\"")}) {
        int found = 0;
        const std::vector<double> times = timeSearch(searcher, store, text, settings.runs, &found);
        Figure f{QStringLiteral("pdf_%1").arg(text),
                 QStringLiteral("search %1 (%2 found)").arg(text).arg(found),
                 median(times),
                 QStringLiteral("ms"),
                 QString(),
                 true,
                 QJsonObject()};
        f.detail = summary(times);
        figures.append(f);
    }
    {
        Timed pages;
        for (int run = 0; run < settings.runs; ++run)
            pages.run([&] {
                pdfMatchPages(db, parseSearchQuery(QStringLiteral("teacher student")), ids);
            });
        figures.append(
            pages.figure(QStringLiteral("pdf_match_pages"),
                         QStringLiteral("pages holding two words, %1 papers").arg(ids.size())));
    }
    Timed remove;
    for (const QString &id : std::as_const(ids))
        remove.run([&] { pdfs.remove(id); });
    figures.append(
        remove.figure(QStringLiteral("pdf_remove"), QStringLiteral("remove a PDF and its text")));
    return figures;
}

} // namespace paperboy::bench
