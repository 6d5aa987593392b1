// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/GzipEncoder.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace sasquatch {

struct GzipEncoder::Stream
{
    z_stream zs{};
    bool ok = false;
};

GzipEncoder::GzipEncoder(int level) : m_stream(std::make_unique<Stream>())
{
    // windowBits 15 + 16 selects the gzip wrapper (header and CRC-32 trailer) instead of zlib's.
    m_stream->ok = deflateInit2(&m_stream->zs, std::clamp(level, -1, 9), Z_DEFLATED, 15 + 16, 8,
                                Z_DEFAULT_STRATEGY)
        == Z_OK;
}

GzipEncoder::~GzipEncoder()
{
    if (m_stream->ok)
        deflateEnd(&m_stream->zs);
}

QByteArray GzipEncoder::write(const QByteArray &data, GzipFlush flush)
{
    if (m_finished || !m_stream->ok)
        return {};
    return run(data.constData(), data.size(), flush == GzipFlush::Sync ? Z_SYNC_FLUSH : Z_NO_FLUSH);
}

QByteArray GzipEncoder::finish()
{
    if (m_finished || !m_stream->ok)
        return {};
    m_finished = true;
    return run(nullptr, 0, Z_FINISH);
}

QByteArray GzipEncoder::run(const char *data, qsizetype size, int zflush)
{
    z_stream &zs = m_stream->zs;
    QByteArray out;
    char buffer[64 * 1024];
    const char *in = data;
    qsizetype remaining = size;
    for (;;) {
        if (zs.avail_in == 0 && remaining > 0) {
            // zlib counts in uInt: feed buffers above 4 GiB in slices.
            const auto slice = static_cast<uInt>(
                std::min<qsizetype>(remaining, std::numeric_limits<uInt>::max()));
            zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in));
            zs.avail_in = slice;
            in += slice;
            remaining -= slice;
        }
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        const int flushNow = remaining > 0 ? Z_NO_FLUSH : zflush;
        const int rc = deflate(&zs, flushNow);
        out.append(buffer, static_cast<qsizetype>(sizeof buffer - zs.avail_out));
        if (rc == Z_STREAM_END || rc == Z_STREAM_ERROR)
            break;
        // Done when all input is taken and zlib had room to spare (nothing left pending).
        if (zs.avail_in == 0 && remaining == 0 && zs.avail_out != 0)
            break;
    }
    return out;
}

} // namespace sasquatch
