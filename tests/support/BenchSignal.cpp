// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/BenchSignal.h"

#include <cmath>
#include <fstream>
#include <unistd.h>

namespace sasquatch::test {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

} // namespace

std::int64_t benchSampleTime(std::int64_t i)
{
    return kBenchSignalStart + i * kBenchSignalStep + static_cast<std::int64_t>(mix(static_cast<std::uint64_t>(i)) % 4'000'001) -
           2'000'000;
}

double benchSampleValue(int s, std::int64_t i)
{
    if (i % 2'000'000 >= 1'000'000 && i % 2'000'000 < 1'000'500)
        return NAN;
    const std::uint64_t h = mix(static_cast<std::uint64_t>(i) * 31 + static_cast<std::uint64_t>(s));
    double v = 100.0 * s + 10.0 * std::sin(static_cast<double>(i) * (1e-5 * (s + 1))) + static_cast<double>(h % 1000) * 1e-3;
    if (h % 1'000'003 == 0)
        v += (h & 1 ? 50.0 : -50.0);
    return v;
}

std::int64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0;
    std::int64_t resident = 0;
    statm >> size >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

} // namespace sasquatch::test
