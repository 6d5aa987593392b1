// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoSeedPlan.h"

#include "core/demo/DemoLineProtocol.h"
#include "core/demo/DemoM1M3ForceModel.h"
#include "core/demo/DemoSignals.h"
#include "core/demo/DemoStreams.h"

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

int indexPosition(const DemoCsc &csc, int salIndex)
{
    for (size_t i = 0; i < csc.salIndices.size(); ++i)
        if (csc.salIndices[i] == salIndex)
            return int(i);
    return 0;
}

int firstIndex(const DemoCsc *csc)
{
    return csc && csc->isIndexed() ? csc->salIndices.front() : 0;
}

} // namespace

DemoSeedPlan::DemoSeedPlan(const DemoCatalog &catalog, const DemoSeedOptions &options, std::int64_t nowMs,
                           std::int64_t anchorMs)
    : m_catalog(catalog), m_options(options)
{
    m_schedule = std::make_unique<DemoEventSchedule>(catalog, anchorMs);
    if (const DemoTopic *forces = catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")))
        m_m1m3 = std::make_unique<DemoM1M3ForceModel>(*forces, anchorMs);

    planCatalog(nowMs, anchorMs);
    m_catalogStage = int(m_stages.size()) - 1;

    const std::int64_t from = options.historyFromMs;
    const auto windowStart = [&](std::chrono::seconds length) {
        return std::max(from, nowMs - std::int64_t(length.count()) * kSecond);
    };
    std::vector<StreamSpec> hour;
    for (const auto &[c, t, i] : demoHourStreams())
        hour.push_back({c, t, i});
    std::vector<StreamSpec> window;
    for (const auto &[c, t, i] : demoWindowStreams())
        window.push_back({c, t, i});
    const DemoTopic *forces = catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));

    if (options.level == DemoSeedLevel::Catalog) {
        // A little of everything, enough for tests to query real curves.
        Stage &sample = stage(QStringLiteral("Sample data"));
        std::string events;
        m_schedule->generate(nowMs - 2 * kMinute, nowMs + 1, nowMs - kMinute, events);
        addText(sample, QString::fromLatin1(DemoCatalog::kEfdDatabase), std::move(events));
        addStreams(sample, {{"MTMount", "azimuth", {}}, {"MTMount", "elevation", {}}, {"ESS", "temperature", {101, 301}}},
                   nowMs - 2 * kMinute, nowMs);
        if (forces && m_m1m3 && m_m1m3->isValid()) {
            addPeriodic(sample, QString::fromLatin1(DemoCatalog::kEfdDatabase), *telemetryWriter(*forces), 0,
                        periodMs(forces->rateHz), 0,
                        nowMs - 5 * kSecond, nowMs);
        }
        planOtherDatabases(sample, nowMs - 60 * kMinute, nowMs);
        return;
    }

    Stage &events = stage(QStringLiteral("Events and commands"));
    std::string text;
    m_schedule->generate(windowStart(options.telemetryHistory), nowMs + 1, windowStart(options.heartbeatHistory), text);
    addText(events, QString::fromLatin1(DemoCatalog::kEfdDatabase), std::move(text));

    Stage &telemetry = stage(QStringLiteral("Telemetry"));
    addStreams(telemetry, hour, windowStart(options.telemetryHistory), nowMs);
    addStreams(telemetry, window, windowStart(options.m1m3History), nowMs);
    std::vector<StreamSpec> skip = hour;
    skip.insert(skip.end(), window.begin(), window.end());
    skip.push_back({"MTM1M3", "forceActuatorData", {}});
    planTails(telemetry, windowStart(std::chrono::seconds{60}), nowMs, skip);
    for (const DemoTopic *t : catalog.replicatedTopics()) {
        auto replica = std::make_unique<DemoPointWriter>(*t, DemoCatalog::replicaMeasurement(*t));
        const std::int64_t period = t->kind == DemoTopicKind::Telemetry ? periodMs(t->rateHz) : 0;
        if (period > 0)
            addPeriodic(telemetry, QString::fromLatin1(DemoCatalog::kReplicaDatabase), *replica,
                        firstIndex(catalog.csc(t->csc)), period, 0, windowStart(std::chrono::seconds{300}), nowMs);
        m_writers.push_back(std::move(replica));
    }
    planOtherDatabases(telemetry, windowStart(options.telemetryHistory), nowMs);

    if (forces && m_m1m3 && m_m1m3->isValid()) {
        Stage &m1m3 = stage(QStringLiteral("MTM1M3 force actuator history"));
        const DemoPointWriter *w = telemetryWriter(*forces);
        addPeriodic(m1m3, QString::fromLatin1(DemoCatalog::kEfdDatabase), *w, 0, periodMs(forces->rateHz), 0,
                    windowStart(options.m1m3History), nowMs);
    }
}

