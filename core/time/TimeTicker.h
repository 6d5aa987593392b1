// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeScale.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// The calendar unit of a tick step.
enum class TimeTickUnit : std::uint8_t { Microsecond, Millisecond, Second, Minute, Hour, Day, Month, Year };

/// A distance between ticks: `count` units (5 s, 2 months).
struct TimeTickStep
{
    TimeTickUnit unit = TimeTickUnit::Second;
    int count = 1;

    /// Length in ns; a month counts as 30 days and a year as 365 (only used to choose a step).
    std::int64_t approxNs() const;
    bool operator==(const TimeTickStep &) const = default;
};

/// One tick of a time axis: where (ns UTC) and what it says.
struct TimeTick
{
    std::int64_t utcNs = 0;
    /// One line, or two when the date is worth repeating: the time, then the date under it.
    QString label;
};

/// Ticks for a time axis shown in UTC or TAI, readable from microseconds to years: steps of
/// 1-2-5 µs/ms, 1, 2, 5, 10, 15, 30 s and min, 1, 2, 3, 6, 12 h, 1, 2, 7, 14 d, 1, 2, 3, 6
/// months, 1, 2, 5, 10... years. Ticks sit on round values of the scale shown: in TAI a 10 s tick
/// is at TAI 03:12:40, which is UTC 03:12:03 (TAI − UTC = 37 s). Labels:
///   below 1 ms   `03:12:40.000250`   below 1 s  `03:12:40.250`   below 1 min `03:12:40`
///   below 1 day  `03:12`             days       `2026-11-23`     months      `2026-11`   years `2026`
/// For steps below a day the first tick and every tick on a new day carry the date on a second
/// line (`03:12\n2026-11-23`), so that any view tells which day it shows.
/// Pure computation, Qt Core only (used by gui/plots' QCustomPlot ticker and tested in core).
class TimeTicker
{
public:
    /// The smallest step that puts at most `maxTicks` ticks (at least 1) into `spanNs`.
    static TimeTickStep stepFor(std::int64_t spanNs, int maxTicks);
    /// Ticks in [startNs, stopNs] (UTC ns), with the step chosen by stepFor(). Empty when
    /// start >= stop.
    static std::vector<TimeTick> ticks(std::int64_t startNs, std::int64_t stopNs, int maxTicks, TimeScale scale);
    /// Tick times (UTC ns) in [startNs, stopNs] for a given step, on round values in `scale`.
    static std::vector<std::int64_t> tickTimes(std::int64_t startNs, std::int64_t stopNs, TimeTickStep step, TimeScale scale);
    /// The label of a tick at `utcNs` for `step` (see the class comment); `withDate` adds the
    /// date line for steps below a day.
    static QString label(std::int64_t utcNs, TimeTickStep step, TimeScale scale, bool withDate);
};

} // namespace sasquatch
