#include "text_features.h"

#include "search/search_query.h"

#include <QString>

namespace paperboy::rank {

namespace {

bool hasNonAscii(QStringView text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x80)
            return true;
    return false;
}

// What the tokenizer reads: NFKD without combining marks, lower case (only for text that is
// not plain ASCII; ASCII is lowered while scanning).
QString foldedText(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString kept;
    kept.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        char32_t c = decomposed.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < decomposed.size() &&
            decomposed.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(decomposed.at(i), decomposed.at(i + 1));
            width = 2;
        }
        if (QChar::combiningClass(c) == 0)
            kept.append(decomposed.constData() + i, width);
        i += width - 1;
    }
    return kept.toLower();
}

class WordScanner
{
public:
    WordScanner(std::vector<quint64> &hashes, QList<QByteArray> *terms)
        : m_hashes(hashes), m_terms(terms)
    {
    }

    // One character of a word run; `ascii` is its lower-case ASCII byte, or 0.
    void wordChar(char ascii)
    {
        if (m_length == 0)
            m_valid = ascii == '_' || (ascii >= 'a' && ascii <= 'z');
        else if (ascii == 0)
            m_valid = false;
        if (m_valid)
            m_word.push_back(ascii);
        ++m_length;
    }

    void endOfRun()
    {
        if (m_valid && m_length >= 2 && !isStopWord(m_word))
            emitWord();
        m_word.clear();
        m_length = 0;
        m_valid = false;
    }

private:
    void emitWord()
    {
        const QByteArrayView word(m_word.data(), qsizetype(m_word.size()));
        const quint64 hash = termHash(word);
        m_hashes.push_back(hash);
        if (m_terms)
            m_terms->append(word.toByteArray());
        if (m_hasPrevious) {
            m_hashes.push_back(fnvAppend(fnvAppend(m_previous, " "), word));
            if (m_terms)
                m_terms->append(m_previousText + ' ' + word.toByteArray());
        }
        m_previous = hash;
        m_hasPrevious = true;
        if (m_terms)
            m_previousText = word.toByteArray();
    }

    std::vector<quint64> &m_hashes;
    QList<QByteArray> *m_terms;
    std::string m_word;
    qsizetype m_length = 0;
    bool m_valid = false;
    quint64 m_previous = 0;
    bool m_hasPrevious = false;
    QByteArray m_previousText;
};

void scanWords(QStringView text, WordScanner &scanner)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            char c = char(u);
            if (c >= 'A' && c <= 'Z')
                c = char(c | 0x20);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
                scanner.wordChar(c);
            else
                scanner.endOfRun();
            continue;
        }
        char32_t c = u;
        if (QChar::isHighSurrogate(u) && i + 1 < n && text[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(u, text[++i].unicode());
        if (QChar::isLetterOrNumber(c))
            scanner.wordChar(0);
        else
            scanner.endOfRun();
    }
    scanner.endOfRun();
}

} // namespace

void englishTerms(QStringView text, std::vector<quint64> &hashes, QList<QByteArray> *terms)
{
    WordScanner scanner(hashes, terms);
    if (!hasNonAscii(text)) {
        scanWords(text, scanner);
        return;
    }
    const QString folded = foldedText(text);
    scanWords(folded, scanner);
}

void cjkTerms(QStringView text, std::vector<quint64> &hashes, QList<QByteArray> *terms)
{
    char32_t previous = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (!isCjk(c)) {
            previous = 0;
            continue;
        }
        if (previous != 0) {
            const char32_t pair[2] = {previous, c};
            const QByteArray utf8 = QString::fromUcs4(pair, 2).toUtf8();
            hashes.push_back(termHash(utf8));
            if (terms)
                terms->append(utf8);
        }
        previous = c;
    }
}

} // namespace paperboy::rank
