// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/PixelGrid.h"

#include <cstdint>

namespace sasquatch {

namespace {
__extension__ typedef __int128 Int128; // GCC/Clang; __extension__ keeps -Wpedantic quiet
} // namespace

PixelGrid::PixelGrid(std::int64_t start_ns, std::int64_t stop_ns, int width)
{
    if (start_ns < stop_ns && width >= 1) {
        m_start = start_ns;
        m_stop = stop_ns;
        m_width = width;
    }
}

PixelGrid PixelGrid::aligned(std::int64_t start_ns, std::int64_t stop_ns, int width)
{
    if (start_ns >= stop_ns || width < 1)
        return {};
    const Int128 span = static_cast<Int128>(stop_ns) - start_ns;
    const Int128 step = (span + width - 1) / width;
    // Floor division (start may be negative).
    Int128 start = start_ns / step * step;
    if (start > start_ns)
        start -= step;
    const Int128 stop = start + step * width;
    if (start < INT64_MIN || stop > INT64_MAX)
        return {};
    return PixelGrid(static_cast<std::int64_t>(start), static_cast<std::int64_t>(stop), width);
}

std::int64_t PixelGrid::boundary(int k) const
{
    // The span can exceed int64 (start near INT64_MIN, stop near INT64_MAX): 128-bit math.
    const Int128 span = static_cast<Int128>(m_stop) - m_start;
    return static_cast<std::int64_t>(m_start + span * k / m_width);
}

std::int64_t PixelGrid::center(int k) const
{
    const Int128 a = boundary(k);
    const Int128 b = boundary(k + 1);
    return static_cast<std::int64_t>(a + (b - a) / 2);
}

int PixelGrid::columnOf(std::int64_t t) const
{
    if (m_width == 0 || t < m_start || t >= m_stop)
        return -1;
    const Int128 span = static_cast<Int128>(m_stop) - m_start;
    // Estimate, then correct by the exact boundaries (the floor in boundary() makes the
    // inverse off by at most one).
    auto k = static_cast<int>((static_cast<Int128>(t) - m_start) * m_width / span);
    while (k > 0 && boundary(k) > t)
        --k;
    while (k + 1 < m_width && boundary(k + 1) <= t)
        ++k;
    return k;
}

} // namespace sasquatch
