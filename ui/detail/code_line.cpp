#include "detail/code_line.h"

#include <QCoreApplication>

namespace paperboy {

QString codeLineText(const QString &code, bool openable, bool arrivedNow)
{
    // The strings keep the pane's translation context, where they have always been.
    if (code.isEmpty())
        return {};
    if (!openable)
        return QCoreApplication::translate("paperboy::DetailPane",
                                           "Code link (not a web link, not opened): %1")
            .arg(code);
    if (arrivedNow)
        return QCoreApplication::translate("paperboy::DetailPane", "\u2605 New code link: %1")
            .arg(code);
    return QCoreApplication::translate("paperboy::DetailPane", "Code: %1").arg(code);
}

} // namespace paperboy
