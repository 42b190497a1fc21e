#include "tex_math.h"

#include "core/tex_math_parser.h"
#include "core/tex_math_symbols.h"

namespace paperboy {

namespace {

// Inline math longer than this is a pairing of two unrelated dollars, not a formula.
constexpr qsizetype kMaxInlineMath = 400;

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// "$1.5M to re-prefill but only ~$": three words in a row outside braces are a sentence
// between two dollar amounts, not math (math words sit in \text{...}, \operatorname{...}).
bool readsLikeProse(QStringView inner)
{
    int depth = 0;
    int wordsInARow = 0;
    qsizetype i = 0;
    while (i < inner.size()) {
        const QChar c = inner.at(i);
        if (c == u'{' || c == u'}') {
            depth += c == u'{' ? 1 : (depth > 0 ? -1 : 0);
            wordsInARow = 0;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < inner.size() && !inner.at(end).isSpace() && inner.at(end) != u'{' &&
               inner.at(end) != u'}')
            ++end;
        QStringView token = inner.mid(i, end - i);
        while (!token.isEmpty() && QStringView(u",.;:").contains(token.back()))
            token.chop(1);
        bool word = depth == 0 && token.size() >= 2 && isAsciiLetter(token.front());
        for (const QChar t : token)
            word = word && (isAsciiLetter(t) || t == u'-' || t == u'\'');
        wordsInARow = word ? wordsInARow + 1 : 0;
        if (wordsInARow >= 3)
            return true;
        i = end;
    }
    return false;
}

// The next '$' at or after `from` that is not escaped as "\$".
qsizetype nextDollar(QStringView text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == u'\\')
            ++i;
        else if (text.at(i) == u'$')
            return i;
    }
    return -1;
}

qsizetype closing(QStringView text, qsizetype from, QStringView delimiter)
{
    for (qsizetype i = from; i + delimiter.size() <= text.size(); ++i) {
        if (text.mid(i, delimiter.size()) == delimiter)
            return i;
        if (text.at(i) == u'\\')
            ++i;
    }
    return -1;
}

// Punctuation and symbols, which the index's tokenizer drops; not letters, digits or marks.
bool isSymbol(char32_t code)
{
    return QChar::category(code) >= QChar::Punctuation_Connector;
}

TextRun proseRun(QStringView text)
{
    TextRun run;
    run.text = text.toString();
    return run;
}

} // namespace

bool mayContainTexMath(QStringView text)
{
    return text.contains(u'$') || text.contains(u"\\(") || text.contains(u"\\[");
}

QList<TexMathSegment> texMathSegments(QStringView text)
{
    QList<TexMathSegment> segments;
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            const QChar next = i + 1 < size ? text.at(i + 1) : QChar();
            if (next == u'(' || next == u'[') {
                const qsizetype end =
                    closing(text, i + 2, next == u'(' ? QStringView(u"\\)") : QStringView(u"\\]"));
                if (end > i + 2) {
                    segments.append({i, end + 2, i + 2, end});
                    i = end + 2;
                    continue;
                }
            }
            i += 2; // "\$" is a dollar, and "\\" does not escape what follows
            continue;
        }
        if (c != u'$') {
            ++i;
            continue;
        }
        if (i + 1 < size && text.at(i + 1) == u'$') {
            const qsizetype end = closing(text, i + 2, u"$$");
            if (end > i + 2 && !text.mid(i + 2, end - i - 2).trimmed().isEmpty() &&
                !readsLikeProse(text.mid(i + 2, end - i - 2))) {
                segments.append({i, end + 2, i + 2, end});
                i = end + 2;
            } else {
                i += 2;
            }
            continue;
        }
        // Pandoc's rule: "$" opens before a non-space, closes after a non-space and not before
        // a digit, so "costs $5 and $10" and "$5-$10" hold no math.
        if (i + 1 >= size || text.at(i + 1).isSpace()) {
            ++i;
            continue;
        }
        const qsizetype end = nextDollar(text, i + 1);
        if (end < 0)
            break;
        const QStringView inner = text.mid(i + 1, end - i - 1);
        // A digit after the closing '$' means currency ("$5-$10") unless the inside is no
        // amount: "$\sim$6 times", "$H^3$3Fusion".
        const bool digitAfter = end + 1 < size && text.at(end + 1).isDigit();
        const bool closes = !text.at(end - 1).isSpace() &&
                            !(digitAfter && text.at(i + 1).isDigit()) &&
                            !(end + 1 < size && text.at(end + 1) == u'$');
        if (closes && !inner.isEmpty() && inner.size() <= kMaxInlineMath &&
            !readsLikeProse(inner)) {
            segments.append({i, end + 1, i + 1, end});
            i = end + 1;
        } else {
            i = end; // the candidate may open the next segment
        }
    }
    return segments;
}

