// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/DurationLiteral.h"

#include <array>
#include <limits>
#include <utility>

namespace sasquatch {

QString durationLiteral(std::int64_t ns)
{
    if (ns == 0)
        return QStringLiteral("0s");
    // INT64_MIN has no positive counterpart; its magnitude is a whole number of ns anyway.
    if (ns == std::numeric_limits<std::int64_t>::min())
        return QStringLiteral("-9223372036854775808ns");
    const bool negative = ns < 0;
    const std::int64_t magnitude = negative ? -ns : ns;
    static constexpr std::array<std::pair<std::int64_t, const char16_t *>, 5> kUnits{{
        {86'400'000'000'000, u"d"},
        {3'600'000'000'000, u"h"},
        {60'000'000'000, u"m"},
        {1'000'000'000, u"s"},
        {1'000'000, u"ms"},
    }};
    QString out = negative ? QStringLiteral("-") : QString();
    for (const auto &[unitNs, name] : kUnits) {
        if (magnitude % unitNs == 0)
            return out + QString::number(magnitude / unitNs) + QString::fromUtf16(name);
    }
    return out + QString::number(magnitude) + QStringLiteral("ns");
}

} // namespace sasquatch
