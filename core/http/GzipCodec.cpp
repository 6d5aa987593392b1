// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/GzipCodec.h"

#include "core/http/GzipEncoder.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace sasquatch {

namespace {

// windowBits 15 + 16 selects the gzip wrapper (header and CRC-32 trailer) instead of zlib's.
constexpr int kGzipWindowBits = 15 + 16;
constexpr std::size_t kStep = 64 * 1024;

// zlib counts in uInt; feed large buffers in slices so sizes above 4 GiB stay correct.
uInt sliceOf(std::size_t remaining)
{
    return static_cast<uInt>(std::min<std::size_t>(remaining, std::numeric_limits<uInt>::max()));
}

} // namespace

QByteArray GzipCodec::compress(const QByteArray &data, int level)
{
    GzipEncoder encoder(level);
    QByteArray out = encoder.write(data);
    out += encoder.finish();
    return out;
}

Outcome<QByteArray> GzipCodec::decompress(const QByteArray &data, std::int64_t maxOutputBytes)
{
    if (!looksLikeGzip(data))
        return Failure{QStringLiteral("not gzip data (missing magic bytes 1f 8b)")};

    z_stream zs{};
    if (inflateInit2(&zs, kGzipWindowBits) != Z_OK)
        return Failure{QStringLiteral("gzip: cannot initialise zlib")};

    QByteArray out;
    const auto *in = reinterpret_cast<const Bytef *>(data.constData());
    std::size_t remaining = static_cast<std::size_t>(data.size());
    char buffer[kStep];
    QString error;
    bool memberOpen = true;
    for (;;) {
        if (zs.avail_in == 0 && remaining > 0) {
            zs.next_in = const_cast<Bytef *>(in);
            zs.avail_in = sliceOf(remaining);
            in += zs.avail_in;
            remaining -= zs.avail_in;
        }
        if (zs.avail_in == 0 && !memberOpen)
            break;
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const auto produced = static_cast<std::int64_t>(sizeof buffer - zs.avail_out);
        if (static_cast<std::int64_t>(out.size()) + produced > maxOutputBytes) {
            error = QStringLiteral("gzip: inflated data exceeds the limit of %1 bytes")
                        .arg(maxOutputBytes);
            break;
        }
        out.append(buffer, static_cast<qsizetype>(produced));
        if (rc == Z_STREAM_END) {
            memberOpen = false;
            // RFC 1952 allows several members back to back; `gzip a b > c` makes them.
            if (zs.avail_in > 0 || remaining > 0) {
                inflateReset(&zs);
                memberOpen = true;
            }
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && remaining == 0) {
            error = QStringLiteral("gzip: data is truncated");
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            error = QStringLiteral("gzip: corrupt data (%1)")
                        .arg(zs.msg ? QString::fromLatin1(zs.msg) : QString::number(rc));
            break;
        }
    }
    inflateEnd(&zs);
    if (!error.isEmpty())
        return Failure{error};
    return out;
}

bool GzipCodec::looksLikeGzip(const QByteArray &data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
        && static_cast<unsigned char>(data[1]) == 0x8b;
}

} // namespace sasquatch
