// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <vector>

namespace sasquatch {

/// Built-in starting points for the Sasquatch environments (summit, USDF, BTS, TTS, ...)
/// and the local demo. They carry no credentials; users copy one and add their own.
std::vector<ConnectionProfile> profileTemplates();

/// The profile for the embedded demo stack at `influxUrl`, with the bootstrap address of its
/// in-process Kafka cluster (known only at run time: the mock cluster picks a free port).
ConnectionProfile demoProfile(const QString &influxUrl, const QString &kafkaBootstrap = {});

inline constexpr auto kDemoProfileName = "local demo";

} // namespace sasquatch
