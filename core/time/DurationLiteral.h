// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace sasquatch {

/// A duration as one number and one unit that Flux and InfluxQL both read the same way:
/// the largest of d, h, m, s, ms that divides it exactly, else ns ("7d", "90m", "1500ms",
/// "2500ns"). Microseconds are written in ns because the two languages spell them differently
/// (Flux `us`, InfluxQL `u`). Negative durations get a leading '-' ("-1h"); zero is "0s".
QString durationLiteral(std::int64_t ns);

} // namespace sasquatch
