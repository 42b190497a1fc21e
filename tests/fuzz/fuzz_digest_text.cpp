// 每日学术速递 digest text (plain or HTML copy), through the same decoding as an import.

#include "fuzz_common.h"
#include "import/digest_text_parser.h"
#include "import/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    QString text;
    QString error;
    if (decodeText(bytes, &text, &error))
        fuzz::checkResult(parseDigestText(text));
    else
        fuzz::check(!error.isEmpty(), "decodeText failed without a reason");
    // Invalid UTF-8 reaches the parser too when a caller decodes on its own.
    fuzz::checkResult(parseDigestText(QString::fromUtf8(bytes)));
    return 0;
}
