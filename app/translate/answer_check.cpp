#include "answer_check.h"

#include "translate/language.h"

#include <QRegularExpression>

namespace paperboy::translate {

namespace {

QString normalised(const QString &text)
{
    return text.simplified().toCaseFolded();
}

// Words of two or more Latin letters: "SAM 2" has one, "Attention Is All You Need" five.
int latinWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    int count = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

// Openings of an answer that declines instead of translating, in English and in the target
// languages the reader cares about, after spaces, quotes or punctuation (not \W, which
// without Unicode properties matches every Chinese character). Only the opening counts: an
// abstract may well say "unfortunately" in its third sentence.
bool isApology(const QString &answer)
{
    static const QRegularExpression opening(
        QStringLiteral(
            "^[\\s\\p{P}\\p{S}]*(i'?m sorry|i am sorry|sorry|i apologi[sz]e|my apologies|i cannot|"
            "i can't|i can not|i'm unable|i am unable|i'm not able|i am not able|"
            "as an ai|unfortunately,? i|很抱歉|抱歉|对不起|對不起|我无法|我無法|"
            "我不能|作为一个?(ai|人工智能|语言模型)|作為一個?(ai|人工智慧|語言模型)|"
            "申し訳|すみません)"),
        QRegularExpression::CaseInsensitiveOption);
    return opening.match(answer.left(80)).hasMatch();
}

} // namespace

QString refusalReason(const QString &answer)
{
    if (answer.trimmed().isEmpty())
        return QStringLiteral("the answer is empty");
    if (isApology(answer.trimmed()))
        return QStringLiteral("the answer is an apology or a refusal, not a translation");
    return {};
}

QString rejectionReason(const QString &source, const QString &answer, const QString &language)
{
    if (const QString refused = refusalReason(answer); !refused.isEmpty())
        return refused;
    const int words = latinWords(source);
    // A name alone ("LLaMA", "SAM 2") may rightly come back as it went.
    if (words >= 3 && normalised(answer) == normalised(source))
        return QStringLiteral("the answer is the English sent, unchanged");
    if (isCjkLanguage(language) && words >= 3 && !containsCjk(answer))
        return QStringLiteral("the answer has no %1 characters")
            .arg(language.startsWith(QLatin1String("zh"))
                     ? QStringLiteral("Chinese")
                     : (language == QLatin1String("ja") ? QStringLiteral("Japanese")
                                                        : QStringLiteral("Korean")));
    return {};
}

} // namespace paperboy::translate
