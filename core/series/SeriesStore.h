// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/Decimation.h"
#include "core/series/PixelGrid.h"
#include "core/series/RangeStats.h"
#include "core/series/Retention.h"
#include "core/series/SampleBatch.h"
#include "core/series/SamplePoint.h"
#include "core/series/SeriesId.h"
#include "core/series/SeriesKey.h"
#include "core/series/SeriesMemory.h"
#include "core/util/Outcome.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace sasquatch {

class SeriesGroup;

/// What one change did, summed over the series it touched (a row of a batch with three fields
/// counts three samples).
struct ApplyResult
{
    std::int64_t inserted = 0; ///< samples stored
    std::int64_t replaced = 0; ///< existing samples removed by replaceRange
    /// Samples not stored: a time repeated within the batch, outside the range replaced, or on
    /// the wrong side of the existing data (append: <= last time; insertBefore: >= first).
    std::int64_t rejected = 0;
    std::int64_t evicted = 0; ///< samples dropped by the retention window
};

/// The plot data of a session: time series keyed by SeriesKey, each a columnar int64 ns time +
/// double value sequence with a min/max level-of-detail pyramid (MinMaxPyramid), so that
/// drawing any range at any zoom costs O(pixels · log n) and is exact.
///
/// Storage. Series whose samples arrived together in one SampleBatch share one time column
/// (the fields of one message: 812 for forceActuatorData), counted once in memory(). Sharing
/// is invisible in results: when a later change concerns only some of the series sharing a
/// column, those get their own copy first (copy on write); series created by the same batch
/// share from the start, and replaceRange() merges series of one batch whose times came out
/// identical. Per point: 8 B value + 8 B time (divided among the series sharing it) + 2.4 B
/// pyramid; see SeriesMemory for how memory() counts.
///
/// Ordering. Within a series times are STRICTLY increasing. Incoming batches are sorted by
/// time (stable) and a row whose time repeats an earlier row of the batch is dropped (the
/// first wins). At seams the data already stored wins: append() drops rows with time <= the
/// series' last time, insertBefore() rows with time >= its first time. replaceRange()
/// replaces exactly [start, stop): batch rows outside are dropped, so there is no seam
/// conflict. NaN values are stored: they are gaps (never min/max/first/last, break lines).
///
/// Costs (n samples, k batch rows, W pixels): append O(k) amortized; insertBefore O(k)
/// amortized; replaceRange O(k + shorter side of the range); eviction O(log n), nothing moved;
/// decimate O(W · 15 · log16 n), with the pixel boundaries located once per time column;
/// stats and valueAt O(log n).
///
/// Threads: changes need exclusive access (the GUI thread owns the store; batches are built
/// elsewhere and handed in). The reading methods are const and keep no caches, so several
/// threads may read at once while nothing changes, e.g. decimating series in parallel.
/// Spans and views returned stay valid until the next change.
class SeriesStore
{
public:
    SeriesStore();
    explicit SeriesStore(Retention retention);
    ~SeriesStore();
    SeriesStore(const SeriesStore &) = delete;
    SeriesStore &operator=(const SeriesStore &) = delete;
    SeriesStore(SeriesStore &&) noexcept;
    SeriesStore &operator=(SeriesStore &&) noexcept;

    Retention retention() const { return m_retention; }
    /// Sets the retention; a window evicts at once from every series.
    void setRetention(Retention retention);

    // --- Identity ---------------------------------------------------------------------------
    /// The series with that key, created empty when missing (tags are normalised).
    SeriesId ensureSeries(const SeriesKey &key);
    std::optional<SeriesId> find(const SeriesKey &key) const;
    /// False for an id never handed out or removed.
    bool contains(SeriesId id) const;
    /// The key of a series (an empty key for an unknown id).
    const SeriesKey &key(SeriesId id) const;
    /// Live series, in id order.
    std::vector<SeriesId> seriesIds() const;
    /// Forgets a series and frees its memory; its id is not reused.
    void removeSeries(SeriesId id);
    void clear();

