#include "tex_text.h"

#include <QRegularExpression>

namespace paperboy {

namespace {

// Accents written as a control symbol: \"o, \'e, \`a, \^o, \~n, \=a, \.z
QChar symbolAccentMark(QChar symbol)
{
    switch (symbol.unicode()) {
    case '"':
        return QChar(0x0308);
    case '\'':
        return QChar(0x0301);
    case '`':
        return QChar(0x0300);
    case '^':
        return QChar(0x0302);
    case '~':
        return QChar(0x0303);
    case '=':
        return QChar(0x0304);
    case '.':
        return QChar(0x0307);
    default:
        return {};
    }
}

// Accents written as a control word: \c{c}, \v{s}, \u{g}, \H{o}, \k{a}, \r{a}, \d{o}, \b{o}
QChar wordAccentMark(QStringView name)
{
    if (name.size() != 1)
        return {};
    switch (name.front().unicode()) {
    case 'c':
        return QChar(0x0327);
    case 'v':
        return QChar(0x030C);
    case 'u':
        return QChar(0x0306);
    case 'H':
        return QChar(0x030B);
    case 'k':
        return QChar(0x0328);
    case 'r':
        return QChar(0x030A);
    case 'd':
        return QChar(0x0323);
    case 'b':
        return QChar(0x0331);
    default:
        return {};
    }
}

QString specialLetter(QStringView name)
{
    struct Special
    {
        const char16_t *name;
        char16_t letter;
    };
    static constexpr Special specials[] = {
        {u"aa", u'\u00E5'}, {u"AA", u'\u00C5'}, {u"o", u'\u00F8'},  {u"O", u'\u00D8'},
        {u"ss", u'\u00DF'}, {u"ae", u'\u00E6'}, {u"AE", u'\u00C6'}, {u"oe", u'\u0153'},
        {u"OE", u'\u0152'}, {u"l", u'\u0142'},  {u"L", u'\u0141'},  {u"i", u'\u0131'},
        {u"j", u'\u0237'},
    };
    for (const Special &special : specials) {
        if (name == QStringView(special.name))
            return QString(QChar(special.letter));
    }
    return {};
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

qsizetype controlWordEnd(const QString &text, qsizetype nameStart)
{
    qsizetype end = nameStart;
    while (end < text.size() && isAsciiLetter(text.at(end)))
        ++end;
    return end;
}

// Parses a special letter command (\l, \ss, \i, ...) whose backslash is at `pos`.
bool parseSpecial(const QString &text, qsizetype pos, QString *letter, qsizetype *end)
{
    const qsizetype nameEnd = controlWordEnd(text, pos + 1);
    const QString special = specialLetter(QStringView(text).mid(pos + 1, nameEnd - pos - 1));
    if (special.isEmpty())
        return false;
    qsizetype next = nameEnd;
    // TeX swallows the spaces after a control word ("J\o rgensen"), and "{}" ends it.
    while (next < text.size() && text.at(next) == u' ')
        ++next;
    if (QStringView(text).mid(next, 2) == u"{}")
        next += 2;
    *letter = special;
    *end = next;
    return true;
}

// Accented dotless i/j are the ordinary letters with the accent replacing the dot.
QString accentBase(const QString &letter)
{
    if (letter == QStringView(u"\u0131"))
        return QStringLiteral("i");
    if (letter == QStringView(u"\u0237"))
        return QStringLiteral("j");
    return letter;
}

// Parses the argument of an accent starting at `pos`: "{e}", "{\i}", "\i" or "e".
bool parseAccentArgument(const QString &text, qsizetype pos, QChar mark, QString *out,
                         qsizetype *end)
{
    if (pos >= text.size())
        return false;
    QString base;
    qsizetype next = pos;
    const QChar first = text.at(pos);
    if (first == u'{') {
        if (pos + 1 >= text.size())
            return false;
        if (text.at(pos + 1) == u'\\') {
            if (!parseSpecial(text, pos + 1, &base, &next))
                return false;
        } else if (text.at(pos + 1).isLetter()) {
            base = text.at(pos + 1);
            next = pos + 2;
        } else {
            return false;
        }
        if (next >= text.size() || text.at(next) != u'}')
            return false;
        ++next;
    } else if (first == u'\\') {
        if (!parseSpecial(text, pos, &base, &next))
            return false;
    } else if (first.isLetter()) {
        base = first;
        next = pos + 1;
    } else {
        return false;
    }
    *out = (accentBase(base) + mark).normalized(QString::NormalizationForm_C);
    *end = next;
    return true;
}

// Parses an accent or special letter whose backslash is at `pos`.
bool parseTexLetter(const QString &text, qsizetype pos, QString *out, qsizetype *end)
{
    if (pos + 1 >= text.size())
        return false;
    const QChar mark = symbolAccentMark(text.at(pos + 1));
    if (!mark.isNull())
        return parseAccentArgument(text, pos + 2, mark, out, end);

    const qsizetype nameEnd = controlWordEnd(text, pos + 1);
    if (nameEnd == pos + 1)
        return false;
    const QChar wordMark = wordAccentMark(QStringView(text).mid(pos + 1, nameEnd - pos - 1));
    if (!wordMark.isNull()) {
        qsizetype argument = nameEnd;
        while (argument < text.size() && text.at(argument) == u' ')
            ++argument;
        return parseAccentArgument(text, argument, wordMark, out, end);
    }
    return parseSpecial(text, pos, out, end);
}

} // namespace

QString elideText(const QString &text, qsizetype length)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

QString normalizeWhitespace(const QString &text)
{
    // QChar::isSpace covers NBSP and the other Unicode separators as well as \n, \t.
    return text.simplified();
}

QString texToUnicode(const QString &text)
{
    if (!text.contains(u'\\'))
        return text;

    QString out;
    out.reserve(text.size());
    bool inMath = false;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        const QChar c = text.at(i);
        if (c == u'$') {
            // "$$" opens or closes display math as one delimiter.
            const qsizetype width = (i + 1 < size && text.at(i + 1) == u'$') ? 2 : 1;
            out += QStringView(text).mid(i, width);
            i += width;
            inMath = !inMath;
            continue;
        }
        if (c == u'\\') {
            QString letter;
            qsizetype end = 0;
            if (!inMath && parseTexLetter(text, i, &letter, &end)) {
                out += letter;
                i = end;
                continue;
            }
            // Copy the whole unknown command so that "\\" or "\$" is not read again.
            const qsizetype nameEnd = controlWordEnd(text, i + 1);
            const qsizetype commandEnd = nameEnd > i + 1 ? nameEnd : qMin(i + 2, size);
            out += QStringView(text).mid(i, commandEnd - i);
            i = commandEnd;
            continue;
        }
        if (c == u'{' && !inMath && i + 1 < size && text.at(i + 1) == u'\\') {
            QString letter;
            qsizetype end = 0;
            if (parseTexLetter(text, i + 1, &letter, &end) && end < size && text.at(end) == u'}') {
                out += letter;
                i = end + 1;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

namespace {

// Splits on top-level commas and semicolons, dropping parenthesised affiliations.
// Returns false when the parentheses do not balance, so the caller can fall back.
bool splitTopLevel(const QString &text, bool dropParentheses, QStringList *pieces)
{
    QString current;
    int parenDepth = 0;
    int braceDepth = 0;
    for (const QChar c : text) {
        if (dropParentheses && c == u'(') {
            ++parenDepth;
            continue;
        }
        if (dropParentheses && c == u')') {
            if (parenDepth > 0)
                --parenDepth;
            continue;
        }
        if (parenDepth > 0)
            continue;
        if (c == u'{')
            ++braceDepth;
        else if (c == u'}' && braceDepth > 0)
            --braceDepth;
        if (braceDepth == 0 && (c == u',' || c == u';')) {
            pieces->append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    pieces->append(current);
    return parenDepth == 0;
}

} // namespace

QStringList splitAuthors(const QString &text)
{
    QStringList pieces;
    if (!splitTopLevel(text, true, &pieces)) {
        // An unclosed "(" would swallow every later author; keep the text instead.
        pieces.clear();
        splitTopLevel(text, false, &pieces);
    }

    static const QRegularExpression andSeparator(QStringLiteral(R"(\s+and\s+)"));
    static const QRegularExpression leadingAnd(QStringLiteral(R"(^\s*and\s+)"));
    QStringList names;
    for (QString piece : std::as_const(pieces)) {
        piece.remove(leadingAnd);
        const QStringList parts = piece.split(andSeparator);
        for (const QString &part : parts) {
            const QString name = normalizeWhitespace(texToUnicode(part));
            if (!name.isEmpty())
                names.append(name);
        }
    }
    return names;
}

} // namespace paperboy
