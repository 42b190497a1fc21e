#pragma once

// A paper as an item of Zotero's connector protocol (issue #21, "Save to Zotero"): the JSON
// that /connector/saveItems takes, in the translators' item format. Pure: no network.
//
//   {"itemType": "preprint", "title", "creators": [{"firstName", "lastName", "creatorType"}],
//    "abstractNote", "url", "date", "repository": "arXiv", "archiveID": "arXiv:ID",
//    "DOI": "10.48550/arXiv.ID", "libraryCatalog": "arXiv.org", "extra",
//    "tags": [{"tag"}], "notes": [{"note": "<p>...</p>"}],
//    "attachments": [{"title", "url", "mimeType": "application/pdf", "snapshot": false}]}
//
// Names are split by splitPersonName (export/citation_common.h) like every citation format;
// one that cannot be split is a single-field name ("fieldMode": 1). The reader's note becomes
// a child note (HTML-escaped, a paragraph per blank-line-separated block); the PDF is a link
// attachment ("snapshot": false: Zotero links the URL instead of downloading it).

#include "core/paper.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace paperboy {

QJsonObject zoteroItem(const PaperView &view);
QJsonArray zoteroItems(const QList<PaperView> &views);

// The note as Zotero note HTML: escaped, paragraphs at blank lines, <br> at single breaks.
QString zoteroNoteHtml(const QString &note);

} // namespace paperboy
