// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SeriesReference.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sasquatch {

std::uint64_t TestRandom::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::int64_t TestRandom::between(std::int64_t lo, std::int64_t hi)
{
    const auto span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == std::numeric_limits<std::uint64_t>::max())
        return static_cast<std::int64_t>(next());
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + below(span + 1));
}

std::vector<double> makeValues(ValuePattern pattern, std::size_t n, std::uint64_t seed)
{
    TestRandom rnd(seed * 7919 + static_cast<std::uint64_t>(pattern));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> v(n);
    switch (pattern) {
    case ValuePattern::Noise:
        for (double &x : v)
            x = rnd.unit() * 2 - 1;
        break;
    case ValuePattern::RandomWalk: {
        double y = 0;
        for (double &x : v)
            x = (y += rnd.unit() - 0.5);
        break;
    }
    case ValuePattern::Spikes:
        for (double &x : v) {
            x = 0.0;
            const std::uint64_t r = rnd.below(997);
            if (r == 0)
                x = std::ldexp(rnd.unit() + 0.5, static_cast<int>(rnd.below(997)));
            else if (r == 1)
                x = -std::ldexp(rnd.unit() + 0.5, static_cast<int>(rnd.below(997)));
        }
        break;
    case ValuePattern::NaNRuns:
        for (std::size_t i = 0; i < n;) {
            const std::size_t run = 1 + rnd.below(rnd.below(4) == 0 ? 5000 : 40);
            const bool gap = rnd.below(3) == 0;
            for (std::size_t k = 0; k < run && i < n; ++k, ++i)
                v[i] = gap ? nan : rnd.unit() * 2 - 1;
        }
        break;
    case ValuePattern::AllNaN:
        std::fill(v.begin(), v.end(), nan);
        break;
    case ValuePattern::Constant:
        std::fill(v.begin(), v.end(), 42.125);
        break;
    case ValuePattern::ConstantRuns:
        for (std::size_t i = 0; i < n;) {
            const std::size_t run = 1 + rnd.below(rnd.below(2) ? 3000 : 20);
            const double level = std::round((rnd.unit() - 0.5) * 20);
            for (std::size_t k = 0; k < run && i < n; ++k, ++i)
                v[i] = level;
        }
        break;
    case ValuePattern::Infinities:
        for (double &x : v) {
            const std::uint64_t r = rnd.below(500);
            x = r == 0 ? inf : r == 1 ? -inf : rnd.unit() * 2 - 1;
        }
        break;
    case ValuePattern::LargeOffset:
        for (double &x : v)
            x = 1e6 + 1e-3 * (rnd.unit() * 2 - 1);
        break;
    case ValuePattern::Alternating:
        for (std::size_t i = 0; i < n; ++i)
            v[i] = (i % 2 ? -1.0 : 1.0) * (1.0 + static_cast<double>(i) * 1e-6 + rnd.unit() * 1e-9);
        break;
    case ValuePattern::SignedZeros:
        for (double &x : v) {
            const std::uint64_t r = rnd.below(10);
            x = r < 4 ? 0.0 : r < 8 ? -0.0 : (r == 8 ? 1 : -1) * std::numeric_limits<double>::denorm_min() * static_cast<double>(1 + rnd.below(5));
        }
        break;
    }
    return v;
}

