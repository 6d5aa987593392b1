// SPDX-License-Identifier: GPL-3.0-or-later
// DemoSeedPlan: the catalog stage (one point per measurement) and the non-SAL databases.
#include "core/demo/DemoSeedPlan.h"

#include "core/demo/DemoLineProtocol.h"
#include "core/demo/DemoSignals.h"

#include <algorithm>
#include <cmath>

namespace sasquatch {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

/// The oldest time a catalog point may have: cached demo databases keep 24 h, and influxd
/// rejects points older than the retention policy.
constexpr std::int64_t kOldestMs = 20 * 60 * kMinute;

/// When an event or command topic's catalog point was published: before the story's CSC
/// start-ups (an hour before the anchor), so that the story's own events are the latest
/// ones; spread over ten minutes, fixed for an anchor so that re-runs overwrite.
std::int64_t catalogEventTime(const DemoTopic &topic, std::int64_t nowMs, std::int64_t anchorMs)
{
    const std::int64_t t = anchorMs - 60 * kMinute - std::int64_t(DemoSignals::hash(topic.measurement()) % std::uint64_t(10 * kMinute));
    return std::max(t, nowMs - kOldestMs + std::int64_t(DemoSignals::hash(topic.measurement()) % std::uint64_t(kMinute)));
}

} // namespace

void DemoSeedPlan::planCatalog(std::int64_t nowMs, std::int64_t anchorMs)
{
    Stage &catalogStage = stage(QStringLiteral("Catalog: one point per topic"));
    std::string efd;
    std::string replica;
    efd.reserve(8 * 1024 * 1024);

    const auto instanceOf = [this](const DemoTopic &topic) {
        const DemoCsc *csc = m_catalog.csc(topic.csc);
        const int index = csc && csc->isIndexed() ? csc->salIndices.front() : 0;
        for (const DemoEventSchedule::Instance &i : m_schedule->instances())
            if (i.csc == csc && i.salIndex == index)
                return i;
        return DemoEventSchedule::Instance{csc, index, 0};
    };
    // The point a topic gets; the same time and values as its history would hold, so that
    // the catalog point never contradicts the curves around it.
    const auto appendPoint = [&](std::string &out, const DemoTopic &topic, const DemoPointWriter &writer) {
        const DemoEventSchedule::Instance instance = instanceOf(topic);
        if (topic.kind == DemoTopicKind::Telemetry) {
            const std::int64_t period = periodMs(topic.rateHz);
            const std::int64_t k = floorDiv(nowMs, period);
            writer.append(out, k * period, instance.salIndex, k);
        } else if (topic.name == u"logevent_summaryState") {
            auto [state, t] = m_schedule->summaryStateAt(instance, nowMs);
            if (t == 0) {
                state = DemoSummaryState::Standby;
                t = catalogEventTime(topic, nowMs, anchorMs);
            }
            t = std::max(t, nowMs - kOldestMs);
            const DemoFieldValues v = {{QStringLiteral("summaryState"), DemoValue::num(int(state))}};
            writer.append(out, t, instance.salIndex, t / kSecond, &v);
        } else if (topic.name == u"logevent_heartbeat") {
            const std::int64_t offset = (std::int64_t(instance.ordinal) * 7) % kSecond;
            const std::int64_t t = floorDiv(nowMs - offset, kSecond) * kSecond + offset;
            const DemoFieldValues v = {{QStringLiteral("heartbeat"), DemoValue::flag(true)}};
            writer.append(out, t, instance.salIndex, t / kSecond, &v);
        } else {
            const std::int64_t t = catalogEventTime(topic, nowMs, anchorMs);
            writer.append(out, t, instance.salIndex, t / kSecond);
        }
    };

    for (const DemoTopic &topic : m_catalog.topics()) {
        const DemoPointWriter *writer = topic.kind == DemoTopicKind::Telemetry ? telemetryWriter(topic)
                                                                               : m_schedule->writerFor(topic);
        if (writer)
            appendPoint(efd, topic, *writer);
    }
    for (const DemoTopic *topic : m_catalog.replicatedTopics()) {
        auto writer = std::make_unique<DemoPointWriter>(*topic, DemoCatalog::replicaMeasurement(*topic));
        if (topic->csc == u"MTM1M3" && topic->name == u"forceActuatorData")
            continue; // never replicated here; the model is tied to the efd writer
        appendPoint(replica, *topic, *writer);
        m_writers.push_back(std::move(writer));
    }
    addText(catalogStage, QString::fromLatin1(DemoCatalog::kEfdDatabase), std::move(efd));
    addText(catalogStage, QString::fromLatin1(DemoCatalog::kReplicaDatabase), std::move(replica));

    for (const DemoDatabase &db : m_catalog.otherDatabases()) {
        std::string text;
        for (const DemoMeasurement &m : db.measurements) {
            for (size_t s = 0; s < m.tagSets.size(); ++s) {
                std::string prefix = DemoLineProtocol::measurement(m.name);
                for (int k = 0; k < m.tagKeys.size(); ++k)
                    prefix += ',' + DemoLineProtocol::key(m.tagKeys[k]) + '=' + DemoLineProtocol::key(m.tagSets[s].value(k));
                const std::int64_t t = nowMs - kSecond - std::int64_t(DemoSignals::hash(m.name) % std::uint64_t(10 * kMinute))
                                       - std::int64_t(s) * 13;
                appendMeasurementPoint(text, prefix, m, t, std::int64_t(s));
            }
        }
        addText(catalogStage, db.name, std::move(text));
    }
}

