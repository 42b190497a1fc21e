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

// A paper the reader keeps (starred, noted or tagged) that had no code link in the cache and
// got one from an import or a fetch: Hugging Face, a digest's code field, or a new abstract
// or comment (issue #18). Decided inside the transaction that stored the link, so a second
// import of the same file reports nothing.
struct CodeLinkArrival
{
    QString arxivId;
    QString title;
    QString codeUrl;
    bool starred = false; // else noted or tagged
    bool operator==(const CodeLinkArrival &) const = default;
};

} // namespace paperboy
