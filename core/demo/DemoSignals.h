// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>
#include <QtGlobal>

#include <cmath>
#include <cstdint>
#include <numbers>

namespace sasquatch {

/// Deterministic building blocks of the synthetic telemetry. Every value is a pure function
/// of (seed, time): no state, no random generator, so batches can be generated in any order
/// on any thread, a re-run writes identical points, and a top-up of a cached data directory
/// continues the same curves.
class DemoSignals
{
public:
    /// splitmix64's finaliser: a well-mixed 64-bit hash of x.
    static constexpr std::uint64_t mix(std::uint64_t x)
    {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    static constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return mix(a ^ mix(b)); }

    /// FNV-1a over UTF-16 code units, then mixed: seeds from topic and field names.
    static std::uint64_t hash(QStringView text);

    /// Uniform in [0, 1) from a seed and a time (ms) or any other integer.
    static double unit(std::uint64_t seed, std::int64_t t)
    {
        return double(mix(seed, std::uint64_t(t)) >> 11) * 0x1.0p-53;
    }
    /// Zero-mean noise in (-1, 1), triangular (sum of two uniforms): cheap and bounded.
    static double noise(std::uint64_t seed, std::int64_t t)
    {
        const std::uint64_t h = mix(seed, std::uint64_t(t));
        return (double(h >> 40) + double(h & 0xFFFFFF)) * 0x1.0p-24 - 1.0;
    }

    static constexpr double kTwoPi = 2.0 * std::numbers::pi;

    /// Where the main telescope points (deg): a slow survey-like sweep shared by MTMount,
    /// MTPtg, MTRotator, MTDome and the M1M3 elevation-dependent forces.
    static double elevationDeg(std::int64_t tMs)
    {
        const double t = double(tMs) / 1000.0;
        return 58.0 + 22.0 * std::sin(kTwoPi * t / 2400.0 + 0.7) + 4.0 * std::sin(kTwoPi * t / 530.0);
    }
    static double azimuthDeg(std::int64_t tMs)
    {
        const double t = double(tMs) / 1000.0;
        return 180.0 + 150.0 * std::sin(kTwoPi * t / 3300.0 + 1.9) + 10.0 * std::sin(kTwoPi * t / 410.0);
    }
    static double rotatorDeg(std::int64_t tMs)
    {
        const double t = double(tMs) / 1000.0;
        return 35.0 * std::sin(kTwoPi * t / 1900.0 + 0.2);
    }
    /// Outside air temperature at the summit (deg_C): diurnal cycle around 9 deg_C.
    static double outsideTemperature(std::int64_t tMs)
    {
        const double day = double(tMs) / 86'400'000.0;
        return 9.0 + 4.5 * std::sin(kTwoPi * (day - 0.35));
    }
};

} // namespace sasquatch