DemoSeedPlan::~DemoSeedPlan() = default;

std::int64_t DemoSeedPlan::periodMs(double rateHz)
{
    return rateHz > 0 ? std::max<std::int64_t>(1, std::llround(1000.0 / rateHz)) : 0;
}

std::int64_t DemoSeedPlan::totalValues() const
{
    std::int64_t n = 0;
    for (const Stage &s : m_stages)
        n += s.values;
    return n;
}

DemoSeedPlan::Stage &DemoSeedPlan::stage(const QString &name)
{
    m_stages.push_back(Stage{name, {}, 0, 0});
    return m_stages.back();
}

const DemoPointWriter *DemoSeedPlan::telemetryWriter(const DemoTopic &topic)
{
    for (const auto &[t, w] : m_telemetryWriters)
        if (t == &topic)
            return w;
    auto writer = std::make_unique<DemoPointWriter>(topic);
    if (topic.csc == u"MTM1M3" && topic.name == u"forceActuatorData" && m_m1m3 && m_m1m3->isValid()) {
        const DemoM1M3ForceModel *model = m_m1m3.get();
        writer->setDataModel([model](std::int64_t t, std::span<double> v) { (*model)(t, v); });
        writer->setSignificantDigits(4);
    }
    m_telemetryWriters.emplace_back(&topic, writer.get());
    m_writers.push_back(std::move(writer));
    return m_writers.back().get();
}

void DemoSeedPlan::addPeriodic(Stage &stage, const QString &database, const DemoPointWriter &writer, int salIndex,
                               std::int64_t period, std::int64_t offsetMs, std::int64_t fromMs, std::int64_t toMs)
{
    if (period <= 0 || toMs < fromMs)
        return;
    const std::int64_t first = floorDiv(fromMs - offsetMs + period - 1, period);
    const std::int64_t last = floorDiv(toMs - offsetMs, period);
    if (last < first)
        return;
    const std::int64_t perBatch =
        std::clamp<std::int64_t>(std::int64_t(m_options.batchBytes / std::max<std::size_t>(1, writer.lineBytes())), 1,
                                 DemoSeedOptions::kMaxLinesPerBatch);
    for (std::int64_t k = first; k <= last; k += perBatch) {
        DemoSeedBatch b;
        b.database = database;
        b.writer = &writer;
        b.salIndex = salIndex;
        b.periodMs = period;
        b.offsetMs = offsetMs;
        b.firstSample = k;
        b.count = std::min(perBatch, last - k + 1);
        b.lines = b.count;
        b.values = b.count * writer.valueCount();
        stage.values += b.values;
        stage.lines += b.lines;
        stage.batches.push_back(std::move(b));
    }
}

void DemoSeedPlan::addStreams(Stage &stage, const std::vector<StreamSpec> &specs, std::int64_t fromMs, std::int64_t toMs)
{
    for (const StreamSpec &spec : specs) {
        const DemoTopic *topic = m_catalog.topic(QString::fromLatin1(spec.csc), QString::fromLatin1(spec.topic));
        const DemoCsc *csc = m_catalog.csc(QString::fromLatin1(spec.csc));
        if (!topic || !csc || topic->kind != DemoTopicKind::Telemetry)
            continue;
        const std::int64_t period = periodMs(topic->rateHz);
        const DemoPointWriter *writer = telemetryWriter(*topic);
        const std::vector<int> indices = spec.salIndices.empty() ? std::vector<int>{firstIndex(csc)} : spec.salIndices;
        for (int index : indices) {
            const std::int64_t offset = (indexPosition(*csc, index) * 7) % period;
            addPeriodic(stage, QString::fromLatin1(DemoCatalog::kEfdDatabase), *writer, index, period, offset, fromMs, toMs);
        }
    }
}

