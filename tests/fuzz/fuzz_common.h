#pragma once

// Shared by the libFuzzer targets: bytes in, and checks that hold for any input. A failed
// check aborts, which libFuzzer reports as a crash with the input saved. Built into
// tst_fuzz_regressions (PAPERBOY_FUZZ_REPLAY), a failed check throws instead, so the test
// replays every kept input through the checks of the target that found it and says which
// check failed.

#include "import/parse_result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace paperboy::fuzz {

#ifdef PAPERBOY_FUZZ_REPLAY
struct CheckFailed : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(const char *what)
{
    throw CheckFailed(what);
}
#else
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}
#endif

// Qt's SQL drivers are plugins and want an application object; the regression test has one.
inline void ensureApplication(int *argc, char ***argv)
{
    if (!QCoreApplication::instance())
        static QCoreApplication app(*argc, *argv);
}

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    // A deep copy: parsers may keep views of their input in the results.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void check(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

// What every parser promises: a failure says why, and touches nothing else.
inline void checkResult(const ParseResult &result)
{
    if (!result.ok()) {
        check(!result.error.trimmed().isEmpty(), "a failure without a message");
        check(result.errorLine >= 0, "a negative error line");
    }
    for (const Digest &digest : result.digests)
        for (const DigestEntry &entry : digest.entries)
            check(entry.position >= 0, "a negative entry position");
    // Touch every string so ASan sees any dangling or overrun data.
    qsizetype total = 0;
    for (const Paper &paper : result.papers)
        total += paper.arxivId.size() + paper.title.size() + paper.abstract.size();
    for (const Digest &digest : result.digests)
        for (const DigestEntry &entry : digest.entries)
            total += entry.paper.arxivId.size() + entry.translatedTitle.size() +
                     entry.translatedAbstract.size();
    check(total >= 0, "negative sizes");
}

} // namespace paperboy::fuzz
