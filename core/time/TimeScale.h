// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace sasquatch {

/// The time scale a user reads and types times in. InfluxDB stores UTC (`private_efdStamp`);
/// SAL's own stamps (`private_sndStamp`) and many observers' notes are TAI.
enum class TimeScale : std::uint8_t { Utc, Tai };

/// TAI − UTC in nanoseconds. Constant at 37 s since 2017-01-01, which covers every instant in
/// Rubin's EFD; no leap second has been announced since (IERS), so no table is kept. A time
/// before 2017 converted with it is off by the leap seconds inserted after that time.
constexpr std::int64_t kTaiMinusUtcNs = 37'000'000'000;

/// "UTC" or "TAI", as written after a time.
QString timeScaleName(TimeScale scale);

} // namespace sasquatch
