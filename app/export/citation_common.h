#pragma once

// What every citation format needs from a paper: the year, a person's name split into
// family and given parts, and short stable citation keys.

#include "core/paper.h"

#include <QString>
#include <QStringList>

namespace paperboy {

struct PersonName
{
    QString family;
    QString given;
    QString suffix; // "Jr.", "III"
    // The name could not be split (one word, a collaboration, a CJK name without spaces):
    // `family` holds it whole and formats that can should print it as written.
    bool literal = false;
};

// "Ludwig van Beethoven" -> {van Beethoven, Ludwig}; "Hénaff, Olivier J." -> {Hénaff, Olivier J.}.
PersonName splitPersonName(const QString &name);

// From the published date, else from the identifier: 2306.01667 -> 2023, math/0211159 -> 2002.
// 0 when neither tells.
int paperYear(const Paper &paper);

// A key per paper, in order: first author's family name + year + first significant title
// word, ASCII lower case ("balazevic2023context"). Papers that would share a key within one
// list get a, b, c... suffixes in list order, so the keys are stable for the same selection.
QStringList citationKeys(const QList<Paper> &papers);

// Folds to lower-case ASCII letters and digits: "Balažević" -> "balazevic"; "张" -> "".
QString asciiFold(const QString &text);

} // namespace paperboy
