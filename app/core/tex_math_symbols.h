#pragma once

// LaTeX's Unicode math table (unicode-math-table.tex, resources/math/), read once from the
// core's resources: TeX symbol names to code points and classes, and back.

#include <QString>
#include <QStringView>

namespace paperboy::texmath {

// unicode-math's classes (\mathbin, \mathrel, ...), which decide spacing and accents.
enum class MathClass : quint8
{
    Ord,
    Alpha,
    Bin,
    Rel,
    Op,
    Open,
    Close,
    Fence,
    Punct,
    Accent,       // \hat, \tilde, \bar: a combining mark over the argument
    BottomAccent, // \underbar-like: a combining mark under the argument
    Other         // overlays, over/under braces: not shown as a character
};

struct MathSymbol
{
    char32_t code = 0;
    MathClass mathClass = MathClass::Ord;
};

// The symbol a command names (without the backslash), aliases resolved; nullptr if unknown.
const MathSymbol *findMathSymbol(QStringView name);

// The table's first name for a code point ("times" for ×, "leq" for ≤), or empty.
QString mathSymbolName(char32_t code);

} // namespace paperboy::texmath
