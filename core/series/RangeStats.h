// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>

namespace sasquatch {

/// Statistics of a series over a time range, for the plot's statistics table. Computed from the
/// pyramid in O(log n + 2 · 15 · levels): count, min, max exact; mean and standard deviation
/// merged from per-block mean/M2 (see Moments). Tested tolerance against a two-pass computation
/// in long double: mean within 16 ulp of the largest |value|, standard deviation within 1e-12
/// relative plus 64 ulp of the largest |value| (data quantised at ulp(max |x|) hold no
/// information below that). Example: 1e6 ± 1e-3 gives the std to about 1e-7 relative, where
/// a sum-of-squares formula returns noise.
/// NaN samples are gaps: counted in `samples`, left out of everything else. Values that
/// include ±inf give an infinite or NaN mean/std.
struct RangeStats
{
    std::int64_t samples = 0; ///< samples in the range, NaN included
    std::int64_t count = 0;   ///< valid samples
    double min = NAN;         ///< NaN when count == 0
    double max = NAN;
    double mean = NAN;
    double stddev = NAN; ///< population standard deviation (divides by count), like numpy's std
    double variance = NAN;

    double peakToPeak() const { return max - min; }
    /// Sample standard deviation (divides by count - 1); NaN below 2 samples.
    double sampleStddev() const
    {
        return count > 1 ? std::sqrt(variance * static_cast<double>(count) / static_cast<double>(count - 1)) : NAN;
    }
};

} // namespace sasquatch
