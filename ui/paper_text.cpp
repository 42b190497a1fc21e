#include "paper_text.h"

#include "core/tex_text.h"

#include <QRegularExpression>

namespace paperboy {

QString readableText(const QString &text)
{
    static const QRegularExpression fontCommand(QStringLiteral(
        R"(\\(?:emph|textbf|textit|texttt|textsc|textrm|textsf|underline)\s*\{([^{}]*)\})"));
    QString result = text;
    // Nested font commands unwrap from the inside out; the bound keeps hostile input cheap.
    for (int pass = 0; pass < 4 && result.contains(fontCommand); ++pass)
        result.replace(fontCommand, QStringLiteral("\\1"));
    return normalizeWhitespace(result);
}

QString shortAuthors(const QStringList &authors, int shown)
{
    if (authors.size() <= shown)
        return authors.join(QStringLiteral(", "));
    return QStringList(authors.mid(0, shown)).join(QStringLiteral(", ")) +
           QStringLiteral(" et al.");
}

QStringList categoriesOf(const PaperView &view)
{
    if (!view.paper.categories.isEmpty())
        return view.paper.categories;
    return view.digestCategory.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString primaryCategoryOf(const PaperView &view)
{
    if (!view.paper.primaryCategory.isEmpty())
        return view.paper.primaryCategory;
    const QStringList all = categoriesOf(view);
    return all.isEmpty() ? QString() : all.first();
}

static bool isChineseTranslation(const PaperView &view)
{
    const QString &language = view.entry.translationLanguage;
    return language.isEmpty() || language.startsWith(QLatin1String("zh"));
}

QString chineseTitleOf(const PaperView &view)
{
    return isChineseTranslation(view) ? view.entry.translatedTitle.trimmed() : QString();
}

QString chineseAbstractOf(const PaperView &view)
{
    return isChineseTranslation(view) ? view.entry.translatedAbstract.trimmed() : QString();
}

QString versionedId(const Paper &paper)
{
    return paper.version > 0 ? QStringLiteral("%1v%2").arg(paper.arxivId).arg(paper.version)
                             : paper.arxivId;
}

bool matchesFilterText(const PaperView &view, const QString &filter)
{
    const QStringList words = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QString haystack =
        QStringList{view.paper.title, view.entry.translatedTitle,
                    view.paper.authors.join(QLatin1Char(' ')), view.paper.arxivId,
                    categoriesOf(view).join(QLatin1Char(' '))}
            .join(QLatin1Char('\n'));
    for (const QString &word : words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace paperboy
