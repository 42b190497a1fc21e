#include "author_names.h"

#include "core/tex_text.h"

namespace paperboy {

namespace {

bool isAsciiWordChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

QString foldAuthorName(const QString &name)
{
    // Most names are plain ASCII: no TeX, no accents, nothing to normalise.
    bool plain = true;
    for (const QChar c : name)
        if (c.unicode() >= 0x80 || c == u'\\' || c == u'{') {
            plain = false;
            break;
        }
    QString text = plain ? name : texToUnicode(name).normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(text.size());
    bool pendingSpace = false;
    const auto ucs4 = text.toUcs4();
    for (const char32_t c : ucs4) {
        const bool word = c < 0x80 ? isAsciiWordChar(char16_t(c)) : QChar::isLetterOrNumber(c);
        if (!word) {
            // Combining marks (the accents NFKD split off) vanish without splitting a word.
            if (c >= 0x80 && QChar::isMark(c))
                continue;
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace)
            folded += QLatin1Char(' ');
        pendingSpace = false;
        folded += QString::fromUcs4(&c, 1).toLower();
    }
    return folded;
}

FollowedAuthors::FollowedAuthors(const QStringList &names)
{
    for (const QString &name : names) {
        const QString key = foldAuthorName(name);
        if (!key.isEmpty())
            m_keys.insert(key);
    }
}

QStringList FollowedAuthors::matching(const QStringList &authors) const
{
    QStringList found;
    if (m_keys.isEmpty())
        return found;
    for (const QString &author : authors)
        if (m_keys.contains(foldAuthorName(author)))
            found.append(author);
    return found;
}

} // namespace paperboy
