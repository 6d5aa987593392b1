// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>

namespace sasquatch::test {

/// How the body of an InfluxQL response is laid out.
enum class InfluxQlBody {
    Chunked, ///< `chunked=true`: one JSON object per line, `partial` flags
    Single,  ///< no `chunked`: one JSON object with every series
};

/// A large InfluxDB 1.x `/query` response for tests and benchmarks, generated piece by piece
/// (InfluxDB 1.x HTTP API reference, "/query", checked against influxd's output): one
/// statement grouped by `salIndex` into `series` series of `time` (epoch=ns) + `xForce0`.
/// Chunked: one object per chunk of `chunkRows` rows per line, `partial` set on every chunk but
/// the last of a series and of the response. Single: `{"results":[{"statement_id":0,
/// "series":[...]}]}` on one line. Times are 50 Hz with nanosecond jitter and beyond 2^53, so
/// that a client that reads them as doubles loses digits. Deterministic.
class InfluxQlJsonGenerator
{
public:
    static constexpr std::int64_t kStartNs = 1714521600LL * 1'000'000'000; ///< 2024-05-01T00:00:00Z
    static constexpr std::int64_t kPeriodNs = 20'000'000;                   ///< 50 Hz

    InfluxQlJsonGenerator(int series, int rowsPerSeries, int chunkRows = 10'000, InfluxQlBody body = InfluxQlBody::Chunked);

    /// The next chunk line(s), about `bytes` bytes; empty at the end.
    QByteArray next(int bytes = 64 * 1024);
    static QByteArray whole(int series, int rowsPerSeries, int chunkRows = 10'000,
                            InfluxQlBody body = InfluxQlBody::Chunked);

    static std::int64_t timeAt(int series, int row);
    static double valueAt(int series, int row);

private:
    void appendChunk(std::string &out);

    int m_series;
    int m_rowsPerSeries;
    int m_chunkRows;
    InfluxQlBody m_body;
    int m_current = 0; // series
    int m_row = 0;
};

} // namespace sasquatch::test
