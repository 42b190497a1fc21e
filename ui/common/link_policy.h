#pragma once

// The one gate between data and the desktop. Digests are written by strangers: a "code link"
// may be javascript:, file: or a local path. Only web links ever leave the application; the
// rest is shown as text for the reader to judge.

#include <QString>
#include <QUrl>

namespace paperboy {

// True only for absolute http(s) URLs with a host.
bool isOpenableUrl(const QUrl &url);

// Parses text from the data strictly (no guessing a scheme) and applies isOpenableUrl.
QUrl openableUrlFromText(const QString &text);

// Hands `url` to the desktop when the policy allows it. Returns false with `why` set when it
// refuses or the desktop fails; callers show `why` in the status bar.
bool openExternalUrl(const QUrl &url, QString *why = nullptr);

} // namespace paperboy
