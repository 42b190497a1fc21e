#pragma once

// Text handling shared by the JSON parsers (Hugging Face daily papers, daily-arXiv-ai-enhanced
// JSON Lines, the arXiv metadata snapshot). JSON strings are already decoded text: nothing here
// decodes entities again, and LaTeX in titles and abstracts is kept as written.

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace paperboy {

// arXiv marks a new paragraph with a newline followed by indentation (or a blank line); every
// other run of whitespace is line wrapping. Keeps the paragraphs, joins the wrapped lines.
QString normaliseAbstract(const QString &text);

// One author as a reader sees it: TeX accents as letters (Bj\"orn -> Björn), whitespace
// normalised.
QString authorName(const QString &text);

// A JSON array of strings, each whitespace-normalised; empty items dropped.
QStringList jsonStringList(const QJsonValue &value);

// Why a body that should be JSON is not: "not EXPECTED: got HTML ("Just a moment...")",
// "... got text "Rate exceeded."", "empty response". Empty when it looks like JSON (starts
// with '[' or '{'), so the caller reports the parse error instead.
QString describeNonJsonBody(const QByteArray &body, const QString &expected);

// "truncated JSON at offset N: ..." when the input ended too early, else
// "invalid JSON at offset N: ...".
QString describeJsonError(const QJsonParseError &error, qsizetype inputSize);

} // namespace paperboy
