#pragma once

// What a machine translation remembers of the English it was made from: a SHA-256 over the
// title and abstract with runs of white space made one space, so a source that wraps lines
// differently does not count as a new version.

#include <QString>

namespace paperboy::translate {

QString sourceHash(const QString &title, const QString &abstract);

} // namespace paperboy::translate
