#pragma once

// The JSON shape of a paper, shared by `list`, `show` and `search`.
// Absent values are null, never empty strings.

#include "core/paper.h"
#include "core/paper_version.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace paperboy {

// A paper's kept PDF as its JSON shows it (issue #21): "pdf_file" (the path or null) and
// "pdf_pages" (or null); search results add "pdf_matched_pages", the pages of the PDF text
// holding the search's words ([] when none).
struct PaperPdfJson
{
    QString file;
    int pages = -1;
    std::optional<QList<int>> matchedPages;
};

// `versions`: every version recorded, oldest first (VersionStore::versions). Without any, the
// JSON's "versions" holds the one version the cache has.
QJsonObject paperToJson(const PaperView &view, const QList<PaperVersion> &versions = {},
                        const PaperPdfJson &pdf = {});

// `code_links` of import and fetch answers: the papers the reader keeps that got their first
// code link, each {"id", "title", "code_url", "starred"}; and the line a person reads.
QJsonArray codeLinksToJson(const QList<CodeLinkArrival> &arrivals);
QString codeLinkLine(const CodeLinkArrival &arrival);

class JsonTextWriter;
// The same paper as text, straight into `out` (the text QJsonDocument would print for
// paperToJson's object): what `list` and `search` print for many papers.
void writePaperJson(JsonTextWriter &out, const PaperView &view,
                    const QList<PaperVersion> &versions = {}, const PaperPdfJson &pdf = {});

} // namespace paperboy
