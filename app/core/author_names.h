#pragma once

// Author names compared the way a reader means them: "Olivier J. Hénaff", "Olivier J H\'enaff"
// and "olivier j. henaff" are one person. Used by followed authors (the command line, search's
// is:followed, the paper JSON) so every place agrees on who matches.

#include <QSet>
#include <QString>
#include <QStringList>

namespace paperboy {

// TeX accents decoded, diacritics removed (NFKD without combining marks), lower case, and
// the letters and digits of each word joined by one space: "Olivier J. Hénaff" ->
// "olivier j henaff". Empty when the name holds no letter or digit.
QString foldAuthorName(const QString &name);

// A set of followed names, by folded key.
class FollowedAuthors
{
public:
    FollowedAuthors() = default;
    explicit FollowedAuthors(const QStringList &names);

    bool isEmpty() const { return m_keys.isEmpty(); }
    // The names in `authors` (as written there) that are followed, in author order.
    QStringList matching(const QStringList &authors) const;

private:
    QSet<QString> m_keys;
};

} // namespace paperboy
