// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/ColumnBuffer.h"
#include "core/series/Decimation.h"
#include "core/series/MinMaxPyramid.h"
#include "core/series/RangeStats.h"
#include "core/series/SampleBatch.h"
#include "core/series/SamplePoint.h"
#include "core/series/SeriesId.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace sasquatch {

/// Series that share one time column: one strictly increasing int64 ns column, and per member
/// a double value column of the same length with its MinMaxPyramid. Part of SeriesStore, which
/// decides who shares with whom; on its own it only knows how to change and read its rows.
///
/// Samples are addressed by logical index (see ValueView): the sample at buffer position p has
/// index origin() + p. Changes move the origin rather than the indices of the longer side, so
/// the pyramids only recompute blocks that actually changed.
class SeriesGroup
{
public:
    /// Rows inserted and removed by one splice (per member: every member changes alike).
    struct SpliceCounts
    {
        std::int64_t inserted = 0;
        std::int64_t removed = 0;
    };

    std::size_t size() const { return m_times.size(); }
    bool empty() const { return m_times.empty(); }
    std::int64_t origin() const { return m_origin; }
    std::span<const std::int64_t> times() const { return m_times.span(); }

    std::size_t memberCount() const { return m_members.size(); }
    SeriesId memberId(std::size_t slot) const { return m_members[slot].id; }
    std::span<const double> values(std::size_t slot) const { return m_members[slot].values.span(); }
    ValueView view(std::size_t slot) const { return {m_members[slot].values.span(), m_origin}; }
    const MinMaxPyramid &pyramid(std::size_t slot) const { return m_members[slot].pyramid; }

    /// Adds a member; only while the group is empty (a new series has no rows yet).
    std::size_t addMember(SeriesId id);
    /// Removes a member (the last member moves into its slot).
    void removeMember(std::size_t slot);
    /// Moves the members at `slots` into a new group with a copy of the time column: used when
    /// a change concerns only some of the series sharing this column.
    std::unique_ptr<SeriesGroup> extract(std::span<const std::size_t> slots);
    /// True when both hold the same times (the origin may differ).
    bool sameTimes(const SeriesGroup &other) const;
    /// Takes over the members of a group with the same times (sameTimes), rebuilding their
    /// pyramids when the origins differ. `other` is left without members.
    void absorb(SeriesGroup &other);

    /// Replaces the rows with time in [from, to) by the batch rows with time in [from, to).
    /// `order` is the batch's sortedUniqueRows() (empty = rows already strictly increasing);
    /// `fieldOfMember[slot]` is the batch field holding that member's values, so every member
    /// must be in the batch.
    SpliceCounts splice(std::int64_t from, std::int64_t to, const SampleBatch &batch,
                        std::span<const std::uint32_t> order, std::span<const std::size_t> fieldOfMember);
    /// Drops the rows with time < t; returns how many.
    std::int64_t evictBefore(std::int64_t t);

    /// First position with time >= t.
    std::size_t lowerBound(std::int64_t t) const;
    /// lowerBound(t), searching forward from `hint` (the answer must be >= hint): galloping,
    /// O(log distance), for the increasing boundaries of a pixel grid.
    std::size_t lowerBoundFrom(std::int64_t t, std::size_t hint) const;
    /// lowerBound(t) when the answer is known to be >= lo and is probably near `guess`:
    /// galloping out from the guess, O(log |answer - guess|) and one cache line when the guess
    /// is good.
    std::size_t lowerBoundNear(std::int64_t t, std::size_t lo, std::size_t guess) const;
    /// Positions of the grid's boundaries: width + 1 values, column k = [p[k], p[k + 1]).
    /// Each boundary is looked for where uniform sampling would put it (interpolated between
    /// the view's ends), so near-uniform telemetry costs about one cache line per boundary.
    std::vector<std::size_t> gridPositions(const PixelGrid &grid) const;

    Decimation decimate(std::size_t slot, const PixelGrid &grid, std::span<const std::size_t> positions,
                        RawPoints raw) const;
    RangeStats stats(std::size_t slot, std::int64_t start_ns, std::int64_t stop_ns) const;
    std::optional<SamplePoint> valueAt(std::size_t slot, std::int64_t t, SampleLookup lookup) const;
    /// The sample at logical index `index` (must be within the rows).
    SamplePoint sampleAt(std::size_t slot, std::int64_t index) const;

    /// Gives back the spare room of every column and pyramid.
    void shrinkToFit();

    std::size_t timeBytes() const { return m_times.usedBytes(); }
    std::size_t valueBytes() const;
    std::size_t pyramidBytes() const;
    std::size_t reservedBytes() const;

private:
    struct Member
    {
        SeriesId id;
        ColumnBuffer<double> values;
        MinMaxPyramid pyramid;
    };

    ColumnBuffer<std::int64_t> m_times;
    std::int64_t m_origin = 0;
    std::vector<Member> m_members;
};

} // namespace sasquatch