TexMathConversion convertTexMath(QStringView tex)
{
    TexMathConversion result;
    texmath::Items items;
    if (!texmath::parseTexMath(tex, &items))
        return result;
    result.complete = true;
    texmath::appendRuns(items, TextRun::Shift::None, &result.runs);
    result.plainText = texmath::plainText(items);
    return result;
}

QList<TextRun> texMathRuns(const QString &text)
{
    QList<TextRun> runs;
    if (!mayContainTexMath(text)) {
        if (!text.isEmpty())
            runs.append(proseRun(text));
        return runs;
    }
    const QStringView view(text);
    qsizetype done = 0;
    const auto prose = [&](qsizetype end) {
        if (end <= done)
            return;
        if (!runs.isEmpty() && !runs.last().math && runs.last().shift == TextRun::Shift::None &&
            !runs.last().bold && !runs.last().italic)
            runs.last().text += view.mid(done, end - done);
        else
            runs.append(proseRun(view.mid(done, end - done)));
        done = end;
    };
    for (const TexMathSegment &segment : texMathSegments(view)) {
        const TexMathConversion conversion =
            convertTexMath(view.mid(segment.innerStart, segment.innerEnd - segment.innerStart));
        if (!conversion.complete)
            continue; // stays as written, with the prose around it
        prose(segment.start);
        runs.append(conversion.runs);
        done = segment.end;
    }
    prose(text.size());
    return runs;
}

QString plainTextOfRuns(const QList<TextRun> &runs)
{
    QString text;
    qsizetype i = 0;
    while (i < runs.size()) {
        if (runs[i].shift == TextRun::Shift::None) {
            text += runs[i++].text;
            continue;
        }
        // Neighbouring runs of one script (x_{i,j} with an italic i) are one script.
        const TextRun::Shift shift = runs[i].shift;
        QString script;
        while (i < runs.size() && runs[i].shift == shift)
            script += runs[i++].text;
        text += texmath::scriptPlainText(shift == TextRun::Shift::Super ? texmath::Item::Kind::Super
                                                                        : texmath::Item::Kind::Sub,
                                         script);
    }
    return text;
}

QString texMathToPlainText(const QString &text)
{
    if (!mayContainTexMath(text))
        return text;
    const QStringView view(text);
    QString out;
    qsizetype done = 0;
    for (const TexMathSegment &segment : texMathSegments(view)) {
        const TexMathConversion conversion =
            convertTexMath(view.mid(segment.innerStart, segment.innerEnd - segment.innerStart));
        if (!conversion.complete)
            continue;
        out += view.mid(done, segment.start - done);
        out += conversion.plainText;
        done = segment.end;
    }
    out += view.mid(done);
    return out;
}

QString texMathSearchText(const QString &text)
{
    if (!mayContainTexMath(text))
        return {};
    const QStringView view(text);
    QStringList pieces;
    for (const TexMathSegment &segment : texMathSegments(view)) {
        const QStringView inner =
            view.mid(segment.innerStart, segment.innerEnd - segment.innerStart);
        const TexMathConversion conversion = convertTexMath(inner);
        if (conversion.complete && conversion.plainText != inner)
            pieces.append(spellMathSymbols(conversion.plainText).simplified());
    }
    return pieces.join(u' ');
}

QString spellMathSymbols(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size() && isAsciiLetter(text.at(i + 1))) {
            qsizetype end = i + 1;
            while (end < text.size() && isAsciiLetter(text.at(end)))
                ++end;
            // \alpha stays: the index holds "alpha" from the source and α from the math text.
            const texmath::MathSymbol *symbol =
                texmath::findMathSymbol(text.mid(i + 1, end - i - 1));
            const QString name = symbol && isSymbol(symbol->code)
                                     ? texmath::mathSymbolName(symbol->code)
                                     : QString();
            if (!name.isEmpty()) {
                out += u' ' + name + u' ';
                i = end;
                continue;
            }
            out += text.mid(i, end - i);
            i = end;
            continue;
        }
        char32_t code = c.unicode();
        qsizetype length = 1;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, text.at(i + 1));
            length = 2;
        }
        // Letters and digits (α, ℝ, 𝒪, ²) are words to the index already; ASCII punctuation
        // keeps its meaning in a search ("-word", quotes).
        const QString name =
            code >= 0x80 && isSymbol(code) ? texmath::mathSymbolName(code) : QString();
        if (!name.isEmpty())
            out += u' ' + name + u' ';
        else
            out += text.mid(i, length);
        i += length;
    }
    return out;
}

} // namespace paperboy
