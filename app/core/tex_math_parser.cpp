#include "tex_math_parser_p.h"

#include "core/tex_math_symbols.h"

namespace paperboy::texmath {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

QString fromCode(char32_t code)
{
    return QString::fromUcs4(&code, 1);
}

namespace {

// unicode-math's names for the styled alphabets: \BbbR, \mscrO, \mfrakg, \Bbbone.
QString alphabetLetter(Alphabet alphabet, QChar c)
{
    static const char *const digits[] = {"zero", "one", "two",   "three", "four",
                                         "five", "six", "seven", "eight", "nine"};
    QString name;
    if (alphabet == Alphabet::DoubleStruck)
        name = QStringLiteral("Bbb");
    else if (alphabet == Alphabet::Script)
        name = QStringLiteral("mscr");
    else
        name = QStringLiteral("mfrak");
    if (isAsciiLetter(c))
        name += c;
    else if (c >= u'0' && c <= u'9' && alphabet == Alphabet::DoubleStruck)
        name += QLatin1String(digits[c.unicode() - '0']);
    else
        return {};
    const MathSymbol *symbol = findMathSymbol(name);
    return symbol ? fromCode(symbol->code) : QString();
}

} // namespace

bool parseTexMath(QStringView tex, Items *out)
{
    return Parser(tex).parse(out);
}

bool Parser::parse(Items *out)
{
    parseSequence(out, Context(), QChar());
    trim(out);
    return m_ok && m_pos == m_tex.size();
}

bool Parser::fail()
{
    m_ok = false;
    m_pos = m_tex.size();
    return false;
}

void Parser::skipSpaces()
{
    while (!atEnd() && peek().isSpace())
        ++m_pos;
}

QChar Parser::lastChar(const Items &out)
{
    if (out.empty())
        return QChar();
    const Item &last = out.back();
    if (last.kind != Item::Kind::Text)
        return QChar(u'x'); // a script: like a letter for spacing
    return last.text.isEmpty() ? QChar() : last.text.back();
}

void Parser::appendText(Items *out, const QString &text, quint8 flags)
{
    if (text.isEmpty())
        return;
    if (!out->empty() && out->back().kind == Item::Kind::Text && out->back().flags == flags) {
        out->back().text += text;
        return;
    }
    Item item;
    item.text = text;
    item.flags = flags;
    out->push_back(std::move(item));
}

void Parser::trim(Items *items)
{
    while (!items->empty() && items->front().kind == Item::Kind::Text) {
        QString &text = items->front().text;
        while (!text.isEmpty() && text.front() == u' ')
            text.remove(0, 1);
        if (!text.isEmpty())
            break;
        items->erase(items->begin());
    }
    while (!items->empty() && items->back().kind == Item::Kind::Text) {
        QString &text = items->back().text;
        while (!text.isEmpty() && text.back() == u' ')
            text.chop(1);
        if (!text.isEmpty())
            break;
        items->pop_back();
    }
}

quint8 Parser::letterFlags(const Context &ctx, bool italic)
{
    return quint8((ctx.bold ? Bold : 0) | (italic ? Italic : 0));
}

bool Parser::isOpening(QChar c)
{
    return QStringView(u"([{\u27E8\u230A\u2308").contains(c);
}

// Spaces in the source stay (one at most), except inside brackets ("( a )" reads "(a)").
void Parser::emitSpace(Items *out)
{
    const QChar last = lastChar(*out);
    if (!last.isNull() && last != u' ' && !isOpening(last))
        appendText(out, QStringLiteral(" "), 0);
}

// After \log a letter or digit gets a space ("log n"), a parenthesis does not ("log(x)").
void Parser::put(Items *out, const QString &text, quint8 flags)
{
    if (text.isEmpty())
        return;
    if (m_spaceBeforeWord && text.front().isLetterOrNumber())
        emitSpace(out);
    m_spaceBeforeWord = false;
    if (QStringView(u")]}\u27E9\u230B\u2309,;.").contains(text.front()) && lastChar(*out) == u' ' &&
        out->back().kind == Item::Kind::Text) {
        out->back().text.chop(1);
        if (out->back().text.isEmpty())
            out->pop_back();
    }
    appendText(out, text, flags);
}

void Parser::emitItems(Items *out, Items &&items)
{
    for (Item &item : items) {
        if (item.kind == Item::Kind::Text)
            put(out, item.text, item.flags);
        else
            out->push_back(std::move(item));
    }
}

void Parser::emitWrapped(Items *out, Items &&items, bool parenthesise)
{
    if (parenthesise)
        put(out, QStringLiteral("("), 0);
    emitItems(out, std::move(items));
    if (parenthesise)
        put(out, QStringLiteral(")"), 0);
}

// Parses until `stop` ('}' or '$', consumed), or to the end when `stop` is null.
void Parser::parseSequence(Items *out, Context ctx, QChar stop)
{
    if (++m_depth > 64) { // hostile nesting; real math is a few levels deep
        fail();
        return;
    }
    while (m_ok && !atEnd()) {
        const QChar c = peek();
        if (!stop.isNull() && c == stop) {
            ++m_pos;
            --m_depth;
            return;
        }
        if (c == u'}' || c == u'$') {
            fail();
            break;
        }
        parseToken(out, ctx); // may switch ctx for the rest of the group ({\bf x})
    }
    if (!stop.isNull())
        fail(); // unclosed group
    --m_depth;
}

void Parser::parseGroup(Items *out, const Context &ctx)
{
    ++m_pos; // '{'
    Items group;
    parseSequence(&group, ctx, QChar(u'}'));
    emitItems(out, std::move(group));
}

// A command's argument: a braced group or a single token.
bool Parser::parseArgument(Items *out, Context ctx)
{
    skipSpaces();
    if (atEnd() || peek() == u'}' || peek() == u'$')
        return fail();
    if (peek() == u'{') {
        ++m_pos;
        parseSequence(out, ctx, QChar(u'}'));
    } else {
        parseToken(out, ctx);
    }
    trim(out);
    return m_ok;
}

// A braced argument read as raw text ("x2013" of \unicode{x2013}, "1em" of \hspace).
bool Parser::rawArgument(QString *text)
{
    skipSpaces();
    if (peek() != u'{')
        return fail();
    const qsizetype close = m_tex.indexOf(u'}', m_pos);
    if (close < 0)
        return fail();
    *text = m_tex.mid(m_pos + 1, close - m_pos - 1).toString();
    if (text->contains(u'{'))
        return fail();
    m_pos = close + 1;
    return true;
}

void Parser::parseToken(Items *out, Context &ctx)
{
    const QChar c = peek();
    if (c.isSpace()) {
        skipSpaces();
        if (!ctx.script)
            emitSpace(out);
        return;
    }
    switch (c.unicode()) {
    case '{':
        parseGroup(out, ctx);
        return;
    case '^':
    case '_':
        ++m_pos;
        parseScript(out, ctx, c == u'^' ? Item::Kind::Super : Item::Kind::Sub);
        return;
    case '\'':
        ++m_pos;
        put(out, QStringLiteral("\u2032"), 0);
        return;
    case '~':
        ++m_pos;
        emitSpace(out);
        return;
    case '\\':
        parseCommand(out, ctx);
        return;
    case '&':
    case '#':
    case '}':
    case '$':
        fail();
        return;
    default:
        break;
    }
    // One character, or a surrogate pair.
    qsizetype length = 1;
    if (c.isHighSurrogate() && m_pos + 1 < m_tex.size() && m_tex.at(m_pos + 1).isLowSurrogate())
        length = 2;
    const QString text = m_tex.mid(m_pos, length).toString();
    m_pos += length;
    if (ctx.alphabet != Alphabet::Plain && (isAsciiLetter(c) || (c >= u'0' && c <= u'9'))) {
        const QString styled = alphabetLetter(ctx.alphabet, c);
        if (styled.isEmpty()) {
            fail();
            return;
        }
        put(out, styled, letterFlags(ctx, false));
        return;
    }
    put(out, text, letterFlags(ctx, isAsciiLetter(c) && !ctx.upright));
}

void Parser::parseScript(Items *out, const Context &ctx, Item::Kind kind)
{
    const bool spaceBeforeWord = m_spaceBeforeWord; // "\log_2 n": the script belongs to log
    m_spaceBeforeWord = false;
    Items body;
    Context inner = ctx;
    inner.script = true;
    if (!parseArgument(&body, inner))
        return;
    m_spaceBeforeWord = spaceBeforeWord;
    const QString plain = plainText(body);
    if (kind == Item::Kind::Super && !plain.isEmpty() &&
        plain.count(QChar(0x2032)) == plain.size()) {
        appendText(out, plain, 0); // x^\prime is x′
        return;
    }
    if (kind == Item::Kind::Super && plain == QStringView(u"\u2218")) {
        appendText(out, QStringLiteral("\u00B0"), 0); // 90^\circ is 90°
        return;
    }
    if (body.empty())
        return;
    Item script;
    script.kind = kind;
    script.children = std::move(body);
    out->push_back(std::move(script));
}

void Parser::parseCommand(Items *out, Context &ctx)
{
    const qsizetype start = m_pos;
    ++m_pos; // backslash
    if (atEnd()) {
        fail();
        return;
    }
    if (!isAsciiLetter(peek())) {
        parseControlSymbol(out);
        return;
    }
    while (!atEnd() && isAsciiLetter(peek()))
        ++m_pos;
    const QString name = m_tex.mid(start + 1, m_pos - start - 1).toString();
    const auto it = commands().constFind(name);
    if (it != commands().constEnd()) {
        runCommand(out, ctx, it.value(), name);
        return;
    }
    const MathSymbol *symbol = findMathSymbol(name);
    if (!symbol) {
        fail();
        return;
    }
    const QString text = fromCode(symbol->code);
    switch (symbol->mathClass) {
    case MathClass::Accent:
    case MathClass::BottomAccent:
        accent(out, ctx, symbol->code);
        return;
    case MathClass::Other:
        fail();
        return;
    case MathClass::Bin:
    case MathClass::Rel: {
        // Spaced on both sides when the source spaced either side ("1 \leq m"), tight when
        // it spaced neither ("48\times48").
        const bool spaced = !ctx.script && ((start > 0 && m_tex.at(start - 1).isSpace()) ||
                                            (!atEnd() && peek().isSpace()));
        if (spaced)
            emitSpace(out);
        put(out, text, letterFlags(ctx, false));
        if (spaced) {
            skipSpaces();
            emitSpace(out);
        }
        return;
    }
    default:
        put(out, text, letterFlags(ctx, false));
        return;
    }
}

void Parser::parseControlSymbol(Items *out)
{
    const QChar c = peek();
    ++m_pos;
    switch (c.unicode()) {
    case ',':
    case ':':
    case ';':
    case '>':
    case ' ':
    case '\\':
        emitSpace(out);
        return;
    case '!':
    case '/':
        return;
    case '{':
    case '}':
    case '%':
    case '$':
    case '#':
    case '&':
    case '_':
        put(out, QString(c), 0);
        return;
    case '|':
        put(out, QStringLiteral("\u2016"), 0);
        return;
    default:
        fail();
        return;
    }
}

} // namespace paperboy::texmath
