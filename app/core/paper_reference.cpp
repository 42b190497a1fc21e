#include "core/paper_reference.h"

#include <QRegularExpression>
#include <QUrl>

namespace paperboy {

namespace {

// The identifier itself, anchored; version and a trailing ".pdf" are the caller's.
const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:(\d{2})(\d{2})\.(\d{4,5})|([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)/)"
                       R"((\d{2})(\d{2})(\d{3}))(?:v(\d+))?$)"));
    return pattern;
}

QString refuse(const QString &text, const QString &why, QString *error)
{
    if (error)
        *error = QStringLiteral("'%1' is not an arXiv paper: %2").arg(text, why);
    return {};
}

// "2401.01234v2" -> reference, checking the month and the sequence's length for its years
// (4 digits until 1412, 5 from 1501; old-style numbers from 1991 to 2007).
std::optional<PaperReference> parseBareId(const QString &text, const QString &input, QString *error)
{
    const QRegularExpressionMatch m = idPattern().match(text);
    if (!m.hasMatch()) {
        refuse(input, QStringLiteral("no arXiv identifier (like 2401.01234 or hep-th/9901001)"),
               error);
        return std::nullopt;
    }
    const bool newStyle = m.hasCaptured(1);
    const int yy = (newStyle ? m.captured(1) : m.captured(5)).toInt();
    const int month = (newStyle ? m.captured(2) : m.captured(6)).toInt();
    if (month < 1 || month > 12) {
        refuse(input, QStringLiteral("month %1 does not exist").arg(month, 2, 10, QLatin1Char('0')),
               error);
        return std::nullopt;
    }
    if (newStyle) {
        const int yymm = yy * 100 + month;
        const qsizetype digits = m.captured(3).size();
        if (yymm < 704 || (digits == 4 && yymm > 1412) || (digits == 5 && yymm < 1501)) {
            refuse(input,
                   yymm < 704 ? QStringLiteral("new-style identifiers start in April 2007")
                   : digits == 4
                       ? QStringLiteral("identifiers from 2015 on have five digits after the dot")
                       : QStringLiteral("identifiers before 2015 have four digits after the dot"),
                   error);
            return std::nullopt;
        }
    } else if (yy > 7 && yy < 91) {
        refuse(input, QStringLiteral("old-style identifiers run from 1991 to 2007"), error);
        return std::nullopt;
    }
    PaperReference reference;
    reference.id = newStyle
                       ? QStringLiteral("%1%2.%3").arg(m.captured(1), m.captured(2), m.captured(3))
                       : QStringLiteral("%1/%2%3%4")
                             .arg(m.captured(4), m.captured(5), m.captured(6), m.captured(7));
    const QString version = m.captured(8);
    if (!version.isEmpty()) {
        reference.version = version.toInt();
        if (reference.version < 1) {
            refuse(input, QStringLiteral("versions start at v1"), error);
            return std::nullopt;
        }
    }
    return reference;
}

// The DOI arXiv registers for every paper: 10.48550/arXiv.ID (the prefix in any case).
std::optional<PaperReference> parseDoi(const QString &doi, const QString &input, QString *error)
{
    static const QString prefix = QStringLiteral("10.48550/arxiv.");
    if (!doi.startsWith(prefix, Qt::CaseInsensitive)) {
        refuse(input, QStringLiteral("a DOI, but not one of arXiv's (10.48550/arXiv.ID)"), error);
        return std::nullopt;
    }
    return parseBareId(doi.mid(prefix.size()), input, error);
}

// The identifier part of a link's path: "2401.01234v2", "2401.01234v2.pdf",
// "hep-th/9901001", followed by anything ("/", "#S2", a second segment of html pages).
std::optional<PaperReference> parsePathId(const QString &rest, const QString &input, QString *error)
{
    QStringList segments = rest.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty()) {
        refuse(input, QStringLiteral("the link names no paper"), error);
        return std::nullopt;
    }
    auto strip = [](QString s) {
        if (s.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            s.chop(4);
        return s;
    };
    // An old-style id has a slash of its own: try "archive/number" before "number".
    if (segments.size() >= 2) {
        const QString two = segments.at(0) + QLatin1Char('/') + strip(segments.at(1));
        if (idPattern().match(two).hasMatch())
            return parseBareId(two, input, error);
    }
    return parseBareId(strip(segments.at(0)), input, error);
}

