#include "text_decoding.h"
#include "core/english.h"

#include <QStringDecoder>

namespace paperboy {

namespace {

bool looksLikeUtf16WithoutBom(const QByteArray &bytes, bool *littleEndian)
{
    // ASCII-heavy UTF-16 has a zero byte in every other position.
    const qsizetype n = std::min<qsizetype>(bytes.size() & ~qsizetype(1), 4096);
    if (n < 4)
        return false;
    int zeroEven = 0;
    int zeroOdd = 0;
    for (qsizetype i = 0; i < n; ++i)
        if (bytes.at(i) == 0)
            (i % 2 ? zeroOdd : zeroEven)++;
    const int half = int(n / 2);
    if (zeroOdd > half * 3 / 10 && zeroEven < half / 20) {
        *littleEndian = true;
        return true;
    }
    if (zeroEven > half * 3 / 10 && zeroOdd < half / 20) {
        *littleEndian = false;
        return true;
    }
    return false;
}

bool decodeWith(QStringDecoder &decoder, const QByteArray &bytes, QString *text)
{
    *text = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

bool decodeText(const QByteArray &bytes, QString *text, QString *error, QString *warning)
{
    if (bytes.isEmpty()) {
        *error = QStringLiteral("the file is empty");
        return false;
    }
    if (auto bom = QStringConverter::encodingForData(bytes)) {
        QStringDecoder decoder(*bom);
        if (!decodeWith(decoder, bytes, text)) {
            *error = QStringLiteral("the file starts with a %1 byte-order mark but is not valid %1")
                         .arg(QString::fromLatin1(QStringConverter::nameForEncoding(*bom)));
            return false;
        }
        return true;
    }
    bool littleEndian = true;
    if (looksLikeUtf16WithoutBom(bytes, &littleEndian)) {
        QStringDecoder decoder(littleEndian ? QStringConverter::Utf16LE
                                            : QStringConverter::Utf16BE);
        if (decodeWith(decoder, bytes, text))
            return true;
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    if (decodeWith(utf8, bytes, text)) {
        if (text->contains(QChar(0))) {
            *error = QStringLiteral("the file holds binary data (NUL bytes), not text");
            return false;
        }
        return true;
    }
    // A copy whose editor cut a character in half is still the day's digest. Tried before
    // GB18030, which would read any bytes at all as (wrong) Chinese.
    QStringDecoder lenient(QStringConverter::Utf8);
    const QString decoded = lenient.decode(bytes);
    const qsizetype replaced =
        decoded.count(QChar::ReplacementCharacter) - bytes.count(QByteArrayView("\xEF\xBF\xBD"));
    if (replaced > 0 && replaced * 100 <= decoded.size() && !decoded.contains(QChar(0))) {
        *text = decoded;
        if (warning)
            *warning = QStringLiteral("%1 not UTF-8 replaced by \uFFFD")
                           .arg(countOf(replaced, QStringLiteral("byte sequence")));
        return true;
    }
    // Chinese reposts saved on Windows are often GBK; GB18030 is its superset.
    QStringDecoder gb("GB18030");
    if (gb.isValid() && decodeWith(gb, bytes, text) && !text->contains(QChar(0)))
        return true;
    *error = QStringLiteral("the file is not valid UTF-8 or UTF-16 text%1")
                 .arg(gb.isValid() ? QString()
                                   : QStringLiteral(" (legacy encodings such as GBK are not "
                                                    "supported here: save it as UTF-8)"));
    return false;
}

} // namespace paperboy
