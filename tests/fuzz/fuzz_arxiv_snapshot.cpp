// The arXiv metadata snapshot (JSON Lines), read in chunks as the bulk import reads it:
// the header promises the same papers however the file is cut.

#include "fuzz_common.h"
#include "import/arxiv_snapshot_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const ParseResult whole = parseArxivSnapshot(bytes);
    fuzz::checkResult(whole);
    fuzz::check(whole.ok(), "the snapshot parser failed a whole input");

    const qsizetype end = nextCompleteLinesEnd(bytes.left(bytes.size() / 2));
    fuzz::check(end >= 0 && end <= bytes.size() / 2, "a chunk end outside the buffer");
    fuzz::check(end == 0 || bytes.at(end - 1) == '\n', "a chunk end not after a newline");
    const QByteArray first = bytes.left(end);
    const ParseResult a = parseArxivSnapshot(first);
    const ParseResult b = parseArxivSnapshot(bytes.mid(end), 1 + int(first.count('\n')));
    fuzz::check(a.papers.size() + b.papers.size() == whole.papers.size(),
                "chunked parsing found a different number of papers");
    for (qsizetype i = 0; i < whole.papers.size(); ++i) {
        const Paper &p = i < a.papers.size() ? a.papers.at(i) : b.papers.at(i - a.papers.size());
        fuzz::check(p.arxivId == whole.papers.at(i).arxivId, "chunked parsing changed a paper");
    }
    return 0;
}
