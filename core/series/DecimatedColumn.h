// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>

namespace sasquatch {

/// What one pixel column of a plot must show of a series: the extremes of the valid samples
/// whose times fall in the column (exact: identical to a scan of the raw samples), and its
/// first and last valid samples, which the line to the neighbouring columns connects to.
/// Drawn as a vertical stroke min..max plus the connecting segments, this is pixel-identical
/// to drawing every sample as a polyline.
struct DecimatedColumn
{
    std::int64_t samples = 0; ///< samples in the column, NaN ones included
    double min = NAN;         ///< NaN when the column has no valid sample
    double max = NAN;
    double first = NAN; ///< value of the first valid sample
    double last = NAN;  ///< value of the last valid sample
    std::int64_t firstTime = 0;
    std::int64_t lastTime = 0;
    std::int64_t firstIndex = 0; ///< logical indices (see SamplePoint::index)
    std::int64_t lastIndex = 0;
    /// A NaN sample lies between this column's first valid sample and the valid sample
    /// before it (in an earlier column or before the view): the line must not connect them.
    bool gapBefore = false;

    bool hasValue() const { return !std::isnan(min); }
};

} // namespace sasquatch
