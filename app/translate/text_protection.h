#pragma once

// What must come back from a translation exactly as it went: inline math ($...$, $$...$$,
// \(...\), \[...\]), URLs and code spans (`...`). Before sending, each such span is replaced
// by a marker the service leaves alone; after, each marker is replaced by the original span.
//
// - DeepL (tag_handling=xml, ignore_tags=x): <x i="N">span</x>, the rest XML-escaped. DeepL
//   keeps the tag and its content and may move it within the sentence; the span is restored
//   from our copy by its number, whatever came back inside the tag.
// - Others: [[N]], a token a language model is told to copy and LibreTranslate passes
//   through. Full-width brackets and spaces inside are forgiven on the way back.
//
// An answer in which a marker is missing, repeated or unknown is no faithful translation:
// restore() fails and nothing is stored.

#include <QString>
#include <QStringList>

namespace paperboy::translate {

enum class Protection
{
    XmlTags,
    Placeholders
};

struct ProtectedText
{
    QString text;      // what is sent
    QStringList spans; // the originals, by marker number (0-based)
    Protection style = Protection::Placeholders;
};

ProtectedText protect(const QString &text, Protection style);

// The answer with every marker replaced by its span. False (with `error`) when a marker is
// missing, repeated or unknown; for XML, also when the answer is not well-formed.
bool restore(const ProtectedText &sent, const QString &answer, QString *restored, QString *error);

} // namespace paperboy::translate
