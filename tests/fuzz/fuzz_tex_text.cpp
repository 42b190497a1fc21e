// TeX-to-Unicode, author splitting and code-link finding run over every title, author list
// and abstract a source sends.

#include "core/code_links.h"
#include "core/tex_text.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    texToUnicode(text);
    normalizeWhitespace(text);
    splitAuthors(text);
    for (const FoundLink &link : findCodeLinks(text))
        fuzz::check(!link.url.isEmpty(), "an empty code link");
    bestCodeLink(text, text);
    firstProjectPage(text, QString());
    return 0;
}
