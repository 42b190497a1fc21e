#pragma once

// The 每日学术速递 ("daily academic express") digest as reposted on blogs: a dated header,
// a Subjects line, then numbered papers with 标题 / 作者 / 文章链接 / 项目代码 / 摘要 fields,
// followed by whatever page chrome the copy picked up.

#include "import/parse_result.h"

namespace paperboy {

// `text` is the decoded file. Plain text and HTML copies are accepted.
ParseResult parseDigestText(const QString &text);

} // namespace paperboy
