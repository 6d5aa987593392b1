// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoPointWriter.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sasquatch {

/// SAL summary states (ts_xml's State enumeration).
enum class DemoSummaryState { Disabled = 1, Enabled = 2, Fault = 3, Offline = 4, Standby = 5 };

/// The events, commands and acknowledgements of the demo's story, as a pure function of
/// time: each CSC instance starts up about 55 minutes before `anchorMs` (STANDBY, `start`
/// → DISABLED, `enable` → ENABLED, with softwareVersions, configurationApplied...), faults
/// now and then (errorCode, FAULT, then recovered by standby/start/enable), logs messages
/// and beats its heart once a second; M1M3 raises and lowers its mirror every 30 minutes
/// (detailedState, raiseM1M3/lowerM1M3, raisingLoweringInfo) and the Scheduler sends
/// targets. Any window can be generated alone, so a cached demo tops up seamlessly.
class DemoEventSchedule
{
public:
    struct Instance
    {
        const DemoCsc *csc = nullptr;
        int salIndex = 0; ///< 0 when the CSC is not indexed
        int ordinal = 0;  ///< position among all instances, spreads their timestamps
    };

    DemoEventSchedule(const DemoCatalog &catalog, std::int64_t anchorMs);

    const std::vector<Instance> &instances() const { return m_instances; }

    /// Appends every point with fromMs <= time < toMs, heartbeats only from heartbeatFromMs.
    void generate(std::int64_t fromMs, std::int64_t toMs, std::int64_t heartbeatFromMs, std::string &out) const;

    /// The summaryState published last at or before `timeMs`, with its time (0 = none yet).
    std::pair<DemoSummaryState, std::int64_t> summaryStateAt(const Instance &instance, std::int64_t timeMs) const;

    /// When `instance` starts (STANDBY) in the story.
    std::int64_t startupMs(const Instance &instance) const;

    /// The writer of an event, command or ackcmd topic (nullptr for telemetry).
    const DemoPointWriter *writerFor(const DemoTopic &topic) const;

private:
    struct Transition
    {
        std::int64_t timeMs;
        DemoSummaryState state;
    };
    /// Summary-state transitions of `instance` in [fromMs, toMs), oldest first.
    std::vector<Transition> transitions(const Instance &instance, std::int64_t fromMs, std::int64_t toMs) const;
    const DemoPointWriter *writer(const DemoCsc &csc, const char *topicName) const;
    void point(std::string &out, const Instance &instance, const char *topicName, std::int64_t timeMs,
               const DemoFieldValues &values = {}) const;
    void command(std::string &out, const Instance &instance, const char *commandName, std::int64_t timeMs,
                 const DemoFieldValues &values = {}) const;
    void generateInstance(const Instance &instance, std::int64_t fromMs, std::int64_t toMs,
                          std::int64_t heartbeatFromMs, std::string &out) const;
    void generateM1M3(const Instance &instance, std::int64_t fromMs, std::int64_t toMs, std::string &out) const;
    void generateScheduler(const Instance &instance, std::int64_t fromMs, std::int64_t toMs, std::string &out) const;

    const DemoCatalog &m_catalog;
    std::int64_t m_anchorMs;
    std::vector<Instance> m_instances;
    std::map<const DemoTopic *, std::unique_ptr<DemoPointWriter>> m_writers;
};

} // namespace sasquatch
