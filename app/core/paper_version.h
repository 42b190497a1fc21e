#pragma once

// One version of a paper as arXiv showed it, and what changed when a newer one arrived.

#include <QDate>
#include <QString>
#include <QStringList>

namespace paperboy {

struct PaperVersion
{
    int version = 0;
    QDate date; // submitted, when known
    QString title;
    QStringList authors;
    QString abstract;
    QString comment;
    QString journalRef;
    QString doi;
    QString codeUrl; // the code link found in this version's abstract or comment, if any
};

// A watched paper that has a newer version than the cache had.
struct VersionChange
{
    QString arxivId;
    int fromVersion = 0;
    int toVersion = 0;
    QString title; // the newest
    bool starred = false;
    bool journalRefArrived = false; // a journal reference where the old version had none
    bool doiArrived = false;
    bool acceptedArrived = false; // "Accepted at/to/by …" or "to appear in …" in the comment
    QString codeUrl;              // a code link the paper did not have before, else empty
};

} // namespace paperboy
