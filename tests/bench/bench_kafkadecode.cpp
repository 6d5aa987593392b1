// SPDX-License-Identifier: GPL-3.0-or-later
// Kafka decode + append rate for MTM1M3 forceActuatorData (812 values per message, Confluent-
// framed Avro), kcat's raw consume rate of the same topic from the same broker, and the
// produce -> visible-in-series latency at 50 Hz x 50 topics.
//
// Run:
//   cmake --build build-kafka --target bench_kafkadecode
//   build-kafka/bin/bench_kafkadecode [--messages 50000] [--latency-seconds 10] [--topics 50] [--rate 50]
//
// What it measures, in one run, against librdkafka's mock cluster in this process:
//   (a) in memory, one thread: AvroDecodePlan::decode and avro-c's generic decoder
//       (AvroReferenceDecoder) over the encoded messages, no Kafka (the decoders alone);
//   (b) through KafkaConsumer from offset 0: fetch + Confluent framing + schema lookup (cached)
//       + plan decode on the consumer's worker thread, which also converts each batch
//       (DecodedBatch::toSampleBatch) and appends it into a SeriesStore (10-minute window) —
//       decode + append on ONE thread, whose CPU time is reported beside the wall time;
//       librdkafka's own broker threads fetch beside it;
//   (c) kcat -C -b <bootstraps> -t <topic> -e -o beginning -q > /dev/null on the same topic
//       (raw consume, no decoding); skipped with a message when /usr/bin/kcat is absent;
//   (d) latency: a producer thread sends forceActuatorData to N topics at R Hz each, with the
//       send time (CLOCK_REALTIME) in private_sndStamp; a KafkaTail delivers batches, already
//       converted to SampleBatch on the consumer thread (KafkaConsumerConfig::sampleFields, as
//       the live session has them), to the main thread (queued signal, as the GUI gets them),
//       which appends them to a SeriesStore;
//       latency = time the append returned - send time, per message; p50/p99/max.
// Never fails on time; exit 1 only if values decoded differ from those produced.
#include "core/kafka/AvroDecodePlan.h"
#include "core/kafka/AvroReferenceDecoder.h"
#include "core/kafka/AvroSchema.h"
#include "core/kafka/KafkaConsumer.h"
#include "core/kafka/KafkaTail.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/series/SeriesStore.h"
#include "tests/support/AvroTestWriter.h"
#include "tests/support/KafkaTestCluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <ctime>
#include <mutex>
#include <thread>

using namespace sasquatch;
using sasquatch::test::AvroTestWriter;
using sasquatch::test::KafkaTestCluster;

