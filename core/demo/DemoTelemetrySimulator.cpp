// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoTelemetrySimulator.h"

#include "core/demo/DemoAvroEncoder.h"
#include "core/demo/DemoEventSchedule.h"
#include "core/demo/DemoInfluxWriter.h"
#include "core/demo/DemoLineReader.h"
#include "core/demo/DemoM1M3ForceModel.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoPointWriter.h"
#include "core/demo/DemoStreams.h"
#include "core/http/CurlTransport.h"
#include "core/kafka/MemorySchemaSource.h"

#include <QDateTime>
#include <QSet>

#include <librdkafka/rdkafka.h>

#include <condition_variable>
#include <map>
#include <string>
#include <thread>
#include <tuple>

namespace sasquatch {

namespace {

constexpr std::int64_t kForcePeriodMs = 20;

std::int64_t periodOf(double rateHz)
{
    return rateHz > 0 ? std::max<std::int64_t>(1, std::llround(1000.0 / rateHz)) : 0;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

struct DemoTelemetrySimulator::Impl
{
    struct Stream
    {
        DemoSimulatorStream spec;
        const DemoPointWriter *writer = nullptr;
        std::int64_t next = 0; ///< index of the next sample
    };

    Impl(const DemoCatalog &c, DemoSimulatorOptions o) : catalog(c), options(std::move(o)) {}

    const DemoCatalog &catalog;
    DemoSimulatorOptions options;
    std::unique_ptr<DemoM1M3ForceModel> m1m3;
    std::unique_ptr<DemoEventSchedule> schedule;
    std::map<const DemoTopic *, std::unique_ptr<DemoPointWriter>> writers;
    std::map<const DemoTopic *, std::shared_ptr<DemoAvroEncoder>> encoders;
    QSet<QString> createdTopics;
    std::vector<Stream> streams;
    rd_kafka_t *producer = nullptr;

    std::thread producerThread;
    std::thread writerThread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> writerStopping{false}; ///< set once the producer thread has ended
    std::mutex mutex; ///< guards everything below
    std::condition_variable wake;
    std::string influxPending;
    Counters counters;
    QString lastError;

    void fail(const QString &message)
    {
        std::lock_guard lock(mutex);
        lastError = message;
    }
    const DemoPointWriter *writerFor(const DemoTopic &topic);
    DemoAvroEncoder *encoderFor(const DemoTopic &topic);
    void publish(const std::string &lines);
    void produceLoop();
    void writeLoop();
};

const DemoPointWriter *DemoTelemetrySimulator::Impl::writerFor(const DemoTopic &topic)
{
    auto &w = writers[&topic];
    if (!w) {
        w = std::make_unique<DemoPointWriter>(topic);
        // Exactly the seeder's settings for this topic, so that live continues the history.
        if (topic.csc == u"MTM1M3" && topic.name == u"forceActuatorData" && m1m3 && m1m3->isValid()) {
            const DemoM1M3ForceModel *model = m1m3.get();
            w->setDataModel([model](std::int64_t t, std::span<double> v) { (*model)(t, v); });
            w->setSignificantDigits(4);
        }
    }
    return w.get();
}

DemoAvroEncoder *DemoTelemetrySimulator::Impl::encoderFor(const DemoTopic &topic)
{
    auto &e = encoders[&topic];
    if (!e) {
        Outcome<std::shared_ptr<DemoAvroEncoder>> made = DemoAvroEncoder::create(topic, schemaId(catalog, topic));
        if (!made) {
            fail(made.error());
            return nullptr;
        }
        e = *made;
    }
    return e.get();
}

void DemoTelemetrySimulator::Impl::publish(const std::string &lines)
{
    // Kafka first: the live path is what latency is measured on.
    DemoLine line;
    std::string value;
    std::size_t pos = 0;
    std::int64_t produced = 0, encodeErrors = 0, produceErrors = 0;
    while (pos < lines.size()) {
        Outcome<std::size_t> read = DemoLineReader::read(std::string_view(lines).substr(pos), line);
        if (!read) {
            fail(read.error());
            ++encodeErrors;
            const std::size_t nl = lines.find('\n', pos);
            pos = nl == std::string::npos ? lines.size() : nl + 1;
            continue;
        }
        pos += *read;
        const QString measurement = QString::fromStdString(line.measurement);
        const DemoTopic *topic = catalog.topic(measurement);
        DemoAvroEncoder *encoder = topic ? encoderFor(*topic) : nullptr;
        if (!encoder) {
            ++encodeErrors;
            continue;
        }
        if (Outcome<Done> done = encoder->encode(line, value); !done) {
            fail(done.error());
            ++encodeErrors;
            continue;
        }
        if (options.cluster && !createdTopics.contains(measurement)) {
            if (Outcome<Done> created = options.cluster->createTopic(measurement); !created)
                fail(created.error());
            createdTopics.insert(measurement);
        }
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            producer, RD_KAFKA_V_TOPIC(line.measurement.c_str()),
            RD_KAFKA_V_VALUE(value.data(), value.size()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_TIMESTAMP(line.time), RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            ++produceErrors;
            fail(QStringLiteral("produce to %1: %2").arg(measurement, QString::fromUtf8(rd_kafka_err2str(err))));
            continue;
        }
        ++produced;
    }
    rd_kafka_poll(producer, 0);

    std::lock_guard lock(mutex);
    counters.messages += produced;
    counters.encodeErrors += encodeErrors;
    counters.produceErrors += produceErrors;
    if (!options.influxUrl.isEmpty())
        influxPending += lines;
}

void DemoTelemetrySimulator::Impl::produceLoop()
{
    std::int64_t eventsUntil = options.startMs; // events with time <= eventsUntil are out
    std::int64_t lastEventTick = 0;
    std::string lines;
    while (!stopping.load()) {
        const std::int64_t now = nowMs();
        lines.clear();
        std::int64_t count = 0;
        for (Stream &s : streams) {
            for (;;) {
                const std::int64_t t = s.next * s.spec.periodMs + s.spec.offsetMs;
                if (t > now)
                    break;
                s.writer->append(lines, t, s.spec.salIndex, s.next);
                ++s.next;
                ++count;
            }
        }
        // Events are few; generating them every 100 ms keeps the schedule's cost negligible.
        if (schedule && now - lastEventTick >= 100) {
            const std::size_t before = lines.size();
            schedule->generate(eventsUntil + 1, now + 1, eventsUntil + 1, lines);
            for (std::size_t i = before; i < lines.size(); ++i)
                count += lines[i] == '\n';
            eventsUntil = now;
            lastEventTick = now;
        }
        if (count > 0)
            publish(lines);
        else
            rd_kafka_poll(producer, 0);
        {
            std::lock_guard lock(mutex);
            counters.producedUntilMs = now;
        }
        std::this_thread::sleep_for(options.tick);
    }
}

void DemoTelemetrySimulator::Impl::writeLoop()
{
    if (!options.http)
        options.http = std::make_shared<CurlTransport>();
    const DemoInfluxWriter influx(options.http, options.influxUrl);
    const QString database = options.influxDatabase;
    std::string batch;
    for (;;) {
        bool last = false;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, options.influxFlush, [&] { return writerStopping.load(); });
            last = writerStopping.load();
            batch.swap(influxPending);
            influxPending.clear();
        }
        // A catch-up after seeding can be large: POST it in pieces influxd accepts (the
        // seeder's batch size), cut at line ends.
        std::size_t begin = 0;
        while (begin < batch.size()) {
            std::size_t end = std::min(batch.size(), begin + DemoSeedOptions{}.batchBytes);
            if (end < batch.size()) {
                const std::size_t newline = batch.rfind('\n', end - 1);
                end = newline == std::string::npos || newline < begin ? batch.find('\n', begin) + 1 : newline + 1;
            }
            std::int64_t pieceLines = 0;
            for (std::size_t i = begin; i < end; ++i)
                pieceLines += batch[i] == '\n';
            const Outcome<Done> written = influx.write(database, batch.substr(begin, end - begin));
            std::lock_guard lock(mutex);
            if (written) {
                counters.influxLines += pieceLines;
            } else {
                ++counters.influxErrors;
                lastError = written.error();
            }
            begin = end;
        }
        batch.clear();
        if (last)
            return;
    }
}

DemoTelemetrySimulator::DemoTelemetrySimulator(const DemoCatalog &catalog, DemoSimulatorOptions options)
    : d(std::make_unique<Impl>(catalog, std::move(options)))
{
}

DemoTelemetrySimulator::~DemoTelemetrySimulator()
{
    stop();
}

std::vector<DemoSimulatorStream> DemoTelemetrySimulator::defaultStreams(const DemoCatalog &catalog)
{
    std::vector<DemoSimulatorStream> out;
    if (const DemoTopic *forces = catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")))
        out.push_back({forces, 0, periodOf(forces->rateHz) > 0 ? periodOf(forces->rateHz) : kForcePeriodMs, 0});
    // Live continues the seeder's hour and ten-minute streams (DemoSeedPlan).
    DemoStreamList live = demoHourStreams();
    live.insert(live.end(), demoWindowStreams().begin(), demoWindowStreams().end());
    for (const auto &[cscName, topicName, indices] : live) {
        const DemoTopic *topic = catalog.topic(QString::fromLatin1(cscName), QString::fromLatin1(topicName));
        const DemoCsc *csc = catalog.csc(QString::fromLatin1(cscName));
        if (!topic || !csc || topic->kind != DemoTopicKind::Telemetry || topic->rateHz <= 0)
            continue;
        const std::int64_t period = periodOf(topic->rateHz);
        std::vector<int> instances = indices;
        if (instances.empty())
            instances.push_back(csc->isIndexed() ? csc->salIndices.front() : 0);
        for (int index : instances) {
            // The seeder's phase for this instance (DemoSeedPlan::addStreams), so the live
            // samples continue the history's time grid.
            int position = 0;
            for (std::size_t i = 0; i < csc->salIndices.size(); ++i)
                if (csc->salIndices[i] == index)
                    position = int(i);
            out.push_back({topic, index, period, (position * 7) % period});
        }
    }
    return out;
}

int DemoTelemetrySimulator::schemaId(const DemoCatalog &catalog, const DemoTopic &topic)
{
    return int(&topic - catalog.topics().data()) + 1;
}

std::vector<DemoSchema> DemoTelemetrySimulator::schemas(const DemoCatalog &catalog)
{
    std::vector<DemoSchema> out;
    out.reserve(catalog.topics().size());
    for (const DemoTopic &t : catalog.topics())
        out.push_back({schemaId(catalog, t), t.measurement() + QStringLiteral("-value"), DemoAvroEncoder::schemaJson(t)});
    return out;
}

std::shared_ptr<MemorySchemaSource> DemoTelemetrySimulator::schemaSource(const DemoCatalog &catalog)
{
    auto source = std::make_shared<MemorySchemaSource>();
    for (const DemoSchema &s : schemas(catalog))
        source->insert(s.id, s.json, s.subject);
    return source;
}

Outcome<Done> DemoTelemetrySimulator::start()
{
    if (m_running.load())
        return Done{};
    Impl &p = *d;
    if (p.options.startMs == 0)
        p.options.startMs = nowMs();
    if (p.options.anchorMs == 0)
        p.options.anchorMs = p.options.startMs;
    if (p.options.streams.empty())
        p.options.streams = defaultStreams(p.catalog);
    if (const DemoTopic *forces = p.catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")))
        p.m1m3 = std::make_unique<DemoM1M3ForceModel>(*forces, p.options.anchorMs);
    if (p.options.events)
        p.schedule = std::make_unique<DemoEventSchedule>(p.catalog, p.options.anchorMs);

    p.streams.clear();
    for (const DemoSimulatorStream &s : p.options.streams) {
        if (!s.topic || s.periodMs <= 0)
            return Failure{QStringLiteral("simulator stream without a topic or a period")};
        Impl::Stream stream;
        stream.spec = s;
        stream.writer = p.writerFor(*s.topic);
        stream.next = floorDiv(p.options.startMs - s.offsetMs, s.periodMs) + 1;
        if (!p.encoderFor(*s.topic))
            return Failure{p.lastError};
        if (p.options.cluster) {
            if (Outcome<Done> created = p.options.cluster->createTopic(s.topic->measurement()); !created)
                return created;
            p.createdTopics.insert(s.topic->measurement());
        }
        p.streams.push_back(stream);
    }

    char errstr[512] = {};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    const QByteArray bootstrap = p.options.bootstrap.toUtf8();
    const std::pair<const char *, const char *> settings[] = {
        {"bootstrap.servers", bootstrap.constData()},
        {"linger.ms", "1"}, // live telemetry: latency over batching
        {"enable.idempotence", "true"}, // a retried request must not reorder a stream's samples
        {"queue.buffering.max.messages", "1000000"},
        {"client.id", "sasquatch-demo-simulator"},
    };
    for (const auto &[key, value] : settings) {
        if (rd_kafka_conf_set(conf, key, value, errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return Failure{QStringLiteral("simulator producer setting %1: %2").arg(QLatin1String(key), QString::fromUtf8(errstr))};
        }
    }
    rd_kafka_conf_set_opaque(conf, &p);
    rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t *, const rd_kafka_message_t *m, void *opaque) {
        auto *impl = static_cast<Impl *>(opaque);
        std::lock_guard lock(impl->mutex);
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            ++impl->counters.delivered;
        } else {
            ++impl->counters.produceErrors;
            impl->lastError = QStringLiteral("delivery to %1 failed: %2")
                                  .arg(QString::fromUtf8(rd_kafka_topic_name(m->rkt)), QString::fromUtf8(rd_kafka_err2str(m->err)));
        }
    });
    p.producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!p.producer) {
        rd_kafka_conf_destroy(conf);
        return Failure{QStringLiteral("cannot create the simulator's Kafka producer: %1").arg(QString::fromUtf8(errstr))};
    }

