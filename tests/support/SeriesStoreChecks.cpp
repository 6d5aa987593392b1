// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SeriesStoreChecks.h"

#include "tests/support/SeriesReference.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sasquatch {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Subnormal arithmetic has an absolute resolution: a floor for the tolerances.
constexpr double kTiny = 16 * std::numeric_limits<double>::denorm_min();

} // namespace

// What the store must hold after appending: batch sorted by time, first of equal times kept,
// then only rows after the last stored time.
void modelAppend(std::map<std::int64_t, double> &model, const std::vector<std::int64_t> &t, const std::vector<double> &v)
{
    std::map<std::int64_t, double> batch;
    for (std::size_t i = 0; i < t.size(); ++i)
        batch.emplace(t[i], v[i]); // emplace keeps the first
    const std::int64_t last = model.empty() ? std::numeric_limits<std::int64_t>::min() : model.rbegin()->first;
    for (const auto &[time, value] : batch) {
        if (time > last)
            model.emplace(time, value);
    }
}

QString compareWithModel(const SeriesStore &store, SeriesId id, const std::map<std::int64_t, double> &model)
{
    const auto times = store.times(id);
    const auto values = store.values(id);
    if (times.size() != model.size())
        return QStringLiteral("%1 samples stored, expected %2").arg(times.size()).arg(model.size());
    std::size_t i = 0;
    for (const auto &[t, v] : model) {
        if (times[i] != t || !(values[i] == v || (std::isnan(values[i]) && std::isnan(v))))
            return QStringLiteral("sample %1: (%2, %3), expected (%4, %5)").arg(i).arg(times[i]).arg(values[i]).arg(t).arg(v);
        ++i;
    }
    return {};
}

// The decimation of `id` into `grid` against brute force over the stored samples: columns,
// gap flags, the neighbours outside the view and the raw passthrough.
QString checkDecimation(const SeriesStore &store, SeriesId id, const PixelGrid &grid)
{
    const auto times = store.times(id);
    const auto values = store.values(id);
    const Decimation d = store.decimate(id, grid);
    const QString columns = compareColumns(d, referenceColumns(times, values, grid));
    const auto where = [&](const QString &what) {
        return QStringLiteral("grid [%1, %2) width %3: %4").arg(grid.start()).arg(grid.stop()).arg(grid.width()).arg(what);
    };
    if (!columns.isEmpty())
        return where(columns);
    const auto lo = static_cast<std::size_t>(std::lower_bound(times.begin(), times.end(), grid.start()) - times.begin());
    const auto hi = static_cast<std::size_t>(std::lower_bound(times.begin(), times.end(), grid.stop()) - times.begin());
    if (d.sampleCount != static_cast<std::int64_t>(hi - lo))
        return where(QStringLiteral("sampleCount %1, expected %2").arg(d.sampleCount).arg(hi - lo));
    std::optional<std::size_t> before;
    for (std::size_t i = lo; i > 0 && !before; --i) {
        if (!std::isnan(values[i - 1]))
            before = i - 1;
    }
    if (d.before.has_value() != before.has_value() || (before && (d.before->time != times[*before] || d.before->value != values[*before])))
        return where(QStringLiteral("wrong sample before the view"));
    std::optional<std::size_t> after;
    for (std::size_t i = hi; i < times.size() && !after; ++i) {
        if (!std::isnan(values[i]))
            after = i;
    }
    if (d.after.has_value() != after.has_value() || (after && (d.after->time != times[*after] || d.after->value != values[*after])))
        return where(QStringLiteral("wrong sample after the view"));
    // gapBefore: a NaN between the column's first valid sample and the valid one before it.
    std::vector<std::int64_t> previousValid(times.size() + 1, -1); // last valid index below i
    for (std::size_t i = 0; i < times.size(); ++i)
        previousValid[i + 1] = std::isnan(values[i]) ? previousValid[i] : static_cast<std::int64_t>(i);
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
        const DecimatedColumn &c = d.columns[k];
        if (!c.hasValue())
            continue;
        const auto i = static_cast<std::int64_t>(std::lower_bound(times.begin(), times.end(), c.firstTime) - times.begin());
        const std::int64_t p = previousValid[static_cast<std::size_t>(i)];
        const bool gap = p >= 0 && i - p > 1;
        if (c.gapBefore != gap)
            return where(QStringLiteral("column %1: gapBefore %2, expected %3").arg(k).arg(c.gapBefore).arg(gap));
        if (c.lastIndex - c.firstIndex != static_cast<std::int64_t>(std::lower_bound(times.begin(), times.end(), c.lastTime) - times.begin()) - i)
            return where(QStringLiteral("column %1: first/last indices inconsistent").arg(k));
    }
    const bool expectRaw = hi - lo <= static_cast<std::size_t>(grid.width());
    if (d.hasRawPoints != expectRaw)
        return where(QStringLiteral("hasRawPoints %1 for %2 samples").arg(d.hasRawPoints).arg(hi - lo));
    if (expectRaw) {
        for (std::size_t r = 0; r < d.points.size(); ++r) {
            const SamplePoint &p = d.points[r];
            if (p.time != times[lo + r] || !(p.value == values[lo + r] || (std::isnan(p.value) && std::isnan(values[lo + r]))))
                return where(QStringLiteral("raw point %1 differs").arg(r));
        }
    }
    return {};
}

QString checkStats(const SeriesStore &store, SeriesId id, std::int64_t start, std::int64_t stop)
{
    const auto [lo, hi] = store.indexRange(id, start, stop);
    const RangeStats s = store.stats(id, start, stop);
    const ReferenceStats ref = referenceStats(store.values(id).subspan(lo, hi - lo));
    const auto where = [&](const QString &what) { return QStringLiteral("stats [%1, %2): %3").arg(start).arg(stop).arg(what); };
    if (s.samples != static_cast<std::int64_t>(hi - lo) || s.count != ref.count)
        return where(QStringLiteral("samples/count %1/%2, expected %3/%4").arg(s.samples).arg(s.count).arg(hi - lo).arg(ref.count));
    if (ref.count == 0)
        return std::isnan(s.min) && std::isnan(s.mean) ? QString() : where(QStringLiteral("values for an empty range"));
    if (s.min != ref.min || s.max != ref.max || s.peakToPeak() != ref.max - ref.min)
        return where(QStringLiteral("min/max %1/%2, expected %3/%4").arg(s.min).arg(s.max).arg(ref.min).arg(ref.max));
    if (std::isinf(ref.maxAbs))
        return {};
    // Tolerance documented in RangeStats / tst_minmaxpyramid.
    if (std::fabs(s.mean - static_cast<double>(ref.mean)) > 16 * kEps * ref.maxAbs + kTiny)
        return where(QStringLiteral("mean %1, expected %2").arg(s.mean, 0, 'g', 17).arg(static_cast<double>(ref.mean), 0, 'g', 17));
    const double refStd = std::sqrt(static_cast<double>(ref.variance));
    if (std::fabs(s.stddev - refStd) > 1e-12 * refStd + 64 * kEps * ref.maxAbs + kTiny)
        return where(QStringLiteral("std %1, expected %2").arg(s.stddev, 0, 'g', 17).arg(refStd, 0, 'g', 17));
    return {};
}

} // namespace sasquatch
