#pragma once

// The parser behind parseTexMath(), shared by tex_math_parser.cpp (characters, groups,
// scripts, symbols) and tex_math_commands.cpp (commands with arguments: \frac, \sqrt, \text).

#include "core/tex_math_parser.h"

#include <QHash>

namespace paperboy::texmath {

// How letters look in the current group: \mathbb{R}, \mathcal{O}, \mathrm{d}, \mathbf{x}.
enum class Alphabet : quint8
{
    Plain,
    DoubleStruck,
    Script,
    Fraktur
};

struct Context
{
    Alphabet alphabet = Alphabet::Plain;
    bool upright = false; // math letters are italic unless \mathrm, \text, \operatorname...
    bool bold = false;
    bool script = false; // in a sub/superscript: tight, as TeX sets scripts ("⋃_(a∈A)")
};

enum class Command : quint8
{
    Frac,
    Binom,
    Sqrt,
    Text,       // \text{...}: text mode, upright
    TextBold,   // \textbf
    TextItalic, // \textit, \emph
    Upright,    // \mathrm{...}, \mathsf, \mathtt
    MathItalic, // \mathit
    BoldUpright,
    BoldSymbol,
    DoubleStruck,
    Script,
    Fraktur,
    SwitchUpright, // {\rm x}
    SwitchBold,
    SwitchItalic,
    SwitchScript,
    OperatorName,
    FunctionWord, // \log, \min, ...
    Identity,     // \ensuremath{x}, \mathrel{x}, \underbrace{x}: the argument as it is
    Ignore,       // \displaystyle, \limits
    Delimiter,    // \left, \right, \big: nothing, and "." after them is nothing too
    Space,
    SpaceArgument, // \hspace{1em}
    NoSpace,       // \negthinspace
    Overline,
    Underline,
    Not,
    Unicode,
    Overset,
    Underset,
    TextSuper,
    TextSub,
    Bmod,
    Pmod
};

// Commands handled in code; everything else is looked up in the symbol table.
const QHash<QString, Command> &commands();

bool isAsciiLetter(QChar c);
QString fromCode(char32_t code);

class Parser
{
public:
    explicit Parser(QStringView tex) : m_tex(tex) {}

    bool parse(Items *out);

private:
    bool atEnd() const { return m_pos >= m_tex.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_tex.at(m_pos); }
    bool fail();
    void skipSpaces();

    static QChar lastChar(const Items &out);
    static void appendText(Items *out, const QString &text, quint8 flags);
    static void trim(Items *items);
    static quint8 letterFlags(const Context &ctx, bool italic);
    static bool isOpening(QChar c);
    void emitSpace(Items *out);
    void put(Items *out, const QString &text, quint8 flags);
    void emitItems(Items *out, Items &&items);
    void emitWrapped(Items *out, Items &&items, bool parenthesise);

    void parseSequence(Items *out, Context ctx, QChar stop);
    void parseGroup(Items *out, const Context &ctx);
    bool parseArgument(Items *out, Context ctx);
    bool rawArgument(QString *text);
    void parseToken(Items *out, Context &ctx);
    void parseScript(Items *out, const Context &ctx, Item::Kind kind);
    void parseCommand(Items *out, Context &ctx);
    void parseControlSymbol(Items *out);

    void runCommand(Items *out, Context &ctx, Command command, const QString &name);
    void styled(Items *out, const Context &ctx, void (*change)(Context &));
    void functionWord(Items *out, const QString &word);
    void fraction(Items *out, const Context &ctx);
    void binomial(Items *out, const Context &ctx);
    void squareRoot(Items *out, const Context &ctx);
    void textMode(Items *out, const Context &ctx, quint8 flags);
    void accent(Items *out, const Context &ctx, char32_t mark);
    void negation(Items *out, const Context &ctx);
    void stacked(Items *out, const Context &ctx, Item::Kind kind);

    QStringView m_tex;
    qsizetype m_pos = 0;
    bool m_ok = true;
    int m_depth = 0;
    bool m_spaceBeforeWord = false;
};

} // namespace paperboy::texmath
