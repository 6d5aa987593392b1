// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/Decimation.h"

#include <cmath>

namespace sasquatch {

namespace {

class PathWriter
{
public:
    explicit PathWriter(std::vector<SamplePoint> &out) : m_out(out) {}

    // Starts a run of points that begins at sample `firstIndex`: breaks the line first when a
    // NaN lies between it and the previous valid sample.
    void startRun(std::int64_t time, std::int64_t firstIndex)
    {
        if (m_havePrevious && firstIndex - m_previousIndex > 1)
            m_out.push_back({time, NAN, firstIndex - 1});
    }
    void point(std::int64_t time, double value, std::int64_t index)
    {
        if (!m_out.empty() && m_out.back().time == time && m_out.back().value == value)
            return; // same spot again adds nothing to the drawing
        m_out.push_back({time, value, index});
    }
    void endRun(std::int64_t lastIndex)
    {
        m_havePrevious = true;
        m_previousIndex = lastIndex;
    }

private:
    std::vector<SamplePoint> &m_out;
    bool m_havePrevious = false;
    std::int64_t m_previousIndex = 0;
};

} // namespace

std::vector<SamplePoint> Decimation::path() const
{
    std::vector<SamplePoint> out;
    out.reserve((hasRawPoints ? points.size() : columns.size() * 3) + 4);
    PathWriter writer(out);
    const auto single = [&](const SamplePoint &p) {
        writer.startRun(p.time, p.index);
        writer.point(p.time, p.value, p.index);
        writer.endRun(p.index);
    };
    if (before)
        single(*before);
    if (hasRawPoints) {
        for (const SamplePoint &p : points) {
            if (!std::isnan(p.value))
                single(p);
        }
    } else {
        for (int k = 0; k < static_cast<int>(columns.size()); ++k) {
            const DecimatedColumn &c = columns[static_cast<std::size_t>(k)];
            if (!c.hasValue())
                continue;
            const std::int64_t x = grid.center(k);
            writer.startRun(x, c.firstIndex);
            // From first to last through both extremes, with as few points as that takes
            // (all at one x, so only the vertical extent matters).
            writer.point(x, c.first, c.firstIndex);
            if (c.first == c.min) {
                if (c.last != c.max)
                    writer.point(x, c.max, c.firstIndex);
            } else if (c.first == c.max) {
                if (c.last != c.min)
                    writer.point(x, c.min, c.firstIndex);
            } else if (c.last == c.max) {
                writer.point(x, c.min, c.firstIndex);
            } else if (c.last == c.min) {
                writer.point(x, c.max, c.firstIndex);
            } else {
                writer.point(x, c.min, c.firstIndex);
                writer.point(x, c.max, c.firstIndex);
            }
            writer.point(x, c.last, c.lastIndex);
            writer.endRun(c.lastIndex);
        }
    }
    if (after)
        single(*after);
    return out;
}

} // namespace sasquatch
