// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoEventSchedule.h"

#include "core/demo/DemoM1M3ForceModel.h"
#include "core/demo/DemoSignals.h"

#include <algorithm>
#include <cmath>

namespace sasquatch {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr int kCmdComplete = 303;   // SAL CMD_COMPLETE
constexpr int kCmdInProgress = 301; // SAL CMD_INPROGRESS
// MTM1M3 detailed states (ts_xml MTM1M3 DetailedStates).
constexpr int kParked = 5;
constexpr int kRaising = 6;
constexpr int kActive = 7;
constexpr int kLowering = 8;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::uint64_t instanceSeed(const DemoEventSchedule::Instance &instance)
{
    return DemoSignals::mix(DemoSignals::hash(instance.csc->name), std::uint64_t(instance.salIndex));
}

} // namespace

DemoEventSchedule::DemoEventSchedule(const DemoCatalog &catalog, std::int64_t anchorMs)
    : m_catalog(catalog), m_anchorMs(anchorMs)
{
    int ordinal = 0;
    for (const DemoCsc &csc : catalog.cscs()) {
        if (csc.isIndexed()) {
            for (int index : csc.salIndices)
                m_instances.push_back({&csc, index, ordinal++});
        } else {
            m_instances.push_back({&csc, 0, ordinal++});
        }
    }
    for (const DemoTopic &t : catalog.topics())
        if (t.kind != DemoTopicKind::Telemetry)
            m_writers.emplace(&t, std::make_unique<DemoPointWriter>(t));
}

std::int64_t DemoEventSchedule::startupMs(const Instance &instance) const
{
    return m_anchorMs - 55 * kMinute + std::int64_t(DemoSignals::unit(instanceSeed(instance), 11) * 10 * kMinute);
}

std::vector<DemoEventSchedule::Transition> DemoEventSchedule::transitions(const Instance &instance,
                                                                           std::int64_t fromMs,
                                                                           std::int64_t toMs) const
{
    std::vector<Transition> out;
    const std::int64_t start = startupMs(instance);
    const auto add = [&](std::int64_t t, DemoSummaryState s) {
        if (t >= fromMs && t < toMs)
            out.push_back({t, s});
    };
    add(start, DemoSummaryState::Standby);
    add(start + 12 * kSecond, DemoSummaryState::Disabled);
    add(start + 20 * kSecond + 500, DemoSummaryState::Enabled);
    // M1M3's mirror story is about raising and lowering; faults would only muddle it.
    if (instance.csc->name != u"MTM1M3") {
        const std::uint64_t seed = instanceSeed(instance);
        for (std::int64_t h = floorDiv(std::max(fromMs, start) - 2 * kHour, kHour); h <= floorDiv(toMs, kHour); ++h) {
            if (DemoSignals::unit(seed, h * 7 + 1) >= 0.08)
                continue;
            const std::int64_t fault = h * kHour + 5 * kMinute + std::int64_t(DemoSignals::unit(seed, h * 7 + 2) * 50 * kMinute);
            if (fault < start + kMinute)
                continue;
            add(fault, DemoSummaryState::Fault);
            add(fault + 90 * kSecond + 500, DemoSummaryState::Standby);
            add(fault + 122 * kSecond, DemoSummaryState::Disabled);
            add(fault + 150 * kSecond + 500, DemoSummaryState::Enabled);
        }
    }
    std::sort(out.begin(), out.end(), [](const Transition &a, const Transition &b) { return a.timeMs < b.timeMs; });
    return out;
}

std::pair<DemoSummaryState, std::int64_t> DemoEventSchedule::summaryStateAt(const Instance &instance,
                                                                           std::int64_t timeMs) const
{
    const std::vector<Transition> all = transitions(instance, startupMs(instance), timeMs + 1);
    if (all.empty())
        return {DemoSummaryState::Offline, 0};
    return {all.back().state, all.back().timeMs};
}

const DemoPointWriter *DemoEventSchedule::writerFor(const DemoTopic &topic) const
{
    const auto it = m_writers.find(&topic);
    return it == m_writers.end() ? nullptr : it->second.get();
}

const DemoPointWriter *DemoEventSchedule::writer(const DemoCsc &csc, const char *topicName) const
{
    const DemoTopic *topic = m_catalog.topic(csc.name, QString::fromLatin1(topicName));
    if (!topic)
        return nullptr;
    const auto it = m_writers.find(topic);
    return it == m_writers.end() ? nullptr : it->second.get();
}

void DemoEventSchedule::point(std::string &out, const Instance &instance, const char *topicName,
                              std::int64_t timeMs, const DemoFieldValues &values) const
{
    if (const DemoPointWriter *w = writer(*instance.csc, topicName))
        w->append(out, timeMs, instance.salIndex, timeMs / kSecond, &values);
}

