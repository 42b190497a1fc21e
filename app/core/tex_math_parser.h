#pragma once

// The inside of tex_math.cpp: one math segment's TeX parsed into a small tree of text pieces
// and sub/superscripts, which tex_math.cpp turns into runs for the window and plain text.

#include "core/text_run.h"

#include <QString>
#include <QStringView>
#include <vector>

namespace paperboy::texmath {

enum ItemFlag : quint8
{
    Bold = 1,
    Italic = 2
};

struct Item
{
    enum class Kind : quint8
    {
        Text,
        Sub,
        Super
    };

    Kind kind = Kind::Text;
    QString text;               // Kind::Text
    quint8 flags = 0;           // Kind::Text: ItemFlag bits
    std::vector<Item> children; // Kind::Sub and Kind::Super
};
using Items = std::vector<Item>;

// False when the TeX holds anything not understood; `out` is then unspecified.
bool parseTexMath(QStringView tex, Items *out);

// Plain text: Unicode sub/superscript characters when every character has one, else "_i",
// "^(xy)".
QString plainText(const Items &items);

// One script's text as Unicode script characters, or marked: "_(a∈A)", "^⊤".
QString scriptPlainText(Item::Kind kind, const QString &text);

// Appends the items as runs; scripts inside scripts, which a text layout cannot raise twice,
// keep their "_" or "^".
void appendRuns(const Items &items, TextRun::Shift shift, QList<TextRun> *runs);

} // namespace paperboy::texmath
