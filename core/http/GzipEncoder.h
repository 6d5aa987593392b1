// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

namespace sasquatch {

/// When a GzipEncoder hands compressed bytes over. Sync makes everything written so far
/// decodable at once (what a streaming server does per chunk); None lets zlib buffer for a
/// better ratio.
enum class GzipFlush { None, Sync };

/// Incremental gzip (RFC 1952) compression: one member, written piece by piece. For bodies
/// produced while they are sent (streamed uploads, test servers streaming chunks).
class GzipEncoder
{
public:
    /// `level` 0..9, or -1 for zlib's default.
    explicit GzipEncoder(int level = -1);
    ~GzipEncoder();
    GzipEncoder(const GzipEncoder &) = delete;
    GzipEncoder &operator=(const GzipEncoder &) = delete;

    /// Compresses `data`; returns the compressed bytes ready so far (may be empty with
    /// GzipFlush::None). Must not be called after finish().
    QByteArray write(const QByteArray &data, GzipFlush flush = GzipFlush::None);
    /// Ends the member (remaining data, CRC-32 and length trailer). Later calls return empty.
    QByteArray finish();
    bool isFinished() const { return m_finished; }

private:
    QByteArray run(const char *data, qsizetype size, int zflush);

    struct Stream;
    std::unique_ptr<Stream> m_stream;
    bool m_finished = false;
};

} // namespace sasquatch
