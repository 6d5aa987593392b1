// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>

namespace sasquatch {

/// The window of an aggregated query, sized so that a plot gets about one point per pixel —
/// the role of Chronograf's `:interval:` and the InfluxDB UI's `v.windowPeriod`.
///
/// Rule: the range divided by the plot width in pixels (rounded up to whole ns; a width below
/// 1 counts as 1), then rounded up to the next "nice" duration of kNiceWindowsNs:
/// 1, 2, 5, 10, 20, 50, 100, 200, 500 ms; 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min;
/// 1, 2, 3, 6, 12 h; 1, 2, 7, 14, 30 d; past 30 d the next whole multiple of 30 d. Never below
/// 1 ms (kMinWindowNs): finer windows would ask the server for more points than the raw data
/// has at 50 Hz. Since the window is never shorter than range / width, a series gets at most one
/// point per pixel (plus one for a window cut by the range start).
std::int64_t windowPeriodNs(std::int64_t rangeNs, int pixelWidth);

/// The nice windows, shortest first.
std::span<const std::int64_t> niceWindowsNs();

inline constexpr std::int64_t kMinWindowNs = 1'000'000;

} // namespace sasquatch