std::optional<PaperReference> parseLink(const QString &link, const QString &input, QString *error)
{
    const QUrl url(link, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        refuse(input, QStringLiteral("not a readable link"), error);
        return std::nullopt;
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        refuse(input, QStringLiteral("only http and https links are read"), error);
        return std::nullopt;
    }
    QString host = url.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    const QString path = url.path(QUrl::FullyDecoded);
    auto under = [&path](const char *prefix, QString *rest) {
        const QString p = QLatin1String(prefix);
        if (!path.startsWith(p))
            return false;
        *rest = path.mid(p.size());
        return true;
    };
    QString rest;
    if (host == QLatin1String("arxiv.org") || host == QLatin1String("export.arxiv.org")) {
        if (under("/abs/", &rest) || under("/pdf/", &rest) || under("/html/", &rest))
            return parsePathId(rest, input, error);
        refuse(input, QStringLiteral("an arXiv page, but not a paper's (abs, pdf or html)"), error);
        return std::nullopt;
    }
    if (host == QLatin1String("alphaxiv.org")) {
        if (under("/abs/", &rest) || under("/overview/", &rest))
            return parsePathId(rest, input, error);
        refuse(input, QStringLiteral("an alphaXiv page, but not a paper's (abs or overview)"),
               error);
        return std::nullopt;
    }
    if (host == QLatin1String("huggingface.co")) {
        if (under("/papers/", &rest))
            return parsePathId(rest, input, error);
        refuse(input, QStringLiteral("a Hugging Face page, but not a paper's (/papers/ID)"), error);
        return std::nullopt;
    }
    if (host == QLatin1String("doi.org") || host == QLatin1String("dx.doi.org"))
        return parseDoi(path.mid(1), input, error);
    refuse(input,
           QStringLiteral("links to %1 are not read (arxiv.org, alphaxiv.org, huggingface.co/"
                          "papers and doi.org are)")
               .arg(url.host()),
           error);
    return std::nullopt;
}

bool looksLikeSchemelessLink(const QString &text)
{
    static const QRegularExpression hosts(
        QStringLiteral(R"(^(?:www\.|export\.)?(?:arxiv\.org|alphaxiv\.org|huggingface\.co|)"
                       R"((?:dx\.)?doi\.org)/)"),
        QRegularExpression::CaseInsensitiveOption);
    return hosts.match(text).hasMatch();
}

} // namespace

std::optional<PaperReference> parsePaperReference(const QString &text, QString *error)
{
    const QString input = text.trimmed();
    if (input.isEmpty()) {
        refuse(text, QStringLiteral("nothing was given"), error);
        return std::nullopt;
    }
    if (input.contains(QLatin1String("://")))
        return parseLink(input, input, error);
    if (looksLikeSchemelessLink(input))
        return parseLink(QStringLiteral("https://") + input, input, error);
    QString rest = input;
    if (rest.startsWith(QLatin1String("doi:"), Qt::CaseInsensitive))
        return parseDoi(rest.mid(4).trimmed(), input, error);
    if (rest.startsWith(QLatin1String("10.")))
        return parseDoi(rest, input, error);
    if (rest.startsWith(QLatin1String("arxiv:"), Qt::CaseInsensitive))
        rest = rest.mid(6).trimmed();
    return parseBareId(rest, input, error);
}

namespace {

// `piece` into `list`: a paper once, by its first appearance, or a refusal naming it.
void addReference(ReferenceList &list, const QString &piece)
{
    QString error;
    if (const std::optional<PaperReference> reference = parsePaperReference(piece, &error)) {
        const bool seen =
            std::any_of(list.papers.cbegin(), list.papers.cend(),
                        [&](const PaperReference &r) { return r.id == reference->id; });
        if (!seen)
            list.papers.append(*reference);
    } else {
        list.refused.append(error);
        list.refusedPieces.append(piece);
    }
}

} // namespace

ReferenceList parseEachPaperReference(const QStringList &arguments)
{
    ReferenceList list;
    for (const QString &argument : arguments)
        addReference(list, argument);
    return list;
}

ReferenceList parsePaperReferences(const QString &text)
{
    ReferenceList list;
    // "arXiv: 2401.01234" is one reference written with a space: join it before splitting.
    QString joined = text;
    joined.replace(QRegularExpression(QStringLiteral(R"((?i)\b(arxiv|doi):\s+)")),
                   QStringLiteral("\\1:"));
    static const QRegularExpression separators(QStringLiteral(R"([\s,]+)"));
    const QStringList pieces = joined.split(separators, Qt::SkipEmptyParts);
    static const QString openers = QStringLiteral("<([{\"'“‘«");
    static const QString closers = QStringLiteral(">)]}\"'”’».;:!?");
    for (QString piece : pieces) {
        while (!piece.isEmpty() && openers.contains(piece.front()))
            piece.remove(0, 1);
        while (!piece.isEmpty() && closers.contains(piece.back()))
            piece.chop(1);
        if (piece.isEmpty())
            continue;
        addReference(list, piece);
    }
    return list;
}

} // namespace paperboy
