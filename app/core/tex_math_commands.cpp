// The commands with arguments or effects beyond one symbol: \frac, \sqrt, \text, \mathbb,
// \operatorname, accents, \not, \left and friends. Symbols come from the table instead.

#include "tex_math_parser_p.h"

#include "core/tex_math_symbols.h"

namespace paperboy::texmath {

const QHash<QString, Command> &commands()
{
    static const QHash<QString, Command> table = [] {
        QHash<QString, Command> t;
        const auto add = [&t](std::initializer_list<const char *> names, Command command) {
            for (const char *name : names)
                t.insert(QString::fromLatin1(name), command);
        };
        add({"frac", "dfrac", "tfrac", "cfrac"}, Command::Frac);
        add({"binom", "dbinom", "tbinom"}, Command::Binom);
        add({"sqrt"}, Command::Sqrt);
        add({"text", "textrm", "textnormal", "textup", "mbox", "hbox", "textmd", "texttt",
             "textsf"},
            Command::Text);
        add({"textbf"}, Command::TextBold);
        add({"textit", "emph", "textsl"}, Command::TextItalic);
        add({"mathrm", "mathup", "mathsf", "mathtt"}, Command::Upright);
        add({"mathit", "mathnormal"}, Command::MathItalic);
        add({"mathbf", "mathbfup"}, Command::BoldUpright);
        add({"boldsymbol", "bm", "pmb", "mathbfit"}, Command::BoldSymbol);
        add({"mathbb", "Bbb", "mathbbm"}, Command::DoubleStruck);
        add({"mathcal", "mathscr"}, Command::Script);
        add({"mathfrak"}, Command::Fraktur);
        add({"rm", "sf", "tt", "rmfamily", "upshape"}, Command::SwitchUpright);
        add({"bf", "boldmath", "bfseries"}, Command::SwitchBold);
        add({"it", "mit", "itshape"}, Command::SwitchItalic);
        add({"cal"}, Command::SwitchScript);
        add({"operatorname"}, Command::OperatorName);
        add({"log", "ln",     "lg",     "exp",  "min",  "max",    "sup",    "inf",
             "lim", "liminf", "limsup", "sin",  "cos",  "tan",    "cot",    "sec",
             "csc", "sinh",   "cosh",   "tanh", "coth", "arcsin", "arccos", "arctan",
             "det", "dim",    "ker",    "deg",  "arg",  "gcd",    "hom",    "Pr"},
            Command::FunctionWord);
        add({"ensuremath", "mathrel", "mathbin", "mathord", "mathop", "mathinner", "mathpunct",
             "mathopen", "mathclose", "underbrace", "overbrace", "boxed", "smash"},
            Command::Identity);
        add({"displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits", "nolimits",
             "nonumber", "notag", "mathstrut", "strut", "relax", "allowbreak", "nobreak"},
            Command::Ignore);
        add({"left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
             "Bigr", "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm", "biggm", "Biggm"},
            Command::Delimiter);
        add({"quad", "qquad", "enspace", "enskip", "thinspace", "medspace", "thickspace", "space",
             "nobreakspace"},
            Command::Space);
        add({"hspace", "hskip"}, Command::SpaceArgument);
        add({"negthinspace", "negmedspace", "negthickspace"}, Command::NoSpace);
        add({"overline", "widebar"}, Command::Overline);
        add({"underline"}, Command::Underline);
        add({"not"}, Command::Not);
        add({"unicode"}, Command::Unicode);
        add({"overset", "stackrel"}, Command::Overset);
        add({"underset"}, Command::Underset);
        add({"textsuperscript"}, Command::TextSuper);
        add({"textsubscript"}, Command::TextSub);
        add({"bmod", "mod"}, Command::Bmod);
        add({"pmod"}, Command::Pmod);
        return t;
    }();
    return table;
}

namespace {

bool isOperatorChar(char32_t c)
{
    switch (c) {
    case ' ':
    case '+':
    case '-':
    case '/':
    case '=':
    case '<':
    case '>':
    case ',':
    case ';':
    case ':':
    case '|':
        return true;
    case 0x221A: // √ ∛ ∜ ∞ ∂ ∇ ′ are parts of an operand
    case 0x221B:
    case 0x221C:
    case 0x221E:
    case 0x2202:
    case 0x2207:
    case 0x2032:
        return false;
    default:
        return QChar::category(c) == QChar::Symbol_Math;
    }
}

bool wrappedInParentheses(const QString &text)
{
    if (!text.startsWith(u'(') || !text.endsWith(u')'))
        return false;
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        depth += text.at(i) == u'(' ? 1 : text.at(i) == u')' ? -1 : 0;
        if (depth == 0 && i + 1 < text.size())
            return false; // "(a)+(b)"
    }
    return depth == 0;
}

// Whether a/b needs "(a)" or "(b)": any operator or space does; a denominator of more than
// one factor does too ("1/(2√2)"), a numerator does not ("nd/2").
bool needsParentheses(const Items &items, bool denominator)
{
    QString text;
    for (const Item &item : items) {
        if (item.kind == Item::Kind::Text)
            text += item.text;
    }
    if (wrappedInParentheses(text))
        return false;
    int factors = 0;
    int depth = 0;
    bool inNumber = false;
    bool afterRoot = false;
    for (const char32_t c : text.toUcs4()) {
        if (depth > 0) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            continue;
        }
        if (isOperatorChar(c))
            return true;
        const bool digit = (c >= '0' && c <= '9') || (c == '.' && inNumber);
        if (digit && inNumber)
            continue;
        inNumber = digit;
        if (QChar::category(c) == QChar::Mark_NonSpacing)
            continue;
        if (c == '(')
            ++depth;
        if (!afterRoot)
            ++factors;
        afterRoot = c == 0x221A || c == 0x221B || c == 0x221C;
    }
    return denominator && factors > 1;
}

