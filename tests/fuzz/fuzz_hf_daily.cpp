// Hugging Face daily papers JSON.

#include "fuzz_common.h"
#include "import/hf_daily_parser.h"

#include <QDate>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    fuzz::checkResult(parseHfDaily(bytes));
    fuzz::checkResult(parseHfDaily(bytes, QDate(2026, 6, 12)));
    return 0;
}