std::vector<std::int64_t> makeTimes(TimePattern pattern, std::size_t n, std::uint64_t seed, std::int64_t start)
{
    TestRandom rnd(seed * 104729 + static_cast<std::uint64_t>(pattern));
    constexpr std::int64_t kStep = 20'000'000; // 50 Hz
    std::vector<std::int64_t> t(n);
    std::int64_t now = start;
    for (std::size_t i = 0; i < n; ++i) {
        t[i] = now;
        switch (pattern) {
        case TimePattern::Uniform:
            now += kStep;
            break;
        case TimePattern::Jitter:
            now += kStep + rnd.between(-19'000'000, 19'000'000);
            break;
        case TimePattern::Gaps:
            now += rnd.below(200) == 0 ? rnd.between(1'000'000'000, 3'600'000'000'000) : kStep;
            break;
        case TimePattern::Bursts:
            now += 1 + static_cast<std::int64_t>(-std::log(1 - rnd.unit()) * static_cast<double>(rnd.below(4) ? 1'000 : 2'000'000'000));
            break;
        case TimePattern::Duplicates:
            now += rnd.below(5) == 0 ? 0 : kStep;
            break;
        }
    }
    return t;
}

std::vector<ReferenceColumn> referenceColumns(std::span<const std::int64_t> times, std::span<const double> values,
                                              const PixelGrid &grid)
{
    std::vector<ReferenceColumn> out(static_cast<std::size_t>(grid.width()));
    int k = 0;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const std::int64_t t = times[i];
        if (t < grid.start() || t >= grid.stop())
            continue;
        while (grid.boundary(k + 1) <= t)
            ++k;
        ReferenceColumn &c = out[static_cast<std::size_t>(k)];
        ++c.samples;
        const double x = values[i];
        if (std::isnan(x))
            continue;
        if (!c.hasValue) {
            c.hasValue = true;
            c.min = c.max = c.first = x;
            c.firstTime = t;
        }
        c.min = std::min(c.min, x);
        c.max = std::max(c.max, x);
        c.last = x;
        c.lastTime = t;
    }
    return out;
}

QString compareColumns(const Decimation &actual, const std::vector<ReferenceColumn> &expected)
{
    if (actual.columns.size() != expected.size())
        return QStringLiteral("%1 columns, expected %2").arg(actual.columns.size()).arg(expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const DecimatedColumn &a = actual.columns[k];
        const ReferenceColumn &e = expected[k];
        const auto where = [&](const QString &what) {
            return QStringLiteral("column %1 of %2 [%3, %4): %5")
                .arg(k)
                .arg(expected.size())
                .arg(actual.grid.boundary(static_cast<int>(k)))
                .arg(actual.grid.boundary(static_cast<int>(k) + 1))
                .arg(what);
        };
        if (a.samples != e.samples)
            return where(QStringLiteral("%1 samples, expected %2").arg(a.samples).arg(e.samples));
        if (a.hasValue() != e.hasValue)
            return where(QStringLiteral("hasValue %1, expected %2").arg(a.hasValue()).arg(e.hasValue));
        if (!e.hasValue)
            continue;
        if (a.min != e.min || a.max != e.max)
            return where(QStringLiteral("min/max %1/%2, expected %3/%4").arg(a.min, 0, 'g', 17).arg(a.max, 0, 'g', 17).arg(e.min, 0, 'g', 17).arg(e.max, 0, 'g', 17));
        if (a.first != e.first || a.last != e.last)
            return where(QStringLiteral("first/last %1/%2, expected %3/%4").arg(a.first, 0, 'g', 17).arg(a.last, 0, 'g', 17).arg(e.first, 0, 'g', 17).arg(e.last, 0, 'g', 17));
        if (a.firstTime != e.firstTime || a.lastTime != e.lastTime)
            return where(QStringLiteral("first/last time %1/%2, expected %3/%4").arg(a.firstTime).arg(a.lastTime).arg(e.firstTime).arg(e.lastTime));
    }
    return {};
}

ReferenceStats referenceStats(std::span<const double> values)
{
    ReferenceStats s;
    long double sum = 0;
    for (const double x : values) {
        if (std::isnan(x))
            continue;
        if (s.count == 0)
            s.min = s.max = x;
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
        s.maxAbs = std::max(s.maxAbs, std::fabs(x));
        sum += x;
        ++s.count;
    }
    if (s.count == 0)
        return s;
    s.mean = sum / static_cast<long double>(s.count);
    long double m2 = 0;
    for (const double x : values) {
        if (!std::isnan(x))
            m2 += (x - s.mean) * (x - s.mean);
    }
    s.variance = m2 / static_cast<long double>(s.count);
    return s;
}

} // namespace sasquatch
