#include "common/link_policy.h"

#include <QCoreApplication>
#include <QDesktopServices>

namespace paperboy {

bool isOpenableUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

QUrl openableUrlFromText(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return isOpenableUrl(url) ? url : QUrl();
}

bool openExternalUrl(const QUrl &url, QString *why)
{
    if (!isOpenableUrl(url)) {
        if (why)
            *why =
                QCoreApplication::translate("paperboy::LinkPolicy",
                                            "Not opening %1: only http and https links are opened.")
                    .arg(url.toDisplayString());
        return false;
    }
    if (!QDesktopServices::openUrl(url)) {
        if (why)
            *why = QCoreApplication::translate("paperboy::LinkPolicy",
                                               "The desktop could not open %1.")
                       .arg(url.toDisplayString());
        return false;
    }
    return true;
}

} // namespace paperboy