namespace {

const QString kTopic = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

/// Runs the event loop for `ms`, sleeping while nothing happens, as the GUI's loop does (a
/// processEvents() spin would take a core from the threads being measured).
void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
constexpr double kT0 = 1763950000.0; // private_efdStamp of message 0 (UTC s)

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double realtimeSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

/// Distinct random message bodies; private_efdStamp (the first field: bytes 0-7 of the body)
/// is patched per message so that times increase.
std::vector<QByteArray> makeBodies(AvroTestWriter &writer, int distinct)
{
    std::mt19937_64 rng(1234);
    std::vector<QByteArray> bodies;
    nlohmann::json values;
    const QByteArray probe = writer.randomRecord(rng, 0, &values); // field names and scalar types
    Q_UNUSED(probe);
    for (int i = 0; i < distinct; ++i) {
        nlohmann::json v = values;
        for (auto &[name, value] : v.items()) {
            if (value.is_number_float() || value.is_null()) // null: a nullable real the probe left empty
                value = double(float(std::uniform_real_distribution<double>(-2000, 2000)(rng)));
        }
        for (const auto &[name, length] : std::vector<std::pair<std::string, int>>{{"primaryCylinderForce", 156}, {"secondaryCylinderForce", 112},
                 {"primaryCylinderFollowingError", 156}, {"secondaryCylinderFollowingError", 112}, {"xForce", 12}, {"yForce", 100}, {"zForce", 156}}) {
            v[name] = nlohmann::json::array();
            for (int k = 0; k < length; ++k)
                v[name].push_back(double(float(std::uniform_real_distribution<double>(-3000, 3000)(rng))));
        }
        v["private_efdStamp"] = kT0;
        v["private_identity"] = "MTM1M3";
        v["private_revCode"] = "c3fbb3ab";
        v["salIndex"] = 0;
        bodies.push_back(writer.record(v));
        if (!writer.ok())
            qFatal("%s", qPrintable(writer.error()));
    }
    return bodies;
}

QByteArray messageAt(const std::vector<QByteArray> &bodies, std::int32_t schemaId, std::int64_t i, double efd)
{
    QByteArray m = AvroTestWriter::framed(schemaId, bodies[std::size_t(i) % bodies.size()]);
    std::memcpy(m.data() + 5, &efd, 8); // Avro doubles are little-endian, as is this machine
    return m;
}

/// The numeric fields of `batches` (one topic, one layout) as one SampleBatch per partition
/// (tagged partition=N): times increase within a partition, not across the interleaved
/// partitions of a batch.
std::vector<SampleBatch> perPartition(const std::vector<DecodedBatchPtr> &batches)
{
    std::map<std::int32_t, std::vector<std::pair<const DecodedBatch *, std::size_t>>> rows;
    for (const auto &b : batches)
        for (std::size_t r = 0; r < b->rowCount(); ++r)
            rows[b->meta(r).partition].emplace_back(b.get(), r);
    std::vector<SampleBatch> out;
    const MessageLayout &layout = batches.front()->layout();
    for (const auto &[partition, list] : rows) {
        SampleBatch s;
        s.topic = batches.front()->topic();
        s.tags = {{"partition", std::to_string(partition)}};
        for (const auto &[b, r] : list)
            s.times.push_back(b->meta(r).time_ns);
        for (std::size_t f = 0; f < layout.fields.size(); ++f) {
            const LayoutField &lf = layout.fields[f];
            if (columnKind(lf.type) == KafkaColumnKind::Text)
                continue;
            BatchField field{lf.name, {}};
            field.values.reserve(list.size());
            if (columnKind(lf.type) == KafkaColumnKind::Real) {
                for (const auto &[b, r] : list)
                    field.values.push_back(b->realColumn(lf.slot)[r]);
            } else {
                for (const auto &[b, r] : list)
                    field.values.push_back(b->number(r, f));
            }
            s.fields.push_back(std::move(field));
        }
        out.push_back(std::move(s));
    }
    return out;
}

void section(const char *title)
{
    std::printf("\n== %s\n", title);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("Messages in the topic."), QStringLiteral("N"),
                                         QStringLiteral("50000"));
    const QCommandLineOption latencyOpt(QStringLiteral("latency-seconds"), QStringLiteral("Length of the latency run (0: skip)."),
                                        QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption topicsOpt(QStringLiteral("topics"), QStringLiteral("Topics in the latency run."), QStringLiteral("N"),
                                       QStringLiteral("50"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Messages per second per topic in the latency run."),
                                     QStringLiteral("HZ"), QStringLiteral("50"));
    const QCommandLineOption propertyOpt(QStringLiteral("consumer-property"),
                                         QStringLiteral("Extra librdkafka consumer property for the latency run (repeatable)."),
                                         QStringLiteral("NAME=VALUE"));
    parser.addOptions({messagesOpt, latencyOpt, topicsOpt, rateOpt, propertyOpt});
    parser.process(app);
    const std::int64_t messages = parser.value(messagesOpt).toLongLong();
    const int latencySeconds = parser.value(latencyOpt).toInt();
    const int latencyTopics = parser.value(topicsOpt).toInt();
    const int rate = parser.value(rateOpt).toInt();
    int exitCode = 0;

    const QByteArray schemaJson = AvroTestWriter::forceActuatorDataSchema();
    AvroTestWriter writer(schemaJson);
    auto schemas = std::make_shared<MemorySchemaSource>();
    const std::int32_t schemaId = schemas->registerSchema(kTopic + QStringLiteral("-value"), schemaJson);
    const std::vector<QByteArray> bodies = makeBodies(writer, 64);
    auto schema = AvroSchema::parse(schemaJson, schemaId);
    auto plan = AvroDecodePlan::compile(*schema);
    if (!plan)
        qFatal("%s", qPrintable(plan.error()));
    const std::size_t valuesPerMessage = (*plan)->layout()->numericFieldCount();
    std::printf("forceActuatorData: %zu numeric fields per message (812 + SAL private fields), %lld bytes per message\n",
                valuesPerMessage, qlonglong(bodies[0].size() + 5));

    // (a) The decoders alone.
    section("(a) decoders alone, in memory, one thread");
    {
        const int n = 20000;
        for (int which = 0; which < 2; ++which) {
            DecodedBatch batch("t", (*plan)->layout());
            batch.reserve(4096);
            AvroReferenceDecoder reference(*schema);
            QElapsedTimer timer;
            timer.start();
            const double cpu0 = threadCpuSeconds();
            for (int i = 0; i < n; ++i) {
                const QByteArray &b = bodies[std::size_t(i) % bodies.size()];
                const auto *data = reinterpret_cast<const std::uint8_t *>(b.constData());
                const bool ok = which == 0 ? (*plan)->decode(data, std::size_t(b.size()), {}, batch)
                                           : reference.decode(data, std::size_t(b.size()), {}, batch);
                if (!ok)
                    qFatal("decode failed");
                if (batch.rowCount() == 4096)
                    batch = DecodedBatch("t", (*plan)->layout()), batch.reserve(4096);
            }
            const double cpu = threadCpuSeconds() - cpu0;
            const double wall = double(timer.nsecsElapsed()) * 1e-9;
            std::printf("  %-28s %10.0f msg/s  %7.1f M values/s  (wall %.3f s, cpu %.3f s, %d messages)\n",
                        which == 0 ? "AvroDecodePlan:" : "avro-c generic (reference):", n / cpu, n * double(valuesPerMessage) / cpu / 1e6,
                        wall, cpu, n);
        }
        // The same topic as later ts_xml versions register it: every float and double (array
        // items too) a ["T","null"] union, so each element carries a branch byte.
        const QByteArray nullableJson = AvroTestWriter::forceActuatorDataSchema(true);
        AvroTestWriter nullableWriter(nullableJson);
        const std::vector<QByteArray> nullableBodies = makeBodies(nullableWriter, 64);
        auto nullableSchema = AvroSchema::parse(nullableJson, schemaId + 1);
        auto nullablePlan = nullableSchema ? AvroDecodePlan::compile(*nullableSchema) : Failure{nullableSchema.error()};
        if (!nullablePlan)
            qFatal("%s", qPrintable(nullablePlan.error()));
        DecodedBatch batch("t", (*nullablePlan)->layout());
        batch.reserve(4096);
        const double cpu0 = threadCpuSeconds();
        for (int i = 0; i < n; ++i) {
            const QByteArray &b = nullableBodies[std::size_t(i) % nullableBodies.size()];
            if (!(*nullablePlan)->decode(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()), {}, batch))
                qFatal("decode failed (nullable items)");
            if (batch.rowCount() == 4096)
                batch = DecodedBatch("t", (*nullablePlan)->layout()), batch.reserve(4096);
        }
        const double cpu = threadCpuSeconds() - cpu0;
        std::printf("  %-28s %10.0f msg/s  %7.1f M values/s  (cpu %.3f s, %d messages of %lld bytes)\n",
                    "AvroDecodePlan, [T,null]:", n / cpu, n * double(valuesPerMessage) / cpu / 1e6, cpu, n,
                    qlonglong(nullableBodies[0].size() + 5));
    }

    // (a') Decode + DecodedBatch::toSampleBatch + SeriesStore::append, in memory, one thread:
    // the work per message of the live path without Kafka, in batches of 1024 rows.
    {
        const int n = 20000;
        std::vector<QByteArray> patched;
        patched.reserve(n);
        for (int i = 0; i < n; ++i) {
            QByteArray b = bodies[std::size_t(i) % bodies.size()];
            const double efd = kT0 + double(i) * 0.02;
            std::memcpy(b.data(), &efd, 8);
            patched.push_back(std::move(b));
        }
        SeriesStore store(Retention::window());
        DecodedBatch batch(kTopic.toStdString(), (*plan)->layout());
        batch.reserve(1024);
        double decodeCpu = 0, convertCpu = 0, appendCpu = 0;
        double t = threadCpuSeconds();
        for (int i = 0; i < n; ++i) {
            const QByteArray &b = patched[std::size_t(i)];
            (*plan)->decode(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()), {}, batch);
            if (batch.rowCount() == 1024 || i == n - 1) {
                batch.finish();
                const double t1 = threadCpuSeconds();
                decodeCpu += t1 - t;
                const SampleBatch samples = batch.toSampleBatch();
                const double t2 = threadCpuSeconds();
                convertCpu += t2 - t1;
                if (auto r = store.append(samples); !r || r->inserted != std::int64_t(samples.rowCount() * samples.fields.size()))
                    qFatal("append failed or rejected rows");
                t = threadCpuSeconds();
                appendCpu += t - t2;
                batch = DecodedBatch(kTopic.toStdString(), (*plan)->layout());
                batch.reserve(1024);
            }
        }
        const double total = decodeCpu + convertCpu + appendCpu;
        std::printf("  decode + toSampleBatch + SeriesStore::append: %.0f msg/s, %.1f M values/s per core"
                    " (cpu: decode %.3f s, toSampleBatch %.3f s, append %.3f s; %d messages)\n",
                    n / total, n * double(valuesPerMessage) / total / 1e6, decodeCpu, convertCpu, appendCpu, n);
    }

