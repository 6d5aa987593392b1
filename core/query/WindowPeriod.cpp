// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/WindowPeriod.h"

#include <algorithm>
#include <array>

namespace sasquatch {

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kS = 1000 * kMs;
constexpr std::int64_t kMin = 60 * kS;
constexpr std::int64_t kH = 60 * kMin;
constexpr std::int64_t kD = 24 * kH;

constexpr std::array<std::int64_t, 31> kNice{
    1 * kMs,  2 * kMs,  5 * kMs,  10 * kMs, 20 * kMs,  50 * kMs,  100 * kMs, 200 * kMs, 500 * kMs,
    1 * kS,   2 * kS,   5 * kS,   10 * kS,  15 * kS,   30 * kS,   1 * kMin,  2 * kMin,  5 * kMin,
    10 * kMin, 15 * kMin, 30 * kMin, 1 * kH, 2 * kH,   3 * kH,    6 * kH,    12 * kH,   1 * kD,
    2 * kD,   7 * kD,   14 * kD,  30 * kD,
};

static_assert(kNice.front() == kMinWindowNs);

} // namespace

std::span<const std::int64_t> niceWindowsNs()
{
    return kNice;
}

std::int64_t windowPeriodNs(std::int64_t rangeNs, int pixelWidth)
{
    const std::int64_t pixels = std::max(pixelWidth, 1);
    if (rangeNs <= 0)
        return kMinWindowNs;
    const std::int64_t perPixel = rangeNs / pixels + (rangeNs % pixels != 0 ? 1 : 0);
    const auto nice = std::lower_bound(kNice.begin(), kNice.end(), perPixel);
    if (nice != kNice.end())
        return *nice;
    const std::int64_t last = kNice.back();
    return (perPixel / last + (perPixel % last != 0 ? 1 : 0)) * last;
}

} // namespace sasquatch
