// arXiv API answers (Atom), legacy and current formats.

#include "fuzz_common.h"
#include "import/arxiv_atom_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    paperboy::fuzz::checkResult(paperboy::parseArxivAtom(paperboy::fuzz::bytesOf(data, size)));
    return 0;
}
