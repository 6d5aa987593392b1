// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>

namespace sasquatch::test {

/// A large Flux response for tests and benchmarks, generated piece by piece so that it never
/// needs to be held: annotated CSV (InfluxDB "Annotated CSV" reference) shaped like an M1M3
/// force query, `result,table,_time,_value,_field,_measurement`, one table per field
/// (`xForce0`, `xForce1`, ...), 50 Hz times with nanosecond jitter, CRLF line ends, one
/// annotation block. Deterministic: the same arguments give the same bytes.
class FluxCsvGenerator
{
public:
    static constexpr std::int64_t kStartNs = 1714521600LL * 1'000'000'000; ///< 2024-05-01T00:00:00Z
    static constexpr std::int64_t kPeriodNs = 20'000'000;                   ///< 50 Hz

    FluxCsvGenerator(int tables, int rowsPerTable);

    /// The next piece of about `bytes` bytes (whole lines), empty at the end.
    QByteArray next(int bytes = 64 * 1024);
    /// The whole response at once.
    static QByteArray whole(int tables, int rowsPerTable);

    /// The `_time` (ns) and `_value` of row `row` of table `table`.
    static std::int64_t timeAt(int table, int row);
    static double valueAt(int table, int row);

    std::int64_t rowsGenerated() const { return m_rowsDone; }

private:
    int m_tables;
    int m_rowsPerTable;
    int m_table = 0;
    int m_row = 0;
    bool m_headerDone = false;
    bool m_done = false;
    std::int64_t m_rowsDone = 0;
};

} // namespace sasquatch::test
