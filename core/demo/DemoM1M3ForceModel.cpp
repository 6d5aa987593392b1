// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoM1M3ForceModel.h"

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoSignals.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sasquatch {

namespace {

constexpr double kMirrorWeightN = 17'000 * 9.81; // M1M3 glass, about 17 t
constexpr std::int64_t kRaiseStartMs = 120'000;
constexpr std::int64_t kRaiseMs = 120'000;
constexpr std::int64_t kLowerStartMs = 1'560'000;

double smoothstep(double x)
{
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    const std::int64_t m = a % b;
    return m < 0 ? m + b : m;
}

} // namespace

DemoM1M3ForceModel::DemoM1M3ForceModel(const DemoTopic &topic, std::int64_t anchorMs)
    : m_anchorMs(anchorMs)
{
    struct Expected
    {
        const char *name;
        Part part;
        int count;
    };
    static constexpr Expected expected[] = {
        {"timestamp", Timestamp, 1},         {"primaryCylinderForce", Primary, kZ},
        {"secondaryCylinderForce", Secondary, kSecondary},
        {"primaryCylinderFollowingError", PrimaryError, kZ},
        {"secondaryCylinderFollowingError", SecondaryError, kSecondary},
        {"xForce", X, kX},  {"yForce", Y, kY},   {"zForce", Z, kZ},   {"fx", Fx, 1},
        {"fy", Fy, 1},      {"fz", Fz, 1},       {"mx", Mx, 1},       {"my", My, 1},
        {"mz", Mz, 1},      {"forceMagnitude", Magnitude, 1}};
    m_offset.fill(-1);
    int offset = 0;
    for (const DemoField &f : topic.fields) {
        if (f.role != DemoFieldRole::Data)
            continue;
        for (const Expected &e : expected)
            if (f.name == QLatin1String(e.name) && f.count == e.count)
                m_offset[e.part] = offset;
        offset += f.count;
    }
    m_valid = true;
    for (int o : m_offset)
        m_valid = m_valid && o >= 0;

    const std::uint64_t seed = DemoSignals::hash(u"MTM1M3.forceActuatorData");
    constexpr double kGoldenAngle = 2.399963229728653;
    for (int i = 0; i < kZ; ++i) {
        m_weightShare[i] = kMirrorWeightN / kZ * (0.85 + 0.3 * DemoSignals::unit(seed, i));
        const double radius = 0.8 + 3.4 * std::sqrt((i + 0.5) / kZ);
        m_posX[i] = radius * std::cos(i * kGoldenAngle);
        m_posY[i] = radius * std::sin(i * kGoldenAngle);
        const double phase = DemoSignals::kTwoPi * DemoSignals::unit(seed, 1000 + i);
        m_driftCos[i] = std::cos(phase);
        m_driftSin[i] = std::sin(phase);
    }
    for (int j = 0; j < kY; ++j)
        m_lateralShare[j] = kMirrorWeightN / kY * (0.8 + 0.4 * DemoSignals::unit(seed, 2000 + j));
}

double DemoM1M3ForceModel::raisedFraction(std::int64_t timeMs) const
{
    const std::int64_t phase = floorMod(timeMs - m_anchorMs, kCycleMs);
    if (phase < kRaiseStartMs)
        return 0.0;
    if (phase < kRaiseStartMs + kRaiseMs)
        return smoothstep(double(phase - kRaiseStartMs) / kRaiseMs);
    if (phase < kLowerStartMs)
        return 1.0;
    return 1.0 - smoothstep(double(phase - kLowerStartMs) / kRaiseMs);
}

void DemoM1M3ForceModel::operator()(std::int64_t timeMs, std::span<double> v) const
{
    if (!m_valid)
        return;
    const double tS = double(timeMs) / 1000.0;
    const double r = raisedFraction(timeMs);
    const double moving = std::fabs(raisedFraction(timeMs + 500) - raisedFraction(timeMs - 500));
    const double zenith = (90.0 - DemoSignals::elevationDeg(timeMs)) * std::numbers::pi / 180.0;
    const double axial = std::cos(zenith);
    const double lateral = std::sin(zenith);
    const double driftArg = DemoSignals::kTwoPi * tS / 300.0;
    const double driftC = std::cos(driftArg);
    const double driftS = std::sin(driftArg);
    const double errorScale = 0.6 + 1500.0 * moving; // ~20 N mid-raise, ~0.6 N at rest
    const std::int64_t sample = timeMs / 20;
    constexpr std::uint64_t kSeed = 0x4d314d33; // "M1M3"

    double *z = &v[size_t(m_offset[Z])];
    double *y = &v[size_t(m_offset[Y])];
    double *x = &v[size_t(m_offset[X])];
    double *primary = &v[size_t(m_offset[Primary])];
    double *secondary = &v[size_t(m_offset[Secondary])];
    double *primaryError = &v[size_t(m_offset[PrimaryError])];
    double *secondaryError = &v[size_t(m_offset[SecondaryError])];

    double fx = 0, fy = 0, fz = 0, mx = 0, my = 0;
    for (int i = 0; i < kZ; ++i) {
        const std::uint64_t s = DemoSignals::mix(kSeed, std::uint64_t(i));
        double f = r * m_weightShare[i] * axial
                   + r * 12.0 * (driftS * m_driftCos[i] + driftC * m_driftSin[i])
                   + 3.0 * DemoSignals::noise(s, sample);
        double err = errorScale * DemoSignals::noise(s ^ 0xe77, sample);
        // Rare glitches on one actuator: an ILC reporting a bad sample.
        const double glitch = DemoSignals::unit(s ^ 0x5b1e, sample);
        if (glitch < 1.2e-5) {
            const double size = 150.0 + 250.0 * DemoSignals::unit(s, sample);
            f += glitch < 0.6e-5 ? size : -size;
            err += 0.5 * size;
        }
        z[i] = f;
        primaryError[i] = err;
        fz += f;
        mx += f * m_posY[i];
        my -= f * m_posX[i];
    }
    for (int j = 0; j < kY; ++j) {
        y[j] = r * m_lateralShare[j] * lateral + 2.0 * DemoSignals::noise(DemoSignals::mix(kSeed, 500 + j), sample);
        fy += y[j];
    }
    for (int k = 0; k < kX; ++k) {
        x[k] = r * 30.0 * std::sin(DemoSignals::kTwoPi * tS / 600.0 + k)
               + DemoSignals::noise(DemoSignals::mix(kSeed, 700 + k), sample);
        fx += x[k];
    }
    // Secondary cylinders sit at 45 degrees: they carry the lateral force times sqrt(2),
    // and the primary cylinder of the same actuator compensates its axial component.
    for (int j = 0; j < kSecondary; ++j) {
        const double lateralForce = j < kY ? y[j] : x[j - kY];
        secondary[j] = std::numbers::sqrt2 * lateralForce
                       + 0.5 * DemoSignals::noise(DemoSignals::mix(kSeed, 900 + j), sample);
        secondaryError[j] = errorScale * DemoSignals::noise(DemoSignals::mix(kSeed, 1100 + j), sample);
    }
    for (int i = 0; i < kZ; ++i) {
        const double compensation = i < kSecondary ? std::numbers::sqrt2 / 2 * secondary[i] : 0.0;
        primary[i] = z[i] - compensation + 0.5 * DemoSignals::noise(DemoSignals::mix(kSeed, 1300 + i), sample);
    }
    v[size_t(m_offset[Fx])] = fx;
    v[size_t(m_offset[Fy])] = fy;
    v[size_t(m_offset[Fz])] = fz;
    v[size_t(m_offset[Mx])] = mx;
    v[size_t(m_offset[My])] = my;
    v[size_t(m_offset[Mz])] = 4.0 * DemoSignals::noise(kSeed ^ 0x3a, sample);
    v[size_t(m_offset[Magnitude])] = std::sqrt(fx * fx + fy * fy + fz * fz);
    v[size_t(m_offset[Timestamp])] = tS + DemoCatalog::kTaiMinusUtcSeconds - 0.0005;
}

} // namespace sasquatch
