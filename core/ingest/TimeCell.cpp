// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/TimeCell.h"

#include "core/time/TimeText.h"

#include <limits>

namespace sasquatch {

namespace {

std::int64_t unitNs(UnixTimeUnit unit)
{
    switch (unit) {
    case UnixTimeUnit::Seconds:
        return 1'000'000'000;
    case UnixTimeUnit::Milliseconds:
        return 1'000'000;
    case UnixTimeUnit::Microseconds:
        return 1'000;
    default:
        return 1;
    }
}

QString unitName(UnixTimeUnit unit)
{
    switch (unit) {
    case UnixTimeUnit::Seconds:
        return QStringLiteral("seconds");
    case UnixTimeUnit::Milliseconds:
        return QStringLiteral("milliseconds");
    case UnixTimeUnit::Microseconds:
        return QStringLiteral("microseconds");
    default:
        return QStringLiteral("nanoseconds");
    }
}

} // namespace

TimeCell::TimeCell(const ReadOptions &options) : m_unit(options.timeUnit)
{
    if (options.timeScale) {
        m_scale = *options.timeScale;
        m_explicitScale = true;
    }
}

void TimeCell::setColumnName(const QString &lowerName)
{
    if (!m_explicitScale && lowerName.contains(u"tai")) {
        m_scale = TimeScale::Tai;
        m_scaleFromName = true;
    }
}

std::optional<std::int64_t> TimeCell::parse(std::string_view cell, QString &reason)
{
    const QString shown = QString::fromUtf8(cell.data(), qsizetype(cell.size()));
    if (cell.empty()) {
        reason = QStringLiteral("no time");
        return std::nullopt;
    }
    // A unix number: [-]digits[.digits], read exactly (no detour through double).
    std::size_t i = 0;
    bool negative = false;
    if (cell[0] == '-' || cell[0] == '+') {
        negative = cell[0] == '-';
        ++i;
    }
    const std::size_t intStart = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9')
        ++i;
    const std::size_t intEnd = i;
    std::size_t fracStart = 0, fracEnd = 0;
    if (i < cell.size() && cell[i] == '.') {
        fracStart = ++i;
        while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9')
            ++i;
        fracEnd = i;
    }
    const bool isNumber = i == cell.size() && intEnd > intStart && (fracStart == 0 || fracEnd > fracStart);
    if (isNumber && intEnd - intStart <= 19) {
        std::uint64_t whole = 0;
        for (std::size_t k = intStart; k < intEnd; ++k)
            whole = whole * 10 + std::uint64_t(cell[k] - '0');
        if (m_unit == UnixTimeUnit::Auto) {
            m_unitGuessed = true;
            m_unit = whole < 100'000'000'000ULL             ? UnixTimeUnit::Seconds
                     : whole < 100'000'000'000'000ULL       ? UnixTimeUnit::Milliseconds
                     : whole < 100'000'000'000'000'000ULL   ? UnixTimeUnit::Microseconds
                                                            : UnixTimeUnit::Nanoseconds;
        }
        const std::int64_t scale = unitNs(m_unit);
        if (whole > std::uint64_t(std::numeric_limits<std::int64_t>::max() / scale)) {
            reason = QStringLiteral("time %1 is out of range in %2").arg(shown, unitName(m_unit));
            return std::nullopt;
        }
        std::int64_t ns = std::int64_t(whole) * scale;
        // Fraction digits beyond a nanosecond are dropped (truncated), as TimeText refuses them.
        std::int64_t place = scale / 10;
        for (std::size_t k = fracStart; fracStart != 0 && k < fracEnd && place > 0; ++k, place /= 10)
            ns += std::int64_t(cell[k] - '0') * place;
        if (negative)
            ns = -ns;
        if (m_scale == TimeScale::Tai)
            ns -= kTaiMinusUtcNs;
        return ns;
    }
    if (isNumber) {
        reason = QStringLiteral("time %1 is out of range").arg(shown);
        return std::nullopt;
    }
    auto parsed = parseTimeText(shown, m_scale);
    if (!parsed) {
        reason = parsed.error(); // TimeText quotes the text and says what is wrong
        return std::nullopt;
    }
    return *parsed;
}

QString TimeCell::note() const
{
    QStringList parts;
    if (m_unitGuessed)
        parts << QStringLiteral("unix times read as %1 (from their size)").arg(unitName(m_unit));
    if (m_scaleFromName)
        parts << QStringLiteral("times read as TAI (the column name says so; UTC = TAI - 37 s)");
    return parts.join(QStringLiteral("; "));
}

} // namespace sasquatch
