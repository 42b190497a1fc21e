// Parsed math as plain text (Unicode sub/superscript characters where every character has
// one) and as runs for the window (scripts as raised or lowered runs).

#include "tex_math_parser.h"

#include <QHash>

namespace paperboy::texmath {

namespace {

// Unicode's superscript and subscript characters, including the modifier letters that serve
// as such (ᵀ, ⁱ, ᵢ). A script is written with them only when every character has one.
const QHash<char32_t, char32_t> &scriptCharacters(Item::Kind kind)
{
    static const QHash<char32_t, char32_t> superscripts = {
        {'0', 0x2070},    {'1', 0x00B9},    {'2', 0x00B2},    {'3', 0x00B3},    {'4', 0x2074},
        {'5', 0x2075},    {'6', 0x2076},    {'7', 0x2077},    {'8', 0x2078},    {'9', 0x2079},
        {'+', 0x207A},    {'-', 0x207B},    {0x2212, 0x207B}, {'=', 0x207C},    {'(', 0x207D},
        {')', 0x207E},    {'a', 0x1D43},    {'b', 0x1D47},    {'c', 0x1D9C},    {'d', 0x1D48},
        {'e', 0x1D49},    {'f', 0x1DA0},    {'g', 0x1D4D},    {'h', 0x02B0},    {'i', 0x2071},
        {'j', 0x02B2},    {'k', 0x1D4F},    {'l', 0x02E1},    {'m', 0x1D50},    {'n', 0x207F},
        {'o', 0x1D52},    {'p', 0x1D56},    {'r', 0x02B3},    {'s', 0x02E2},    {'t', 0x1D57},
        {'u', 0x1D58},    {'v', 0x1D5B},    {'w', 0x02B7},    {'x', 0x02E3},    {'y', 0x02B8},
        {'z', 0x1DBB},    {'A', 0x1D2C},    {'B', 0x1D2E},    {'D', 0x1D30},    {'E', 0x1D31},
        {'G', 0x1D33},    {'H', 0x1D34},    {'I', 0x1D35},    {'J', 0x1D36},    {'K', 0x1D37},
        {'L', 0x1D38},    {'M', 0x1D39},    {'N', 0x1D3A},    {'O', 0x1D3C},    {'P', 0x1D3E},
        {'R', 0x1D3F},    {'T', 0x1D40},    {'U', 0x1D41},    {'V', 0x2C7D},    {'W', 0x1D42},
        {0x03B1, 0x1D45}, {0x03B2, 0x1D5D}, {0x03B3, 0x1D5E}, {0x03B4, 0x1D5F}, {0x03B5, 0x1D4B},
        {0x03B8, 0x1DBF}, {0x03B9, 0x1DA5}, {0x03C6, 0x1D60}, {0x03C7, 0x1D61},
    };
    static const QHash<char32_t, char32_t> subscripts = {
        {'0', 0x2080},    {'1', 0x2081},    {'2', 0x2082},    {'3', 0x2083},    {'4', 0x2084},
        {'5', 0x2085},    {'6', 0x2086},    {'7', 0x2087},    {'8', 0x2088},    {'9', 0x2089},
        {'+', 0x208A},    {'-', 0x208B},    {0x2212, 0x208B}, {'=', 0x208C},    {'(', 0x208D},
        {')', 0x208E},    {'a', 0x2090},    {'e', 0x2091},    {'o', 0x2092},    {'x', 0x2093},
        {'h', 0x2095},    {'k', 0x2096},    {'l', 0x2097},    {'m', 0x2098},    {'n', 0x2099},
        {'p', 0x209A},    {'s', 0x209B},    {'t', 0x209C},    {'i', 0x1D62},    {'r', 0x1D63},
        {'u', 0x1D64},    {'v', 0x1D65},    {'j', 0x2C7C},    {0x03B2, 0x1D66}, {0x03B3, 0x1D67},
        {0x03C1, 0x1D68}, {0x03C6, 0x1D69}, {0x03C7, 0x1D6A},
    };
    return kind == Item::Kind::Super ? superscripts : subscripts;
}

bool wrapped(const QString &text)
{
    return text.startsWith(u'(') && text.endsWith(u')') && text.count(u'(') == 1 &&
           text.count(u')') == 1;
}

// "_i" for one character, "_(a∈A)" for more; what a script is in plain text without Unicode
// script characters, and in the window when it sits inside another script.
QString markedScript(Item::Kind kind, const QString &text)
{
    const QChar marker = kind == Item::Kind::Super ? u'^' : u'_';
    if (text.toUcs4().size() == 1 || wrapped(text))
        return marker + text;
    return marker + (u'(' + text + u')');
}

void appendRun(QList<TextRun> *runs, const QString &text, quint8 flags, TextRun::Shift shift)
{
    if (text.isEmpty())
        return;
    const bool bold = flags & Bold;
    const bool italic = flags & Italic;
    if (!runs->isEmpty()) {
        TextRun &last = runs->last();
        if (last.math && last.bold == bold && last.italic == italic && last.shift == shift) {
            last.text += text;
            return;
        }
    }
    TextRun run;
    run.text = text;
    run.bold = bold;
    run.italic = italic;
    run.math = true;
    run.shift = shift;
    runs->append(run);
}

} // namespace

QString scriptPlainText(Item::Kind kind, const QString &text)
{
    const QHash<char32_t, char32_t> &map = scriptCharacters(kind);
    QString mapped;
    for (const char32_t c : text.toUcs4()) {
        const auto it = map.constFind(c);
        if (it == map.constEnd())
            return markedScript(kind, text);
        mapped += QString::fromUcs4(&it.value(), 1);
    }
    return mapped;
}

QString plainText(const Items &items)
{
    QString text;
    for (const Item &item : items)
        text += item.kind == Item::Kind::Text
                    ? item.text
                    : scriptPlainText(item.kind, plainText(item.children));
    return text;
}

void appendRuns(const Items &items, TextRun::Shift shift, QList<TextRun> *runs)
{
    for (const Item &item : items) {
        if (item.kind == Item::Kind::Text) {
            appendRun(runs, item.text, item.flags, shift);
        } else if (shift == TextRun::Shift::None) {
            appendRuns(item.children,
                       item.kind == Item::Kind::Super ? TextRun::Shift::Super : TextRun::Shift::Sub,
                       runs);
        } else {
            appendRun(runs, markedScript(item.kind, plainText(item.children)), 0, shift);
        }
    }
}

} // namespace paperboy::texmath
