#include "http_inflate.h"

#include <zlib.h>

namespace paperboy {

struct HttpInflate::Stream
{
    z_stream z{};
    bool open = false;
};

namespace {

// Window bits: 15 + 32 reads a zlib or gzip header, whichever comes; -15 reads raw deflate.
bool openStream(z_stream &z, bool raw)
{
    z = z_stream{};
    return inflateInit2(&z, raw ? -15 : 15 + 32) == Z_OK;
}

} // namespace

HttpInflate::HttpInflate(const QByteArray &encoding) : m_stream(std::make_unique<Stream>())
{
    const QByteArray name = encoding.trimmed().toLower();
    m_known = name == "gzip" || name == "x-gzip" || name == "deflate";
    if (m_known)
        m_stream->open = openStream(m_stream->z, false);
    if (m_known && !m_stream->open)
        m_error = QStringLiteral("cannot start decompressing");
}

HttpInflate::~HttpInflate()
{
    if (m_stream->open)
        inflateEnd(&m_stream->z);
}

bool HttpInflate::feed(const QByteArray &input, QByteArray *out, qint64 limit)
{
    if (!m_stream->open)
        return false;
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    z.avail_in = uInt(input.size());
    // Inflate in steps, so a bomb stops within one step past the limit.
    constexpr qsizetype kStep = 64 * 1024;
    while (z.avail_in > 0 && out->size() <= limit) {
        if (m_ended) {
            // Concatenated gzip members are one body; anything else after the end is not.
            if (inflateReset(&z) != Z_OK)
                return false;
            m_ended = false;
        }
        const qsizetype before = out->size();
        out->resize(before + kStep);
        z.next_out = reinterpret_cast<Bytef *>(out->data() + before);
        z.avail_out = uInt(kStep);
        const int rc = inflate(&z, Z_NO_FLUSH);
        out->resize(before + (kStep - qsizetype(z.avail_out)));
        m_started = m_started || out->size() > before;
        if (rc == Z_DATA_ERROR && !m_started && !m_raw) {
            // "deflate" without the zlib wrapper: start again as raw deflate.
            inflateEnd(&z);
            m_raw = true;
            m_stream->open = openStream(z, true);
            if (!m_stream->open)
                return false;
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
            z.avail_in = uInt(input.size());
            continue;
        }
        if (rc == Z_STREAM_END) {
            m_ended = true;
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = QString::fromLatin1(z.msg ? z.msg : "damaged data");
            return false;
        }
        if (rc == Z_BUF_ERROR && z.avail_out > 0)
            break; // needs more input
    }
    return true;
}

} // namespace paperboy
