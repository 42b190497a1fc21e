#include "text_protection.h"

#include <QRegularExpression>

namespace paperboy::translate {

namespace {

// Longest forms first: $$ before $, so display math is one span.
const QRegularExpression &spanPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((\$\$[\s\S]+?\$\$))"             // 1 display math
                       R"(|(\\\[[\s\S]+?\\\]))"            // 2 \[...\]
                       R"(|(\\\([\s\S]+?\\\)))"            // 3 \(...\)
                       R"(|((?<!\\)\$(?:\\.|[^$\\])+?\$))" // 4 $...$, not an escaped \$
                       R"(|((?:https?|ftp)://[^\s<>"]+))"  // 5 URL, trimmed below
                       R"(|(`[^`\n]+`))"                   // 6 code span
                       R"(|(\[\[\d+\]\]))")); // 7 a literal marker: protected like the rest
    return pattern;
}

// "see https://x.org/a." ends the sentence, not the URL; ")" closes a parenthesis unless
// the URL opened one (Wikipedia-style paths).
qsizetype urlLength(QStringView url)
{
    qsizetype end = url.size();
    while (end > 0) {
        const QChar c = url.at(end - 1);
        if (QStringView(u".,;:!?'").contains(c)) {
            --end;
        } else if ((c == u')' && !url.left(end).contains(u'(')) ||
                   (c == u']' && !url.left(end).contains(u'['))) {
            --end;
        } else {
            break;
        }
    }
    return end;
}

QString xmlEscape(QStringView text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (c == u'&')
            out += QLatin1String("&amp;");
        else if (c == u'<')
            out += QLatin1String("&lt;");
        else if (c == u'>')
            out += QLatin1String("&gt;");
        else
            out += c;
    }
    return out;
}

bool xmlUnescape(QStringView text, QString *out)
{
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);"));
    if (text.contains(u'<'))
        return false; // a tag that is not one of ours
    qsizetype at = 0;
    const QString subject = text.toString(); // globalMatchView() is Qt 6.5
    QRegularExpressionMatchIterator it = entity.globalMatch(subject);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        *out += QStringView(subject).mid(at, m.capturedStart() - at);
        const QString name = m.captured(1);
        if (name == QLatin1String("amp"))
            *out += u'&';
        else if (name == QLatin1String("lt"))
            *out += u'<';
        else if (name == QLatin1String("gt"))
            *out += u'>';
        else if (name == QLatin1String("quot"))
            *out += u'"';
        else if (name == QLatin1String("apos"))
            *out += u'\'';
        else if (name.startsWith(u'#')) {
            bool ok = false;
            const uint code = name.startsWith(QLatin1String("#x")) ? name.mid(2).toUInt(&ok, 16)
                                                                   : name.mid(1).toUInt(&ok, 10);
            if (!ok || code == 0 || code > 0x10ffff)
                return false;
            const char32_t c = code;
            *out += QString::fromUcs4(&c, 1);
        } else {
            return false;
        }
        at = m.capturedEnd();
    }
    *out += QStringView(subject).mid(at);
    return true;
}

} // namespace

ProtectedText protect(const QString &text, Protection style)
{
    ProtectedText result;
    result.style = style;
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = spanPattern().globalMatch(text);
    auto plain = [&](QStringView part) {
        result.text += style == Protection::XmlTags ? xmlEscape(part) : part.toString();
    };
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < at)
            continue; // inside a trimmed URL's leftovers: cannot happen, kept for safety
        QStringView span = m.capturedView(0);
        if (!m.captured(5).isEmpty())
            span = span.left(urlLength(span));
        if (span.isEmpty())
            continue;
        plain(QStringView(text).mid(at, m.capturedStart() - at));
        result.spans.append(span.toString());
        const qsizetype number = result.spans.size();
        if (style == Protection::XmlTags)
            result.text += QStringLiteral("<x i=\"%1\">%2</x>").arg(number).arg(xmlEscape(span));
        else
            result.text += QStringLiteral("[[%1]]").arg(number);
        at = m.capturedStart() + span.size();
    }
    plain(QStringView(text).mid(at));
    return result;
}

bool restore(const ProtectedText &sent, const QString &answer, QString *restored, QString *error)
{
    static const QRegularExpression xmlMarker(
        QStringLiteral(R"re(<x\s+i\s*=\s*"(\d+)"\s*(?:/>|>([\s\S]*?)</x\s*>))re"));
    // Chinese output likes full-width brackets: ［［1］］, 【【1】】.
    static const QRegularExpression placeholder(
        QStringLiteral(R"([\[［【]\s*[\[［【]\s*(\d+)\s*[\]］】]\s*[\]］】])"));
    const bool xml = sent.style == Protection::XmlTags;
    QList<int> seen(sent.spans.size(), 0);
    QString out;
    qsizetype at = 0;
    auto fail = [&](const QString &what) {
        if (error)
            *error = what;
        return false;
    };
    auto text = [&](QStringView part) {
        if (!xml) {
            out += part;
            return true;
        }
        return xmlUnescape(part, &out);
    };
    QRegularExpressionMatchIterator it = (xml ? xmlMarker : placeholder).globalMatch(answer);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!text(QStringView(answer).mid(at, m.capturedStart() - at)))
            return fail(QStringLiteral("the answer is not well-formed XML"));
        bool ok = false;
        const int number = m.captured(1).toInt(&ok);
        if (!ok || number < 1 || number > sent.spans.size())
            return fail(QStringLiteral("the answer holds a marker that was never sent (%1)")
                            .arg(m.captured(0)));
        if (++seen[number - 1] > 1)
            return fail(QStringLiteral("the answer repeats protected text %1").arg(number));
        out += sent.spans.at(number - 1);
        at = m.capturedEnd();
    }
    if (!text(QStringView(answer).mid(at)))
        return fail(QStringLiteral("the answer is not well-formed XML"));
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (seen.at(i) == 0)
            return fail(QStringLiteral("the answer lost protected text: %1")
                            .arg(sent.spans.at(i).left(60)));
    }
    *restored = out;
    return true;
}

} // namespace paperboy::translate
