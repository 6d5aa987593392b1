// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/AvroRecordSchema.h"
#include "core/ingest/MetricRecord.h"

#include <QString>

#include <string>

namespace sasquatch {

/// Writes records as InfluxDB line protocol with nanosecond timestamps: identifiers as tags
/// (sorted by key, as InfluxDB prefers), fields as typed values (integers `i`, strings
/// quoted, booleans), arrays flattened without separator (`xForce0 … xForceN`, as Sasquatch's
/// connector does), null fields left out.
class LineProtocolWriter
{
public:
    /// Appends one line (with its newline). False, with nothing appended, when the record has
    /// no non-null field (InfluxDB refuses a point without fields). With a `schema`, numbers of
    /// a float/double field are written as floats even when a value is whole ("0" in a CSV
    /// column of 0.5, 1.5...), since InfluxDB keeps one type per field.
    static bool append(const QString &measurement, const MetricRecord &record, std::string &out,
                       const AvroRecordSchema *schema = nullptr);
    static void appendMeasurement(const QString &text, std::string &out);
    static void appendKey(const QString &text, std::string &out);
};

} // namespace sasquatch
