// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/Decimation.h"
#include "core/series/PixelGrid.h"

#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace sasquatch {

/// Value sequences for series tests, chosen to break a level-of-detail pyramid: extremes that
/// are single samples, NaN runs longer than blocks, flat runs, infinities, large offsets.
enum class ValuePattern : std::uint8_t {
    Noise,        ///< uniform in [-1, 1)
    RandomWalk,   ///< cumulative noise
    Spikes,       ///< flat 0 with rare single-sample spikes of both signs, up to ±1e300
    NaNRuns,      ///< noise cut by NaN runs of 1 .. 5000 samples (whole blocks and levels)
    AllNaN,       ///< nothing but NaN
    Constant,     ///< one value throughout
    ConstantRuns, ///< piecewise constant, runs of 1 .. 3000
    Infinities,   ///< noise with sporadic +inf and -inf
    LargeOffset,  ///< 1e6 + 1e-3 · noise: catastrophic cancellation for naive variance
    Alternating,  ///< +x, -x, +x, ... with slowly growing x: an extreme in every sample pair
    SignedZeros,  ///< mostly 0.0 and -0.0 with tiny denormals
};

/// Time sequences (int64 ns, non-decreasing) for series tests.
enum class TimePattern : std::uint8_t {
    Uniform,    ///< 20 ms steps (50 Hz)
    Jitter,     ///< 20 ms ± up to 19 ms
    Gaps,       ///< bursts of 50 Hz separated by gaps of seconds to hours
    Bursts,     ///< exponential intervals, from 1 ns to seconds
    Duplicates, ///< 50 Hz with runs of repeated timestamps (the store keeps the first)
};

/// Where generated times start: 2026-11-23T03:12:00Z.
inline constexpr std::int64_t kSeriesTestEpoch = 1'795'403'520LL * 1'000'000'000;

std::vector<double> makeValues(ValuePattern pattern, std::size_t n, std::uint64_t seed);
std::vector<std::int64_t> makeTimes(TimePattern pattern, std::size_t n, std::uint64_t seed,
                                    std::int64_t start = kSeriesTestEpoch);

/// Deterministic pseudo-random numbers (SplitMix64), identical on every platform.
class TestRandom
{
public:
    explicit TestRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// Uniform in [0, n).
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    /// Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi);
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

/// A pixel column computed by brute force: a plain scan of every sample.
struct ReferenceColumn
{
    std::int64_t samples = 0;
    bool hasValue = false;
    double min = 0;
    double max = 0;
    double first = 0;
    double last = 0;
    std::int64_t firstTime = 0;
    std::int64_t lastTime = 0;
};

/// Brute-force decimation: every sample visited once, O(n + width).
std::vector<ReferenceColumn> referenceColumns(std::span<const std::int64_t> times, std::span<const double> values,
                                              const PixelGrid &grid);
/// Empty when every column of `actual` equals the reference (sample count, presence, min,
/// max, first, last and their times, compared with ==); else the first difference in words.
QString compareColumns(const Decimation &actual, const std::vector<ReferenceColumn> &expected);

/// Statistics by brute force, two passes in long double.
struct ReferenceStats
{
    std::int64_t count = 0;
    double min = 0;
    double max = 0;
    long double mean = 0;
    long double variance = 0; ///< population
    double maxAbs = 0;        ///< largest |x|, the scale for tolerances
};
ReferenceStats referenceStats(std::span<const double> values);

} // namespace sasquatch