    // --- Changes (see "Ordering") ------------------------------------------------------------
    /// Adds the batch rows that come after each field's series' last sample.
    Outcome<ApplyResult> append(const SampleBatch &batch);
    /// History backfill: adds the batch rows that come before each series' first sample.
    Outcome<ApplyResult> insertBefore(const SampleBatch &batch);
    /// Replaces each field's samples with time in [start_ns, stop_ns) by the batch rows in that
    /// range (a re-query at another resolution); start_ns < stop_ns.
    Outcome<ApplyResult> replaceRange(std::int64_t start_ns, std::int64_t stop_ns, const SampleBatch &batch);
    /// Drops every sample with time < t_ns; returns how many (summed over series).
    std::int64_t evictBefore(std::int64_t t_ns);

    // --- Reading (an unknown id reads as an empty series) -----------------------------------
    std::int64_t sampleCount(SeriesId id) const;
    /// Times and values of a series, for export; valid until the next change.
    std::span<const std::int64_t> times(SeriesId id) const;
    std::span<const double> values(SeriesId id) const;
    /// Position range [first, last) of the samples with time in [start_ns, stop_ns).
    std::pair<std::size_t, std::size_t> indexRange(SeriesId id, std::int64_t start_ns, std::int64_t stop_ns) const;

    /// The series drawn into a grid: see Decimation.
    Decimation decimate(SeriesId id, const PixelGrid &grid, RawPoints raw = RawPoints::WhenFewerThanPixels) const;
    /// Several series into one grid; series sharing a time column share the boundary search.
    std::vector<Decimation> decimate(std::span<const SeriesId> ids, const PixelGrid &grid,
                                     RawPoints raw = RawPoints::WhenFewerThanPixels) const;
    /// Statistics of the samples with time in [start_ns, stop_ns).
    RangeStats stats(SeriesId id, std::int64_t start_ns, std::int64_t stop_ns) const;
    /// The valid sample at t for hover readouts and cursors (see SampleLookup).
    std::optional<SamplePoint> valueAt(SeriesId id, std::int64_t t_ns, SampleLookup lookup) const;

    /// Gives back the room kept for growth (up to half of what a column holds after appending
    /// in pieces), e.g. once a query has finished loading. Spare room is never touched, so it
    /// costs address space rather than RAM; this makes memory().reservedBytes equal the used
    /// bytes. A realloc per buffer (no copy for large buffers on Linux).
    void shrinkToFit();

    /// True when two series share one time column.
    bool sharesTimes(SeriesId a, SeriesId b) const;
    SeriesMemory memory() const;

private:
    struct Record
    {
        SeriesKey key;
        std::uint32_t group = 0;
        std::uint32_t slot = 0;
        bool alive = false;
    };
    enum class Op : std::uint8_t { Append, InsertBefore, Replace };

    Outcome<ApplyResult> apply(Op op, std::int64_t start, std::int64_t stop, const SampleBatch &batch);
    const Record *record(SeriesId id) const;
    std::uint32_t addGroup(std::unique_ptr<SeriesGroup> group);
    void dropGroupIfEmpty(std::uint32_t group);
    void reindex(std::uint32_t group);
    std::int64_t applyRetention(std::uint32_t group);

    /// The series of the last batch of a topic, so that a stream of batches with the same
    /// fields (live Kafka rows, one or two per message) skips the key lookups and the name
    /// checks; forgotten whenever a series goes away.
    struct BatchLayout
    {
        TagSet tags; ///< as the batch gave them
        std::vector<std::string> names;
        std::vector<SeriesId> ids;
    };
    const BatchLayout *knownLayout(const SampleBatch &batch) const;

    Retention m_retention;
    std::unordered_map<std::string, BatchLayout> m_layouts;
    std::vector<Record> m_series;
    /// apply()'s scratch, kept to spare a live append its allocations: per series id, the
    /// batch field holding it (valid for the ids of the batch being applied only).
    std::vector<std::size_t> m_fieldOfSeries;
    std::map<SeriesKey, SeriesId> m_index;
    std::vector<std::unique_ptr<SeriesGroup>> m_groups; // null = free slot
    std::vector<std::uint32_t> m_freeGroups;
};

} // namespace sasquatch
