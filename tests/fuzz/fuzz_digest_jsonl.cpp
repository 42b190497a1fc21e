// daily-arXiv-ai-enhanced JSON Lines, and the date-from-name helper.

#include "fuzz_common.h"
#include "import/digest_jsonl_parser.h"

#include <QDate>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const ParseResult result = parseDigestJsonl(bytes, QDate(2026, 6, 12));
    fuzz::checkResult(result);
    if (result.ok() && result.digests.size() == 1)
        fuzz::check(sameListing(result.digests.first(), result.digests.first()) ||
                        result.digests.first().entries.isEmpty(),
                    "a listing differs from itself");
    dateFromDigestName(QString::fromUtf8(bytes.left(512)));
    digestLanguageCode(QString::fromUtf8(bytes.left(64)));
    return 0;
}
