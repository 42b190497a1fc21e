#include "paper.h"

#include <QRegularExpression>

namespace paperboy {

bool isChineseTranslation(const DigestEntry &entry)
{
    const QString &language = entry.translationLanguage;
    return language.isEmpty() || language.startsWith(QLatin1String("zh"));
}

QString PaperView::chineseTitle() const
{
    return isChineseTranslation(entry) ? entry.translatedTitle.trimmed() : QString();
}

QString PaperView::chineseAbstract() const
{
    return isChineseTranslation(entry) ? entry.translatedAbstract.trimmed() : QString();
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
