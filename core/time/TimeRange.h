// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeScale.h"
#include "core/util/Outcome.h"

#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>

namespace sasquatch {

/// The relative ranges offered in the time-range picker ("now − duration" to now).
enum class RangePreset : std::uint8_t {
    Past5Minutes,
    Past15Minutes,
    Past1Hour,
    Past6Hours,
    Past12Hours,
    Past24Hours,
    Past2Days,
    Past7Days,
    Past30Days,
};

/// Every preset, shortest first.
inline constexpr std::array<RangePreset, 9> kRangePresets{
    RangePreset::Past5Minutes, RangePreset::Past15Minutes, RangePreset::Past1Hour,
    RangePreset::Past6Hours,   RangePreset::Past12Hours,   RangePreset::Past24Hours,
    RangePreset::Past2Days,    RangePreset::Past7Days,     RangePreset::Past30Days,
};

/// Length of a preset in ns.
std::int64_t presetDurationNs(RangePreset preset);

/// The time span of a query: relative ("the past hour", from now − duration to now, resolved
/// when the query runs) or absolute ([start, stop) in int64 ns UTC). A plain value.
class TimeRange
{
public:
    enum class Kind : std::uint8_t { Relative, Absolute };

    /// The past hour.
    TimeRange() = default;

    static TimeRange fromPreset(RangePreset preset);
    /// "now − durationNs" to now; the duration must be positive.
    static Outcome<TimeRange> relative(std::int64_t durationNs);
    /// [startNs, stopNs) in UTC; start must be before stop.
    static Outcome<TimeRange> absolute(std::int64_t startNs, std::int64_t stopNs);

    /// A range from what the user typed in a start and a stop box (or passed as --start and
    /// --stop). Relative when `start` is a duration back from now (`1h`, `-1h`, `now-1h`,
    /// `now - 90m`) and `stop` is empty or `now`; otherwise both are times as parseTimeText
    /// reads them, in `assumed` unless they say otherwise. Errors name the box at fault.
    static Outcome<TimeRange> parse(QStringView start, QStringView stop, TimeScale assumed = TimeScale::Utc);

    /// Reads toString()'s form back.
    static Outcome<TimeRange> fromString(QStringView text);
    /// For settings and history: "-1h" when relative, an ISO 8601 interval
    /// "2026-11-23T03:12:00Z/2026-11-23T04:12:00Z" when absolute (UTC, exact to the ns).
    QString toString() const;

    /// The wall clock, ns since the epoch, UTC.
    static std::int64_t currentTimeNs();

    Kind kind() const { return m_kind; }
    bool isRelative() const { return m_kind == Kind::Relative; }
    bool isAbsolute() const { return m_kind == Kind::Absolute; }
    /// Length of the range in ns (stop − start).
    std::int64_t durationNs() const { return isRelative() ? m_durationNs : m_stopNs - m_startNs; }
    /// The preset this relative range equals, if any.
    std::optional<RangePreset> preset() const;

    /// Start and stop in ns UTC; a relative range is taken back from `nowNs`.
    std::int64_t startNs(std::int64_t nowNs) const { return isRelative() ? nowNs - m_durationNs : m_startNs; }
    std::int64_t stopNs(std::int64_t nowNs) const { return isRelative() ? nowNs : m_stopNs; }
    /// The absolute range this one covers at `nowNs` (itself when absolute).
    TimeRange resolved(std::int64_t nowNs) const;

    /// For the picker's button: "Past 1h" or "2026-11-23T03:12:00Z – 2026-11-23T04:12:00Z"
    /// (TAI times in TAI with the scale word once at the end).
    QString label(TimeScale scale = TimeScale::Utc) const;

    bool operator==(const TimeRange &other) const = default;

private:
    Kind m_kind = Kind::Relative;
    std::int64_t m_durationNs = 3'600'000'000'000;
    std::int64_t m_startNs = 0;
    std::int64_t m_stopNs = 0;
};

} // namespace sasquatch
