// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tuple>
#include <vector>

namespace sasquatch {

/// A demo telemetry stream: CSC name, topic name, the salIndex instances written (empty: the
/// CSC's first instance, or none for a CSC without an index).
using DemoStreamList = std::vector<std::tuple<const char *, const char *, std::vector<int>>>;

/// Telemetry the seeder writes for the whole telemetry history (an hour) at its own rate: the
/// mount, rotator, environment and facility signals people plot over an hour.
const DemoStreamList &demoHourStreams();
/// Fast companions of the M1M3 forces, written for the M1M3 window (10 minutes).
const DemoStreamList &demoWindowStreams();

} // namespace sasquatch
