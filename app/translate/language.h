#pragma once

// Target languages as the user names them ("zh-CN", "zh_TW", "ja") and as each party wants
// them: the library ("zh", "zh-Hant", "ja"), DeepL ("ZH-HANS"), LibreTranslate ("zh") and a
// language model's prompt ("Simplified Chinese").

#include <QString>

namespace paperboy::translate {

// The library's code: "zh" for Simplified Chinese (what the digests write), "zh-Hant" for
// Traditional, else the lower-case primary subtag ("ja", "de"). Empty when `code` is no
// language tag at all.
QString libraryLanguage(const QString &code);

// Chinese, Japanese and Korean: a translation into them must contain CJK characters.
bool isCjkLanguage(const QString &libraryCode);

QString deeplTargetCode(const QString &libraryCode);
QString libreTranslateCode(const QString &libraryCode);
QString languageNameForPrompt(const QString &libraryCode);

// Han, kana, hangul and their compatibility and extension blocks.
bool isCjkCharacter(char32_t c);
bool containsCjk(const QString &text);

} // namespace paperboy::translate
