// SPDX-License-Identifier: GPL-3.0-or-later
// Upload figures on a generated 100,000-record CSV: read + validate + serialize rate (Avro JSON
// for the REST proxy, Avro binary, line protocol), then upload rate to a real influxd started
// here (InfluxdProcess, temporary data dir) and to librdkafka's in-process mock cluster.
// Prints figures; never fails on time. Usage: bench_upload [records]
#include "core/demo/InfluxdProcess.h"
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/ingest/InfluxUploader.h"
#include "core/ingest/KafkaUploader.h"
#include "core/ingest/LineProtocolWriter.h"
#include "core/ingest/MetricFileReader.h"
#include "core/ingest/UploadLedger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <cstdio>
#include <ctime>

using namespace sasquatch;

namespace {

double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

void line(const char *what, qsizetype records, double wall, double cpu, double bytes = 0)
{
    std::printf("%-44s %9.3f s wall %8.3f s cpu %12.0f records/s", what, wall, cpu, double(records) / wall);
    if (bytes > 0)
        std::printf(" %8.1f MB/s", bytes / wall / 1e6);
    std::printf("\n");
    std::fflush(stdout);
}

QString generate(const QString &dir, int records)
{
    const QString path = dir + QStringLiteral("/campaign.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray text("time,visit,detector,band,PA1,PA2,AM1,TE1,nStars\n,,,,mmag,mmag,marcsec,,\n");
    static const char *bands[] = {"u", "g", "r", "i", "z", "y"};
    for (int i = 0; i < records; ++i) {
        text += QByteArray::number(1795000000.0 + i * 0.001, 'f', 3) + ',' + QByteArray::number(100000 + i / 189) + ','
                + QByteArray::number(i % 189) + ',' + bands[i % 6] + ',' + QByteArray::number(10.0 + (i % 997) * 0.013, 'f', 3)
                + ',' + QByteArray::number(12.5 + (i % 113) * 0.021, 'f', 3) + ',' + QByteArray::number(4.25 + (i % 31) * 0.5)
                + ',' + QByteArray::number(0.0001 * (i % 7919), 'g', 9) + ',' + QByteArray::number(1000 + i % 5000) + '\n';
        if (text.size() > (1 << 20)) {
            f.write(text);
            text.clear();
        }
    }
    f.write(text);
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int records = argc > 1 ? std::atoi(argv[1]) : 100'000;
    QTemporaryDir dir;
    const QString csv = generate(dir.path(), records);
    const double fileBytes = double(QFile(csv).size());
    std::printf("bench_upload: %d records, CSV %.1f MB (9 columns: time, 3 identifiers, 5 metrics)\n\n", records, fileBytes / 1e6);

    // Read + validate + serialize.
    QElapsedTimer t;
    double c = cpuSeconds();
    t.start();
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readFile(csv));
    const double readWall = t.nsecsElapsed() / 1e9, readCpu = cpuSeconds() - c;
    line("read (CSV reader)", records, readWall, readCpu, fileBytes);
    if (!files[0].problems.empty())
        std::printf("  unexpected problem: %s\n", qPrintable(files[0].messages().first()));
    c = cpuSeconds();
    t.restart();
    UploadOptions kafkaOptions;
    const UploadPlan plan = UploadPlan::build(files, kafkaOptions);
    const double planWall = t.nsecsElapsed() / 1e9, planCpu = cpuSeconds() - c;
    line("validate + plan (types, names, Avro schema)", records, planWall, planCpu);
    const PlannedTopic &topic = plan.topics().at(0);
    std::string out;
    out.reserve(std::size_t(records) * 200);
    c = cpuSeconds();
    t.restart();
    for (int i : topic.records)
        topic.schema.appendAvroJson(plan.record(i), out);
    const double jsonWall = t.nsecsElapsed() / 1e9, jsonCpu = cpuSeconds() - c;
    line("serialize Avro JSON (REST proxy records)", records, jsonWall, jsonCpu, double(out.size()));
    out.clear();
    c = cpuSeconds();
    t.restart();
    for (int i : topic.records)
        topic.schema.appendBinary(plan.record(i), out);
    line("serialize Avro binary (Kafka values)", records, t.nsecsElapsed() / 1e9, cpuSeconds() - c, double(out.size()));
    out.clear();
    c = cpuSeconds();
    t.restart();
    for (int i : topic.records)
        LineProtocolWriter::append(topic.topic, plan.record(i), out, &topic.schema);
    line("serialize line protocol (InfluxDB)", records, t.nsecsElapsed() / 1e9, cpuSeconds() - c, double(out.size()));
    line("= read + validate + serialize (Avro JSON)", records, readWall + planWall + jsonWall, readCpu + planCpu + jsonCpu);
    std::printf("\n");

    // InfluxDB.
    auto http = std::make_shared<CurlTransport>();
    InfluxdProcess influxd(http);
    if (auto started = influxd.start({dir.filePath(QStringLiteral("influxdb"))}); !started) {
        std::printf("influxd: %s\n", qPrintable(started.error()));
    } else {
        ConnectionProfile profile;
        profile.name = QStringLiteral("bench");
        profile.influxUrl = influxd.url();
        profile.api = ApiFlavour::V1;
        profile.database = QStringLiteral("bench_upload");
        InfluxClient client(profile, {}, http);
        (void)client.influxQl(QStringLiteral("CREATE DATABASE bench_upload"), {}, {}, HttpMethod::Post);
        UploadOptions influxOptions;
        influxOptions.target = UploadTarget::Influx;
        const UploadPlan influxPlan = UploadPlan::build(files, influxOptions);
        UploadLedger ledger(influxPlan);
        InfluxUploader uploader(InfluxWriteTarget{profile, {}, {}}, http);
        c = cpuSeconds();
        t.restart();
        uploader.upload(influxPlan, ledger, {}, {});
        line(qPrintable(QStringLiteral("upload to influxd %1 (5,000-line gzip batches)").arg(influxd.version())), records,
             t.nsecsElapsed() / 1e9, cpuSeconds() - c);
        auto count = client.influxQl(QStringLiteral("SELECT count(\"PA1\") FROM \"lsst.dm.campaign\""), QStringLiteral("bench_upload"));
        std::printf("  acknowledged %lld, failed %lld; influxd counts %s points\n", qlonglong(ledger.acknowledged()),
                    qlonglong(ledger.failed()),
                    count && !count->empty() && !count->front().series.empty()
                        ? qPrintable(count->front().series.front().rows.front().at(1).toString())
                        : "?");
        (void)influxd.stop();
    }

    // Mock Kafka cluster (in this process: broker work shares the CPU with the producer).
    char err[256];
    rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), err, sizeof err);
    rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(handle, 3);
    rd_kafka_mock_topic_create(cluster, "lsst.dm.campaign", 1, 3);
    KafkaProduceOptions kafka;
    kafka.bootstrap = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(cluster));
    kafka.tls = false;
    {
        UploadLedger ledger(plan);
        KafkaUploader uploader(kafka, http);
        c = cpuSeconds();
        t.restart();
        uploader.upload(plan, ledger, {}, {});
        line("upload to mock Kafka (JSON values, idempotent)", records, t.nsecsElapsed() / 1e9, cpuSeconds() - c);
        std::printf("  acknowledged %lld, failed %lld\n", qlonglong(ledger.acknowledged()), qlonglong(ledger.failed()));
    }
    rd_kafka_mock_cluster_destroy(cluster);
    rd_kafka_destroy(handle);
    return 0;
}
