#include "common/plain_tool_tip.h"

#include <QTextDocument>

namespace paperboy {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // "<p>…</p>" with the text escaped and its line breaks as <br>: rich text that shows the
    // words as they are; long lines wrap as in any tooltip.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace paperboy
