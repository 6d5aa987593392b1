// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sasquatch {

/// Parses Go-style durations as InfluxDB prints them ("168h0m0s", "30m0s", "0s", "1h30m",
/// "1.5s", "250ms") and InfluxQL literals ("7d", "1w", "INF"). Returns nanoseconds; INF and
/// "0s" (InfluxDB's "keep forever") are 0.
std::optional<std::int64_t> parseDurationNs(QStringView text);

/// Seconds as a short readable span: "infinite" for 0, else "7d", "1d 12h", "90m", "45s".
QString formatDurationSeconds(std::int64_t seconds);

/// Seconds as an InfluxQL duration literal ("INF" for 0, else e.g. "168h", "30m", "45s").
QString influxQlDurationLiteral(std::int64_t seconds);

} // namespace sasquatch
