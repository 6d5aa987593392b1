// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QByteArray>

#include <cstdint>

namespace sasquatch {

/// gzip (RFC 1952) in memory: request bodies sent with `Content-Encoding: gzip` (InfluxDB's
/// /write and /api/v2/write accept them) and test servers that must read such bodies.
/// Responses are decoded by libcurl itself, so this is not on the download path.
class GzipCodec
{
public:
    /// Default ceiling for decompress(): a small body can inflate to gigabytes (a "zip bomb").
    static constexpr std::int64_t kDefaultMaxOutputBytes = std::int64_t{1} << 30;

    /// gzip-compresses `data` at `level` (0 = store, 9 = smallest; -1 = zlib's default).
    static QByteArray compress(const QByteArray &data, int level = -1);

    /// Inflates one or more concatenated gzip members. Fails with a message on a corrupt or
    /// truncated stream, or when the output would exceed `maxOutputBytes`.
    static Outcome<QByteArray> decompress(const QByteArray &data,
                                          std::int64_t maxOutputBytes = kDefaultMaxOutputBytes);

    /// True when `data` starts with the gzip magic bytes 1f 8b.
    static bool looksLikeGzip(const QByteArray &data);
};

} // namespace sasquatch
