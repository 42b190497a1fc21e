#pragma once

// Inflates a gzip or deflate response body as it arrives, so the size cap counts inflated
// bytes and a decompression bomb is stopped within a step of the cap, holding no more than
// that in memory. PoliteHttp asks for compressed bodies itself (Accept-Encoding) so that Qt
// hands them over as they came: Qt's own inflating ran ahead of the cap, and reported a bomb
// as "Decompression failed: " and nothing else.

#include <QByteArray>
#include <QString>

#include <memory>

namespace paperboy {

class HttpInflate
{
public:
    // `encoding` is the Content-Encoding: "gzip", "x-gzip" or "deflate" (zlib or raw);
    // anything else is not inflated (isKnown() false).
    explicit HttpInflate(const QByteArray &encoding);
    ~HttpInflate();
    HttpInflate(const HttpInflate &) = delete;
    HttpInflate &operator=(const HttpInflate &) = delete;

    bool isKnown() const { return m_known; }
    // Appends what `input` inflates to to `out`, stopping once `out` holds more than `limit`
    // bytes. False on damaged data (error() says what).
    bool feed(const QByteArray &input, QByteArray *out, qint64 limit);
    // After the last byte: whether the compressed stream ended where it should.
    bool finished() const { return m_ended; }
    QString error() const { return m_error; }

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    bool m_known = false;
    bool m_raw = false;     // "deflate" sent as raw deflate data, as some servers do
    bool m_started = false; // bytes have been inflated
    bool m_ended = false;
    QString m_error;
};

} // namespace paperboy
