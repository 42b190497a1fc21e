#pragma once

// What every parser returns: digests (a dated listing with entries) and/or bare paper records
// (metadata without a listing, e.g. an arXiv API id_list lookup used to enrich the cache).

#include "core/paper.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

struct ParseResult
{
    QList<Digest> digests;
    QList<Paper> papers; // records that belong to no digest
    QString error;       // empty on success; names the problem in words a user understands
    int errorLine = 0;   // 1-based line of the problem when it has one, else 0
    QStringList warnings;
    // The input ends inside a record (a copy cut short): what was whole is imported, the
    // cut-off record is named in the warnings and not stored, and the import counts as failed.
    bool incomplete = false;
    // Paging information for sources that page (arXiv API, OAI-PMH).
    int totalResults = -1;
    QString resumptionToken;

    bool ok() const { return error.isEmpty(); }
    static ParseResult failure(const QString &message, int line = 0)
    {
        ParseResult result;
        result.error = message;
        result.errorLine = line;
        return result;
    }
};

} // namespace paperboy
