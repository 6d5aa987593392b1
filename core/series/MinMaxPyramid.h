// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/ColumnBuffer.h"
#include "core/series/Moments.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>

namespace sasquatch {

/// The values a pyramid summarises, addressed by LOGICAL index: the value of index i is
/// values[i - origin]. Logical indices stay attached to a sample while samples are appended,
/// evicted from the front or prepended (the origin moves instead), which is what lets the
/// pyramid be kept current by recomputing only the blocks that changed.
struct ValueView
{
    std::span<const double> values;
    std::int64_t origin = 0;

    std::int64_t begin() const { return origin; }
    std::int64_t end() const { return origin + static_cast<std::int64_t>(values.size()); }
    double at(std::int64_t index) const { return values[static_cast<std::size_t>(index - origin)]; }
};

/// Smallest and largest valid (non-NaN) value of a set; empty when min > max.
struct Extremes
{
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();

    /// True when at least one valid value was included (±inf are values, NaN is not).
    bool hasValue() const { return min <= max; }
    // NaN compares false both ways, so it never enters: NaN is a gap, not an extreme.
    void include(double x)
    {
        if (x < min)
            min = x;
        if (x > max)
            max = x;
    }
    void merge(const Extremes &other)
    {
        if (other.min < min)
            min = other.min;
        if (other.max > max)
            max = other.max;
    }
};

/// Min/max level-of-detail pyramid of one series: answers "min and max (and count, mean, M2)
/// of the valid values in the logical index range [lo, hi)" in O(kFanout · levels), whatever
/// the length of the range, exactly (no approximation: the blocks hold exact extremes).
///
/// Layout. Level L (1..kLevels) holds one block per ALIGNED run of 16^L samples: block j
/// covers logical indices [j·16^L, (j+1)·16^L). Only complete blocks, those lying entirely
/// within the series' current logical range [begin, end), are stored; partial blocks at either
/// end are answered from the level below (ultimately from the raw values). Per block: min and
/// max (16 B, one array, what drawing reads), mean and M2 (16 B) and the count of valid values
/// (4 B) for statistics. 36 B per 16 samples at level 1, 1/16 of that per level above:
/// 36/16 · 16/15 = 2.4 B per sample in all, independent of how the series was built.
///
/// Updating. update() brings the levels in line with the values' logical range after a change
/// (append, front eviction, prepend, splice) and recomputes the blocks that intersect the
/// changed index range: O(changed samples + kFanout · levels). Appending one sample at a time
/// is amortized O(1): a level-1 block is computed once per 16 samples, a level-2 block once per
/// 256, and so on. The result depends only on (values, origin), never on the history of
/// updates: incremental and bulk builds are bit-identical.
class MinMaxPyramid
{
public:
    static constexpr int kFanoutBits = 4;
    static constexpr std::int64_t kFanout = std::int64_t{1} << kFanoutBits; ///< samples per level-1 block
    /// Levels above the raw samples; the top block (16^7 = 268 M samples) still fits the
    /// 32-bit count.
    static constexpr int kLevels = 7;

    /// Recomputes, after the values changed, every block that intersects logical indices
    /// [dirtyFrom, dirtyTo) and adds/removes blocks so that exactly the complete blocks of
    /// [values.begin(), values.end()) are stored. Blocks outside the dirty range must still
    /// hold the values they were computed from.
    void update(const ValueView &values, std::int64_t dirtyFrom, std::int64_t dirtyTo);
    /// Builds everything from scratch.
    void rebuild(const ValueView &values);
    void clear();
    /// Gives back the spare room of every level.
    void shrinkToFit();

    /// Extremes of the valid values in [lo, hi) (clamped to the values' range).
    Extremes extremes(const ValueView &values, std::int64_t lo, std::int64_t hi) const;
    /// Count, mean and M2 of the valid values in [lo, hi) (clamped).
    Moments moments(const ValueView &values, std::int64_t lo, std::int64_t hi) const;
    /// Index of the first valid value in [lo, hi), if any.
    std::optional<std::int64_t> firstValid(const ValueView &values, std::int64_t lo, std::int64_t hi) const;
    /// Index of the last valid value in [lo, hi), if any.
    std::optional<std::int64_t> lastValid(const ValueView &values, std::int64_t lo, std::int64_t hi) const;

    /// Asks the CPU to start loading what queries with an edge at `index` will read (the
    /// aligned group of 16 around it, raw and at levels 1..maxLevel), so that queries over
    /// consecutive pixel columns overlap their memory latency. Queries over ranges shorter than
    /// 16^(L+1) never read level L+1: pass the level matching the range length.
    void prefetch(const ValueView &values, std::int64_t index, int maxLevel) const;

    /// Bytes of the stored blocks (used) and allocated (including spare room).
    std::size_t usedBytes() const;
    std::size_t reservedBytes() const;

    // Introspection, for tests and accounting. `level` is 1..kLevels.
    std::int64_t firstBlock(int level) const { return m_levels[level - 1].first; }
    std::size_t blockCount(int level) const { return m_levels[level - 1].extremes.size(); }
    Extremes blockExtremes(int level, std::int64_t block) const;
    Moments blockMoments(int level, std::int64_t block) const;

private:
    struct MeanM2
    {
        double mean;
        double m2;
    };
    struct Level
    {
        std::int64_t first = 0; // index of the first stored block
        ColumnBuffer<Extremes> extremes;
        ColumnBuffer<MeanM2> meanM2;
        ColumnBuffer<std::uint32_t> counts;

        std::int64_t end() const { return first + static_cast<std::int64_t>(extremes.size()); }
    };

    void resizeLevel(Level &level, std::int64_t first, std::int64_t end, std::int64_t &addedFrontEnd,
                     std::int64_t &addedBackFrom);
    void recompute(int level, const ValueView &values, std::int64_t from, std::int64_t to);
    void scanExtremes(int level, const ValueView &values, std::int64_t from, std::int64_t to, Extremes &out) const;
    void scanMoments(int level, const ValueView &values, std::int64_t from, std::int64_t to, Moments &out) const;
    std::optional<std::int64_t> scanFirst(int level, const ValueView &values, std::int64_t from, std::int64_t to) const;
    std::optional<std::int64_t> scanLast(int level, const ValueView &values, std::int64_t from, std::int64_t to) const;
    std::int64_t descendFirst(int level, const ValueView &values, std::int64_t block) const;
    std::int64_t descendLast(int level, const ValueView &values, std::int64_t block) const;

    std::array<Level, kLevels> m_levels;
};

} // namespace sasquatch
