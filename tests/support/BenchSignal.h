// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch::test {

/// The synthetic telemetry of the plot benchmarks (bench_series, bench_plotpanel), so that both
/// draw the same data: 50 Hz from 2026-11-23T03:12:00Z with ±2 ms jitter.
inline constexpr std::int64_t kBenchSignalStart = 1'795'403'520LL * 1'000'000'000;
inline constexpr std::int64_t kBenchSignalStep = 20'000'000;

/// Time of sample i (ns).
std::int64_t benchSampleTime(std::int64_t i);
/// Sample i of series s: a slow sine per series, noise, a single-sample spike every ~million
/// samples and a 500-sample NaN gap every 2 M (what the plots must keep).
double benchSampleValue(int s, std::int64_t i);
/// Resident set size in bytes (second field of /proc/self/statm, in pages).
std::int64_t residentBytes();

} // namespace sasquatch::test
