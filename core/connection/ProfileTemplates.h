// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <vector>

namespace sasquatch {

/// Built-in starting points for the Sasquatch environments (summit, USDF, BTS, TTS, ...)
/// and the local demo. They carry no credentials; users copy one and add their own.
std::vector<ConnectionProfile> profileTemplates();

/// The profile for the embedded demo stack at `influxUrl` (Kafka set later by the demo).
ConnectionProfile demoProfile(const QString &influxUrl);

inline constexpr auto kDemoProfileName = "local demo";

} // namespace sasquatch
