// What the command line's JSON costs (issue #19: "JSON for 1,000 papers under 30 ms"): the
// papers of the newest days up to a thousand, turned into the JSON `search --json` prints, in
// this process (building the objects, then the text), and the whole `search` process over
// the same days by dates alone.

#include "bench_measure.h"

#include "cli/paper_json.h"
#include "core/json_text_writer.h"
#include "store/database.h"
#include "store/store.h"
#include "store/version_store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <ctime>

namespace paperboy::bench {

QList<Figure> measureJson(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db, Database::Mode::ReadOnly)) {
        std::fprintf(stderr, "json: %s\n", qPrintable(db.error()));
        return {};
    }
    Store store(db);
    QList<PaperView> views;
    QDate oldest;
    for (auto day = settings.dates.crbegin(); day != settings.dates.crend(); ++day) {
        if (views.size() >= 1000) // the dates are oldest first
            break;
        views += store.dayPapers(*day);
        oldest = *day;
    }
    views = views.mid(0, 1000);
    if (views.isEmpty()) {
        std::fprintf(stderr, "json: no papers\n");
        return {};
    }

    QStringList ids;
    for (const PaperView &view : views)
        ids.append(view.paper.arxivId);
    std::vector<double> streamed;
    std::vector<double> cpu;
    std::vector<double> qtObjects;
    std::vector<double> qtText;
    qsizetype bytes = 0;
    bool same = true;
    for (int run = 0; run < settings.runs; ++run) {
        // What `search --json` does: versions in one statement, text written as it is made.
        const double cpuStart = threadCpuMs();
        QElapsedTimer timer;
        timer.start();
        const auto versions = VersionStore(db).versionsOf(ids);
        QByteArray text;
        JsonTextWriter writer(&text);
        writer.beginArray();
        for (const PaperView &view : views)
            writePaperJson(writer, view, versions.value(view.paper.arxivId));
        writer.endArray();
        streamed.push_back(elapsedMs(timer));
        cpu.push_back(threadCpuMs() - cpuStart);
        bytes = text.size();

        // Before: QJsonObjects, then QJsonDocument's text.
        timer.restart();
        QJsonArray array;
        for (const PaperView &view : views)
            array.append(paperToJson(view, versions.value(view.paper.arxivId)));
        qtObjects.push_back(elapsedMs(timer));
        timer.restart();
        const QByteArray qt = QJsonDocument(array).toJson(QJsonDocument::Indented);
        qtText.push_back(elapsedMs(timer));
        same = same && qt == text;
    }
    Figure figure{QStringLiteral("json_1000"),
                  QStringLiteral("JSON text of %1 papers, median").arg(views.size()),
                  median(streamed),
                  QStringLiteral("ms"),
                  QStringLiteral("< 30 ms"),
                  false,
                  summary(streamed)};
    figure.met = figure.value < 30;
    figure.detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
    figure.detail.insert(QStringLiteral("bytes"), qint64(bytes));
    figure.detail.insert(QStringLiteral("qt_objects_median_ms"), median(qtObjects));
    figure.detail.insert(QStringLiteral("qt_text_median_ms"), median(qtText));
    figure.detail.insert(QStringLiteral("same_bytes_as_qt"), same);
    Figure qtFigure{QStringLiteral("json_1000_qt"),
                    QStringLiteral("the same through QJsonObject + QJsonDocument, median"),
                    median(qtObjects) + median(qtText),
                    QStringLiteral("ms"),
                    {},
                    true,
                    {}};
    if (!same)
        std::fprintf(stderr, "json: the streamed text differs from Qt's\n");

    // The whole process, as a script would run it.
    const QString query =
        QStringLiteral("after:%1 before:%2")
            .arg(oldest.toString(Qt::ISODate), settings.dates.last().toString(Qt::ISODate));
    std::vector<double> process;
    for (int run = 0; run <= settings.runs; ++run) {
        QProcess search;
        search.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        search.start(settings.binary,
                     {QStringLiteral("--db"), settings.db, QStringLiteral("search"), query,
                      QStringLiteral("--limit"), QStringLiteral("1000"), QStringLiteral("--json")});
        if (!search.waitForFinished(60000) || search.exitCode() != 0) {
            std::fprintf(stderr, "json: search failed: %s\n",
                         search.readAllStandardError().constData());
            return {figure, qtFigure};
        }
        if (run > 0) // the first run reads the file into the OS cache
            process.push_back(elapsedMs(timer));
    }
    Figure whole{QStringLiteral("json_search_process"),
                 QStringLiteral("`search` by dates alone, --limit 1000 --json, whole process"),
                 median(process),
                 QStringLiteral("ms"),
                 QStringLiteral("< 100 ms"),
                 false,
                 summary(process)};
    whole.met = whole.value < 100;
    whole.detail.insert(QStringLiteral("query"), query);
    return {figure, qtFigure, whole};
}

} // namespace paperboy::bench
