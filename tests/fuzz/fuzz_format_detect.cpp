// Recognising a file by content, then parsing it with the parser that format picks: the
// path every `paperboy import` takes.

#include "fuzz_common.h"
#include "import/format_detect.h"
#include "import/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const InputFormat format = detectFormat(bytes);
    fuzz::check(!formatName(format).isEmpty(), "a format without a name");
    fuzz::check(detectFormat(bytes.left(kFormatSniffBytes)) == format,
                "detection looked past the sniffed head");
    QString name;
    const ParseResult result = Importer::parse(bytes, QStringLiteral("2026-06-12.jsonl"), &name);
    fuzz::checkResult(result);
    if (format == InputFormat::Unknown)
        fuzz::check(!result.ok(), "an unknown format parsed");
    return 0;
}