void DemoSeedPlan::planOtherDatabases(Stage &target, std::int64_t fromMs, std::int64_t toMs)
{
    for (const DemoDatabase &db : m_catalog.otherDatabases()) {
        std::string text;
        for (const DemoMeasurement &m : db.measurements) {
            const std::int64_t period = std::max<std::int64_t>(kSecond, std::llround(3'600'000.0 / m.pointsPerHour));
            for (size_t s = 0; s < m.tagSets.size(); ++s) {
                std::string prefix = DemoLineProtocol::measurement(m.name);
                for (int k = 0; k < m.tagKeys.size(); ++k)
                    prefix += ',' + DemoLineProtocol::key(m.tagKeys[k]) + '=' + DemoLineProtocol::key(m.tagSets[s].value(k));
                const std::int64_t offset = (std::int64_t(s) * 13 + std::int64_t(DemoSignals::hash(m.name) % 997)) % period;
                for (std::int64_t k = floorDiv(fromMs - offset + period - 1, period); k * period + offset <= toMs; ++k)
                    appendMeasurementPoint(text, prefix, m, k * period + offset, k);
            }
        }
        addText(target, db.name, std::move(text));
    }
}

void DemoSeedPlan::appendMeasurementPoint(std::string &out, const std::string &prefix, const DemoMeasurement &m,
                                          std::int64_t timeMs, std::int64_t k)
{
    out += prefix;
    char sep = ' ';
    const double unixSeconds = double(timeMs) / 1000.0;
    for (const DemoField &f : m.fields) {
        out += sep;
        sep = ',';
        out += DemoLineProtocol::key(f.name);
        out += '=';
        const std::uint64_t seed = DemoSignals::mix(DemoSignals::hash(m.name), DemoSignals::hash(f.name));
        switch (f.type) {
        case DemoFieldType::String: {
            std::string v;
            if (f.name == u"id") {
                char hex[40];
                std::snprintf(hex, sizeof hex, "%016llx%016llx",
                              static_cast<unsigned long long>(DemoSignals::mix(seed, std::uint64_t(timeMs))),
                              static_cast<unsigned long long>(DemoSignals::mix(seed, std::uint64_t(k))));
                v = hex;
            } else if (f.name == u"run") {
                v = "u/ci/weekly_run_" + std::to_string(k % 1000);
            } else if (f.name == u"dataset_type") {
                v = m.name.toStdString() + "_metrics";
            } else {
                v = f.name.toStdString() + '-' + std::to_string(k % 97);
            }
            DemoLineProtocol::appendString(out, v);
            break;
        }
        case DemoFieldType::Boolean:
            DemoLineProtocol::appendBoolean(out, DemoSignals::unit(seed, timeMs) < 0.93);
            break;
        case DemoFieldType::Int32:
        case DemoFieldType::Int64: {
            std::int64_t v = std::int64_t(DemoSignals::mix(seed, std::uint64_t(k)) % 1000);
            if (f.name == u"visit")
                v = 2'024'000'000 + k % 100'000;
            else if (f.name == u"tract")
                v = 9813;
            else if (f.name == u"detector")
                v = k % 189;
            DemoLineProtocol::appendInteger(out, v);
            break;
        }
        case DemoFieldType::Float32:
        case DemoFieldType::Float64: {
            double v;
            if (f.name == u"timestamp" || f.name == u"run_timestamp")
                v = unixSeconds;
            else
                v = (1 + 99 * DemoSignals::unit(seed, 1)) * (1 + 0.05 * DemoSignals::noise(seed, timeMs));
            if (f.name.endsWith(u"timestamp"))
                DemoLineProtocol::appendFixed(out, v, 3);
            else
                DemoLineProtocol::appendFloat(out, v, 5);
            break;
        }
        }
    }
    DemoLineProtocol::appendTime(out, timeMs);
}

} // namespace sasquatch
