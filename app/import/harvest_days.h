#pragma once

// Harvests (OAI-PMH, the metadata snapshot) list papers without a day; they browse by the date
// of their first version, like a digest of that day.

#include "core/paper.h"

#include <QList>
#include <QString>

namespace paperboy {

// One additive digest per first-version date; papers without a date are left out.
QList<Digest> digestsByFirstVersion(const QList<Paper> &papers, const QString &source);

} // namespace paperboy
