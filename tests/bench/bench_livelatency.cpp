// SPDX-License-Identifier: GPL-3.0-or-later
// Produce -> visible-in-series latency of the live tail, the whole way a user sees it: the
// demo simulator (DemoPointWriter -> avro-c -> Confluent framing -> librdkafka producer,
// linger 1 ms) publishes N topics at R Hz to librdkafka's in-process mock cluster; a
// LiveSession (KafkaTail worker: fetch, schema lookup, decode; queued signal to this thread;
// LiveSeam; SeriesStore::append into the 10-minute ring) makes them visible. Latency per
// sample = wall clock when samplesAppended() fires and the sample is in the store - the
// sample's time (private_efdStamp; the simulator produces a sample within 1 ms after it).
// Prints p50/p90/p99/max; never fails on time. Defaults are the live panel's consumer settings
// (hand-over every 10 ms, fetch.wait.max.ms 25: librdkafka's mock broker holds a fetch for the
// whole wait when it has nothing, so librdkafka's 500 ms default shows as 500 ms of latency).
//
//   cmake --build build-live --target bench_livelatency
//   build-live/bin/bench_livelatency [--topics 50] [--rate 50] [--seconds 15]
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/http/CurlTransport.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/series/LiveSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace sasquatch;

namespace {

std::int64_t wallNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption topicsOpt(QStringLiteral("topics"), QStringLiteral("topics"), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Hz per topic"), QStringLiteral("R"), QStringLiteral("50"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("measured seconds"), QStringLiteral("S"), QStringLiteral("15"));
    const QCommandLineOption batchOpt(QStringLiteral("batch-ms"), QStringLiteral("consumer hand-over interval"), QStringLiteral("MS"), QStringLiteral("10"));
    const QCommandLineOption waitOpt(QStringLiteral("fetch-wait-ms"), QStringLiteral("librdkafka fetch.wait.max.ms"), QStringLiteral("MS"), QStringLiteral("25"));
    parser.addOptions({topicsOpt, rateOpt, secondsOpt, batchOpt, waitOpt});
    parser.process(app);
    const int topics = parser.value(topicsOpt).toInt();
    const int rate = parser.value(rateOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();

    const DemoCatalog &catalog = DemoCatalog::instance();
    auto cluster = DemoMockCluster::start();
    if (!cluster) {
        std::fprintf(stderr, "%s\n", qPrintable(cluster.error()));
        return 1;
    }
    // N telemetry topics (the M1M3 forces first, 812 values), each with one numeric field watched.
    std::vector<DemoSimulatorStream> streams;
    std::map<QString, QStringList> fields;
    std::vector<SeriesKey> watched;
    const std::int64_t period = std::max(1, 1000 / rate);
    std::vector<const DemoTopic *> chosen{catalog.topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"))};
    for (const DemoTopic &t : catalog.topics())
        if (int(chosen.size()) < topics && t.kind == DemoTopicKind::Telemetry && &t != chosen.front())
            chosen.push_back(&t);
    for (const DemoTopic *t : chosen) {
        for (const DemoField &f : t->fields) {
            if (f.role != DemoFieldRole::Data || f.type == DemoFieldType::String)
                continue;
            const QString name = f.flattenedName(0);
            streams.push_back({t, 0, period, std::int64_t(streams.size() * 7) % period});
            fields[t->measurement()] = {name};
            watched.push_back({t->measurement().toStdString(), name.toStdString(), {}});
            break;
        }
    }
    DemoSimulatorOptions options;
    options.bootstrap = (*cluster)->bootstraps();
    options.cluster = cluster->get();
    options.events = false;
    options.streams = streams;
    options.tick = std::chrono::milliseconds(1);
    DemoTelemetrySimulator simulator(catalog, options);

    SeriesStore store;
    LiveSession session(store, std::make_shared<CurlTransport>());
    auto schemas = DemoTelemetrySimulator::schemaSource(catalog);
    KafkaConsumerConfig kafka;
    kafka.bootstrapServers = options.bootstrap;
    kafka.tls = false;
    kafka.schemas = schemas;
    kafka.batchInterval = std::chrono::milliseconds(parser.value(batchOpt).toInt());
    kafka.extraProperties.emplace_back("fetch.wait.max.ms", parser.value(waitOpt).toStdString());
    session.setKafkaConfig(kafka);
    session.setFields(fields);
    if (Outcome<Done> s = session.start(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    std::vector<std::size_t> seen(watched.size(), 0);
    std::vector<double> latencyMs;
    std::int64_t measureFromNs = 0;
    QObject::connect(&session, &LiveSession::samplesAppended, &app, [&] {
        const std::int64_t now = wallNs();
        for (std::size_t i = 0; i < watched.size(); ++i) {
            const std::optional<SeriesId> id = store.find(watched[i]);
            if (!id)
                continue;
            const std::span<const std::int64_t> times = store.times(*id);
            for (std::size_t k = seen[i]; k < times.size(); ++k)
                if (measureFromNs && times[k] >= measureFromNs)
                    latencyMs.push_back(double(now - times[k]) / 1e6);
            seen[i] = times.size();
        }
    });
    // Start producing once the consumer has its partitions (the mock broker answers fast).
    QTimer::singleShot(2000, &app, [&] {
        if (Outcome<Done> s = simulator.start(); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            app.exit(1);
        }
    });
    QTimer::singleShot(5000, &app, [&] { measureFromNs = wallNs(); }); // 3 s warm-up
    QTimer::singleShot(5000 + seconds * 1000, &app, [&] { app.quit(); });
    const int code = app.exec();
    simulator.stop();
    session.stop();
    if (code != 0)
        return code;
    const DemoTelemetrySimulator::Counters c = simulator.counters();
    const double expected = double(watched.size()) * rate * seconds;
    std::printf("live latency, produce -> visible in series (simulator -> mock cluster -> KafkaTail -> LiveSession -> SeriesStore)\n");
    std::printf("consumer hand-over every %s ms, fetch.wait.max.ms %s\n", qPrintable(parser.value(batchOpt)), qPrintable(parser.value(waitOpt)));
    std::printf("topics %zu x %d Hz, %d s measured: %zu samples seen (%.0f expected), %lld messages produced, %lld produce errors\n",
                watched.size(), rate, seconds, latencyMs.size(), expected, (long long)c.messages, (long long)c.produceErrors);
    std::printf("p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms\n", percentile(latencyMs, 0.5),
                percentile(latencyMs, 0.9), percentile(latencyMs, 0.99), percentile(latencyMs, 1.0));
    return 0;
}
