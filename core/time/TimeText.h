// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeScale.h"
#include "core/util/Outcome.h"

#include <QString>
#include <QStringView>

#include <cstdint>

namespace sasquatch {

/// Reads a time the user typed or pasted and returns it as int64 ns since the Unix epoch, UTC.
///
/// Accepted (surrounding blanks ignored, letters in any case):
///   date        `2026-11-23` (midnight)
///   time        `T` or one or more spaces, then `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`
///               (1 to 9 fraction digits; `,` also marks the fraction, as ISO 8601 allows)
///   zone        `Z`, `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`, optionally after blanks
///   scale       a trailing word `UTC` or `TAI` after blanks
/// A time with neither zone nor scale word is in `assumed`. A TAI time is wall-clock TAI and
/// has no zone: `2026-11-23T03:12:37 TAI` is `2026-11-23T03:12:00Z` (TAI − UTC = 37 s).
///
/// Errors name what is wrong: the part that does not parse, a field out of range (month 13,
/// 31 November, hour 24, second 60 — leap seconds cannot be represented), more than 9 fraction
/// digits, a zone together with TAI, or an instant outside 1677-09-21 .. 2262-04-11.
Outcome<std::int64_t> parseTimeText(QStringView text, TimeScale assumed = TimeScale::Utc);

/// How many fraction digits formatTimeText writes.
enum class TimePrecision : std::uint8_t {
    Auto,         ///< as many as needed, trailing zeros removed, none for whole seconds
    Seconds,      ///< none (truncated towards the past)
    Milliseconds, ///< always 3
    Microseconds, ///< always 6
    Nanoseconds,  ///< always 9
};

/// Writes `utcNs` in `scale` in a form parseTimeText reads back: UTC as RFC 3339
/// (`2026-11-23T03:12:00.25Z`), TAI as wall-clock TAI with the scale word
/// (`2026-11-23T03:12:37.25 TAI`). With Auto or Nanoseconds the round trip is exact.
QString formatTimeText(std::int64_t utcNs, TimeScale scale, TimePrecision precision = TimePrecision::Auto);

} // namespace sasquatch
