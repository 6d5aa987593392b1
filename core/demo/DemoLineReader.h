// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// One field value of a line-protocol point.
struct DemoLineValue
{
    enum class Kind { Float, Integer, Boolean, String };
    Kind kind = Kind::Float;
    double number = 0.0;       ///< Float; also Integer and Boolean as numbers
    std::int64_t integer = 0;  ///< Integer
    std::string text;          ///< String, unescaped
};

/// One point: measurement, fields in line order, time as written (the demo writes ms).
struct DemoLine
{
    std::string measurement;
    std::vector<std::string> keys;
    std::vector<DemoLineValue> values;
    std::int64_t time = 0;
};

/// Reads back the line protocol DemoPointWriter and DemoEventSchedule render, so that the
/// telemetry simulator publishes to Kafka exactly the values it writes to InfluxDB (one
/// rendering, two sinks: history and live cannot drift apart). Handles what those writers
/// produce: escaped measurement and keys, floats, `i` integers, t/f booleans, quoted strings
/// with \" and \\, no tags. Errors name the line's position and what was expected.
class DemoLineReader
{
public:
    /// Parses the line starting at `text` (up to its newline, if any) into `line`; returns the
    /// number of characters consumed including the newline.
    static Outcome<std::size_t> read(std::string_view text, DemoLine &line);
};

} // namespace sasquatch
