// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

/// The time span of each pixel column of a plot: [start, stop) divided into `width` columns,
/// column k covering [boundary(k), boundary(k + 1)) with
///     boundary(k) = start + floor((stop - start) · k / width)
/// computed exactly in 128-bit integers. Every sample time falls in exactly one column (or
/// none, outside [start, stop)); decimation and any brute-force check use this same rule, so
/// "the samples of a pixel" is well defined. When the span is shorter than `width` ns some
/// columns are empty by construction.
class PixelGrid
{
public:
    PixelGrid() = default;
    /// Requires start < stop and width >= 1; an invalid grid has width() == 0.
    PixelGrid(std::int64_t start_ns, std::int64_t stop_ns, int width);

    /// The view [start, stop) snapped to a lattice of whole-ns columns: nsPerColumn =
    /// ceil((stop - start) / width) (at least 1), start rounded down to a multiple of it
    /// (counted from the epoch), stop = start + width · nsPerColumn; so the grid begins up to one
    /// column before `start` and ends within one column of `stop`. Two aligned grids with the
    /// same nsPerColumn have identical columns where they overlap: a pan moves the drawing by
    /// whole pixels and per-pixel extremes do not shimmer. Invalid when start >= stop, width < 1
    /// or the grid would leave the int64 range.
    static PixelGrid aligned(std::int64_t start_ns, std::int64_t stop_ns, int width);

    bool isValid() const { return m_width > 0; }
    std::int64_t start() const { return m_start; }
    std::int64_t stop() const { return m_stop; }
    int width() const { return m_width; }

    /// Start of column k (0 <= k <= width; boundary(width) == stop()).
    std::int64_t boundary(int k) const;
    /// Middle of column k: where decimated points of that column are drawn.
    std::int64_t center(int k) const;
    /// Column holding time t, or -1 when t is outside [start, stop).
    int columnOf(std::int64_t t) const;

private:
    std::int64_t m_start = 0;
    std::int64_t m_stop = 0;
    int m_width = 0;
};

} // namespace sasquatch
