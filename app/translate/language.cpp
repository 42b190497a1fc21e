#include "language.h"

#include <QRegularExpression>
#include <QStringView>

namespace paperboy::translate {

QString libraryLanguage(const QString &code)
{
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"));
    const QString trimmed = code.trimmed();
    if (!tag.match(trimmed).hasMatch())
        return {};
    const QStringList parts = trimmed.toLower().split(QRegularExpression(QStringLiteral("[-_]")));
    const QString primary = parts.first();
    if (primary == QLatin1String("zh")) {
        // Script first, then the regions that write Traditional characters.
        if (parts.contains(QLatin1String("hant")) || parts.contains(QLatin1String("tw")) ||
            parts.contains(QLatin1String("hk")) || parts.contains(QLatin1String("mo")))
            return QStringLiteral("zh-Hant");
        return QStringLiteral("zh");
    }
    return primary;
}

bool isCjkLanguage(const QString &libraryCode)
{
    return libraryCode.startsWith(QLatin1String("zh")) || libraryCode == QLatin1String("ja") ||
           libraryCode == QLatin1String("ko");
}

QString deeplTargetCode(const QString &libraryCode)
{
    if (libraryCode == QLatin1String("zh"))
        return QStringLiteral("ZH-HANS");
    if (libraryCode == QLatin1String("zh-Hant"))
        return QStringLiteral("ZH-HANT");
    if (libraryCode == QLatin1String("en"))
        return QStringLiteral("EN-US"); // DeepL refuses a bare "EN" as a target
    if (libraryCode == QLatin1String("pt"))
        return QStringLiteral("PT-PT");
    return libraryCode.toUpper();
}

QString libreTranslateCode(const QString &libraryCode)
{
    // LibreTranslate's Argos models name Simplified Chinese "zh" and Traditional "zt".
    if (libraryCode == QLatin1String("zh-Hant"))
        return QStringLiteral("zt");
    return libraryCode;
}

QString languageNameForPrompt(const QString &libraryCode)
{
    static const QList<std::pair<QLatin1String, QLatin1String>> names = {
        {QLatin1String("zh"), QLatin1String("Simplified Chinese")},
        {QLatin1String("zh-Hant"), QLatin1String("Traditional Chinese")},
        {QLatin1String("ja"), QLatin1String("Japanese")},
        {QLatin1String("ko"), QLatin1String("Korean")},
        {QLatin1String("de"), QLatin1String("German")},
        {QLatin1String("fr"), QLatin1String("French")},
        {QLatin1String("es"), QLatin1String("Spanish")},
        {QLatin1String("it"), QLatin1String("Italian")},
        {QLatin1String("pt"), QLatin1String("Portuguese")},
        {QLatin1String("ru"), QLatin1String("Russian")},
        {QLatin1String("en"), QLatin1String("English")}};
    for (const auto &[code, name] : names)
        if (libraryCode == code)
            return name;
    return QStringLiteral("the language with the code '%1'").arg(libraryCode);
}

bool isCjkCharacter(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30ff)       // hiragana, katakana
           || (c >= 0x3400 && c <= 0x4dbf)    // CJK extension A
           || (c >= 0x4e00 && c <= 0x9fff)    // CJK unified ideographs
           || (c >= 0xac00 && c <= 0xd7af)    // hangul syllables
           || (c >= 0xf900 && c <= 0xfaff)    // CJK compatibility ideographs
           || (c >= 0x20000 && c <= 0x3134f); // extensions B-G
}

bool containsCjk(const QString &text)
{
    for (const char32_t c : QStringView(text).toUcs4())
        if (isCjkCharacter(c))
            return true;
    return false;
}

} // namespace paperboy::translate
