// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoTypes.h"

#include <array>
#include <cstdint>
#include <span>

namespace sasquatch {

/// The 812 values of MTM1M3 forceActuatorData, physically plausible: the mirror is lowered,
/// raised over two minutes (a step in every actuator force as it takes the 167 kN weight),
/// held while the telescope elevation slowly changes the axial/lateral split, lowered again;
/// a 30-minute cycle counted from `anchorMs`. On top: slow active-optics drifts, sensor
/// noise, following errors that grow while raising, and rare spikes on single actuators.
/// Fills a DemoPointWriter's data values in the topic's flattened field order.
class DemoM1M3ForceModel
{
public:
    static constexpr int kZ = 156;        ///< force actuators (z / primary cylinders)
    static constexpr int kY = 100;        ///< y lateral
    static constexpr int kX = 12;         ///< x lateral
    static constexpr int kSecondary = 112; ///< secondary cylinders = y + x actuators
    static constexpr std::int64_t kCycleMs = 30 * 60 * 1000;

    DemoM1M3ForceModel(const DemoTopic &forceActuatorData, std::int64_t anchorMs);

    /// False when the topic lacks one of the expected arrays (then nothing is filled).
    bool isValid() const { return m_valid; }

    /// Fraction of the mirror weight on the actuators at `timeMs` (0 lowered, 1 raised).
    double raisedFraction(std::int64_t timeMs) const;

    void operator()(std::int64_t timeMs, std::span<double> values) const;

private:
    enum Part { Timestamp, Primary, Secondary, PrimaryError, SecondaryError, X, Y, Z,
                Fx, Fy, Fz, Mx, My, Mz, Magnitude, PartCount };
    std::array<int, PartCount> m_offset{};
    std::array<double, kZ> m_weightShare{};
    std::array<double, kZ> m_posX{};
    std::array<double, kZ> m_posY{};
    std::array<double, kZ> m_driftCos{};
    std::array<double, kZ> m_driftSin{};
    std::array<double, kY> m_lateralShare{};
    std::int64_t m_anchorMs = 0;
    bool m_valid = false;
};

} // namespace sasquatch
