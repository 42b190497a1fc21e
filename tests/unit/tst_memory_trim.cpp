// releaseFreedMemory(): memory a worker thread freed in the middle of its arena (a block
// still in use above it keeps glibc from trimming the top) goes back to the kernel.

#include "core/memory_trim.h"

#include <QFile>
#include <QTest>

#include <cstring>
#include <thread>
#include <vector>

using namespace paperboy;

namespace {

qint64 anonymousKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

class TestMemoryTrim : public QObject
{
    Q_OBJECT

private slots:
    void freedPagesGoBack()
    {
#if !defined(__GLIBC__)
        QSKIP("malloc_trim is glibc's");
#endif
        constexpr size_t kBlocks = 40000; // 4 kB each: 160 MB, below the mmap threshold
        char *kept = nullptr;
        qint64 held = 0;
        qint64 freed = 0;
        // In a thread of its own, as the window's rank thread: its own arena.
        std::thread worker([&] {
            std::vector<char *> blocks;
            blocks.reserve(kBlocks);
            for (size_t i = 0; i < kBlocks; ++i) {
                blocks.push_back(static_cast<char *>(std::malloc(4096)));
                std::memset(blocks.back(), int(i), 4096);
            }
            kept = static_cast<char *>(std::malloc(4096)); // pins the arena's top
            std::memset(kept, 1, 4096);
            held = anonymousKb();
            for (char *block : blocks)
                std::free(block);
            freed = anonymousKb();
        });
        worker.join();
        releaseFreedMemory();
        const qint64 after = anonymousKb();
        std::free(kept);
        QVERIFY(held > 0 && freed > 0 && after > 0);
        // Freeing alone leaves the pages in the arena; the call gives back most of 160 MB.
        QVERIFY2(freed - after > 100 * 1024,
                 qPrintable(QStringLiteral("held %1 kB, freed %2 kB, after %3 kB")
                                .arg(held)
                                .arg(freed)
                                .arg(after)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrim)
#include "tst_memory_trim.moc"
