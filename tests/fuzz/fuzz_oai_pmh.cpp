// OAI-PMH ListRecords answers (arXiv and arXivRaw metadata).

#include "fuzz_common.h"
#include "import/oai_pmh_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    paperboy::fuzz::checkResult(paperboy::parseOaiPmh(paperboy::fuzz::bytesOf(data, size)));
    return 0;
}
