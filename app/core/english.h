#pragma once

// Counts in the English messages of the core and the command line ("1 paper", "2 papers").
// The window's messages go through tr() with %n instead, so they are translated too.

#include <QString>

namespace paperboy {

// `plural` defaults to `singular` + "s".
inline QString countOf(qint64 n, const QString &singular, const QString &plural = {})
{
    const QString noun = n == 1 ? singular : plural.isEmpty() ? singular + u's' : plural;
    return QString::number(n) + u' ' + noun;
}

} // namespace paperboy
