#pragma once

// Whether what a service sent back is a translation at all. Language models apologise,
// refuse, or hand the English back; rate-limited gateways answer 200 with nothing in it. Such
// an answer is rejected, never stored.

#include <QString>

namespace paperboy::translate {

// Empty when `answer` may be the translation of `source` into `language` (a library code,
// translate/language.h); otherwise why not, in words.
QString rejectionReason(const QString &source, const QString &answer, const QString &language);

// The part of rejectionReason() that needs no source: an empty answer, an apology or a
// refusal. Checked before protected spans are restored, so such an answer is named for what
// it is rather than for the markers it lost.
QString refusalReason(const QString &answer);

} // namespace paperboy::translate
