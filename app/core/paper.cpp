#include "paper.h"

#include <QRegularExpression>

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace paperboy {

bool isChineseTranslation(const DigestEntry &entry)
{
    const QString &language = entry.translationLanguage;
    return language.isEmpty() || language.startsWith(QLatin1String("zh"));
}

QString PaperView::chineseTitle() const
{
    return shownTranslation(*this).title.trimmed();
}

QString PaperView::chineseAbstract() const
{
    return shownTranslation(*this).abstract.trimmed();
}

QString absUrl(const QString &arxivId)
{
    return QStringLiteral("https://arxiv.org/abs/") + arxivId;
}

QString pdfUrl(const QString &arxivId, int version)
{
    QString url = QStringLiteral("https://arxiv.org/pdf/") + arxivId;
    if (version > 0)
        url += QLatin1Char('v') + QString::number(version);
    return url;
}

TranslationSource ShownTranslation::source() const
{
    // Lower enum values rank higher: Digest < User < Machine.
    if (titleSource == TranslationSource::None)
        return abstractSource;
    if (abstractSource == TranslationSource::None)
        return titleSource;
    return std::min(titleSource, abstractSource);
}

ShownTranslation shownTranslation(const PaperView &view)
{
    const bool digestIsChinese = isChineseTranslation(view.entry);
    const QString none;
    const QString &digestTitle = digestIsChinese ? view.entry.translatedTitle : none;
    const QString &digestAbstract = digestIsChinese ? view.entry.translatedAbstract : none;
    // Field by field, a person's words before a machine's: the digest's, then the user's.
    auto pick = [](QString *text, TranslationSource *source,
                   std::initializer_list<std::pair<const QString *, TranslationSource>> choices) {
        for (const auto &[candidate, from] : choices) {
            if (!candidate->isEmpty()) {
                *text = *candidate;
                *source = from;
                return;
            }
        }
    };
    ShownTranslation shown;
    pick(&shown.title, &shown.titleSource,
         {{&digestTitle, TranslationSource::Digest},
          {&view.user.translation.title, TranslationSource::User},
          {&view.machineTranslation.title, TranslationSource::Machine}});
    pick(&shown.abstract, &shown.abstractSource,
         {{&digestAbstract, TranslationSource::Digest},
          {&view.user.translation.abstract, TranslationSource::User},
          {&view.machineTranslation.abstract, TranslationSource::Machine}});
    return shown;
}

QString translationSourceName(TranslationSource source)
{
    switch (source) {
    case TranslationSource::Digest:
        return QStringLiteral("digest");
    case TranslationSource::User:
        return QStringLiteral("user");
    case TranslationSource::Machine:
        return QStringLiteral("machine");
    case TranslationSource::None:
        break;
    }
    return {};
}

bool parseArxivId(const QString &text, QString *id, int *version)
{
    // New style (0704.0001 onwards, 4 or 5 digit sequence) or old style archive/YYMMNNN.
    static const QRegularExpression pattern(QStringLiteral(
        R"((?:^|[^\w.])((?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(?:v(\d+))?(?!\d))"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    if (id)
        *id = match.captured(1);
    if (version)
        *version = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    return true;
}

} // namespace paperboy
