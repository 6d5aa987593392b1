// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeRange.h"

#include "core/time/DurationLiteral.h"
#include "core/time/Durations.h"
#include "core/time/TimeText.h"

#include <chrono>

namespace sasquatch {

namespace {

constexpr std::int64_t kMinuteNs = 60'000'000'000;
constexpr std::int64_t kHourNs = 60 * kMinuteNs;
constexpr std::int64_t kDayNs = 24 * kHourNs;

bool isNow(QStringView text)
{
    return text.trimmed().compare(u"now", Qt::CaseInsensitive) == 0;
}

// "1h", "-1h", "now-1h", "now - 90m": a duration back from now. nullopt when the text is not
// shaped like one (so that the caller can try a time instead); an error when it is shaped like
// one but wrong.
std::optional<Outcome<std::int64_t>> relativeDuration(QStringView text)
{
    QStringView t = text.trimmed();
    bool explicitNow = false;
    if (t.startsWith(u"now", Qt::CaseInsensitive)) {
        t = t.mid(3).trimmed();
        explicitNow = true;
        if (!t.startsWith(u'-'))
            return Outcome<std::int64_t>(Failure{QStringLiteral(
                "\"%1\": after \"now\" write \"-\" and a duration, e.g. now-1h.").arg(text.toString())});
    }
    if (t.startsWith(u'-'))
        t = t.mid(1).trimmed();
    else if (t.startsWith(u'+'))
        return Outcome<std::int64_t>(Failure{QStringLiteral(
            "\"%1\": a range cannot start in the future; use e.g. -1h.").arg(text.toString())});
    // A date starts with four digits and a dash; a duration never has a dash.
    if (t.isEmpty() || t.contains(u'-') || t.contains(u':') || !t.front().isDigit())
        return explicitNow ? std::optional(Outcome<std::int64_t>(Failure{QStringLiteral(
                                 "\"%1\" is not a duration back from now, e.g. now-1h.").arg(text.toString())}))
                           : std::nullopt;
    const auto ns = parseDurationNs(t);
    if (!ns || *ns <= 0)
        return Outcome<std::int64_t>(Failure{QStringLiteral(
            "\"%1\" is not a valid duration (use a number and a unit: ms, s, m, h, d, w; e.g. 90m).")
                                                 .arg(text.toString())});
    return Outcome<std::int64_t>(*ns);
}

} // namespace

std::int64_t presetDurationNs(RangePreset preset)
{
    switch (preset) {
    case RangePreset::Past5Minutes: return 5 * kMinuteNs;
    case RangePreset::Past15Minutes: return 15 * kMinuteNs;
    case RangePreset::Past1Hour: return kHourNs;
    case RangePreset::Past6Hours: return 6 * kHourNs;
    case RangePreset::Past12Hours: return 12 * kHourNs;
    case RangePreset::Past24Hours: return 24 * kHourNs;
    case RangePreset::Past2Days: return 2 * kDayNs;
    case RangePreset::Past7Days: return 7 * kDayNs;
    case RangePreset::Past30Days: return 30 * kDayNs;
    }
    return kHourNs;
}

TimeRange TimeRange::fromPreset(RangePreset preset)
{
    TimeRange range;
    range.m_durationNs = presetDurationNs(preset);
    return range;
}

Outcome<TimeRange> TimeRange::relative(std::int64_t durationNs)
{
    if (durationNs <= 0)
        return Failure{QStringLiteral("A relative time range needs a positive duration (got %1).")
                           .arg(durationLiteral(durationNs))};
    TimeRange range;
    range.m_durationNs = durationNs;
    return range;
}

Outcome<TimeRange> TimeRange::absolute(std::int64_t startNs, std::int64_t stopNs)
{
    if (startNs >= stopNs)
        return Failure{QStringLiteral("The start %1 is not before the stop %2.")
                           .arg(formatTimeText(startNs, TimeScale::Utc), formatTimeText(stopNs, TimeScale::Utc))};
    TimeRange range;
    range.m_kind = Kind::Absolute;
    range.m_durationNs = 0;
    range.m_startNs = startNs;
    range.m_stopNs = stopNs;
    return range;
}

Outcome<TimeRange> TimeRange::parse(QStringView start, QStringView stop, TimeScale assumed)
{
    if (start.trimmed().isEmpty())
        return Failure{QStringLiteral("Start: no time given (a time such as 2026-11-23T03:12:00Z, or a duration back from now such as -1h).")};
    if (auto duration = relativeDuration(start)) {
        if (!*duration)
            return Failure{QStringLiteral("Start: %1").arg(duration->error())};
        if (!stop.trimmed().isEmpty() && !isNow(stop))
            return Failure{QStringLiteral("Stop: with a relative start (%1) the stop must be empty or \"now\", not \"%2\".")
                               .arg(start.trimmed().toString(), stop.trimmed().toString())};
        return relative(duration->value());
    }
    const auto startNs = parseTimeText(start, assumed);
    if (!startNs)
        return Failure{QStringLiteral("Start: %1").arg(startNs.error())};
    if (stop.trimmed().isEmpty() || isNow(stop))
        return Failure{QStringLiteral("Stop: a start time needs a stop time (\"now\" works only with a relative start such as -1h).")};
    const auto stopNs = parseTimeText(stop, assumed);
    if (!stopNs)
        return Failure{QStringLiteral("Stop: %1").arg(stopNs.error())};
    return absolute(*startNs, *stopNs);
}

Outcome<TimeRange> TimeRange::fromString(QStringView text)
{
    const QStringView t = text.trimmed();
    const qsizetype slash = t.indexOf(u'/');
    if (slash < 0) {
        auto duration = relativeDuration(t);
        if (!duration)
            return Failure{QStringLiteral("\"%1\" is neither a duration such as -1h nor an interval start/stop.")
                               .arg(t.toString())};
        if (!*duration)
            return duration->failure();
        return relative(duration->value());
    }
    const auto startNs = parseTimeText(t.left(slash));
    if (!startNs)
        return startNs.failure();
    const auto stopNs = parseTimeText(t.mid(slash + 1));
    if (!stopNs)
        return stopNs.failure();
    return absolute(*startNs, *stopNs);
}

QString TimeRange::toString() const
{
    if (isRelative())
        return u'-' + durationLiteral(m_durationNs);
    return formatTimeText(m_startNs, TimeScale::Utc) + u'/' + formatTimeText(m_stopNs, TimeScale::Utc);
}

std::int64_t TimeRange::currentTimeNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<RangePreset> TimeRange::preset() const
{
    if (!isRelative())
        return std::nullopt;
    for (const RangePreset p : kRangePresets)
        if (presetDurationNs(p) == m_durationNs)
            return p;
    return std::nullopt;
}

TimeRange TimeRange::resolved(std::int64_t nowNs) const
{
    if (isAbsolute())
        return *this;
    TimeRange range;
    range.m_kind = Kind::Absolute;
    range.m_durationNs = 0;
    range.m_startNs = nowNs - m_durationNs;
    range.m_stopNs = nowNs;
    return range;
}

QString TimeRange::label(TimeScale scale) const
{
    if (isRelative())
        return QStringLiteral("Past ") + durationLiteral(m_durationNs);
    QString start = formatTimeText(m_startNs, scale);
    const QString stop = formatTimeText(m_stopNs, scale);
    if (scale == TimeScale::Tai)
        start.chop(4); // " TAI" once, after the stop
    return start + QStringLiteral(" – ") + stop;
}

} // namespace sasquatch