// Whether what follows would read as multiplied into a fraction: "\frac{1}{2}x",
// "\frac{a}{b}\sqrt{2}".
bool factorFollows(QStringView rest)
{
    if (rest.isEmpty())
        return false;
    const QChar c = rest.front();
    if (c.isLetterOrNumber() || c == u'(' || c == u'{')
        return true;
    if (c != u'\\' || rest.size() < 2 || !isAsciiLetter(rest.at(1)))
        return false;
    qsizetype end = 1;
    while (end < rest.size() && isAsciiLetter(rest.at(end)))
        ++end;
    const QString name = rest.mid(1, end - 1).toString();
    if (const auto it = commands().constFind(name); it != commands().constEnd())
        return it.value() == Command::Frac || it.value() == Command::Sqrt ||
               it.value() == Command::FunctionWord || it.value() == Command::DoubleStruck ||
               it.value() == Command::Script || it.value() == Command::BoldUpright ||
               it.value() == Command::BoldSymbol;
    const MathSymbol *symbol = findMathSymbol(name);
    return symbol && (symbol->mathClass == MathClass::Alpha || symbol->mathClass == MathClass::Ord);
}

} // namespace

void Parser::runCommand(Items *out, Context &ctx, Command command, const QString &name)
{
    switch (command) {
    case Command::Frac:
        fraction(out, ctx);
        return;
    case Command::Binom:
        binomial(out, ctx);
        return;
    case Command::Sqrt:
        squareRoot(out, ctx);
        return;
    case Command::Text:
        textMode(out, ctx, 0);
        return;
    case Command::TextBold:
        textMode(out, ctx, Bold);
        return;
    case Command::TextItalic:
        textMode(out, ctx, Italic);
        return;
    case Command::Upright:
        styled(out, ctx, [](Context &c) {
            c.alphabet = Alphabet::Plain;
            c.upright = true;
        });
        return;
    case Command::MathItalic:
        styled(out, ctx, [](Context &c) {
            c.alphabet = Alphabet::Plain;
            c.upright = false;
        });
        return;
    case Command::BoldUpright:
        styled(out, ctx, [](Context &c) {
            c.alphabet = Alphabet::Plain;
            c.upright = c.bold = true;
        });
        return;
    case Command::BoldSymbol:
        styled(out, ctx, [](Context &c) { c.bold = true; });
        return;
    case Command::DoubleStruck:
        styled(out, ctx, [](Context &c) { c.alphabet = Alphabet::DoubleStruck; });
        return;
    case Command::Script:
        styled(out, ctx, [](Context &c) { c.alphabet = Alphabet::Script; });
        return;
    case Command::Fraktur:
        styled(out, ctx, [](Context &c) { c.alphabet = Alphabet::Fraktur; });
        return;
    case Command::SwitchUpright:
        ctx.alphabet = Alphabet::Plain;
        ctx.upright = true;
        skipSpaces();
        return;
    case Command::SwitchBold:
        ctx.alphabet = Alphabet::Plain;
        ctx.upright = ctx.bold = true;
        skipSpaces();
        return;
    case Command::SwitchItalic:
        ctx.alphabet = Alphabet::Plain;
        ctx.upright = false;
        skipSpaces();
        return;
    case Command::SwitchScript:
        ctx.alphabet = Alphabet::Script;
        skipSpaces();
        return;
    case Command::OperatorName: {
        if (peek() == u'*')
            ++m_pos;
        Items body;
        Context upright = ctx;
        upright.alphabet = Alphabet::Plain;
        upright.upright = true;
        upright.bold = false;
        if (!parseArgument(&body, upright))
            return;
        QString word;
        for (const Item &item : body) {
            if (item.kind != Item::Kind::Text) {
                fail();
                return;
            }
            word += item.text;
        }
        functionWord(out, word);
        return;
    }
    case Command::FunctionWord:
        functionWord(out, name);
        return;
    case Command::Identity:
        styled(out, ctx, [](Context &) {});
        return;
    case Command::Ignore:
        skipSpaces();
        return;
    case Command::Delimiter:
        skipSpaces();
        if (peek() == u'.')
            ++m_pos; // \left. is no delimiter at all
        return;
    case Command::Space:
        skipSpaces();
        emitSpace(out);
        return;
    case Command::SpaceArgument: {
        if (peek() == u'*')
            ++m_pos;
        QString ignored;
        if (rawArgument(&ignored))
            emitSpace(out);
        return;
    }
    case Command::NoSpace:
        return;
    case Command::Overline:
        accent(out, ctx, 0x0305);
        return;
    case Command::Underline:
        accent(out, ctx, 0x0332);
        return;
    case Command::Not:
        negation(out, ctx);
        return;
    case Command::Unicode: {
        QString code;
        if (!rawArgument(&code))
            return;
        bool ok = false;
        uint value = 0;
        if (code.startsWith(u'x') || code.startsWith(u'X'))
            value = code.mid(1).toUInt(&ok, 16);
        else
            value = code.toUInt(&ok, 10);
        if (!ok || value < 0x20 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ||
            (value >= 0x7F && value < 0xA0)) {
            fail();
            return;
        }
        put(out, fromCode(char32_t(value)), 0);
        return;
    }
    case Command::Overset:
        stacked(out, ctx, Item::Kind::Super);
        return;
    case Command::Underset:
        stacked(out, ctx, Item::Kind::Sub);
        return;
    case Command::TextSuper:
    case Command::TextSub: {
        Items body;
        textMode(&body, ctx, 0);
        trim(&body);
        if (!m_ok || body.empty())
            return;
        Item script;
        script.kind = command == Command::TextSuper ? Item::Kind::Super : Item::Kind::Sub;
        script.children = std::move(body);
        out->push_back(std::move(script));
        return;
    }
    case Command::Bmod:
        emitSpace(out);
        appendText(out, QStringLiteral("mod"), 0);
        skipSpaces();
        emitSpace(out);
        return;
    case Command::Pmod: {
        Items body;
        if (!parseArgument(&body, ctx))
            return;
        emitSpace(out);
        appendText(out, QStringLiteral("(mod "), 0);
        emitItems(out, std::move(body));
        appendText(out, QStringLiteral(")"), 0);
        return;
    }
    }
}

