// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/IngestFormat.h"
#include "core/ingest/LineProtocolParser.h"
#include "core/time/TimeScale.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace sasquatch {

/// Units of unix times in a CSV time column; Auto tells them from the first value's size.
enum class UnixTimeUnit : std::uint8_t { Auto, Seconds, Milliseconds, Microseconds, Nanoseconds };

/// What the readers cannot tell from the file itself.
struct ReadOptions
{
    IngestFormat format = IngestFormat::Unknown;   ///< Unknown = detect
    LineProtocolPrecision precision = LineProtocolPrecision::Nanoseconds;
    UnixTimeUnit timeUnit = UnixTimeUnit::Auto;
    /// Scale of CSV times that do not say (unix numbers, ISO text without zone or scale word);
    /// a time column whose name contains "tai" is TAI whatever this says.
    std::optional<TimeScale> timeScale;
    /// Record name for CSV and bare record lists (default: the file's base name).
    QString recordName;
    /// Time given to records that have none (line protocol without timestamps, a verify job
    /// whose meta has no time); 0 = the time of reading.
    std::int64_t defaultTimeNs = 0;
};

/// Whether a column or key names a dataset identifier (analysis_tools' IDENTIFIER_KEYS plus
/// dataset_tag): such values become InfluxDB tags and Avro string fields.
bool isIdentifierName(const QString &name);

} // namespace sasquatch
