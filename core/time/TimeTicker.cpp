// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeTicker.h"

#include "core/time/CivilDate.h"

#include <algorithm>
#include <array>
#include <limits>

namespace sasquatch {

namespace {

constexpr std::int64_t kUs = 1'000;
constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kSec = 1'000'000'000;
constexpr std::int64_t kMin = 60 * kSec;
constexpr std::int64_t kHour = 60 * kMin;
constexpr std::int64_t kDay = 24 * kHour;

constexpr std::array kSteps{
    TimeTickStep{TimeTickUnit::Microsecond, 1},   TimeTickStep{TimeTickUnit::Microsecond, 2},
    TimeTickStep{TimeTickUnit::Microsecond, 5},   TimeTickStep{TimeTickUnit::Microsecond, 10},
    TimeTickStep{TimeTickUnit::Microsecond, 20},  TimeTickStep{TimeTickUnit::Microsecond, 50},
    TimeTickStep{TimeTickUnit::Microsecond, 100}, TimeTickStep{TimeTickUnit::Microsecond, 200},
    TimeTickStep{TimeTickUnit::Microsecond, 500}, TimeTickStep{TimeTickUnit::Millisecond, 1},
    TimeTickStep{TimeTickUnit::Millisecond, 2},   TimeTickStep{TimeTickUnit::Millisecond, 5},
    TimeTickStep{TimeTickUnit::Millisecond, 10},  TimeTickStep{TimeTickUnit::Millisecond, 20},
    TimeTickStep{TimeTickUnit::Millisecond, 50},  TimeTickStep{TimeTickUnit::Millisecond, 100},
    TimeTickStep{TimeTickUnit::Millisecond, 200}, TimeTickStep{TimeTickUnit::Millisecond, 500},
    TimeTickStep{TimeTickUnit::Second, 1},        TimeTickStep{TimeTickUnit::Second, 2},
    TimeTickStep{TimeTickUnit::Second, 5},        TimeTickStep{TimeTickUnit::Second, 10},
    TimeTickStep{TimeTickUnit::Second, 15},       TimeTickStep{TimeTickUnit::Second, 30},
    TimeTickStep{TimeTickUnit::Minute, 1},        TimeTickStep{TimeTickUnit::Minute, 2},
    TimeTickStep{TimeTickUnit::Minute, 5},        TimeTickStep{TimeTickUnit::Minute, 10},
    TimeTickStep{TimeTickUnit::Minute, 15},       TimeTickStep{TimeTickUnit::Minute, 30},
    TimeTickStep{TimeTickUnit::Hour, 1},          TimeTickStep{TimeTickUnit::Hour, 2},
    TimeTickStep{TimeTickUnit::Hour, 3},          TimeTickStep{TimeTickUnit::Hour, 6},
    TimeTickStep{TimeTickUnit::Hour, 12},         TimeTickStep{TimeTickUnit::Day, 1},
    TimeTickStep{TimeTickUnit::Day, 2},           TimeTickStep{TimeTickUnit::Day, 7},
    TimeTickStep{TimeTickUnit::Day, 14},          TimeTickStep{TimeTickUnit::Month, 1},
    TimeTickStep{TimeTickUnit::Month, 2},         TimeTickStep{TimeTickUnit::Month, 3},
    TimeTickStep{TimeTickUnit::Month, 6},         TimeTickStep{TimeTickUnit::Year, 1},
};

std::int64_t unitNs(TimeTickUnit unit)
{
    switch (unit) {
    case TimeTickUnit::Microsecond: return kUs;
    case TimeTickUnit::Millisecond: return kMs;
    case TimeTickUnit::Second: return kSec;
    case TimeTickUnit::Minute: return kMin;
    case TimeTickUnit::Hour: return kHour;
    case TimeTickUnit::Day: return kDay;
    case TimeTickUnit::Month: return 30 * kDay;
    case TimeTickUnit::Year: return 365 * kDay;
    }
    return kSec;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t scaleOffset(TimeScale scale)
{
    return scale == TimeScale::Tai ? kTaiMinusUtcNs : 0;
}

QString twoDigits(std::int64_t v)
{
    return QString::number(v).rightJustified(2, u'0');
}

QString dateText(const CivilDate &d, bool withDay, bool withMonth = true)
{
    QString text = QString::number(d.year);
    if (withMonth)
        text += u'-' + twoDigits(d.month);
    if (withMonth && withDay)
        text += u'-' + twoDigits(d.day);
    return text;
}

// Month count since year 0 for a calendar-aligned tick search.
std::int64_t monthIndex(const CivilDate &d)
{
    return d.year * 12 + static_cast<std::int64_t>(d.month) - 1;
}

} // namespace

std::int64_t TimeTickStep::approxNs() const
{
    return unitNs(unit) * count;
}

TimeTickStep TimeTicker::stepFor(std::int64_t spanNs, int maxTicks)
{
    maxTicks = std::max(1, maxTicks);
    const std::int64_t wanted = spanNs / maxTicks + (spanNs % maxTicks != 0 ? 1 : 0);
    for (const TimeTickStep &step : kSteps) {
        if (step.approxNs() >= wanted)
            return step;
    }
    // Beyond a year: 2, 5, 10, 20, 50... years.
    const std::int64_t year = unitNs(TimeTickUnit::Year);
    std::int64_t decade = 1;
    std::int64_t years = 2;
    for (int i = 0; years * year < wanted && decade < 100'000; ++i) {
        static constexpr std::array<std::int64_t, 3> kMantissa{2, 5, 10};
        years = kMantissa[static_cast<std::size_t>((i + 1) % 3)] * decade;
        if ((i + 1) % 3 == 2)
            decade *= 10;
    }
    return {TimeTickUnit::Year, static_cast<int>(years)};
}

std::vector<std::int64_t> TimeTicker::tickTimes(std::int64_t startNs, std::int64_t stopNs, TimeTickStep step,
                                                 TimeScale scale)
{
    std::vector<std::int64_t> out;
    if (startNs >= stopNs || step.count < 1)
        return out;
    const std::int64_t offset = scaleOffset(scale);
    const std::int64_t localStart = startNs + offset;
    const std::int64_t localStop = stopNs + offset;
    if (step.unit == TimeTickUnit::Month || step.unit == TimeTickUnit::Year) {
        const std::int64_t months = step.unit == TimeTickUnit::Year ? std::int64_t{12} * step.count : step.count;
        const CivilDate first = civilFromDays(floorDiv(localStart, kDay));
        std::int64_t m = floorDiv(monthIndex(first), months) * months;
        for (int guard = 0; guard < 10'000; ++guard, m += months) {
            const std::int64_t year = floorDiv(m, 12);
            const auto month = static_cast<unsigned>(m - year * 12 + 1);
            const std::int64_t local = daysFromCivil(year, month, 1) * kDay;
            if (local > localStop)
                break;
            if (local >= localStart)
                out.push_back(local - offset);
        }
        return out;
    }
    const std::int64_t stepNs = step.approxNs();
    std::int64_t local = floorDiv(localStart, stepNs) * stepNs;
    if (local < localStart)
        local += stepNs;
    for (int guard = 0; local <= localStop && guard < 100'000; ++guard) {
        out.push_back(local - offset);
        if (local > std::numeric_limits<std::int64_t>::max() - stepNs)
            break;
        local += stepNs;
    }
    return out;
}

QString TimeTicker::label(std::int64_t utcNs, TimeTickStep step, TimeScale scale, bool withDate)
{
    const std::int64_t local = utcNs + scaleOffset(scale);
    const std::int64_t days = floorDiv(local, kDay);
    const CivilDate date = civilFromDays(days);
    const std::int64_t ofDay = local - days * kDay;
    switch (step.unit) {
    case TimeTickUnit::Day: return dateText(date, true);
    case TimeTickUnit::Month: return dateText(date, false);
    case TimeTickUnit::Year: return dateText(date, false, false);
    default: break;
    }
    QString text = twoDigits(ofDay / kHour) + u':' + twoDigits(ofDay / kMin % 60);
    if (step.unit != TimeTickUnit::Hour && step.unit != TimeTickUnit::Minute) {
        text += u':' + twoDigits(ofDay / kSec % 60);
        if (step.unit == TimeTickUnit::Millisecond)
            text += u'.' + QString::number(ofDay % kSec / kMs).rightJustified(3, u'0');
        else if (step.unit == TimeTickUnit::Microsecond)
            text += u'.' + QString::number(ofDay % kSec / kUs).rightJustified(6, u'0');
    }
    if (withDate)
        text += u'\n' + dateText(date, true);
    return text;
}

std::vector<TimeTick> TimeTicker::ticks(std::int64_t startNs, std::int64_t stopNs, int maxTicks, TimeScale scale)
{
    std::vector<TimeTick> out;
    if (startNs >= stopNs)
        return out;
    const TimeTickStep step = stepFor(stopNs - startNs, maxTicks);
    const bool subDay = step.approxNs() < kDay;
    const std::int64_t offset = scaleOffset(scale);
    std::int64_t previousDay = std::numeric_limits<std::int64_t>::min();
    for (const std::int64_t t : tickTimes(startNs, stopNs, step, scale)) {
        const std::int64_t day = floorDiv(t + offset, kDay);
        out.push_back({t, label(t, step, scale, subDay && day != previousDay)});
        previousDay = day;
    }
    return out;
}

} // namespace sasquatch