    KafkaTestCluster cluster;
    if (!cluster.ok())
        qFatal("mock cluster: %s", qPrintable(cluster.error()));
    // The mock cluster keeps only about 5 MB per partition (older segments are dropped), so
    // the messages are spread over enough partitions to keep them all.
    const int partitions = int(std::max<std::int64_t>(1, (messages * (bodies[0].size() + 5) + (4 << 20) - 1) / (4 << 20)));
    cluster.createTopic(kTopic, partitions);
    section("producing");
    {
        QElapsedTimer timer;
        timer.start();
        for (std::int64_t i = 0; i < messages; ++i) {
            auto r = cluster.produce(kTopic, messageAt(bodies, schemaId, i, kT0 + double(i) * 0.02), int(i % partitions));
            if (!r)
                qFatal("produce: %s", qPrintable(r.error()));
        }
        if (auto r = cluster.flush(120'000); !r)
            qFatal("flush: %s", qPrintable(r.error()));
        std::printf("  %lld messages into %s (%d partitions) on the mock cluster %s in %.2f s\n", qlonglong(messages),
                    qPrintable(kTopic), partitions, qPrintable(cluster.bootstraps()), double(timer.elapsed()) / 1000);
    }

    // (b) Through the consumer: decode + append on the worker thread.
    section("(b) KafkaConsumer -> decode -> SeriesStore::append, from offset 0");
    {
        SeriesStore store(Retention::window());
        std::atomic<std::int64_t> rows{0};
        std::atomic<bool> done{false};
        double cpuStart = -1, cpuEnd = 0, procStart = 0, procEnd = 0;
        QElapsedTimer wall;
        qint64 wallStart = 0, wallEnd = 0;
        std::int64_t appended = 0;
        bool valuesOk = true;
        std::vector<DecodedBatchPtr> pending;
        std::int64_t pendingRows = 0;
        double appendCpu = 0;
        double convertCpu = 0;
        wall.start();
        KafkaConsumerConfig config;
        config.bootstrapServers = cluster.bootstraps();
        config.tls = false;
        config.topics = {kTopic};
        config.schemas = schemas;
        config.start = {KafkaStartMode::Beginning, 0};
        KafkaConsumer::Callbacks callbacks;
        callbacks.batches = [&](DecodedBatchList batches) {
            if (cpuStart < 0) {
                cpuStart = threadCpuSeconds();
                procStart = processCpuSeconds();
                wallStart = wall.nsecsElapsed();
            }
            for (const auto &b : batches) {
                pending.push_back(b);
                pendingRows += std::int64_t(b->rowCount());
                // Spot check: zForce17 of each row against the body it came from.
                const int z = b->layout().indexOf("zForce17");
                const std::size_t r = b->rowCount() / 2;
                const std::int64_t offset = b->meta(r).offset;
                DecodedBatch check("t", (*plan)->layout());
                // Message i went to partition i % P at offset i / P.
                const std::int64_t index = offset * partitions + b->meta(r).partition;
                const QByteArray &body = bodies[std::size_t(index) % bodies.size()];
                (*plan)->decode(reinterpret_cast<const std::uint8_t *>(body.constData()) , std::size_t(body.size()), {}, check);
                if (check.number(0, std::size_t(z)) != b->number(r, std::size_t(z)))
                    valuesOk = false;
                rows += std::int64_t(b->rowCount());
            }
            // Appended ~1024 rows per partition at a time: per-partition series sets need
            // per-partition batches, and one row per batch would measure the per-batch cost
            // of 819 series rather than the per-value cost.
            if (pendingRows >= std::int64_t(partitions) * 1024 || rows >= messages) {
                const double before = threadCpuSeconds();
                const std::vector<SampleBatch> samples = perPartition(pending);
                const double converted = threadCpuSeconds();
                for (const SampleBatch &one : samples) {
                    auto result = store.append(one);
                    if (!result)
                        qFatal("append: %s", qPrintable(result.error()));
                    appended += result->inserted;
                }
                appendCpu += threadCpuSeconds() - before;
                convertCpu += converted - before;
                pending.clear();
                pendingRows = 0;
            }
            if (rows >= messages && !done) {
                cpuEnd = threadCpuSeconds();
                procEnd = processCpuSeconds();
                wallEnd = wall.nsecsElapsed();
                done = true;
            }
        };
        callbacks.stats = [](KafkaTopicStatsList stats) {
            for (const auto &t : stats)
                if (t.decodeErrors > 0 || !t.lastError.isEmpty() || getenv("BENCH_VERBOSE"))
                    std::printf("  %s: %lld messages, lag %lld, %lld decode errors, last: %s\n", qPrintable(t.topic), qlonglong(t.messages), qlonglong(t.lag), qlonglong(t.decodeErrors),
                                qPrintable(t.lastError));
        };
        callbacks.state = [](KafkaConnectionState state, const QString &detail) {
            if (!detail.isEmpty())
                std::printf("  consumer %s: %s\n", qPrintable(connectionStateName(state)), qPrintable(detail));
        };
        KafkaConsumer consumer(config, callbacks);
        const double proc0 = processCpuSeconds();
        if (auto r = consumer.start(); !r)
            qFatal("consumer: %s", qPrintable(r.error()));
        while (!done && wall.elapsed() < 300'000)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const double procTotal = processCpuSeconds() - proc0;
        consumer.stop();
        const double seconds = double(wallEnd - wallStart) * 1e-9;
        const double total = double(wallEnd) * 1e-9;
        const double cpu = cpuEnd - cpuStart;
        std::printf("  %lld messages, %lld values appended (%.0f%% kept by the 10-minute window)\n", qlonglong(rows.load()),
                    qlonglong(appended), 100.0 * double(appended) / (double(messages) * double(valuesPerMessage)));
        std::printf("  first batch -> last batch: wall %.3f s = %.0f msg/s, %.1f M values/s\n", seconds, double(messages) / seconds,
                    double(messages) * double(valuesPerMessage) / seconds / 1e6);
        std::printf("  decode + append thread CPU %.3f s = %.0f msg/s, %.1f M values/s per core\n", cpu, double(messages) / cpu,
                    double(messages) * double(valuesPerMessage) / cpu / 1e6);
        std::printf("    of which fetch + decode %.3f s = %.0f msg/s, %.1f M values/s alone\n", cpu - appendCpu,
                    double(messages) / (cpu - appendCpu), double(messages) * double(valuesPerMessage) / (cpu - appendCpu) / 1e6);
        std::printf("    of which rows -> per-partition SampleBatch %.3f s, SeriesStore::append %.3f s = %.0f msg/s,"
                    " %.1f M values/s alone\n",
                    convertCpu, appendCpu - convertCpu, double(messages) / (appendCpu - convertCpu),
                    double(messages) * double(valuesPerMessage) / (appendCpu - convertCpu) / 1e6);
        std::printf("  start -> last batch (connect, ListOffsets, first fetch included): %.3f s = %.0f msg/s;"
                    " process CPU (all threads, librdkafka's too) %.3f s, of it during the batches %.3f s\n",
                    total, double(messages) / total, procTotal, procEnd - procStart);
        if (!valuesOk) {
            std::printf("  MISMATCH: decoded values differ from the produced ones\n");
            exitCode = 1;
        }
    }

    // (c) kcat on the same topic.
    section("(c) kcat raw consume of the same topic");
    if (!QFile::exists(QStringLiteral("/usr/bin/kcat"))) {
        std::printf("  skipped: /usr/bin/kcat not installed\n");
    } else {
        QProcess kcat;
        kcat.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        kcat.start(QStringLiteral("/usr/bin/kcat"), {QStringLiteral("-C"), QStringLiteral("-b"), cluster.bootstraps(), QStringLiteral("-t"),
                                                     kTopic, QStringLiteral("-e"), QStringLiteral("-o"), QStringLiteral("beginning"),
                                                     QStringLiteral("-q")});
        // The mock broker lives in this process: keep the event loop idle while kcat reads.
        kcat.waitForFinished(300'000);
        const double seconds = double(timer.nsecsElapsed()) * 1e-9;
        std::printf("  kcat -C -b %s -t %s -e -o beginning -q > /dev/null: exit %d, %.3f s = %.0f msg/s (process start and"
                    " connect included)\n",
                    qPrintable(cluster.bootstraps()), qPrintable(kTopic), kcat.exitCode(), seconds, double(messages) / seconds);
    }

    // (d) Latency at R Hz x N topics.
    if (latencySeconds > 0) {
        section("(d) produce -> visible in series");
        std::printf("  %d topics x %d Hz for %d s, forceActuatorData-shaped, KafkaTail (converts on its thread) -> queued signal -> SeriesStore::append\n",
                    latencyTopics, rate, latencySeconds);
        QStringList topics;
        for (int t = 0; t < latencyTopics; ++t) {
            topics << QStringLiteral("lsst.sal.Bench%1.forceActuatorData").arg(t);
            cluster.createTopic(topics.back());
        }
        SeriesStore store(Retention::window());
        std::vector<double> latencies;
        KafkaTail tail;
        bool measuring = true;
        double appendCpu = 0;
        QObject::connect(&tail, &KafkaTail::batchesReceived, &app, [&](const DecodedBatchList &batches) {
            if (!measuring)
                return; // after the run: drop the backlog quickly
            const double before = threadCpuSeconds();
            for (const auto &b : batches) // converted on the consumer thread, as the live session asks
                store.append(b->hasSamples() ? b->takeSamples({}) : b->toSampleBatch());
            appendCpu += threadCpuSeconds() - before;
            const double now = realtimeSeconds();
            for (const auto &b : batches) {
                const int snd = b->layout().indexOf("private_sndStamp");
                for (std::size_t r = 0; r < b->rowCount(); ++r)
                    latencies.push_back(now - b->number(r, std::size_t(snd)));
            }
        });
        KafkaConsumerConfig config;
        config.bootstrapServers = cluster.bootstraps();
        config.tls = false;
        config.topics = topics;
        config.schemas = schemas;
        config.batchInterval = std::chrono::milliseconds(10); // the live panel's hand-over (LivePanel::setConnection)
        for (const QString &t : topics)
            config.sampleFields[t.toStdString()] = {}; // every numeric field, as LiveSession would for a whole topic
        for (const QString &p : parser.values(propertyOpt))
            config.extraProperties.emplace_back(p.section(u'=', 0, 0).toStdString(), p.section(u'=', 1).toStdString());
        if (auto r = tail.start(config); !r)
            qFatal("tail: %s", qPrintable(r.error()));
        // Let the consumer position itself at the end of every partition first.
        runEventLoopFor(3000);
        // Warm-up: one message per topic, so that the producer's first-message metadata lookup
        // of each topic (hundreds of ms) is not counted as delivery latency.
        for (int t = 0; t < latencyTopics; ++t)
            cluster.produce(topics[t], messageAt(bodies, schemaId, 0, realtimeSeconds()), 0);
        cluster.flush();
        runEventLoopFor(1000);
        latencies.clear();
        appendCpu = 0;
        std::atomic<bool> stop{false};
        std::atomic<std::int64_t> sent{0};
        std::thread producer([&] {
            // Bodies with efdStamp and private_sndStamp patched to the send time.
            const auto period = std::chrono::nanoseconds(1'000'000'000 / rate);
            auto next = std::chrono::steady_clock::now();
            std::int64_t i = 0;
            while (!stop) {
                for (int t = 0; t < latencyTopics; ++t) {
                    const double now = realtimeSeconds();
                    QByteArray m = messageAt(bodies, schemaId, i, now); // efdStamp = send time (UTC)
                    // private_sndStamp: body offset 8 (efd) + 8 (kafkaStamp) + zigzag salIndex(1 byte, 0)
                    // + revCode (1 + 8 bytes "c3fbb3ab") = 26.
                    std::memcpy(m.data() + 5 + 26, &now, 8);
                    cluster.produce(topics[t], m, 0);
                    ++sent;
                }
                ++i;
                next += period;
                std::this_thread::sleep_until(next);
            }
        });
        const double cpuBefore = processCpuSeconds();
        runEventLoopFor(latencySeconds * 1000);
        const double cpuUsed = processCpuSeconds() - cpuBefore;
        stop = true;
        producer.join();
        cluster.flush();
        runEventLoopFor(1000);
        measuring = false;
        tail.stop();
        std::sort(latencies.begin(), latencies.end());
        const auto pct = [&](double p) {
            return latencies.empty() ? NAN : latencies[std::min(latencies.size() - 1, std::size_t(p * double(latencies.size())))] * 1e3;
        };
        std::printf("  sent %lld, received %zu; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", qlonglong(sent.load()),
                    latencies.size(), pct(0.5), pct(0.99), latencies.empty() ? NAN : latencies.back() * 1e3);
        std::printf("  process CPU during the run (producer, mock broker, consumer, appends): %.2f s per wall second;"
                    " GUI-thread append: %.2f s per wall second, %.1f us per message\n",
                    cpuUsed / latencySeconds, appendCpu / (latencySeconds + 1.0),
                    latencies.empty() ? NAN : appendCpu / double(latencies.size()) * 1e6);
    }
    return exitCode;
}
