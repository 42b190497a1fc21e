#pragma once

// What a reader may paste, drop or type to add a paper (issue #21): an arXiv identifier in any
// of the forms people pass around, reduced to the identifier. Pure: no network, no store.
//
// Accepted:
//   2401.01234, 2401.01234v2, 0704.0001 (new style: 4 digits up to 1412, 5 from 1501)
//   hep-th/9901001, math.GT/0309136v1 (old style: archive[.XX]/YYMMNNN)
//   arXiv:2401.01234 (any case, a space after the colon allowed)
//   http(s)://[www.|export.]arxiv.org/{abs,pdf,html}/ID[vN][.pdf][/...][?query][#fragment]
//   http(s)://[www.]alphaxiv.org/{abs,overview}/ID, http(s)://huggingface.co/papers/ID
//   10.48550/arXiv.ID, doi:10.48550/arXiv.ID, http(s)://[dx.]doi.org/10.48550/arXiv.ID
// The links may come without their scheme ("arxiv.org/abs/2401.01234"). Anything else is
// refused with a reason that names the input.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

struct PaperReference
{
    QString id;      // without version: "2401.01234", "math.GT/0309136"
    int version = 0; // 0: none given

    bool operator==(const PaperReference &) const = default;
};

// One reference; on refusal nullopt and *error says why, naming `text`.
std::optional<PaperReference> parsePaperReference(const QString &text, QString *error = nullptr);

// Many references in one text (a paste, a drop, the command line's arguments joined): split at
// white space and commas, with surrounding brackets, quotes and sentence punctuation taken
// off. Ids in order of first appearance, each once; `refused` gets one message per piece that
// is no arXiv paper.
struct ReferenceList
{
    QList<PaperReference> papers;
    QStringList refused;       // one message per refused piece, naming it
    QStringList refusedPieces; // the pieces themselves, as found
};
ReferenceList parsePaperReferences(const QString &text);
// The command line's arguments, each one reference as written (nothing split or trimmed).
ReferenceList parseEachPaperReference(const QStringList &arguments);

} // namespace paperboy