    p.stopping = false;
    p.writerStopping = false;
    m_running = true;
    p.producerThread = std::thread([&p] { p.produceLoop(); });
    if (!p.options.influxUrl.isEmpty())
        p.writerThread = std::thread([&p] { p.writeLoop(); });
    return Done{};
}

void DemoTelemetrySimulator::stop()
{
    if (!m_running.load())
        return;
    Impl &p = *d;
    p.stopping = true;
    p.wake.notify_all();
    if (p.producerThread.joinable())
        p.producerThread.join();
    // The writer takes what the producer queued last, then ends.
    p.writerStopping = true;
    p.wake.notify_all();
    if (p.writerThread.joinable())
        p.writerThread.join();
    if (p.producer) {
        rd_kafka_flush(p.producer, 1000);
        rd_kafka_destroy(p.producer);
        p.producer = nullptr;
    }
    m_running = false;
}

QStringList DemoTelemetrySimulator::streamTopics() const
{
    QStringList topics;
    const auto &streams = d->options.streams.empty() ? defaultStreams(d->catalog) : d->options.streams;
    for (const DemoSimulatorStream &s : streams)
        if (s.topic && !topics.contains(s.topic->measurement()))
            topics.append(s.topic->measurement());
    return topics;
}

DemoTelemetrySimulator::Counters DemoTelemetrySimulator::counters() const
{
    std::lock_guard lock(d->mutex);
    return d->counters;
}

QString DemoTelemetrySimulator::lastError() const
{
    std::lock_guard lock(d->mutex);
    return d->lastError;
}

} // namespace sasquatch
