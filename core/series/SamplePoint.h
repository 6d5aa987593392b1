// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

/// One sample as the store hands it out.
struct SamplePoint
{
    std::int64_t time = 0; ///< ns since the epoch, UTC
    double value = 0;      ///< NaN = gap
    /// Position in the series at the time of the query (a logical index: consecutive samples
    /// have consecutive indices). Only for comparing positions within one answer, e.g. "two
    /// valid samples are adjacent, no NaN between them" = their indices differ by 1.
    std::int64_t index = 0;
};

/// Which sample "the value at time t" means for hover readouts and cursors. NaN samples are
/// gaps and never returned.
enum class SampleLookup : std::uint8_t {
    Previous, ///< the last valid sample at or before t (what a step plot shows at t)
    Next,     ///< the first valid sample at or after t
    Nearest,  ///< the closer of Previous and Next; Previous on a tie
};

} // namespace sasquatch
