#pragma once

// Hugging Face "daily papers" API (huggingface.co/api/daily_papers): a JSON array of
// {paper:{id, title, summary, authors, upvotes, githubRepo, ai_summary, ...}, ...}.

#include "import/parse_result.h"

#include <QByteArray>
#include <QDate>

namespace paperboy {

// One Digest per submittedOnDailyAt day, entries in the order Hugging Face ranked them.
// requestedDate stands in for items without a day, and a warning is added when the answer
// holds a different day than the one asked for. An {"error": "..."} body fails with its text.
ParseResult parseHfDaily(const QByteArray &json, const QDate &requestedDate = {});

} // namespace paperboy
