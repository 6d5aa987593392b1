// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/MetricValue.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sasquatch {

/// Units of line-protocol timestamps (InfluxDB's `precision`).
enum class LineProtocolPrecision : std::uint8_t { Nanoseconds, Microseconds, Milliseconds, Seconds };

/// "ns", "us", "ms", "s"; parse accepts those (and "u", "n").
QString precisionName(LineProtocolPrecision precision);
std::optional<LineProtocolPrecision> parsePrecision(const QString &text);

/// One parsed line of line protocol.
struct LineProtocolPoint
{
    QString measurement;
    std::vector<std::pair<QString, QString>> tags;
    std::vector<std::pair<QString, MetricValue>> fields;
    std::optional<std::int64_t> timeNs;
};

/// Parses InfluxDB line protocol one line at a time, as InfluxDB 1.x/2.x does:
/// `measurement[,tag=value...] field=value[,field=value...] [timestamp]`.
/// Escapes: `\,` and `\ ` in measurements; `\,`, `\=` and `\ ` in tag keys, tag values and
/// field keys; `\"` and `\\` in string field values. Field values: floats (`1`, `-1.5e3`),
/// integers (`1i`), unsigned integers (`1u`), booleans (t, T, true, True, TRUE, f, F, false,
/// False, FALSE) and double-quoted strings. The timestamp is an integer in the precision.
/// Errors give the 1-based byte column where the line stops making sense.
class LineProtocolParser
{
public:
    explicit LineProtocolParser(LineProtocolPrecision precision = LineProtocolPrecision::Nanoseconds)
        : m_precision(precision)
    {
    }

    /// Parses `line` (no terminator; the caller skips blank and `#` comment lines).
    bool parse(std::string_view line, LineProtocolPoint &point);
    const QString &errorMessage() const { return m_error; }
    std::uint32_t errorColumn() const { return m_errorColumn; }

private:
    bool fail(std::size_t at, QString message);
    bool readKey(std::string_view line, std::size_t &pos, bool measurement, QString &out, std::string_view what);
    bool readFieldValue(std::string_view line, std::size_t &pos, const QString &key, MetricValue &out);

    LineProtocolPrecision m_precision;
    QString m_error;
    std::uint32_t m_errorColumn = 0;
};

} // namespace sasquatch
