// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace sasquatch {

/// What a SeriesStore holds, for memory budgets and the benchmark's bytes-per-point figure.
///
/// How points are counted: a point is one (time, value) sample of one series, NaN ones
/// included; `points` sums the sample counts of all series. A time column shared by several
/// series (fields of the same messages) is counted ONCE in timeBytes, so a group of k series
/// costs 8/k B of time per point. "Used" bytes are the elements held; "reserved" bytes include
/// spare room allocated for growth (not resident until written: it is never touched).
struct SeriesMemory
{
    std::int64_t points = 0;
    std::int64_t series = 0;
    std::int64_t timeColumns = 0; ///< distinct time columns (groups of series sharing one)
    std::size_t timeBytes = 0;
    std::size_t valueBytes = 0;
    std::size_t pyramidBytes = 0;
    std::size_t reservedBytes = 0; ///< everything allocated: columns and pyramids with spare room

    std::size_t usedBytes() const { return timeBytes + valueBytes + pyramidBytes; }
    double bytesPerPoint() const { return points ? static_cast<double>(usedBytes()) / static_cast<double>(points) : 0.0; }
    double reservedBytesPerPoint() const
    {
        return points ? static_cast<double>(reservedBytes) / static_cast<double>(points) : 0.0;
    }
};

} // namespace sasquatch
