#include "common/paper_text.h"

#include "core/tex_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace paperboy {

QString readableText(const QString &text)
{
    static const QRegularExpression fontCommand(QStringLiteral(
        R"(\\(?:emph|textbf|textit|texttt|textsc|textrm|textsf|underline)\s*\{([^{}]*)\})"));
    // arXiv writes some punctuation as $\unicode{x2013}$; that is a character, not math.
    static const QRegularExpression unicodeCommand(
        QStringLiteral(R"(\$\\unicode\{x([0-9A-Fa-f]{2,6})\}\$|\\unicode\{x([0-9A-Fa-f]{2,6})\})"));
    QString result = text;
    // Nested font commands unwrap from the inside out; the bound keeps hostile input cheap.
    for (int pass = 0; pass < 4 && result.contains(fontCommand); ++pass)
        result.replace(fontCommand, QStringLiteral("\\1"));
    for (QRegularExpressionMatch match = unicodeCommand.match(result); match.hasMatch();
         match = unicodeCommand.match(result, match.capturedStart())) {
        const char32_t code = (match.captured(1) + match.captured(2)).toUInt(nullptr, 16);
        const QString character = code > 0 && code <= 0x10FFFF && !QChar::isSurrogate(code)
                                      ? QString::fromUcs4(&code, 1)
                                      : QString(QChar::ReplacementCharacter);
        result.replace(match.capturedStart(), match.capturedLength(), character);
    }
    return normalizeWhitespace(texToUnicode(result));
}

QString authorList(const QStringList &authors)
{
    QStringList names;
    for (const QString &author : authors)
        names.append(texToUnicode(author));
    return names.join(QStringLiteral(", "));
}

QString shortAuthors(const QStringList &authors, int shown)
{
    if (authors.size() <= shown)
        return authorList(authors);
    return QCoreApplication::translate("paperboy::PaperText", "%1 et al.", "shortened author list")
        .arg(authorList(authors.mid(0, shown)));
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

QString chineseTitleOf(const PaperView &view)
{
    return view.chineseTitle();
}

QString chineseAbstractOf(const PaperView &view)
{
    return view.chineseAbstract();
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
