// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoEventSchedule.h"
#include "core/demo/DemoPointWriter.h"
#include "core/demo/DemoSeedTypes.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

class DemoM1M3ForceModel;

/// One POST /write worth of lines: either `count` samples of a periodic stream (rendered by
/// whichever thread sends it) or a slice of text rendered while planning (events, the
/// catalog points).
struct DemoSeedBatch
{
    QString database;
    const DemoPointWriter *writer = nullptr; ///< periodic stream, or nullptr for text
    int salIndex = 0;
    std::int64_t periodMs = 0;
    std::int64_t offsetMs = 0;
    std::int64_t firstSample = 0; ///< time of sample k = k * periodMs + offsetMs
    std::int64_t count = 0;
    std::shared_ptr<const std::string> text;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::int64_t values = 0;
    std::int64_t lines = 0;
};

/// What the seeder writes, stage by stage, for one DemoSeedOptions: cheap to build (text
/// stages are rendered here, periodic streams only described), then rendered batch by batch
/// from any number of threads.
class DemoSeedPlan
{
public:
    struct Stage
    {
        QString name;
        std::vector<DemoSeedBatch> batches;
        std::int64_t values = 0;
        std::int64_t lines = 0;
    };

    DemoSeedPlan(const DemoCatalog &catalog, const DemoSeedOptions &options, std::int64_t nowMs,
                 std::int64_t anchorMs);
    ~DemoSeedPlan();

    const std::vector<Stage> &stages() const { return m_stages; }
    /// Index of the stage after which every measurement exists.
    int catalogStage() const { return m_catalogStage; }
    std::int64_t totalValues() const;

    /// Renders `batch` into `out` (cleared first). Thread-safe.
    void render(const DemoSeedBatch &batch, std::string &out) const;

    /// Field values in rendered lines (commas outside quotes + 1 per line).
    static std::int64_t countValues(std::string_view lines);

    /// Sample period of a topic published at rateHz (ms, at least 1).
    static std::int64_t periodMs(double rateHz);

private:
    struct StreamSpec
    {
        const char *csc;
        const char *topic;
        std::vector<int> salIndices; ///< empty: the first instance only
    };
    Stage &stage(const QString &name);
    const DemoPointWriter *telemetryWriter(const DemoTopic &topic);
    void addPeriodic(Stage &stage, const QString &database, const DemoPointWriter &writer, int salIndex,
                     std::int64_t periodMs, std::int64_t offsetMs, std::int64_t fromMs, std::int64_t toMs);
    void addStreams(Stage &stage, const std::vector<StreamSpec> &specs, std::int64_t fromMs, std::int64_t toMs);
    void addText(Stage &stage, const QString &database, std::string text);
    void planCatalog(std::int64_t nowMs, std::int64_t anchorMs);
    void planOtherDatabases(Stage &stage, std::int64_t fromMs, std::int64_t toMs);
    void planTails(Stage &stage, std::int64_t fromMs, std::int64_t toMs, const std::vector<StreamSpec> &skip);
    static void appendMeasurementPoint(std::string &out, const std::string &prefix, const DemoMeasurement &m,
                                       std::int64_t timeMs, std::int64_t k);

    const DemoCatalog &m_catalog;
    DemoSeedOptions m_options;
    std::unique_ptr<DemoEventSchedule> m_schedule;
    std::unique_ptr<DemoM1M3ForceModel> m_m1m3;
    std::vector<std::unique_ptr<DemoPointWriter>> m_writers;
    std::vector<std::pair<const DemoTopic *, const DemoPointWriter *>> m_telemetryWriters;
    std::vector<Stage> m_stages;
    int m_catalogStage = 0;
};

} // namespace sasquatch
