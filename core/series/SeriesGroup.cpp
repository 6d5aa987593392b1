// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/SeriesGroup.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace sasquatch {

namespace {

// A hint to start loading a cache line that will be needed soon: decimation jumps through
// memory one pixel column (thousands of samples) at a time, so every column would otherwise
// wait for DRAM several times.
inline void prefetch(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

} // namespace

std::size_t SeriesGroup::addMember(SeriesId id)
{
    assert(empty());
    m_members.push_back(Member{id, {}, {}});
    return m_members.size() - 1;
}

void SeriesGroup::removeMember(std::size_t slot)
{
    if (slot + 1 != m_members.size())
        m_members[slot] = std::move(m_members.back());
    m_members.pop_back();
}

std::unique_ptr<SeriesGroup> SeriesGroup::extract(std::span<const std::size_t> slots)
{
    auto group = std::make_unique<SeriesGroup>();
    group->m_times = m_times; // a tight copy
    group->m_origin = m_origin;
    std::vector<std::size_t> sorted(slots.begin(), slots.end());
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t slot : sorted)
        group->m_members.push_back(std::move(m_members[slot]));
    // Remove from the highest slot down so that the slots still to remove stay valid.
    for (auto it = sorted.rbegin(); it != sorted.rend(); ++it)
        removeMember(*it);
    return group;
}

bool SeriesGroup::sameTimes(const SeriesGroup &other) const
{
    if (size() != other.size())
        return false;
    if (empty())
        return true;
    if (m_times.front() != other.m_times.front() || m_times.back() != other.m_times.back())
        return false;
    return std::memcmp(m_times.data(), other.m_times.data(), size() * sizeof(std::int64_t)) == 0;
}

void SeriesGroup::absorb(SeriesGroup &other)
{
    assert(sameTimes(other));
    for (Member &member : other.m_members) {
        if (other.m_origin != m_origin && !empty())
            member.pyramid.rebuild({member.values.span(), m_origin});
        m_members.push_back(std::move(member));
    }
    other.m_members.clear();
}

std::size_t SeriesGroup::lowerBound(std::int64_t t) const
{
    const std::int64_t *begin = m_times.data();
    return static_cast<std::size_t>(std::lower_bound(begin, begin + size(), t) - begin);
}

