// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace sasquatch {

/// Appends InfluxDB line protocol to a std::string as fast as the seeder needs (tens of
/// millions of values): no allocation per value, std::to_chars for numbers.
class DemoLineProtocol
{
public:
    /// Measurement names escape ',' and ' '.
    static std::string measurement(const QString &name);
    /// Tag keys/values and field keys escape ',', '=' and ' '.
    static std::string key(const QString &name);

    /// A float with `significant` digits (short text keeps the write volume down; values of
    /// 10^4 and more are written in full so that sums and counts do not turn into 1.2e+05).
    static void appendFloat(std::string &out, double value, int significant);
    /// A float with a fixed number of decimals (timestamps in seconds).
    static void appendFixed(std::string &out, double value, int decimals);
    /// An integer field value: digits and the `i` suffix.
    static void appendInteger(std::string &out, std::int64_t value);
    static void appendBoolean(std::string &out, bool value) { out += value ? 't' : 'f'; }
    /// A string field value, quoted, with '"' and '\' escaped.
    static void appendString(std::string &out, std::string_view value);
    /// Point time in ms, preceded by the separating space, and the newline.
    static void appendTime(std::string &out, std::int64_t timeMs);
};

} // namespace sasquatch
