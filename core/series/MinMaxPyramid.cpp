// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/MinMaxPyramid.h"

#include <algorithm>
#include <cassert>

namespace sasquatch {

namespace {

// Logical indices may be negative (history prepended before the first sample), so block
// numbers use floor/ceil division; C++20 defines >> on negative values as arithmetic shift.
constexpr std::int64_t floorShift(std::int64_t x, int bits)
{
    return x >> bits;
}
constexpr std::int64_t ceilShift(std::int64_t x, int bits)
{
    return -((-x) >> bits);
}

constexpr int kBits = MinMaxPyramid::kFanoutBits;
constexpr std::int64_t kFan = MinMaxPyramid::kFanout;

struct Interval
{
    std::int64_t from;
    std::int64_t to;
};

} // namespace

void MinMaxPyramid::clear()
{
    for (Level &level : m_levels) {
        level.extremes.release();
        level.meanM2.release();
        level.counts.release();
        level.first = 0;
    }
}

void MinMaxPyramid::shrinkToFit()
{
    for (Level &level : m_levels) {
        level.extremes.shrinkToFit();
        level.meanM2.shrinkToFit();
        level.counts.shrinkToFit();
    }
}

void MinMaxPyramid::rebuild(const ValueView &values)
{
    clear();
    update(values, values.begin(), values.end());
}

void MinMaxPyramid::resizeLevel(Level &level, std::int64_t first, std::int64_t end, std::int64_t &addedFrontEnd,
                                std::int64_t &addedBackFrom)
{
    const std::int64_t oldFirst = level.first;
    const std::int64_t oldEnd = level.end();
    const auto n = [](std::int64_t count) { return static_cast<std::size_t>(count); };
    if (level.extremes.empty() || end <= oldFirst || first >= oldEnd) {
        // Nothing stored survives: start over (every block is new).
        level.extremes.clear();
        level.meanM2.clear();
        level.counts.clear();
        level.first = first;
        level.extremes.growBack(n(end - first));
        level.meanM2.growBack(n(end - first));
        level.counts.growBack(n(end - first));
        addedFrontEnd = end;
        addedBackFrom = end;
        return;
    }
    if (first > oldFirst) {
        level.extremes.popFront(n(first - oldFirst));
        level.meanM2.popFront(n(first - oldFirst));
        level.counts.popFront(n(first - oldFirst));
    } else if (first < oldFirst) {
        level.extremes.growFront(n(oldFirst - first));
        level.meanM2.growFront(n(oldFirst - first));
        level.counts.growFront(n(oldFirst - first));
    }
    if (end < oldEnd) {
        level.extremes.popBack(n(oldEnd - end));
        level.meanM2.popBack(n(oldEnd - end));
        level.counts.popBack(n(oldEnd - end));
    } else if (end > oldEnd) {
        level.extremes.growBack(n(end - oldEnd));
        level.meanM2.growBack(n(end - oldEnd));
        level.counts.growBack(n(end - oldEnd));
    }
    level.first = first;
    addedFrontEnd = std::max(first, oldFirst);
    addedBackFrom = std::min(end, oldEnd);
}

void MinMaxPyramid::update(const ValueView &values, std::int64_t dirtyFrom, std::int64_t dirtyTo)
{
    const std::int64_t begin = values.begin();
    const std::int64_t end = values.end();
    dirtyFrom = std::max(dirtyFrom, begin);
    dirtyTo = std::min(dirtyTo, end);
    for (int level = 1; level <= kLevels; ++level) {
        const int bits = level * kBits;
        const std::int64_t first = ceilShift(begin, bits);
        const std::int64_t last = std::max(first, floorShift(end, bits));
        Level &stored = m_levels[level - 1];
        const bool sameBlocks = stored.first == first && stored.end() == last;
        std::int64_t addedFrontEnd = first;
        std::int64_t addedBackFrom = last;
        resizeLevel(stored, first, last, addedFrontEnd, addedBackFrom);

        // New blocks at either end plus the blocks touching the changed samples; merged so
        // that no block is computed twice.
        std::array<Interval, 3> todo{};
        int count = 0;
        if (first < addedFrontEnd)
            todo[count++] = {first, addedFrontEnd};
        if (dirtyFrom < dirtyTo) {
            const std::int64_t from = std::max(first, floorShift(dirtyFrom, bits));
            const std::int64_t to = std::min(last, ceilShift(dirtyTo, bits));
            if (from < to)
                todo[count++] = {from, to};
        }
        if (addedBackFrom < last)
            todo[count++] = {addedBackFrom, last};
        // A level whose blocks and values are as they were leaves every level above as it is:
        // their block bounds are multiples of this level's, their blocks unions of its
        // complete blocks. A live append completes a level-1 block once in 16 samples, so
        // this spares the other 15 the walk up all levels.
        if (count == 0 && sameBlocks)
            break;
        for (int i = 1; i < count; ++i) { // insertion sort of at most 3
            for (int j = i; j > 0 && todo[j].from < todo[j - 1].from; --j)
                std::swap(todo[j], todo[j - 1]);
        }
        std::int64_t done = first;
        for (int i = 0; i < count; ++i) {
            const std::int64_t from = std::max(todo[i].from, done);
            if (from < todo[i].to) {
                recompute(level, values, from, todo[i].to);
                done = todo[i].to;
            }
        }
    }
}

void MinMaxPyramid::recompute(int level, const ValueView &values, std::int64_t from, std::int64_t to)
{
    Level &stored = m_levels[level - 1];
    if (level == 1) {
        for (std::int64_t block = from; block < to; ++block) {
            const double *p = values.values.data() + ((block << kBits) - values.origin);
            Extremes extremes;
            double sum = 0;
            std::uint32_t count = 0;
            for (std::int64_t k = 0; k < kFan; ++k) {
                const double x = p[k];
                if (!std::isnan(x)) {
                    extremes.include(x);
                    sum += x;
                    ++count;
                }
            }
            // Two passes over 16 values in cache: M2 from the exact block mean.
            const double mean = count ? sum / count : 0.0;
            double m2 = 0;
            if (count > 1) {
                for (std::int64_t k = 0; k < kFan; ++k) {
                    const double x = p[k];
                    if (!std::isnan(x))
                        m2 += (x - mean) * (x - mean);
                }
            }
            const auto slot = static_cast<std::size_t>(block - stored.first);
            stored.extremes[slot] = extremes;
            stored.meanM2[slot] = {mean, m2};
            stored.counts[slot] = count;
        }
        return;
    }
    const Level &below = m_levels[level - 2];
    for (std::int64_t block = from; block < to; ++block) {
        const auto child = static_cast<std::size_t>((block << kBits) - below.first);
        assert(child + kFan <= below.extremes.size());
        Extremes extremes;
        Moments moments;
        for (std::size_t k = 0; k < static_cast<std::size_t>(kFan); ++k) {
            extremes.merge(below.extremes[child + k]);
            moments.merge({below.counts[child + k], below.meanM2[child + k].mean, below.meanM2[child + k].m2});
        }
        const auto slot = static_cast<std::size_t>(block - stored.first);
        stored.extremes[slot] = extremes;
        stored.meanM2[slot] = {moments.mean, moments.m2};
        stored.counts[slot] = static_cast<std::uint32_t>(moments.count);
    }
}

void MinMaxPyramid::scanExtremes(int level, const ValueView &values, std::int64_t from, std::int64_t to,
                                 Extremes &out) const
{
    if (from >= to)
        return;
    // Local accumulators: through `out` every store could alias the data and force reloads.
    double lo = out.min;
    double hi = out.max;
    if (level == 0) {
        const double *p = values.values.data() + (from - values.origin);
        const double *e = p + (to - from);
        for (; p != e; ++p) {
            const double x = *p;
            lo = x < lo ? x : lo; // NaN compares false: never taken
            hi = x > hi ? x : hi;
        }
    } else {
        const Level &stored = m_levels[level - 1];
        assert(from >= stored.first && to <= stored.end());
        const Extremes *p = stored.extremes.data() + (from - stored.first);
        const Extremes *e = p + (to - from);
        for (; p != e; ++p) {
            lo = p->min < lo ? p->min : lo;
            hi = p->max > hi ? p->max : hi;
        }
    }
    out.min = lo;
    out.max = hi;
}

void MinMaxPyramid::scanMoments(int level, const ValueView &values, std::int64_t from, std::int64_t to,
                                Moments &out) const
{
    if (from >= to)
        return;
    if (level == 0) {
        for (std::int64_t i = from; i < to; ++i) {
            const double x = values.at(i);
            if (!std::isnan(x))
                out.add(x);
        }
        return;
    }
    const Level &stored = m_levels[level - 1];
    assert(from >= stored.first && to <= stored.end());
    for (std::int64_t block = from; block < to; ++block) {
        const auto slot = static_cast<std::size_t>(block - stored.first);
        out.merge({stored.counts[slot], stored.meanM2[slot].mean, stored.meanM2[slot].m2});
    }
}

Extremes MinMaxPyramid::extremes(const ValueView &values, std::int64_t lo, std::int64_t hi) const
{
    lo = std::max(lo, values.begin());
    hi = std::min(hi, values.end());
    Extremes result;
    // Climb: at each level take the partial edges, hand the aligned middle to the level above.
    // Every block used lies inside [lo, hi), hence inside the values: it is complete, stored.
    std::int64_t a = lo;
    std::int64_t b = hi;
    for (int level = 0; a < b; ++level) {
        const std::int64_t a2 = ceilShift(a, kBits);
        const std::int64_t b2 = floorShift(b, kBits);
        if (level == kLevels || a2 >= b2) {
            scanExtremes(level, values, a, b, result);
            break;
        }
        scanExtremes(level, values, a, a2 << kBits, result);
        scanExtremes(level, values, b2 << kBits, b, result);
        a = a2;
        b = b2;
    }
    return result;
}

Moments MinMaxPyramid::moments(const ValueView &values, std::int64_t lo, std::int64_t hi) const
{
    lo = std::max(lo, values.begin());
    hi = std::min(hi, values.end());
    Moments result;
    std::int64_t a = lo;
    std::int64_t b = hi;
    for (int level = 0; a < b; ++level) {
        const std::int64_t a2 = ceilShift(a, kBits);
        const std::int64_t b2 = floorShift(b, kBits);
        if (level == kLevels || a2 >= b2) {
            scanMoments(level, values, a, b, result);
            break;
        }
        scanMoments(level, values, a, a2 << kBits, result);
        scanMoments(level, values, b2 << kBits, b, result);
        a = a2;
        b = b2;
    }
    return result;
}

std::optional<std::int64_t> MinMaxPyramid::scanFirst(int level, const ValueView &values, std::int64_t from,
                                                     std::int64_t to) const
{
    if (level == 0) {
        for (std::int64_t i = from; i < to; ++i) {
            if (!std::isnan(values.at(i)))
                return i;
        }
        return std::nullopt;
    }
    const Level &stored = m_levels[level - 1];
    for (std::int64_t block = from; block < to; ++block) {
        if (stored.extremes[static_cast<std::size_t>(block - stored.first)].hasValue())
            return block;
    }
    return std::nullopt;
}

std::optional<std::int64_t> MinMaxPyramid::scanLast(int level, const ValueView &values, std::int64_t from,
                                                    std::int64_t to) const
{
    if (level == 0) {
        for (std::int64_t i = to; i > from; --i) {
            if (!std::isnan(values.at(i - 1)))
                return i - 1;
        }
        return std::nullopt;
    }
    const Level &stored = m_levels[level - 1];
    for (std::int64_t block = to; block > from; --block) {
        if (stored.extremes[static_cast<std::size_t>(block - 1 - stored.first)].hasValue())
            return block - 1;
    }
    return std::nullopt;
}

std::int64_t MinMaxPyramid::descendFirst(int level, const ValueView &values, std::int64_t block) const
{
    for (; level > 0; --level) {
        const auto child = scanFirst(level - 1, values, block << kBits, (block << kBits) + kFan);
        assert(child.has_value()); // a block with a value has a child with one
        block = *child;
    }
    return block;
}

std::int64_t MinMaxPyramid::descendLast(int level, const ValueView &values, std::int64_t block) const
{
    for (; level > 0; --level) {
        const auto child = scanLast(level - 1, values, block << kBits, (block << kBits) + kFan);
        assert(child.has_value());
        block = *child;
    }
    return block;
}

std::optional<std::int64_t> MinMaxPyramid::firstValid(const ValueView &values, std::int64_t lo, std::int64_t hi) const
{
    lo = std::max(lo, values.begin());
    hi = std::min(hi, values.end());
    if (lo >= hi)
        return std::nullopt;
    if (!std::isnan(values.at(lo)))
        return lo; // the usual case: no gap at the start
    // Left edges are searched while climbing; right edges are remembered and searched on the
    // way back down, highest level first, so that candidates are visited in index order.
    std::array<Interval, kLevels + 1> right{};
    std::array<int, kLevels + 1> rightLevel{};
    int pending = 0;
    std::int64_t a = lo;
    std::int64_t b = hi;
    for (int level = 0;; ++level) {
        const std::int64_t a2 = ceilShift(a, kBits);
        const std::int64_t b2 = floorShift(b, kBits);
        if (level == kLevels || a2 >= b2) {
            if (const auto block = scanFirst(level, values, a, b))
                return descendFirst(level, values, *block);
            break;
        }
        if (const auto block = scanFirst(level, values, a, a2 << kBits))
            return descendFirst(level, values, *block);
        right[pending] = {b2 << kBits, b};
        rightLevel[pending++] = level;
        a = a2;
        b = b2;
    }
    while (pending > 0) {
        --pending;
        if (const auto block = scanFirst(rightLevel[pending], values, right[pending].from, right[pending].to))
            return descendFirst(rightLevel[pending], values, *block);
    }
    return std::nullopt;
}

std::optional<std::int64_t> MinMaxPyramid::lastValid(const ValueView &values, std::int64_t lo, std::int64_t hi) const
{
    lo = std::max(lo, values.begin());
    hi = std::min(hi, values.end());
    if (lo >= hi)
        return std::nullopt;
    if (!std::isnan(values.at(hi - 1)))
        return hi - 1;
    std::array<Interval, kLevels + 1> left{};
    std::array<int, kLevels + 1> leftLevel{};
    int pending = 0;
    std::int64_t a = lo;
    std::int64_t b = hi;
    for (int level = 0;; ++level) {
        const std::int64_t a2 = ceilShift(a, kBits);
        const std::int64_t b2 = floorShift(b, kBits);
        if (level == kLevels || a2 >= b2) {
            if (const auto block = scanLast(level, values, a, b))
                return descendLast(level, values, *block);
            break;
        }
        if (const auto block = scanLast(level, values, b2 << kBits, b))
            return descendLast(level, values, *block);
        left[pending] = {a, a2 << kBits};
        leftLevel[pending++] = level;
        a = a2;
        b = b2;
    }
    while (pending > 0) {
        --pending;
        if (const auto block = scanLast(leftLevel[pending], values, left[pending].from, left[pending].to))
            return descendLast(leftLevel[pending], values, *block);
    }
    return std::nullopt;
}

void MinMaxPyramid::prefetch(const ValueView &values, std::int64_t index, int maxLevel) const
{
#if defined(__GNUC__) || defined(__clang__)
    if (index < values.begin() || index >= values.end())
        return;
    // A query edge at `index` scans the aligned group of 16 around it at each level: 128 B of
    // raw values, 256 B of blocks per level above. Request all of it.
    const std::int64_t group = floorShift(index, kBits) << kBits;
    const double *raw = values.values.data() + (std::max(group, values.begin()) - values.origin);
    __builtin_prefetch(raw);
    __builtin_prefetch(raw + 8);
    for (int level = 1; level <= std::min(maxLevel, kLevels); ++level) {
        const Level &stored = m_levels[level - 1];
        const std::int64_t block = floorShift(index, level * kBits);
        if (block < stored.first || block >= stored.end())
            break;
        const std::int64_t first = std::max(stored.first, floorShift(block, kBits) << kBits);
        const Extremes *p = stored.extremes.data() + (first - stored.first);
        for (int line = 0; line < 4; ++line)
            __builtin_prefetch(p + 4 * line);
    }
#else
    (void)values;
    (void)index;
    (void)maxLevel;
#endif
}

std::size_t MinMaxPyramid::usedBytes() const
{
    std::size_t bytes = 0;
    for (const Level &level : m_levels)
        bytes += level.extremes.usedBytes() + level.meanM2.usedBytes() + level.counts.usedBytes();
    return bytes;
}

std::size_t MinMaxPyramid::reservedBytes() const
{
    std::size_t bytes = 0;
    for (const Level &level : m_levels)
        bytes += level.extremes.reservedBytes() + level.meanM2.reservedBytes() + level.counts.reservedBytes();
    return bytes;
}

Extremes MinMaxPyramid::blockExtremes(int level, std::int64_t block) const
{
    const Level &stored = m_levels[level - 1];
    return stored.extremes[static_cast<std::size_t>(block - stored.first)];
}

Moments MinMaxPyramid::blockMoments(int level, std::int64_t block) const
{
    const Level &stored = m_levels[level - 1];
    const auto slot = static_cast<std::size_t>(block - stored.first);
    return {stored.counts[slot], stored.meanM2[slot].mean, stored.meanM2[slot].m2};
}

} // namespace sasquatch
