// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/LiveSeam.h"

#include <algorithm>
#include <numeric>

namespace sasquatch {

namespace {

bool sameFields(const SampleBatch &a, const SampleBatch &b)
{
    if (a.fields.size() != b.fields.size())
        return false;
    for (std::size_t i = 0; i < a.fields.size(); ++i)
        if (a.fields[i].name != b.fields[i].name)
            return false;
    return true;
}

/// Appends row `row` of `from` to `to` (same fields).
void appendRow(SampleBatch &to, const SampleBatch &from, std::uint32_t row)
{
    to.times.push_back(from.times[row]);
    for (std::size_t f = 0; f < from.fields.size(); ++f)
        to.fields[f].values.push_back(from.fields[f].values[row]);
}

SampleBatch emptyLike(const SampleBatch &b)
{
    SampleBatch out;
    out.topic = b.topic;
    out.tags = b.tags;
    out.fields.reserve(b.fields.size());
    for (const BatchField &f : b.fields)
        out.fields.push_back({f.name, {}});
    return out;
}

} // namespace

LiveSeam::LiveSeam(double gapFactor, std::int64_t minGapNs) : m_gapFactor(gapFactor), m_minGapNs(minGapNs) {}

std::int64_t LiveSeam::heldRows() const
{
    std::int64_t n = 0;
    for (const SampleBatch &b : m_held)
        n += std::int64_t(b.rowCount());
    return n;
}

SampleBatch LiveSeam::select(const SampleBatch &batch, const std::vector<std::uint32_t> &rows)
{
    SampleBatch out = emptyLike(batch);
    out.times.reserve(rows.size());
    for (BatchField &f : out.fields)
        f.values.reserve(rows.size());
    for (std::uint32_t r : rows)
        appendRow(out, batch, r);
    return out;
}

SeamOutput LiveSeam::add(SampleBatch batch)
{
    if (m_closed)
        return filter(std::move(batch));
    if (batch.rowCount() > 0)
        m_held.push_back(std::move(batch));
    return {};
}

SeamOutput LiveSeam::close(std::optional<std::int64_t> lastHistoryNs, std::int64_t historyRhythmNs)
{
    SeamOutput out;
    m_closed = true;
    m_lastHistory = lastHistoryNs;
    m_historyRhythm = std::max<std::int64_t>(0, historyRhythmNs);
    m_watermark = lastHistoryNs;

    // Every held row, ordered by time; equal times keep arrival order (the first one wins).
    struct Ref
    {
        std::int64_t t;
        std::uint32_t batch;
        std::uint32_t row;
    };
    std::vector<Ref> refs;
    refs.reserve(std::size_t(heldRows()));
    for (std::uint32_t b = 0; b < m_held.size(); ++b)
        for (std::uint32_t r = 0; r < m_held[b].rowCount(); ++r)
            refs.push_back({m_held[b].times[r], b, r});
    std::stable_sort(refs.begin(), refs.end(), [](const Ref &x, const Ref &y) { return x.t < y.t; });

    std::vector<std::int64_t> kept;
    kept.reserve(refs.size());
    for (const Ref &ref : refs) {
        if (lastHistoryNs && ref.t <= *lastHistoryNs) {
            ++out.counts.overlap;
            continue;
        }
        if (!kept.empty() && kept.back() == ref.t) {
            ++out.counts.duplicate;
            continue;
        }
        kept.push_back(ref.t);
        const SampleBatch &from = m_held[ref.batch];
        if (out.batches.empty() || !sameFields(out.batches.back(), from))
            out.batches.push_back(emptyLike(from));
        appendRow(out.batches.back(), from, ref.row);
    }
    out.counts.kept = std::int64_t(kept.size());
    m_held.clear();
    m_held.shrink_to_fit();
    // With nothing held yet (the consumer was still connecting), the first live rows after
    // the seam decide whether there is a gap.
    m_gapPending = lastHistoryNs.has_value() && kept.empty();
    if (kept.empty())
        return out;
    m_watermark = kept.back();
    if (lastHistoryNs)
        out.gap = gapBefore(*lastHistoryNs, kept);
    return out;
}

std::int64_t LiveSeam::gapThreshold(std::int64_t rhythmNs) const
{
    if (rhythmNs <= 0)
        return m_minGapNs;
    return std::int64_t(m_gapFactor * double(rhythmNs));
}

std::optional<SeamGap> LiveSeam::gapBefore(std::int64_t lastHistoryNs, const std::vector<std::int64_t> &kept) const
{
    std::int64_t rhythm = m_historyRhythm;
    if (kept.size() >= 2) {
        std::vector<std::int64_t> spacing(kept.size() - 1);
        for (std::size_t i = 1; i < kept.size(); ++i)
            spacing[i - 1] = kept[i] - kept[i - 1];
        std::nth_element(spacing.begin(), spacing.begin() + std::ptrdiff_t(spacing.size() / 2), spacing.end());
        rhythm = spacing[spacing.size() / 2];
    }
    if (kept.front() - lastHistoryNs > gapThreshold(rhythm))
        return SeamGap{lastHistoryNs, kept.front(), rhythm};
    return std::nullopt;
}

std::vector<std::uint32_t> LiveSeam::newer(const SampleBatch &batch, SeamCounts &counts, std::vector<std::uint32_t> &late)
{
    std::vector<std::uint32_t> order = batch.sortedUniqueRows();
    if (order.empty() && batch.rowCount() > 0) {
        order.resize(batch.rowCount());
        std::iota(order.begin(), order.end(), 0u);
    }
    counts.duplicate += std::int64_t(batch.rowCount() - order.size());
    std::vector<std::uint32_t> rows;
    rows.reserve(order.size());
    for (std::uint32_t r : order) {
        const std::int64_t t = batch.times[r];
        if (m_watermark && t <= *m_watermark) {
            if (m_lastHistory && t <= *m_lastHistory)
                ++counts.overlap;
            else if (t == *m_watermark)
                ++counts.duplicate;
            else {
                ++counts.late;
                late.push_back(r);
            }
            continue;
        }
        rows.push_back(r);
    }
    return rows;
}

SeamOutput LiveSeam::filter(SampleBatch batch)
{
    SeamOutput out;
    if (!m_closed) {
        m_held.push_back(std::move(batch));
        return out;
    }
    std::vector<std::uint32_t> late;
    const std::vector<std::uint32_t> rows = newer(batch, out.counts, late);
    if (!late.empty())
        out.late = select(batch, late); // `order` is sorted: so are these
    out.counts.kept = std::int64_t(rows.size());
    if (rows.empty())
        return out;
    m_watermark = batch.times[rows.back()];
    if (m_gapPending) {
        m_gapPending = false;
        std::vector<std::int64_t> kept;
        kept.reserve(rows.size());
        for (std::uint32_t r : rows)
            kept.push_back(batch.times[r]);
        out.gap = gapBefore(*m_lastHistory, kept);
    }
    const bool inOrder = std::is_sorted(rows.begin(), rows.end()); // rows arrived in time order
    if (rows.size() == batch.rowCount() && inOrder)
        out.batches.push_back(std::move(batch)); // the common case: nothing to drop, nothing copied
    else
        out.batches.push_back(select(batch, rows));
    return out;
}

} // namespace sasquatch