void Parser::styled(Items *out, const Context &ctx, void (*change)(Context &))
{
    Context inner = ctx;
    change(inner);
    Items body;
    if (parseArgument(&body, inner))
        emitItems(out, std::move(body));
}

void Parser::functionWord(Items *out, const QString &word)
{
    if (lastChar(*out).isLetterOrNumber())
        emitSpace(out);
    put(out, word, 0);
    skipSpaces();
    m_spaceBeforeWord = true;
}

void Parser::fraction(Items *out, const Context &ctx)
{
    const QChar before = lastChar(*out);
    Items numerator;
    Items denominator;
    if (!parseArgument(&numerator, ctx) || !parseArgument(&denominator, ctx))
        return;
    // "2\frac{1}{2}" must not read 21/2, nor "\frac{1}{2}x" 1/2x.
    const bool whole =
        before.isLetterOrNumber() || before == u')' || factorFollows(m_tex.mid(m_pos));
    if (whole)
        put(out, QStringLiteral("("), 0);
    const bool numeratorParentheses = needsParentheses(numerator, false);
    const bool denominatorParentheses = needsParentheses(denominator, true);
    emitWrapped(out, std::move(numerator), numeratorParentheses);
    put(out, QStringLiteral("/"), 0);
    emitWrapped(out, std::move(denominator), denominatorParentheses);
    if (whole)
        put(out, QStringLiteral(")"), 0);
}

void Parser::binomial(Items *out, const Context &ctx)
{
    Items top;
    Items bottom;
    if (!parseArgument(&top, ctx) || !parseArgument(&bottom, ctx))
        return;
    put(out, QStringLiteral("("), 0);
    emitItems(out, std::move(top));
    appendText(out, QStringLiteral(" choose "), 0);
    emitItems(out, std::move(bottom));
    put(out, QStringLiteral(")"), 0);
}

