// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/ReadOptions.h"
#include "core/ingest/ReadResult.h"

class QIODevice;

namespace sasquatch {

/// Reads a metric CSV: a header row, an optional units row (its time cell empty or "unit(s)"),
/// then one record per row. The time column is the first named time, timestamp, _time, date
/// or datetime (or starting with "time_"/"timestamp_"); its cells are unix times (s, ms, us
/// or ns) or ISO 8601 text, UTC unless the column name or the text says TAI. Identifier
/// columns (visit, detector, band, ...) become identifiers; every other column is a metric
/// whose type the first non-empty cell sets. Problems name the line and the CSV column number.
class CsvMetricReader
{
public:
    static void read(QIODevice &device, const ReadOptions &options, ReadResult &result);
};

} // namespace sasquatch
