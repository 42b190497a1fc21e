#pragma once

// The command line's share of automatic English enrichment (issue #17): after an import or a
// fetch, papers still without English abstract or categories are completed from the arXiv
// API, with progress on stderr. Offline, one quiet line says so and the papers stay queued for
// the next import or fetch. --no-enrich or PAPERBOY_NO_ENRICH=1 skips it.

#include "cli/cli_context.h"
#include "fetch/fetch_settings.h"

namespace paperboy {

// Whether this invocation wants the automatic step (no --no-enrich, no PAPERBOY_NO_ENRICH).
bool automaticEnrichmentWanted(const CliContext &ctx);

// Runs the step on the open store. `prefix` starts every line ("paperboy import"). Returns
// the number of papers completed; never fails the command. The papers the reader keeps that got
// their first code link from arXiv's answer are added to `codeLinks` when given.
int completeEnglish(CliContext &ctx, const QString &prefix, const FetchSettings &settings,
                    QList<CodeLinkArrival> *codeLinks = nullptr);

} // namespace paperboy
