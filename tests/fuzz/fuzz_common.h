#pragma once

// Shared by the libFuzzer targets: bytes in, and checks that hold for any input. A failed
// check aborts, which libFuzzer reports as a crash with the input saved.

#include "import/parse_result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace paperboy::fuzz {

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    // A deep copy: parsers may keep views of their input in the results.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
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
