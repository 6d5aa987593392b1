// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/SeriesCsvExport.h"

#include "core/query/CsvWriter.h"
#include "core/time/TimeText.h"

#include <QIODevice>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace sasquatch {

namespace {

void appendDouble(std::string &out, double v)
{
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, result.ptr);
}

} // namespace

Outcome<std::int64_t> SeriesCsvExport::write(QIODevice &device, const std::vector<CsvSeriesData> &series, TimeScale scale)
{
    std::string out;
    out += scale == TimeScale::Tai ? "time_tai" : "time_utc";
    for (const CsvSeriesData &s : series) {
        out += ',';
        CsvWriter::appendField(out, s.name.toStdString());
    }
    out += "\r\n";
    std::vector<std::size_t> next(series.size(), 0);
    std::int64_t rows = 0;
    const auto flush = [&]() -> bool {
        if (device.write(out.data(), static_cast<qint64>(out.size())) != static_cast<qint64>(out.size()))
            return false;
        out.clear();
        return true;
    };
    for (;;) {
        std::int64_t t = std::numeric_limits<std::int64_t>::max();
        bool any = false;
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (next[i] < series[i].times.size()) {
                t = std::min(t, series[i].times[next[i]]);
                any = true;
            }
        }
        if (!any)
            break;
        out += formatTimeText(t, scale, TimePrecision::Nanoseconds).toStdString();
        for (std::size_t i = 0; i < series.size(); ++i) {
            out += ',';
            if (next[i] < series[i].times.size() && series[i].times[next[i]] == t)
                appendDouble(out, series[i].values[next[i]++]);
        }
        out += "\r\n";
        ++rows;
        if (out.size() > (1 << 20) && !flush())
            return Failure{device.errorString()};
    }
    if (!flush())
        return Failure{device.errorString()};
    return rows;
}

} // namespace sasquatch
