// What servers put in headers: Retry-After (delta-seconds or an HTTP date), Last-Modified
// and ETag. Parsing never overflows or crashes, a date read back is the date written, a wait
// is never negative, and the validators the fetcher keeps per URL come back byte for byte.

#include "fetch/polite_http.h"
#include "fuzz_common.h"
#include "store/http_validators.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QTemporaryDir>

#include <limits>
#include <memory>

namespace {

using namespace paperboy;

const QDateTime kNow(QDate(2026, 6, 12), QTime(10, 30, 15, 250), Qt::UTC);

QByteArray imfFixdate(const QDateTime &when)
{
    return QLocale::c()
        .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray asctimeDate(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    QByteArray text = QLocale::c().toString(utc, QStringLiteral("ddd MMM ")).toLatin1();
    text += QByteArray::number(utc.date().day()).rightJustified(2, ' ');
    text += QLocale::c().toString(utc, QStringLiteral(" hh:mm:ss yyyy")).toLatin1();
    return text;
}

// Only digits (after the blanks HTTP allows around a field value): delta-seconds.
bool isDelta(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (const char c : trimmed)
        if (c < '0' || c > '9')
            return false;
    return true;
}

void checkDate(const QByteArray &value)
{
    const QDateTime when = PoliteHttp::parseHttpDate(value);
    if (!when.isValid())
        return;
    fuzz::check(when.timeSpec() == Qt::UTC, "an HTTP date not in UTC");
    fuzz::check(when.time().msec() == 0, "an HTTP date with milliseconds");
    // A date we read is one we can write in the preferred form and read again.
    if (when.date().year() >= 1000 && when.date().year() <= 9999) {
        fuzz::check(PoliteHttp::parseHttpDate(imfFixdate(when)) == when,
                    "an IMF-fixdate of a parsed date reads differently");
        fuzz::check(PoliteHttp::parseHttpDate(asctimeDate(when)) == when,
                    "an asctime date of a parsed date reads differently");
    }
}

void checkRetryAfter(const QByteArray &value)
{
    const qint64 ms = PoliteHttp::retryAfterMs(value, kNow);
    fuzz::check(ms >= -1, "a negative wait other than -1");
    if (isDelta(value)) {
        // Every number of seconds is a wait, the largest ones as long as can be said.
        fuzz::check(ms >= 0, "delta-seconds not read as a wait");
        bool ok = false;
        const qint64 seconds = value.trimmed().toLongLong(&ok);
        if (ok && seconds <= std::numeric_limits<qint64>::max() / 1000)
            fuzz::check(ms == seconds * 1000, "delta-seconds read as another wait");
        else
            fuzz::check(ms >= std::numeric_limits<qint64>::max() / 1000 * 1000,
                        "a huge delta-seconds read as a short wait");
        return;
    }
    const QDateTime when = PoliteHttp::parseHttpDate(value);
    if (when.isValid())
        fuzz::check(ms == std::max<qint64>(0, kNow.msecsTo(when)), "a date read as another wait");
}

struct ValidatorLibrary
{
    QTemporaryDir dir{QDir(QStringLiteral("/dev/shm")).exists()
                          ? QStringLiteral("/dev/shm/paperboy-fuzz-XXXXXX")
                          : QDir::tempPath() + QStringLiteral("/paperboy-fuzz-XXXXXX")};
    Database database;
};

ValidatorLibrary &library()
{
    static ValidatorLibrary *lib = [] {
        auto *l = new ValidatorLibrary;
        if (!l->database.open(l->dir.filePath(QStringLiteral("fuzz.sqlite"))))
            fuzz::fail("cannot open the library");
        return l;
    }();
    return *lib;
}

// Split at the first two NULs: URL, ETag, Last-Modified.
QList<QByteArray> parts(const QByteArray &bytes)
{
    QList<QByteArray> list = bytes.split('\0');
    while (list.size() < 3)
        list.append(QByteArray());
    return list;
}

void checkValidators(const QByteArray &bytes)
{
    const QList<QByteArray> fields = parts(bytes);
    const QUrl url(QStringLiteral("https://rss.arxiv.org/rss/") + QString::fromUtf8(fields.at(0)));
    HttpValidators validators;
    validators.etag = fields.at(1);
    validators.lastModified = fields.at(2);
    validators.listingDate = PoliteHttp::parseHttpDate(fields.at(2)).date();
    validators.papers = int(bytes.size());
    HttpValidatorStore store(library().database);
    fuzz::check(store.put(url, validators), "validators not saved");
    const std::optional<HttpValidators> back = store.get(url);
    if (validators.isEmpty()) {
        fuzz::check(!back, "empty validators still kept");
        return;
    }
    fuzz::check(back.has_value(), "saved validators not found");
    fuzz::check(back->etag == validators.etag, "an ETag changed in the library");
    fuzz::check(back->lastModified == validators.lastModified,
                "a Last-Modified changed in the library");
    fuzz::check(back->listingDate == validators.listingDate, "a listing date changed");
    fuzz::check(back->papers == validators.papers, "a paper count changed");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QSqlDatabase needs an application object for its plugin.
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    checkDate(bytes);
    checkRetryAfter(bytes);
    // Header values come one line at a time; each line alone too.
    for (const QByteArray &line : bytes.split('\n')) {
        checkDate(line);
        checkRetryAfter(line);
    }
    checkValidators(bytes);
    return 0;
}