void DemoSeedPlan::planTails(Stage &stage, std::int64_t fromMs, std::int64_t toMs, const std::vector<StreamSpec> &skip)
{
    // Every other telemetry topic gets its last minute at up to 1 Hz, so that a plot of any
    // topic over the recent past shows a curve, not a single point.
    for (const DemoTopic &topic : m_catalog.topics()) {
        if (topic.kind != DemoTopicKind::Telemetry)
            continue;
        bool skipped = false;
        for (const StreamSpec &s : skip)
            skipped = skipped || (topic.csc == QLatin1String(s.csc) && topic.name == QLatin1String(s.topic));
        if (skipped)
            continue;
        const std::int64_t period = std::max<std::int64_t>(kSecond, periodMs(topic.rateHz));
        addPeriodic(stage, QString::fromLatin1(DemoCatalog::kEfdDatabase), *telemetryWriter(topic),
                    firstIndex(m_catalog.csc(topic.csc)), period, 0, fromMs, toMs);
    }
}

void DemoSeedPlan::addText(Stage &stage, const QString &database, std::string text)
{
    auto shared = std::make_shared<const std::string>(std::move(text));
    const std::string &all = *shared;
    std::size_t begin = 0;
    while (begin < all.size()) {
        std::size_t end = std::min(all.size(), begin + m_options.batchBytes);
        if (end < all.size()) {
            const std::size_t newline = all.rfind('\n', end - 1);
            end = newline == std::string::npos || newline < begin ? all.find('\n', end) : newline;
            end = end == std::string::npos ? all.size() : end + 1;
        }
        // Respect the line cap too: cut after kMaxLinesPerBatch lines.
        std::size_t cut = begin;
        std::int64_t lines = 0;
        while (cut < end && lines < DemoSeedOptions::kMaxLinesPerBatch) {
            const std::size_t nl = all.find('\n', cut);
            cut = nl == std::string::npos ? all.size() : nl + 1;
            ++lines;
        }
        end = std::min(end, cut);
        DemoSeedBatch b;
        b.database = database;
        b.text = shared;
        b.begin = begin;
        b.end = end;
        b.lines = lines;
        b.values = countValues(std::string_view(all).substr(begin, end - begin));
        stage.values += b.values;
        stage.lines += b.lines;
        stage.batches.push_back(std::move(b));
        begin = end;
    }
}

std::int64_t DemoSeedPlan::countValues(std::string_view lines)
{
    std::int64_t values = 0;
    bool inQuotes = false;
    bool inFields = false; // after the space that ends the measurement (and tags)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const char c = lines[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (inQuotes) {
            inQuotes = c != '"';
            continue;
        }
        if (c == '"') {
            inQuotes = true;
        } else if (c == ' ') {
            if (!inFields)
                ++values; // the first field
            inFields = !inFields; // the second space starts the timestamp
        } else if (c == ',' && inFields) {
            ++values;
        } else if (c == '\n') {
            inFields = false;
        }
    }
    return values;
}

void DemoSeedPlan::render(const DemoSeedBatch &batch, std::string &out) const
{
    out.clear();
    if (batch.text) {
        out.assign(*batch.text, batch.begin, batch.end - batch.begin);
        return;
    }
    out.reserve(std::size_t(batch.count) * batch.writer->lineBytes());
    for (std::int64_t k = batch.firstSample; k < batch.firstSample + batch.count; ++k)
        batch.writer->append(out, k * batch.periodMs + batch.offsetMs, batch.salIndex, k);
}

} // namespace sasquatch
