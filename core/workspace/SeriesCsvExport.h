// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeScale.h"
#include "core/util/Outcome.h"
#include "core/workspace/ZoomHistory.h"

#include <QString>

#include <cstdint>
#include <vector>

class QIODevice;

namespace sasquatch {

/// The samples of one series to export (a copy, so that it can be written on a worker thread
/// while the store changes).
struct CsvSeriesData
{
    QString name; ///< column header, e.g. "forceActuatorData.fz [N]"
    std::vector<std::int64_t> times;
    std::vector<double> values;
};

/// Writes plotted series as one wide CSV table in the style of core/query/CsvWriter (RFC 4180,
/// CRLF, doubles as the shortest text that reads back exactly, NaN/+Inf/-Inf): the first
/// column is the time (`time_utc` RFC 3339 with ns, or `time_tai` as wall-clock TAI), then one
/// column per series. Rows are the union of all series' times in order; a series without a
/// sample at a row's time leaves its cell empty, so fields of one message (one shared time
/// column) line up in one row.
class SeriesCsvExport
{
public:
    /// Writes `series` to `device` (open for writing). Fails with the device's error.
    static Outcome<std::int64_t> write(QIODevice &device, const std::vector<CsvSeriesData> &series, TimeScale scale);
};

} // namespace sasquatch
