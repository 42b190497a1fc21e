#pragma once

#include <QByteArray>
#include <QString>

namespace paperboy {

// Decodes a text file as a reader would expect: UTF-8 (with or without BOM), UTF-16 with a BOM
// or recognisably UTF-16 without one, and GBK/GB18030 where this Qt can decode it.
// Binary data and undecodable text fail with a reason in `error`. UTF-8 with a few broken
// byte sequences (at most 1 in 100 characters) is kept with U+FFFD in their place, and
// `warning` says so.
bool decodeText(const QByteArray &bytes, QString *text, QString *error,
                QString *warning = nullptr);

} // namespace paperboy
