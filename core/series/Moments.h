// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace sasquatch {

/// Count, mean and sum of squared deviations (M2) of a set of samples: what range statistics
/// are made of. Kept as mean + M2 rather than sum + sum of squares because the variance of
/// telemetry with a large offset (a force of 1e4 N varying by 1e-3) cancels catastrophically
/// in sum-of-squares form; mean/M2 merge without cancellation (Welford for one sample, the
/// pairwise formula of Chan, Golub & LeVeque for two sets).
struct Moments
{
    std::int64_t count = 0;
    double mean = 0;
    double m2 = 0; ///< sum of (x - mean)^2

    /// Adds one sample (NaN must be filtered by the caller).
    void add(double x)
    {
        ++count;
        const double delta = x - mean;
        mean += delta / static_cast<double>(count);
        m2 += delta * (x - mean);
    }

    /// Adds the samples summarised by `other`.
    void merge(const Moments &other)
    {
        if (other.count == 0)
            return;
        if (count == 0) {
            *this = other;
            return;
        }
        const double na = static_cast<double>(count);
        const double nb = static_cast<double>(other.count);
        const double n = na + nb;
        const double delta = other.mean - mean;
        mean += delta * (nb / n);
        m2 += other.m2 + delta * delta * (na * nb / n);
        count += other.count;
    }

    /// Population variance (divides by count); NaN when empty.
    double variance() const { return count > 0 ? std::max(0.0, m2) / static_cast<double>(count) : NAN; }
    /// Population standard deviation; NaN when empty.
    double stddev() const { return std::sqrt(variance()); }
};

} // namespace sasquatch