void DemoEventSchedule::command(std::string &out, const Instance &instance, const char *commandName,
                                std::int64_t timeMs, const DemoFieldValues &values) const
{
    const std::string topic = std::string("command_") + commandName;
    point(out, instance, topic.c_str(), timeMs, values);
    const DemoFieldValues ack = {{QStringLiteral("ack"), DemoValue::num(kCmdComplete)},
                                 {QStringLiteral("error"), DemoValue::num(0)},
                                 {QStringLiteral("result"), DemoValue::str("Done")},
                                 {QStringLiteral("identity"), DemoValue::str("saluser@love01")},
                                 {QStringLiteral("cmdtype"), DemoValue::num(double(DemoSignals::hash(QString::fromLatin1(commandName)) % 64))},
                                 {QStringLiteral("timeout"), DemoValue::num(0)}};
    point(out, instance, "ackcmd", timeMs + 40, ack);
}

void DemoEventSchedule::generate(std::int64_t fromMs, std::int64_t toMs, std::int64_t heartbeatFromMs,
                                 std::string &out) const
{
    for (const Instance &instance : m_instances)
        generateInstance(instance, fromMs, toMs, heartbeatFromMs, out);
}

void DemoEventSchedule::generateInstance(const Instance &instance, std::int64_t fromMs, std::int64_t toMs,
                                         std::int64_t heartbeatFromMs, std::string &out) const
{
    const std::int64_t start = startupMs(instance);
    const auto state = [](DemoSummaryState s) {
        return DemoFieldValues{{QStringLiteral("summaryState"), DemoValue::num(int(s))}};
    };
    // Transitions are generated with their lead-up (command, ack) when the transition
    // itself falls in the window, so a window never holds half a story.
    for (const Transition &tr : transitions(instance, fromMs, toMs)) {
        const std::int64_t t = tr.timeMs;
        switch (tr.state) {
        case DemoSummaryState::Standby:
            if (t == start) {
                point(out, instance, "logevent_softwareVersions", t + 100,
                      {{QStringLiteral("salVersion"), DemoValue::str("8.0.0")},
                       {QStringLiteral("xmlVersion"), DemoValue::str("22.1.0")},
                       {QStringLiteral("openSpliceVersion"), DemoValue::str("")},
                       {QStringLiteral("cscVersion"), DemoValue::str("1.4.2")}});
                point(out, instance, "logevent_simulationMode", t + 200, {{QStringLiteral("mode"), DemoValue::num(0)}});
                point(out, instance, "logevent_logLevel", t + 300, {{QStringLiteral("level"), DemoValue::num(20)}});
                point(out, instance, "logevent_authList", t + 400);
                point(out, instance, "logevent_configurationsAvailable", t + 500,
                      {{QStringLiteral("overrides"), DemoValue::str("summit.yaml,tts.yaml")}});
            } else {
                command(out, instance, "standby", t - 500);
            }
            break;
        case DemoSummaryState::Disabled:
            command(out, instance, "start", t - 2 * kSecond, {{QStringLiteral("configurationOverride"), DemoValue::str("")}});
            point(out, instance, "logevent_configurationApplied", t - 5,
                  {{QStringLiteral("configurations"), DemoValue::str("_init.yaml,_summit.yaml")},
                   {QStringLiteral("url"), DemoValue::str("file:///home/saluser/repos/ts_config_ocs")}});
            break;
        case DemoSummaryState::Enabled:
            command(out, instance, "enable", t - 500);
            break;
        case DemoSummaryState::Fault: {
            const int code = 1000 + int(DemoSignals::mix(instanceSeed(instance), std::uint64_t(t)) % 100);
            point(out, instance, "logevent_errorCode", t - 1,
                  {{QStringLiteral("errorCode"), DemoValue::num(code)},
                   {QStringLiteral("errorReport"), DemoValue::str("Lost communication with the low-level controller")},
                   {QStringLiteral("traceback"), DemoValue::str("")}});
            point(out, instance, "logevent_logMessage", t - 2,
                  {{QStringLiteral("level"), DemoValue::num(40)},
                   {QStringLiteral("message"), DemoValue::str("Fault: lost communication with the low-level controller")}});
            break;
        }
        case DemoSummaryState::Offline:
            break;
        }
        point(out, instance, "logevent_summaryState", t, state(tr.state));
    }

    const std::uint64_t seed = instanceSeed(instance);
    for (std::int64_t h = floorDiv(fromMs, kHour); h <= floorDiv(toMs, kHour); ++h) {
        const int messages = 2 + int(DemoSignals::mix(seed, std::uint64_t(h)) % 4);
        for (int m = 0; m < messages; ++m) {
            const std::int64_t t = h * kHour + std::int64_t(DemoSignals::unit(seed, h * 16 + m) * kHour);
            if (t >= fromMs && t < toMs && t > start + kMinute)
                point(out, instance, "logevent_logMessage", t,
                      {{QStringLiteral("level"), DemoValue::num(20)},
                       {QStringLiteral("message"), DemoValue::str("Periodic status check passed")}});
        }
    }

    const std::int64_t offset = (std::int64_t(instance.ordinal) * 7) % kSecond;
    std::int64_t hb = std::max({fromMs, heartbeatFromMs, start});
    hb = floorDiv(hb - offset + kSecond - 1, kSecond) * kSecond + offset;
    const DemoFieldValues beat = {{QStringLiteral("heartbeat"), DemoValue::flag(true)}};
    if (const DemoPointWriter *w = writer(*instance.csc, "logevent_heartbeat"))
        for (; hb < toMs; hb += kSecond)
            w->append(out, hb, instance.salIndex, hb / kSecond, &beat);

    if (instance.csc->name == u"MTM1M3")
        generateM1M3(instance, fromMs, toMs, out);
    if (instance.csc->name == u"Scheduler" && instance.salIndex == 1)
        generateScheduler(instance, fromMs, toMs, out);
}