std::size_t SeriesGroup::lowerBoundFrom(std::int64_t t, std::size_t hint) const
{
    const std::int64_t *times = m_times.data();
    const std::size_t n = size();
    if (hint >= n || times[hint] >= t)
        return hint;
    // times[lo] < t: double the step until passing t, then bisect the last step.
    std::size_t lo = hint;
    std::size_t step = 1;
    std::size_t hi = hint + 1;
    while (hi < n && times[hi] < t) {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    hi = std::min(hi, n);
    return static_cast<std::size_t>(std::lower_bound(times + lo + 1, times + hi, t) - times);
}

std::size_t SeriesGroup::lowerBoundNear(std::int64_t t, std::size_t lo, std::size_t guess) const
{
    const std::int64_t *times = m_times.data();
    const std::size_t n = size();
    const std::size_t g = std::clamp(guess, lo, n);
    if (g < n && times[g] < t)
        return lowerBoundFrom(t, g + 1); // the answer is after the guess
    // The answer is at or before the guess: gallop down towards lo.
    std::size_t hi = g;
    std::size_t step = 1;
    while (hi > lo) {
        const std::size_t probe = hi - std::min(step, hi - lo);
        if (times[probe] < t)
            return static_cast<std::size_t>(std::lower_bound(times + probe + 1, times + hi, t) - times);
        hi = probe;
        step *= 2;
    }
    return lo;
}

std::vector<std::size_t> SeriesGroup::gridPositions(const PixelGrid &grid) const
{
    const auto width = static_cast<std::size_t>(grid.width());
    std::vector<std::size_t> positions(width + 1);
    if (!grid.isValid())
        return positions;
    const std::size_t first = lowerBound(grid.start());
    const std::size_t last = lowerBound(grid.stop());
    positions[0] = first;
    positions[width] = last;
    const std::int64_t *times = m_times.data();
    if (last - first <= width) {
        // Fewer samples than columns (deep zoom): one merge pass over both sorted sequences.
        std::size_t at = first;
        for (std::size_t k = 1; k < width; ++k) {
            const std::int64_t boundary = grid.boundary(static_cast<int>(k));
            while (at < last && times[at] < boundary)
                ++at;
            positions[k] = at;
        }
        return positions;
    }
    // Guesses: the previous column's sample count again (columns span equal times), or where
    // uniform sampling between the first and last sample in view would put the boundary.
    const double t0 = static_cast<double>(times[first]);
    const double t1 = static_cast<double>(times[last - 1]);
    const double perNs = t1 > t0 ? static_cast<double>(last - 1 - first) / (t1 - t0) : 0.0;
    const auto uniformGuess = [&](std::size_t k) {
        const double offset = (static_cast<double>(grid.boundary(static_cast<int>(k))) - t0) * perNs;
        return first + static_cast<std::size_t>(std::clamp(offset, 0.0, static_cast<double>(last - first)));
    };
    constexpr std::size_t kAhead = 8; // boundaries whose time values are fetched in advance
    for (std::size_t k = 1; k < width; ++k) {
        const std::size_t previous = positions[k - 1];
        const std::size_t count = k >= 2 ? previous - positions[k - 2] : 0;
        if (k + kAhead < width)
            prefetch(times + std::min(count ? previous + (kAhead + 1) * count : uniformGuess(k + kAhead), last - 1));
        const std::size_t guess = count ? previous + count : uniformGuess(k);
        positions[k] = std::min(lowerBoundNear(grid.boundary(static_cast<int>(k)), previous, guess), last);
    }
    return positions;
}

SeriesGroup::SpliceCounts SeriesGroup::splice(std::int64_t from, std::int64_t to, const SampleBatch &batch,
                                              std::span<const std::uint32_t> order,
                                              std::span<const std::size_t> fieldOfMember)
{
    assert(fieldOfMember.size() == m_members.size());
    if (from >= to)
        return {};
    // The batch rows to insert: a contiguous run of the time-ordered rows.
    const std::size_t batchRows = order.empty() ? batch.times.size() : order.size();
    const auto rowAt = [&](std::size_t i) -> std::size_t { return order.empty() ? i : order[i]; };
    const auto firstAtOrAfter = [&](std::int64_t t) {
        std::size_t lo = 0;
        std::size_t hi = batchRows;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (batch.times[rowAt(mid)] < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    const std::size_t rb = firstAtOrAfter(from);
    const std::size_t re = firstAtOrAfter(to);

    const std::size_t n = size();
    const std::size_t ia = lowerBound(from);
    const std::size_t ib = lowerBound(to);
    const auto k = static_cast<std::int64_t>(re - rb);
    const auto removed = static_cast<std::int64_t>(ib - ia);
    if (k == 0 && removed == 0)
        return {};

    // Keep the logical indices of the longer side; the shorter side (and the new rows) get
    // new indices, and only their pyramid blocks are recomputed.
    const auto prefix = static_cast<std::int64_t>(ia);
    const auto suffix = static_cast<std::int64_t>(n - ib);
    std::int64_t newOrigin = m_origin;
    std::int64_t dirtyFrom = 0;
    std::int64_t dirtyTo = 0;
    if (k == removed) {
        dirtyFrom = m_origin + prefix;
        dirtyTo = dirtyFrom + k;
    } else if (prefix < suffix) {
        newOrigin = m_origin + removed - k;
        dirtyFrom = newOrigin;
        dirtyTo = newOrigin + prefix + k;
    } else {
        dirtyFrom = m_origin + prefix;
        dirtyTo = m_origin + prefix + k + suffix;
    }

    std::int64_t *times = m_times.splice(ia, static_cast<std::size_t>(removed), static_cast<std::size_t>(k));
    for (std::int64_t i = 0; i < k; ++i)
        times[i] = batch.times[rowAt(rb + static_cast<std::size_t>(i))];
    for (std::size_t m = 0; m < m_members.size(); ++m) {
        const std::vector<double> &source = batch.fields[fieldOfMember[m]].values;
        double *values = m_members[m].values.splice(ia, static_cast<std::size_t>(removed), static_cast<std::size_t>(k));
        if (order.empty()) {
            std::memcpy(values, source.data() + rb, static_cast<std::size_t>(k) * sizeof(double));
        } else {
            for (std::int64_t i = 0; i < k; ++i)
                values[i] = source[order[rb + static_cast<std::size_t>(i)]];
        }
    }
    m_origin = newOrigin;
    for (Member &member : m_members)
        member.pyramid.update({member.values.span(), m_origin}, dirtyFrom, dirtyTo);
    return {k, removed};
}

std::int64_t SeriesGroup::evictBefore(std::int64_t t)
{
    const std::size_t count = lowerBound(t);
    if (count == 0)
        return 0;
    m_times.popFront(count);
    m_origin += static_cast<std::int64_t>(count);
    for (Member &member : m_members) {
        member.values.popFront(count);
        member.pyramid.update({member.values.span(), m_origin}, m_origin, m_origin); // drops whole blocks only
    }
    return static_cast<std::int64_t>(count);
}

SamplePoint SeriesGroup::sampleAt(std::size_t slot, std::int64_t index) const
{
    const auto p = static_cast<std::size_t>(index - m_origin);
    return {m_times[p], m_members[slot].values[p], index};
}

Decimation SeriesGroup::decimate(std::size_t slot, const PixelGrid &grid, std::span<const std::size_t> positions,
                                 RawPoints raw) const
{
    Decimation out;
    out.grid = grid;
    if (!grid.isValid())
        return out;
    const auto width = static_cast<std::size_t>(grid.width());
    assert(positions.size() == width + 1);
    out.columns.resize(width);
    const ValueView view = this->view(slot);
    const MinMaxPyramid &pyramid = m_members[slot].pyramid;
    const double *values = m_members[slot].values.data();
    const std::int64_t *times = m_times.data();

    const std::int64_t first = m_origin + static_cast<std::int64_t>(positions[0]);
    const std::int64_t last = m_origin + static_cast<std::int64_t>(positions[width]);
    out.sampleCount = last - first;
    std::optional<std::int64_t> previous = pyramid.lastValid(view, view.begin(), first);
    if (previous)
        out.before = sampleAt(slot, *previous);

    constexpr std::size_t kAhead = 6; // columns whose memory is requested in advance
    // The pyramid levels a column's query reads: those with blocks shorter than a column.
    int levels = 0;
    for (std::size_t perColumn = (positions[width] - positions[0]) / width; perColumn >= 16; perColumn /= 16)
        ++levels;
    for (std::size_t k = 0; k < width; ++k) {
        if (k + kAhead <= width) // the boundary both neighbouring columns will scan around
            pyramid.prefetch(view, m_origin + static_cast<std::int64_t>(positions[k + kAhead]), levels);
        DecimatedColumn &column = out.columns[k];
        const std::int64_t lo = m_origin + static_cast<std::int64_t>(positions[k]);
        const std::int64_t hi = m_origin + static_cast<std::int64_t>(positions[k + 1]);
        column.samples = hi - lo;
        if (lo == hi)
            continue;
        // Usually the column starts and ends with a valid sample: no search.
        std::optional<std::int64_t> f = lo;
        if (std::isnan(values[positions[k]]))
            f = pyramid.firstValid(view, lo, hi);
        if (!f)
            continue; // only NaN here
        const std::int64_t l = std::isnan(values[positions[k + 1] - 1]) ? *pyramid.lastValid(view, *f, hi) : hi - 1;
        const Extremes extremes = pyramid.extremes(view, *f, l + 1);
        const auto fp = static_cast<std::size_t>(*f - m_origin);
        const auto lp = static_cast<std::size_t>(l - m_origin);
        column.min = extremes.min;
        column.max = extremes.max;
        column.first = values[fp];
        column.last = values[lp];
        column.firstTime = times[fp];
        column.lastTime = times[lp];
        column.firstIndex = *f;
        column.lastIndex = l;
        column.gapBefore = previous && *f - *previous > 1;
        previous = l;
    }
    if (const auto a = pyramid.firstValid(view, last, view.end()))
        out.after = sampleAt(slot, *a);

    if (raw == RawPoints::WhenFewerThanPixels && out.sampleCount <= static_cast<std::int64_t>(width)) {
        out.hasRawPoints = true;
        out.points.reserve(static_cast<std::size_t>(out.sampleCount));
        for (std::int64_t i = first; i < last; ++i)
            out.points.push_back(sampleAt(slot, i));
    }
    return out;
}

RangeStats SeriesGroup::stats(std::size_t slot, std::int64_t start_ns, std::int64_t stop_ns) const
{
    RangeStats stats;
    if (start_ns >= stop_ns)
        return stats;
    const std::int64_t lo = m_origin + static_cast<std::int64_t>(lowerBound(start_ns));
    const std::int64_t hi = m_origin + static_cast<std::int64_t>(lowerBound(stop_ns));
    stats.samples = hi - lo;
    const ValueView view = this->view(slot);
    const MinMaxPyramid &pyramid = m_members[slot].pyramid;
    const Moments moments = pyramid.moments(view, lo, hi);
    stats.count = moments.count;
    if (moments.count == 0)
        return stats;
    const Extremes extremes = pyramid.extremes(view, lo, hi);
    stats.min = extremes.min;
    stats.max = extremes.max;
    stats.mean = moments.mean;
    stats.variance = moments.variance();
    stats.stddev = std::sqrt(stats.variance);
    return stats;
}

std::optional<SamplePoint> SeriesGroup::valueAt(std::size_t slot, std::int64_t t, SampleLookup lookup) const
{
    const ValueView view = this->view(slot);
    const MinMaxPyramid &pyramid = m_members[slot].pyramid;
    std::optional<SamplePoint> previous;
    std::optional<SamplePoint> next;
    if (lookup != SampleLookup::Next) {
        // Samples at or before t: those before the first time > t.
        const std::size_t end = t == INT64_MAX ? size() : lowerBound(t + 1);
        if (const auto i = pyramid.lastValid(view, view.begin(), m_origin + static_cast<std::int64_t>(end)))
            previous = sampleAt(slot, *i);
        if (lookup == SampleLookup::Previous)
            return previous;
    }
    if (const auto i = pyramid.firstValid(view, m_origin + static_cast<std::int64_t>(lowerBound(t)), view.end()))
        next = sampleAt(slot, *i);
    if (lookup == SampleLookup::Next || !previous)
        return next;
    if (!next)
        return previous;
    // Unsigned: the distances are non-negative but may exceed INT64_MAX.
    const std::uint64_t before = static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(previous->time);
    const std::uint64_t after = static_cast<std::uint64_t>(next->time) - static_cast<std::uint64_t>(t);
    return after < before ? next : previous;
}

void SeriesGroup::shrinkToFit()
{
    m_times.shrinkToFit();
    for (Member &member : m_members) {
        member.values.shrinkToFit();
        member.pyramid.shrinkToFit();
    }
}

std::size_t SeriesGroup::valueBytes() const
{
    std::size_t bytes = 0;
    for (const Member &member : m_members)
        bytes += member.values.usedBytes();
    return bytes;
}

std::size_t SeriesGroup::pyramidBytes() const
{
    std::size_t bytes = 0;
    for (const Member &member : m_members)
        bytes += member.pyramid.usedBytes();
    return bytes;
}

std::size_t SeriesGroup::reservedBytes() const
{
    std::size_t bytes = m_times.reservedBytes();
    for (const Member &member : m_members)
        bytes += member.values.reservedBytes() + member.pyramid.reservedBytes();
    return bytes;
}

} // namespace sasquatch
