#pragma once

// A stretch of text with one look, as converted TeX math is shown: the window lays runs out
// with their weight and baseline shift, plain-text output flattens them.

#include <QString>
#include <QtGlobal>

namespace paperboy {

// One stretch of text with one look. Prose between math segments is one run with no flags.
struct TextRun
{
    enum class Shift : quint8
    {
        None,
        Sub,
        Super
    };

    QString text;
    bool bold = false;
    bool italic = false; // math variables, \textit, \emph
    bool math = false;   // converted from TeX math (the rest is prose or unconverted TeX)
    Shift shift = Shift::None;

    bool operator==(const TextRun &) const = default;
};

} // namespace paperboy
