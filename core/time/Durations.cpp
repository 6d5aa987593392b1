// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/Durations.h"

#include <QStringList>

#include <cmath>

namespace sasquatch {

namespace {

std::optional<double> unitNs(QStringView unit)
{
    if (unit == u"ns") return 1.0;
    if (unit == u"us" || unit == u"µs" || unit == u"u") return 1e3;
    if (unit == u"ms") return 1e6;
    if (unit == u"s") return 1e9;
    if (unit == u"m") return 60e9;
    if (unit == u"h") return 3600e9;
    if (unit == u"d") return 86400e9;
    if (unit == u"w") return 7 * 86400e9;
    return std::nullopt;
}

} // namespace

std::optional<std::int64_t> parseDurationNs(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (t.compare(u"INF", Qt::CaseInsensitive) == 0 || t == u"0")
        return 0;
    double total = 0;
    qsizetype i = 0;
    while (i < t.size()) {
        const qsizetype numberStart = i;
        while (i < t.size() && (t[i].isDigit() || t[i] == u'.'))
            ++i;
        if (i == numberStart)
            return std::nullopt;
        bool ok = false;
        const double number = t.mid(numberStart, i - numberStart).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < t.size() && t[i].isLetter())
            ++i;
        const auto scale = unitNs(t.mid(unitStart, i - unitStart));
        if (!scale)
            return std::nullopt;
        total += number * *scale;
    }
    if (!std::isfinite(total) || total > 9.2e18)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(total));
}

QString formatDurationSeconds(std::int64_t seconds)
{
    if (seconds <= 0)
        return QStringLiteral("infinite");
    const std::int64_t days = seconds / 86400;
    const std::int64_t hours = (seconds % 86400) / 3600;
    const std::int64_t minutes = (seconds % 3600) / 60;
    const std::int64_t secs = seconds % 60;
    QStringList parts;
    if (days) parts << QStringLiteral("%1d").arg(days);
    if (hours) parts << QStringLiteral("%1h").arg(hours);
    if (minutes && days == 0) parts << QStringLiteral("%1m").arg(minutes);
    if (secs && days == 0 && hours == 0) parts << QStringLiteral("%1s").arg(secs);
    return parts.join(u' ');
}

QString influxQlDurationLiteral(std::int64_t seconds)
{
    if (seconds <= 0)
        return QStringLiteral("INF");
    if (seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace sasquatch
