// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/DecimatedColumn.h"
#include "core/series/PixelGrid.h"
#include "core/series/SamplePoint.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

/// Whether a decimation also returns the raw samples when there are few enough to draw them.
enum class RawPoints : std::uint8_t {
    WhenFewerThanPixels, ///< points filled when the samples in the view are at most the width
    Never,
};

/// One series decimated for drawing into a PixelGrid, O(width) to draw:
/// - columns: one DecimatedColumn per pixel column (always filled);
/// - points: every sample of [start, stop) (NaN ones included) when there are at most width
///   of them (full zoom) and RawPoints::WhenFewerThanPixels was asked;
/// - before/after: the nearest valid samples outside the view, so that the line enters and
///   leaves the plot towards them.
/// Two valid samples are connected by the line iff no NaN lies between them, i.e. iff their
/// logical indices differ by 1; path() applies that rule.
struct Decimation
{
    PixelGrid grid;
    std::int64_t sampleCount = 0; ///< samples in [start, stop), NaN included
    std::vector<DecimatedColumn> columns;
    bool hasRawPoints = false;
    std::vector<SamplePoint> points;
    std::optional<SamplePoint> before; ///< last valid sample before start
    std::optional<SamplePoint> after;  ///< first valid sample at or after stop

    /// A polyline that draws the series as drawing every sample would: `before`, then per
    /// column its first value, the extremes and its last value at the column's center time
    /// (2 to 4 points; all points when hasRawPoints), then `after`. A point with a NaN value is
    /// a break (QCustomPlot's QCPGraph and QPainterPath users skip the segment). Times are
    /// sorted (non-decreasing), as QCPGraph::setData(..., alreadySorted = true) wants.
    std::vector<SamplePoint> path() const;
};

} // namespace sasquatch
