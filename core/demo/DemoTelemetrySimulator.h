// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoCatalog.h"
#include "core/http/HttpTransport.h"
#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace sasquatch {

class MemorySchemaSource;

class DemoMockCluster;

/// One periodic telemetry stream of the simulator: sample k is at k * periodMs + offsetMs.
struct DemoSimulatorStream
{
    const DemoTopic *topic = nullptr;
    int salIndex = 0;
    std::int64_t periodMs = 0;
    std::int64_t offsetMs = 0;
};

/// One schema of the simulator's in-process schema source.
struct DemoSchema
{
    int id = 0;
    QString subject;  ///< "<topic>-value", as the Confluent serializer names it
    QByteArray json;
};

struct DemoSimulatorOptions
{
    QString bootstrap;           ///< bootstrap.servers of the cluster to produce to
    DemoMockCluster *cluster = nullptr; ///< when set, topics are created before the first message
    /// The demo influxd: what is produced is also written there (efd, precision ms), as
    /// Sasquatch's InfluxDB sink connector does with time = private_efdStamp. Empty: Kafka only.
    QString influxUrl;
    QString influxDatabase = QStringLiteral("efd"); ///< where those points go
    std::shared_ptr<HttpTransport> http; ///< for the influxd writes; empty: a CurlTransport
    std::int64_t anchorMs = 0;   ///< the demo story's anchor (DemoSeedReport::anchorMs)
    /// Samples are produced for times > startMs (the end of the seeded history); 0 = now.
    std::int64_t startMs = 0;
    std::vector<DemoSimulatorStream> streams; ///< empty: defaultStreams()
    bool events = true;          ///< summaryState, heartbeats and the rest of the event story
    std::chrono::milliseconds tick{5};
    std::chrono::milliseconds influxFlush{500};
};

/// The demo's live telemetry: a thread that publishes, as SAL does, Avro messages with
/// Confluent framing to Kafka — MTM1M3 forceActuatorData (812 values at 50 Hz) from the demo
/// force model, ~30 other telemetry streams at their catalog rates (1–50 Hz) and the event
/// story (summaryState transitions, heartbeats, ...) — and writes the same points to the demo
/// influxd, so history and live agree value for value (each point is rendered once by the
/// seeder's DemoPointWriter / DemoEventSchedule and then sent to both sinks).
///
/// Schema ids are fixed per catalog topic (schemaId()), so the schema source can be filled
/// before any message exists and a restarted simulator keeps its ids.
class DemoTelemetrySimulator
{
public:
    struct Counters
    {
        std::int64_t messages = 0;       ///< handed to the producer
        std::int64_t delivered = 0;      ///< acknowledged by the cluster
        std::int64_t produceErrors = 0;  ///< local queue or delivery failures
        std::int64_t influxLines = 0;    ///< written to influxd
        std::int64_t influxErrors = 0;   ///< failed POST /write
        std::int64_t encodeErrors = 0;
        std::int64_t producedUntilMs = 0; ///< every stream has produced all samples up to here
    };

    DemoTelemetrySimulator(const DemoCatalog &catalog, DemoSimulatorOptions options);
    ~DemoTelemetrySimulator();
    DemoTelemetrySimulator(const DemoTelemetrySimulator &) = delete;
    DemoTelemetrySimulator &operator=(const DemoTelemetrySimulator &) = delete;

    /// The streams the demo seeds an hour or ten minutes of history for, plus the M1M3 forces.
    static std::vector<DemoSimulatorStream> defaultStreams(const DemoCatalog &catalog);
    /// Schema id of a catalog topic: its position in the catalog + 1.
    static int schemaId(const DemoCatalog &catalog, const DemoTopic &topic);
    /// Every topic's schema (ids as schemaId()): what the in-process schema source serves.
    static std::vector<DemoSchema> schemas(const DemoCatalog &catalog);
    /// Those schemas in an in-process source, each the latest of its subject "<topic>-value".
    static std::shared_ptr<MemorySchemaSource> schemaSource(const DemoCatalog &catalog);

    /// Creates the producer and starts the threads; fails with librdkafka's or avro-c's message.
    Outcome<Done> start();
    /// Flushes the producer (a second at most) and the last influxd write, joins the threads.
    void stop();
    bool isRunning() const { return m_running.load(); }

    /// Topics of the periodic streams (Kafka topic = measurement), without the events.
    QStringList streamTopics() const;
    Counters counters() const;
    /// The last produce, encode or write failure (empty when none).
    QString lastError() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    std::atomic<bool> m_running{false};
};

} // namespace sasquatch
