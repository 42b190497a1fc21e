#pragma once

// `paperboy trends --save / --saved-trend / --list-saved / --delete-saved` (issue #22): saved
// trends on the command line (search/saved_trends.h).

#include "cli/cli_context.h"
#include "search/saved_trends.h"

#include <optional>

namespace paperboy {

int listSavedTrends(CliContext &ctx);
int deleteSavedTrend(CliContext &ctx);
// Saves `trend` (its name from --save); an existing name only with --replace.
int saveTrend(CliContext &ctx, const SavedTrend &trend);
// The trend named by --saved-trend; nullopt after printing why (`exit` says with what code).
std::optional<SavedTrend> loadSavedTrend(CliContext &ctx, int *exit);

} // namespace paperboy
