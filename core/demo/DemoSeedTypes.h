// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace sasquatch {

/// How much the seeder writes.
enum class DemoSeedLevel {
    /// Databases, one point per topic of the whole catalog (so SHOW MEASUREMENTS and SHOW
    /// FIELD KEYS see everything) and a couple of minutes of sample data. Tests and the CTest
    /// fixture use it: a few seconds.
    Catalog,
    /// Catalog plus history ending now: MTM1M3 forceActuatorData (812 values at 50 Hz), an
    /// hour of other telemetry at its own rates, the CSCs' events and commands.
    Full,
};

/// Request body of each POST /write. Gzip costs the seeder CPU that influxd needs on a small
/// machine; over loopback plain is as fast (measured: see bench_demoseed).
enum class DemoBodyEncoding { Plain, Gzip };

/// Called from seeding threads (serialised): overall fraction in [0,1] and a stage text.
using DemoProgress = std::function<void(double fraction, const QString &stage)>;

struct DemoSeedOptions
{
    DemoSeedLevel level = DemoSeedLevel::Full;
    /// End of the history (ms since the epoch, UTC); 0 = the current time.
    std::int64_t nowMs = 0;
    /// Start of the demo's story (CSC start-ups 55 min before, the M1M3 raise 2 min after);
    /// 0 = nowMs − m1m3History. A cached data directory keeps its anchor across top-ups.
    std::int64_t anchorMs = 0;
    /// Top-up: history is written only from here on (0 = whole windows). The catalog points
    /// are always rewritten, so measurements outlive the retention policy.
    std::int64_t historyFromMs = 0;
    std::chrono::seconds m1m3History{600};
    std::chrono::seconds telemetryHistory{3600};
    std::chrono::seconds heartbeatHistory{600};
    /// Concurrent POST /write requests.
    int writers = 2;
    /// Target size of one request body (lines are never split; at most kMaxLinesPerBatch).
    std::size_t batchBytes = 2 * 1024 * 1024;
    DemoBodyEncoding encoding = DemoBodyEncoding::Plain;
    /// Retention of every demo database (autogen RP, 1 h shards); 0 = keep forever.
    std::chrono::hours retention{0};
    /// Called on the seeding thread once every measurement exists (after the catalog stage).
    std::function<void()> catalogWritten;

    static constexpr int kMaxLinesPerBatch = 5000;
};

/// What one stage wrote and how long it took.
struct DemoSeedStage
{
    QString name;
    double seconds = 0.0;
    std::int64_t values = 0;
    std::int64_t lines = 0;
    std::int64_t bytes = 0;
    double valuesPerSecond() const { return seconds > 0 ? double(values) / seconds : 0.0; }
};

struct DemoSeedReport
{
    std::vector<DemoSeedStage> stages;
    double seconds = 0.0;
    std::int64_t values = 0;
    std::int64_t lines = 0;
    std::int64_t bytes = 0;
    std::int64_t nowMs = 0;
    std::int64_t anchorMs = 0;
    double valuesPerSecond() const { return seconds > 0 ? double(values) / seconds : 0.0; }
};

} // namespace sasquatch
