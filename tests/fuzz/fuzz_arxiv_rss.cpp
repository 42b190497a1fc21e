// arXiv RSS listings, and the helpers the XML importers share.

#include "fuzz_common.h"
#include "import/arxiv_rss_parser.h"
#include "import/xml_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    fuzz::checkResult(parseArxivRss(bytes));
    fuzz::checkResult(parseArxivRss(bytes, QStringLiteral("cs.CV cs.LG")));
    describeNonXmlBody(bytes, QStringLiteral("an RSS feed"));
    dateFromRfc2822(QString::fromUtf8(bytes.left(256)));
    return 0;
}