void Parser::squareRoot(Items *out, const Context &ctx)
{
    skipSpaces();
    QString root = QStringLiteral("\u221A");
    if (peek() == u'[') {
        ++m_pos;
        Items index;
        parseSequence(&index, ctx, QChar(u']'));
        trim(&index);
        const QString plain = plainText(index);
        if (plain == u"3") {
            root = QStringLiteral("\u221B");
        } else if (plain == u"4") {
            root = QStringLiteral("\u221C");
        } else if (!index.empty()) {
            Item script;
            script.kind = Item::Kind::Super;
            script.children = std::move(index);
            out->push_back(std::move(script));
        }
    }
    Items body;
    if (!parseArgument(&body, ctx))
        return;
    const bool parentheses = needsParentheses(body, true);
    put(out, root, 0);
    emitWrapped(out, std::move(body), parentheses);
}

// \text{...}: spaces count, letters are upright, $...$ inside is math again.
void Parser::textMode(Items *out, const Context &ctx, quint8 flags)
{
    skipSpaces();
    if (peek() != u'{') {
        fail();
        return;
    }
    ++m_pos;
    const quint8 textFlags = quint8(flags | (ctx.bold ? Bold : 0));
    QString buffer;
    const auto flush = [&] {
        if (buffer.startsWith(u' ') && lastChar(*out) == u' ')
            buffer.remove(0, 1);
        put(out, buffer, textFlags);
        buffer.clear();
    };
    int depth = 0;
    while (m_ok) {
        if (atEnd()) {
            fail();
            return;
        }
        const QChar c = peek();
        ++m_pos;
        if (c == u'}' && depth == 0)
            break;
        if (c == u'{' || c == u'}') {
            depth += c == u'{' ? 1 : -1;
        } else if (c == u'$') {
            flush();
            Items inner;
            parseSequence(&inner, Context(), QChar(u'$'));
            emitItems(out, std::move(inner));
        } else if (c == u'\\') {
            const QChar next = peek();
            if (QStringView(u"%&$#_{}").contains(next)) {
                buffer += next;
                ++m_pos;
            } else if (next == u' ' || next == u'\\') {
                buffer += u' ';
                ++m_pos;
            } else {
                fail(); // accents and commands in text mode: left as written
            }
        } else if (c.isSpace() || c == u'~') {
            if (!buffer.endsWith(u' '))
                buffer += u' ';
        } else {
            buffer += c;
        }
    }
    flush();
}

// \hat{x} is x̂: the table's combining mark after every character of the argument.
void Parser::accent(Items *out, const Context &ctx, char32_t mark)
{
    Items body;
    if (!parseArgument(&body, ctx))
        return;
    for (Item &item : body) {
        if (item.kind != Item::Kind::Text)
            continue;
        QString marked;
        const QList<uint> codes = item.text.toUcs4();
        for (qsizetype i = 0; i < codes.size(); ++i) {
            marked += fromCode(codes[i]);
            const bool base =
                codes[i] != ' ' && QChar::category(char32_t(codes[i])) != QChar::Mark_NonSpacing;
            const bool markFollows =
                i + 1 < codes.size() &&
                QChar::category(char32_t(codes[i + 1])) == QChar::Mark_NonSpacing;
            if (base && !markFollows)
                marked += fromCode(mark);
            else if (!base && QChar::category(char32_t(codes[i])) == QChar::Mark_NonSpacing &&
                     !markFollows)
                marked += fromCode(mark);
        }
        item.text = marked.normalized(QString::NormalizationForm_C);
    }
    emitItems(out, std::move(body));
}

// \not= is ≠, \not\in is ∉: the symbol with a combining long solidus, composed where Unicode
// has the negated symbol.
void Parser::negation(Items *out, const Context &ctx)
{
    skipSpaces();
    Items body;
    Context inner = ctx;
    parseToken(&body, inner);
    trim(&body);
    const bool spaceAfter =
        (m_pos > 0 && m_tex.at(m_pos - 1).isSpace()) || (!atEnd() && peek().isSpace());
    if (!m_ok || body.size() != 1 || body.front().kind != Item::Kind::Text ||
        body.front().text.toUcs4().size() != 1) {
        fail();
        return;
    }
    put(out, (body.front().text + QChar(0x0338)).normalized(QString::NormalizationForm_C), 0);
    if (spaceAfter)
        emitSpace(out);
}

void Parser::stacked(Items *out, const Context &ctx, Item::Kind kind)
{
    Items over;
    Items base;
    if (!parseArgument(&over, ctx) || !parseArgument(&base, ctx))
        return;
    emitItems(out, std::move(base));
    if (over.empty())
        return;
    Item script;
    script.kind = kind;
    script.children = std::move(over);
    out->push_back(std::move(script));
}

} // namespace paperboy::texmath
