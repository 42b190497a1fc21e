#include "citation_common.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace paperboy {

namespace {

bool isNameSuffix(const QString &word)
{
    static const QSet<QString> suffixes{
        QStringLiteral("jr"), QStringLiteral("jr."), QStringLiteral("sr"), QStringLiteral("sr."),
        QStringLiteral("ii"), QStringLiteral("iii"), QStringLiteral("iv")};
    return suffixes.contains(word.toLower());
}

// Words that say nothing about a paper; a key built on "towards" or "a" would collide a lot.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words{
        QStringLiteral("a"),      QStringLiteral("an"),      QStringLiteral("the"),
        QStringLiteral("on"),     QStringLiteral("of"),      QStringLiteral("in"),
        QStringLiteral("for"),    QStringLiteral("to"),      QStringLiteral("and"),
        QStringLiteral("with"),   QStringLiteral("towards"), QStringLiteral("toward"),
        QStringLiteral("via"),    QStringLiteral("from"),    QStringLiteral("is"),
        QStringLiteral("are"),    QStringLiteral("at"),      QStringLiteral("by"),
        QStringLiteral("as"),     QStringLiteral("do"),      QStringLiteral("does"),
        QStringLiteral("we"),     QStringLiteral("our"),     QStringLiteral("can"),
        QStringLiteral("how"),    QStringLiteral("what"),    QStringLiteral("why"),
        QStringLiteral("when"),   QStringLiteral("not"),     QStringLiteral("all"),
        QStringLiteral("you"),    QStringLiteral("need"),    QStringLiteral("into"),
        QStringLiteral("beyond"), QStringLiteral("about"),   QStringLiteral("your")};
    return words.contains(word);
}

QString firstSignificantWord(const QString &title)
{
    // Math says little and folds badly: "$H^3$Fusion" should key on "fusion".
    static const QRegularExpression math(QStringLiteral(R"(\$[^$]*\$)"));
    static const QRegularExpression separators(QStringLiteral(R"([^\p{L}\p{N}]+)"));
    QString text = title;
    text.replace(math, QStringLiteral(" "));
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QString fallback;
    for (const QString &word : words) {
        const QString folded = asciiFold(word);
        if (folded.isEmpty())
            continue;
        if (fallback.isEmpty())
            fallback = folded;
        if (!isStopWord(folded))
            return folded;
    }
    return fallback;
}

QString letterSuffix(int index)
{
    QString suffix;
    ++index;
    while (index > 0) {
        --index;
        suffix.prepend(QChar(u'a' + index % 26));
        index /= 26;
    }
    return suffix;
}

} // namespace

QString asciiFold(const QString &text)
{
    // Letters with no Unicode decomposition to a base letter.
    static const QHash<QChar, QString> special{
        {QChar(0x00df), QStringLiteral("ss")}, {QChar(0x00f8), QStringLiteral("o")},
        {QChar(0x00d8), QStringLiteral("o")},  {QChar(0x00e6), QStringLiteral("ae")},
        {QChar(0x00c6), QStringLiteral("ae")}, {QChar(0x0153), QStringLiteral("oe")},
        {QChar(0x0152), QStringLiteral("oe")}, {QChar(0x0142), QStringLiteral("l")},
        {QChar(0x0141), QStringLiteral("l")},  {QChar(0x0111), QStringLiteral("d")},
        {QChar(0x0110), QStringLiteral("d")},  {QChar(0x0131), QStringLiteral("i")},
        {QChar(0x00fe), QStringLiteral("th")}, {QChar(0x00de), QStringLiteral("th")},
        {QChar(0x00f0), QStringLiteral("d")},  {QChar(0x00d0), QStringLiteral("d")}};
    QString result;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.unicode() < 128) {
            if (c.isLetterOrNumber())
                result.append(c.toLower());
            continue;
        }
        const auto it = special.constFind(c);
        if (it != special.constEnd())
            result.append(*it);
    }
    return result;
}

PersonName splitPersonName(const QString &raw)
{
    PersonName name;
    const QString text = raw.simplified();
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma > 0) {
        // Already "Family, Given" (or "Family, Jr., Given").
        name.family = text.left(comma).trimmed();
        QStringList rest = text.mid(comma + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &part : rest)
            part = part.trimmed();
        if (rest.size() > 1 && isNameSuffix(rest.first()))
            name.suffix = rest.takeFirst();
        name.given = rest.join(QStringLiteral(", "));
        name.literal = name.given.isEmpty();
        return name;
    }
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 2 && isNameSuffix(words.constLast()))
        name.suffix = words.takeLast();
    if (words.size() < 2) {
        name.family = words.join(QLatin1Char(' '));
        name.literal = true;
        return name;
    }
    // BibTeX's rule: the family name starts at the first lower-case particle (van, de, von
    // der) and runs to the end, else it is the last word. "Juliana de Almendra Freitas" ->
    // "de Almendra Freitas".
    qsizetype familyStart = words.size() - 1;
    for (qsizetype i = 1; i < words.size() - 1; ++i) {
        if (words.at(i).at(0).isLower()) {
            familyStart = i;
            break;
        }
    }
    name.family = words.mid(familyStart).join(QLatin1Char(' '));
    name.given = words.mid(0, familyStart).join(QLatin1Char(' '));
    return name;
}

int paperYear(const Paper &paper)
{
    if (paper.published.isValid())
        return paper.published.year();
    // New style YYMM.NNNNN began in April 2007; old style archive/YYMMNNN ran 1991-2007.
    static const QRegularExpression newStyle(QStringLiteral(R"(^(\d{2})(\d{2})\.\d{4,5}$)"));
    static const QRegularExpression oldStyle(
        QStringLiteral(R"(^[a-z\-]+(?:\.[A-Za-z]{2})?/(\d{2})(\d{2})\d{3}$)"));
    QRegularExpressionMatch match = newStyle.match(paper.arxivId);
    if (match.hasMatch())
        return 2000 + match.captured(1).toInt();
    match = oldStyle.match(paper.arxivId);
    if (match.hasMatch()) {
        const int yy = match.captured(1).toInt();
        return yy >= 91 ? 1900 + yy : 2000 + yy;
    }
    return 0;
}

QStringList citationKeys(const QList<Paper> &papers)
{
    QStringList bases;
    QHash<QString, int> counts;
    for (const Paper &paper : papers) {
        QString author;
        if (!paper.authors.isEmpty()) {
            const PersonName name = splitPersonName(paper.authors.first());
            // The last word of the family name: "van Beethoven" keys as "beethoven".
            const QStringList familyWords = name.family.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            author = familyWords.isEmpty() ? QString() : asciiFold(familyWords.constLast());
        }
        if (author.isEmpty())
            author = QStringLiteral("arxiv");
        const int year = paperYear(paper);
        QString base = author + (year > 0 ? QString::number(year) : QString()) +
                       firstSignificantWord(paper.title);
        if (base == author)
            base += asciiFold(paper.arxivId);
        bases.append(base);
        ++counts[base];
    }
    QSet<QString> used(bases.cbegin(), bases.cend());
    QHash<QString, int> nextSuffix;
    QStringList keys;
    for (const QString &base : std::as_const(bases)) {
        if (counts.value(base) < 2) {
            keys.append(base);
            continue;
        }
        QString key;
        do {
            key = base + letterSuffix(nextSuffix[base]++);
        } while (used.contains(key));
        used.insert(key);
        keys.append(key);
    }
    return keys;
}

} // namespace paperboy
