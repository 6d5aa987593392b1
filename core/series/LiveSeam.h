// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/SampleBatch.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

/// A time span history should have covered but did not: (afterNs, beforeNs), both ends
/// exclusive. The live session asks InfluxDB for it once.
struct SeamGap
{
    std::int64_t afterNs = 0;
    std::int64_t beforeNs = 0;
    /// The stream's rhythm the gap was judged by (median spacing, ns; 0 when unknown): a
    /// refill that still leaves more than the seam's threshold open is asked again.
    std::int64_t rhythmNs = 0;
    bool operator==(const SeamGap &) const = default;
};

/// What the seam did with some live rows.
struct SeamCounts
{
    std::int64_t kept = 0;       ///< rows to append
    std::int64_t overlap = 0;    ///< rows at or before the last history sample (history has them)
    std::int64_t duplicate = 0;  ///< rows repeating a time already kept (same private_efdStamp)
    std::int64_t late = 0;       ///< rows older than the newest live row already released (put in place)
    SeamCounts &operator+=(const SeamCounts &o)
    {
        kept += o.kept;
        overlap += o.overlap;
        duplicate += o.duplicate;
        late += o.late;
        return *this;
    }
};

/// Rows released by the seam, ready for SeriesStore::append, with what was dropped and why.
struct SeamOutput
{
    std::vector<SampleBatch> batches;
    /// Rows that came after newer ones were released (another partition, a resend): sorted,
    /// one per time, each to be put in its place (SeriesStore::replaceRange over [t, t + 1)),
    /// where it replaces a sample of the same time if the store has one. Empty mostly.
    SampleBatch late;
    SeamCounts counts;
    /// Set when the first live row comes later after the last history row than the stream's
    /// own rhythm explains: by close(), or by the first filter() that keeps rows when nothing
    /// was held at close().
    std::optional<SeamGap> gap;
};

/// The seam between history and live of one message stream (topic + tags), by time
/// (private_efdStamp, ns). While history loads, live rows are held; close() releases those
/// after the last history sample, sorted, one row per time; afterwards filter() passes each
/// new live batch through the same rules. So a sample present in both sources is drawn once
/// (history's copy), rows arriving out of order before the seam are put in order, and a gap
/// between the two sources is detected rather than drawn as a straight line.
///
/// Rules, all by time: a row with time <= the last history time is overlap; a row whose time
/// repeats an earlier kept row is a duplicate (the first one wins); after close(), a row older
/// than the newest row released is late: returned apart (SeamOutput::late) to be put in place,
/// since appending it would break the store's time order. A gap is reported when
/// first live − last history exceeds `gapFactor` × the stream's rhythm: the median spacing of
/// the first live rows, or of the history's last rows when fewer than two live rows are
/// known, and `minGapNs` when neither is known. With the default 1.5 a single missing 50 Hz
/// sample (40 ms after the last one) is a gap: asking InfluxDB for a span that turns out to
/// be empty costs one small query, a sample missing from the plot costs the user's trust.
class LiveSeam
{
public:
    static constexpr double kDefaultGapFactor = 1.5;
    static constexpr std::int64_t kDefaultMinGapNs = 50'000'000; ///< 50 ms

    explicit LiveSeam(double gapFactor = kDefaultGapFactor, std::int64_t minGapNs = kDefaultMinGapNs);

    /// True once close() ran.
    bool isClosed() const { return m_closed; }
    /// Newest time released (or the last history time); nullopt before anything.
    std::optional<std::int64_t> watermark() const { return m_watermark; }
    /// Rows held so far.
    std::int64_t heldRows() const;

    /// Before close(): keeps the batch. After: same as filter().
    SeamOutput add(SampleBatch batch);
    /// Ends the backfill. `lastHistoryNs`: the newest history sample of this stream, nullopt
    /// when history had none (then every held row is kept and no gap is reported).
    /// `historyRhythmNs`: the median spacing of history's last samples (0: unknown), the
    /// rhythm used when fewer than two live rows are known at the seam.
    SeamOutput close(std::optional<std::int64_t> lastHistoryNs, std::int64_t historyRhythmNs = 0);
    /// The gap threshold (ns) for a stream of rhythm `rhythmNs` (0: unknown).
    std::int64_t gapThreshold(std::int64_t rhythmNs) const;
    /// After close(): the rows of `batch` newer than the watermark, sorted, one per time.
    SeamOutput filter(SampleBatch batch);

    /// Rows `rows` of `batch` (in that order) as a new batch with the same topic, tags, fields.
    static SampleBatch select(const SampleBatch &batch, const std::vector<std::uint32_t> &rows);

private:
    /// Sorted unique rows of `batch` newer than the watermark; counts the rest as `older`.
    std::vector<std::uint32_t> newer(const SampleBatch &batch, SeamCounts &counts, std::vector<std::uint32_t> &late);
    std::optional<SeamGap> gapBefore(std::int64_t lastHistoryNs, const std::vector<std::int64_t> &kept) const;

    double m_gapFactor;
    std::int64_t m_minGapNs;
    bool m_closed = false;
    std::optional<std::int64_t> m_watermark;
    std::optional<std::int64_t> m_lastHistory;
    std::int64_t m_historyRhythm = 0;
    bool m_gapPending = false; ///< closed with history but no live rows yet
    std::vector<SampleBatch> m_held;
};

} // namespace sasquatch
