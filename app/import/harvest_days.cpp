#include "import/harvest_days.h"

#include <QMap>

namespace paperboy {

QList<Digest> digestsByFirstVersion(const QList<Paper> &papers, const QString &source)
{
    QMap<QDate, Digest> byDate;
    for (const Paper &paper : papers) {
        if (!paper.published.isValid())
            continue;
        Digest &digest = byDate[paper.published];
        if (digest.entries.isEmpty()) {
            digest.date = paper.published;
            digest.source = source;
            digest.category = QStringLiteral("");
            digest.title = QStringLiteral("New submissions (first versions)");
            digest.additive = true;
        }
        DigestEntry entry;
        entry.paper = paper;
        entry.position = int(digest.entries.size() + 1);
        digest.entries.append(entry);
    }
    return byDate.values();
}

} // namespace paperboy
