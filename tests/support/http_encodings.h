#pragma once

// Bodies as servers send them compressed, for TestHttpServer: gzip and deflate
// (Content-Encoding), and a deflate "bomb" of zeros that is small on the wire and huge once
// inflated, written block by block so the test never holds the inflated bytes.
// Header-only; Qt's qCompress provides the deflate data.

#include <QByteArray>
#include <QtEndian>

#include <array>

namespace paperboy::test {

inline quint32 crc32Of(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

// Content-Encoding: deflate, the zlib format (RFC 1950) as servers send it.
inline QByteArray deflateBody(const QByteArray &data)
{
    return qCompress(data, 9).mid(4); // qCompress prefixes the length
}

// Content-Encoding: gzip (RFC 1952): a header, the raw deflate data, CRC-32 and size.
inline QByteArray gzipBody(const QByteArray &data)
{
    const QByteArray zlib = deflateBody(data);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out += zlib.mid(2, zlib.size() - 6); // without the zlib header and Adler-32
    char trailer[8];
    qToLittleEndian<quint32>(crc32Of(data), trailer);
    qToLittleEndian<quint32>(quint32(data.size()), trailer + 4);
    out.append(trailer, 8);
    return out;
}

// A valid zlib stream that inflates to `zeros` zero bytes (any size, up to terabytes) at
// about 150 to 1: one fixed-Huffman block of a literal 0 and then copies of length 258 at
// distance 1, each 13 bits.
inline QByteArray deflateBombOfZeros(qint64 zeros)
{
    QByteArray out("\x78\x01", 2);
    quint64 buffer = 0;
    int bits = 0;
    auto put = [&](quint32 value, int count) { // LSB first, as deflate packs bits
        buffer |= quint64(value) << bits;
        bits += count;
        while (bits >= 8) {
            out.append(char(buffer & 0xFF));
            buffer >>= 8;
            bits -= 8;
        }
    };
    auto putCode = [&](quint32 code, int count) { // Huffman codes go most significant first
        quint32 reversed = 0;
        for (int i = 0; i < count; ++i)
            reversed |= ((code >> i) & 1) << (count - 1 - i);
        put(reversed, count);
    };
    put(1, 1);           // the last block
    put(1, 2);           // fixed Huffman codes
    putCode(0x30, 8);    // literal 0
    qint64 left = zeros - 1;
    for (; left >= 258; left -= 258) {
        putCode(0xC5, 8); // length code 285: 258 bytes
        putCode(0, 5);    // distance code 0: distance 1
    }
    for (; left > 0; --left)
        putCode(0x30, 8);
    putCode(0, 7); // end of block
    if (bits > 0)
        put(0, 8 - bits);
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    char adler[4];
    qToBigEndian<quint32>(quint32(zeros % 65521) << 16 | 1, adler);
    out.append(adler, 4);
    return out;
}

} // namespace paperboy::test