void DemoEventSchedule::generateM1M3(const Instance &instance, std::int64_t fromMs, std::int64_t toMs,
                                     std::string &out) const
{
    const DemoTopic *forces = m_catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    if (!forces)
        return;
    const DemoM1M3ForceModel model(*forces, m_anchorMs);
    const std::int64_t start = startupMs(instance) + kMinute;
    const std::int64_t cycle = DemoM1M3ForceModel::kCycleMs;
    const auto in = [&](std::int64_t t) { return t >= fromMs && t < toMs && t > start; };
    const auto detailed = [&](std::int64_t t, int s) {
        if (in(t))
            point(out, instance, "logevent_detailedState", t,
                  {{QStringLiteral("detailedState"), DemoValue::num(s)},
                   {QStringLiteral("timestamp"), DemoValue::num(double(t) / 1000.0 + DemoCatalog::kTaiMinusUtcSeconds)}});
    };
    for (std::int64_t n = floorDiv(fromMs - m_anchorMs, cycle) - 1; n <= floorDiv(toMs - m_anchorMs, cycle); ++n) {
        const std::int64_t raise = m_anchorMs + n * cycle + 2 * kMinute;
        const std::int64_t lower = m_anchorMs + n * cycle + 26 * kMinute;
        if (raise <= start)
            continue;
        if (in(raise - kSecond))
            command(out, instance, "raiseM1M3", raise - kSecond, {{QStringLiteral("bypassReferencePosition"), DemoValue::flag(false)}});
        detailed(raise, kRaising);
        detailed(raise + 2 * kMinute, kActive);
        if (in(lower - kSecond))
            command(out, instance, "lowerM1M3", lower - kSecond);
        detailed(lower, kLowering);
        detailed(lower + 2 * kMinute, kParked);
        for (const std::int64_t begin : {raise, lower}) {
            for (std::int64_t t = begin; t <= begin + 2 * kMinute; t += kSecond) {
                if (!in(t))
                    continue;
                point(out, instance, "logevent_raisingLoweringInfo", t,
                      {{QStringLiteral("weightSupportedPercent"), DemoValue::num(std::round(model.raisedFraction(t) * 1000) / 10)},
                       {QStringLiteral("timestamp"), DemoValue::num(double(t) / 1000.0 + DemoCatalog::kTaiMinusUtcSeconds)}});
            }
        }
    }
}

void DemoEventSchedule::generateScheduler(const Instance &instance, std::int64_t fromMs, std::int64_t toMs,
                                          std::string &out) const
{
    // A visit every 38 s, each announced by the Scheduler and taken up by MTPtg.
    constexpr std::int64_t kVisitMs = 38 * kSecond;
    const DemoCsc *ptg = m_catalog.csc(QStringLiteral("MTPtg"));
    const std::int64_t start = startupMs(instance) + kMinute;
    constexpr const char *kFilters[] = {"u", "g", "r", "i", "z", "y"};
    for (std::int64_t k = floorDiv(std::max(fromMs, start), kVisitMs); k * kVisitMs < toMs; ++k) {
        const std::int64_t t = k * kVisitMs;
        if (t < fromMs || t <= start)
            continue;
        const double ra = std::fmod(double(t) / 240'000.0, 360.0);
        const double dec = -30.0 + 25.0 * std::sin(double(k) * 0.37);
        point(out, instance, "logevent_target", t,
              {{QStringLiteral("targetId"), DemoValue::num(double(k % 1'000'000))},
               {QStringLiteral("ra"), DemoValue::num(ra)},
               {QStringLiteral("decl"), DemoValue::num(dec)},
               {QStringLiteral("filter"), DemoValue::str(kFilters[(k / 40) % 6])},
               {QStringLiteral("numExposures"), DemoValue::num(2)},
               {QStringLiteral("note"), DemoValue::str("survey")}});
        if (ptg) {
            const Instance ptgInstance{ptg, 0, 0};
            point(out, ptgInstance, "logevent_currentTarget", t + 1500,
                  {{QStringLiteral("targetName"), DemoValue::str("visit-" + std::to_string(k % 1'000'000))},
                   {QStringLiteral("ra"), DemoValue::num(ra)},
                   {QStringLiteral("declination"), DemoValue::num(dec)},
                   {QStringLiteral("azimuth"), DemoValue::num(DemoSignals::azimuthDeg(t + 1500))},
                   {QStringLiteral("elevation"), DemoValue::num(DemoSignals::elevationDeg(t + 1500))}});
        }
    }
}

} // namespace sasquatch
