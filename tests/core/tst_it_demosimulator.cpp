// SPDX-License-Identifier: GPL-3.0-or-later
// The demo telemetry simulator against librdkafka's in-process mock cluster and the influxd
// CTest fixture: messages arrive with Confluent framing and the topic's schema id, decode
// with avro-c into the values the demo models give for their time, summaryState events are
// among them, and the same points land in InfluxDB (a database of their own in the fixture,
// so other tests keep their data).
#include "core/demo/DemoAvroEncoder.h"
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoEventSchedule.h"
#include "core/demo/DemoInfluxWriter.h"
#include "core/demo/DemoLineReader.h"
#include "core/demo/DemoM1M3ForceModel.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoPointWriter.h"
#include "core/demo/DemoStack.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/http/CurlTransport.h"
#include "core/http/UrlBuilder.h"
#include "tests/support/InfluxFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <avro.h>
#include <librdkafka/rdkafka.h>

#include <map>
#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using namespace std::chrono_literals;

namespace {

struct Message
{
    std::string topic;
    QByteArray value;
    std::int64_t timestampMs = 0;
};

/// Every message of `topics` from the beginning: at least `expected`, then until the topics
/// are quiet for a second (20 s at most), or only `expected` with stopAtExpected.
std::vector<Message> consumeAll(const QString &bootstrap, const QStringList &topics, std::int64_t expected,
                                bool stopAtExpected = false)
{
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "group.id", "tst-demosimulator", errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "enable.auto.commit", "false", errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    if (!rk)
        return {};
    rd_kafka_poll_set_consumer(rk);
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(topics.size());
    for (const QString &t : topics)
        rd_kafka_topic_partition_list_add(parts, t.toUtf8().constData(), 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(rk, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    std::vector<Message> out;
    std::int64_t deadline = QDateTime::currentMSecsSinceEpoch() + 20'000;
    std::int64_t lastMessage = QDateTime::currentMSecsSinceEpoch();
    while (QDateTime::currentMSecsSinceEpoch() < deadline) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        if (!m) {
            if (std::int64_t(out.size()) >= expected && now - lastMessage > 1000)
                break;
            continue;
        }
        lastMessage = now;
        if (stopAtExpected && std::int64_t(out.size()) >= expected)
            deadline = now;
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            rd_kafka_timestamp_type_t type;
            out.push_back({rd_kafka_topic_name(m->rkt), QByteArray(static_cast<const char *>(m->payload), int(m->len)),
                           rd_kafka_message_timestamp(m, &type)});
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return out;
}

/// The reference decoder: avro-c's generic reader over the body after the 5-byte framing.
struct AvroReader
{
    avro_schema_t schema = nullptr;
    avro_value_iface_t *iface = nullptr;
    avro_value_t value{};

    explicit AvroReader(const QByteArray &json)
    {
        if (avro_schema_from_json_length(json.constData(), size_t(json.size()), &schema) == 0) {
            iface = avro_generic_class_from_schema(schema);
            avro_generic_value_new(iface, &value);
        }
    }
    ~AvroReader()
    {
        if (iface) {
            avro_value_decref(&value);
            avro_value_iface_decref(iface);
        }
        if (schema)
            avro_schema_decref(schema);
    }
    bool read(const QByteArray &framed)
    {
        avro_value_reset(&value);
        avro_reader_t r = avro_reader_memory(framed.constData() + 5, framed.size() - 5);
        const bool ok = avro_value_read(r, &value) == 0;
        avro_reader_free(r);
        return ok;
    }
    double number(const char *field, int index = -1)
    {
        avro_value_t f, e;
        if (avro_value_get_by_name(&value, field, &f, nullptr) != 0)
            return std::nan("");
        if (index >= 0) {
            if (avro_value_get_by_index(&f, size_t(index), &e, nullptr) != 0)
                return std::nan("");
            f = e;
        }
        switch (avro_value_get_type(&f)) {
        case AVRO_FLOAT: {
            float x = 0;
            avro_value_get_float(&f, &x);
            return x;
        }
        case AVRO_DOUBLE: {
            double x = 0;
            avro_value_get_double(&f, &x);
            return x;
        }
        case AVRO_INT32: {
            std::int32_t x = 0;
            avro_value_get_int(&f, &x);
            return x;
        }
        case AVRO_INT64: {
            std::int64_t x = 0;
            avro_value_get_long(&f, &x);
            return double(x);
        }
        default:
            return std::nan("");
        }
    }
    std::size_t arraySize(const char *field)
    {
        avro_value_t f;
        size_t n = 0;
        if (avro_value_get_by_name(&value, field, &f, nullptr) == 0)
            avro_value_get_size(&f, &n);
        return n;
    }
};

int schemaIdOf(const QByteArray &framed)
{
    return (std::uint8_t(framed[1]) << 24) | (std::uint8_t(framed[2]) << 16) | (std::uint8_t(framed[3]) << 8)
           | std::uint8_t(framed[4]);
}

QJsonArray influxRows(const QString &base, const QString &db, const QString &q)
{
    CurlTransport http;
    HttpRequest request;
    request.url = UrlBuilder::fromBase(base)->path(QStringLiteral("/query"))
                      .query(QStringLiteral("db"), db)
                      .query(QStringLiteral("epoch"), QStringLiteral("ms"))
                      .query(QStringLiteral("q"), q)
                      .toString();
    request.totalTimeout = 60s;
    const HttpResult r = http.perform(request);
    if (!r.succeeded())
        return {};
    return QJsonDocument::fromJson(r.response.body)
        .object()
        .value(QStringLiteral("results"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("series"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("values"))
        .toArray();
}

const char *kForces = "lsst.sal.MTM1M3.forceActuatorData";

} // namespace

class tst_DemoSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaCarriesUnitsAndDescriptions();
    void encodedValuesDecodeWithAvroC_data();
    void encodedValuesDecodeWithAvroC();
    void lineReaderRejectsBadLines_data();
    void lineReaderRejectsBadLines();
    void publishesToKafkaAndInflux();
    void demoStackPublishesLiveAfterTheHistory();
};

void tst_DemoSimulator::schemaCarriesUnitsAndDescriptions()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    const DemoTopic *forces = catalog.topic(QString::fromLatin1(kForces));
    QVERIFY(forces);
    const QJsonObject schema = QJsonDocument::fromJson(DemoAvroEncoder::schemaJson(*forces)).object();
    QCOMPARE(schema.value(QStringLiteral("name")).toString(), QStringLiteral("forceActuatorData"));
    QCOMPARE(schema.value(QStringLiteral("namespace")).toString(), QStringLiteral("lsst.sal.MTM1M3"));
    bool sawZ = false;
    for (const QJsonValue &v : schema.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        QVERIFY2(f.contains(QStringLiteral("units")) && f.contains(QStringLiteral("description")),
                 qPrintable(f.value(QStringLiteral("name")).toString()));
        if (f.value(QStringLiteral("name")).toString() == u"zForce") {
            sawZ = true;
            QCOMPARE(f.value(QStringLiteral("units")).toString(), QStringLiteral("N"));
            QCOMPARE(f.value(QStringLiteral("type")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("array"));
            QCOMPARE(f.value(QStringLiteral("type")).toObject().value(QStringLiteral("items")).toString(), QStringLiteral("float"));
            QVERIFY(!f.value(QStringLiteral("description")).toString().isEmpty());
        }
    }
    QVERIFY(sawZ);
    const std::vector<DemoSchema> all = DemoTelemetrySimulator::schemas(catalog);
    QCOMPARE(all.size(), catalog.topics().size());
    QCOMPARE(all.at(size_t(DemoTelemetrySimulator::schemaId(catalog, *forces) - 1)).subject,
             QString::fromLatin1(kForces) + QStringLiteral("-value"));
}

void tst_DemoSimulator::encodedValuesDecodeWithAvroC_data()
{
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<QString>("field");
    QTest::newRow("forces (arrays of float)") << QString::fromLatin1(kForces) << QStringLiteral("zForce");
    QTest::newRow("elevation (double)") << QStringLiteral("lsst.sal.MTMount.elevation") << QStringLiteral("actualPosition");
    QTest::newRow("ESS temperature") << QStringLiteral("lsst.sal.ESS.temperature") << QStringLiteral("temperatureItem");
    QTest::newRow("summaryState (int)") << QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState") << QStringLiteral("summaryState");
}

void tst_DemoSimulator::encodedValuesDecodeWithAvroC()
{
    QFETCH(QString, measurement);
    QFETCH(QString, field);
    const DemoCatalog &catalog = DemoCatalog::instance();
    const DemoTopic *topic = catalog.topic(measurement);
    QVERIFY2(topic, qPrintable(measurement));
    const DemoField *f = topic->field(field);
    QVERIFY2(f, qPrintable(field));
    DemoPointWriter writer(*topic);
    const DemoM1M3ForceModel model(*topic, 1'700'000'000'000);
    if (topic->csc == u"MTM1M3" && topic->name == u"forceActuatorData")
        writer.setDataModel([&model](std::int64_t t, std::span<double> v) { model(t, v); });
    Outcome<std::shared_ptr<DemoAvroEncoder>> encoder = DemoAvroEncoder::create(*topic, 42);
    QVERIFY2(encoder, qPrintable(encoder.error()));
    AvroReader reader((*encoder)->schema());
    for (std::int64_t t = 1'700'000'100'000; t < 1'700'000'100'000 + 5 * 20; t += 20) {
        std::string text;
        writer.append(text, t, 0, t / 20);
        DemoLine line;
        QVERIFY(DemoLineReader::read(text, line));
        std::string framed;
        const Outcome<Done> encoded = (*encoder)->encode(line, framed);
        QVERIFY2(encoded, qPrintable(encoded.error()));
        const QByteArray bytes(framed.data(), qsizetype(framed.size()));
        QCOMPARE(bytes.at(0), '\0');
        QCOMPARE(schemaIdOf(bytes), 42);
        QVERIFY(reader.read(bytes));
        const std::string name = field.toStdString();
        for (int i = 0; i < f->count; ++i) {
            const std::string key = f->flattenedName(i).toStdString();
            const auto it = std::find(line.keys.begin(), line.keys.end(), key);
            QVERIFY(it != line.keys.end());
            const double expected = line.values[size_t(it - line.keys.begin())].number;
            const double got = reader.number(name.c_str(), f->isArray() ? i : -1);
            if (f->type == DemoFieldType::Float32)
                QCOMPARE(float(got), float(expected));
            else
                QCOMPARE(got, expected);
        }
        if (f->isArray())
            QCOMPARE(reader.arraySize(name.c_str()), std::size_t(f->count));
        QCOMPARE(reader.number("private_efdStamp"), double(t) / 1000.0);
    }
}

void tst_DemoSimulator::lineReaderRejectsBadLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("no fields") << QByteArray("m 123") << QStringLiteral("column 6: a field key followed by '='");
    QTest::newRow("bad integer") << QByteArray("m a=12xi 5") << QStringLiteral("column 5: an integer before 'i'");
    QTest::newRow("open string") << QByteArray("m a=\"abc 5") << QStringLiteral("a closing");
    QTest::newRow("no time") << QByteArray("m a=1") << QStringLiteral("a space before the time");
    QTest::newRow("bad time") << QByteArray("m a=1 12x") << QStringLiteral("column 7: an integer time");
    QTest::newRow("fine") << QByteArray("m\\ x a=1,b=2i,c=t,d=\"q\\\"s\" 12\n") << QString();
}

void tst_DemoSimulator::lineReaderRejectsBadLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    DemoLine parsed;
    const Outcome<std::size_t> read = DemoLineReader::read(std::string_view(line.constData(), size_t(line.size())), parsed);
    if (error.isEmpty()) {
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(*read, std::size_t(line.size()));
        QCOMPARE(parsed.measurement, std::string("m x"));
        QCOMPARE(parsed.values.size(), std::size_t(4));
        QCOMPARE(parsed.values[1].integer, std::int64_t(2));
        QCOMPARE(parsed.values[2].number, 1.0);
        QCOMPARE(parsed.values[3].text, std::string("q\"s"));
        QCOMPARE(parsed.time, std::int64_t(12));
        return;
    }
    QVERIFY(!read);
    QVERIFY2(read.error().contains(error), qPrintable(read.error()));
}

void tst_DemoSimulator::publishesToKafkaAndInflux()
{
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    const DemoCatalog &catalog = DemoCatalog::instance();
    auto cluster = DemoMockCluster::start();
    QVERIFY2(cluster, qPrintable(cluster.error()));
    const QString database = QStringLiteral("simulator_test");
    DemoInfluxWriter admin(std::make_shared<CurlTransport>(), url);
    QVERIFY(admin.execute(QStringLiteral("DROP DATABASE ") + database));
    QVERIFY(admin.execute(QStringLiteral("CREATE DATABASE ") + database));

    // The story arranged so that an M1M3 start-up (a summaryState STANDBY) falls into the
    // 20 s the simulator catches up on. (Not more: the mock cluster keeps only the last 5 MB
    // of a partition, ~30 s of forces.)
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    const DemoEventSchedule probe(catalog, now);
    DemoEventSchedule::Instance m1m3;
    for (const auto &i : probe.instances())
        if (i.csc->name == u"MTM1M3")
            m1m3 = i;
    QVERIFY(m1m3.csc);
    const std::int64_t anchor = now + (now - 10'000 - probe.startupMs(m1m3));

    const DemoTopic *forces = catalog.topic(QString::fromLatin1(kForces));
    const DemoTopic *elevation = catalog.topic(QStringLiteral("lsst.sal.MTMount.elevation"));
    QVERIFY(forces && elevation);
    DemoSimulatorOptions options;
    options.bootstrap = (*cluster)->bootstraps();
    options.cluster = cluster->get();
    options.influxUrl = url;
    options.influxDatabase = database;
    options.anchorMs = anchor;
    options.startMs = now - 20'000;
    options.streams = {{forces, 0, 20, 0}, {elevation, 0, 50, 0}};
    DemoTelemetrySimulator simulator(catalog, options);
    const Outcome<Done> started = simulator.start();
    QVERIFY2(started, qPrintable(started.error()));
    std::this_thread::sleep_for(1500ms);
    simulator.stop();
    const DemoTelemetrySimulator::Counters counters = simulator.counters();
    QVERIFY2(simulator.lastError().isEmpty(), qPrintable(simulator.lastError()));
    QCOMPARE(counters.produceErrors, 0);
    QCOMPARE(counters.encodeErrors, 0);
    QCOMPARE(counters.delivered, counters.messages);
    QVERIFY2(counters.messages > 1000, qPrintable(QString::number(counters.messages))); // 20 s at 50 Hz
    QCOMPARE(counters.influxLines, counters.messages);
    QCOMPARE(counters.influxErrors, 0);

    const QString summary = QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState");
    const std::vector<Message> messages =
        consumeAll(options.bootstrap, {QString::fromLatin1(kForces), elevation->measurement(), summary}, 1000);

    const DemoM1M3ForceModel model(*forces, anchor);
    std::vector<double> expected(size_t(forces->valueCount()));
    std::size_t z0Index = 0; // zForce0 among the model's data values (flattened, no private fields)
    for (const DemoField &f : forces->fields) {
        if (f.name == u"zForce")
            break;
        if (f.role == DemoFieldRole::Data)
            z0Index += size_t(f.count);
    }
    AvroReader forceReader(DemoAvroEncoder::schemaJson(*forces));
    AvroReader summaryReader(DemoAvroEncoder::schemaJson(*catalog.topic(summary)));
    std::map<std::int64_t, double> kafkaZ0;
    int states = 0;
    std::int64_t previous = 0;
    for (const Message &m : messages) {
        QCOMPARE(m.value.at(0), '\0');
        if (m.topic == kForces) {
            QCOMPARE(schemaIdOf(m.value), DemoTelemetrySimulator::schemaId(catalog, *forces));
            QVERIFY(forceReader.read(m.value));
            QCOMPARE(std::llround(forceReader.number("private_efdStamp") * 1000.0), m.timestampMs);
            QVERIFY2(m.timestampMs > previous, "forces in time order, 20 ms apart");
            QVERIFY(m.timestampMs % 20 == 0);
            previous = m.timestampMs;
            QCOMPARE(forceReader.arraySize("zForce"), std::size_t(156));
            // The force model's value, rounded as the line protocol wrote it (4 digits).
            model(m.timestampMs, expected);
            const double z0 = forceReader.number("zForce", 0);
            QVERIFY2(std::abs(z0 - expected[z0Index]) <= std::abs(expected[z0Index]) * 1e-3 + 1e-3,
                     qPrintable(QStringLiteral("%1 vs %2").arg(z0).arg(expected[z0Index])));
            kafkaZ0[m.timestampMs] = z0;
        } else if (m.topic == summary.toStdString()) {
            QCOMPARE(schemaIdOf(m.value), DemoTelemetrySimulator::schemaId(catalog, *catalog.topic(summary)));
            QVERIFY(summaryReader.read(m.value));
            if (summaryReader.number("summaryState") == double(DemoSummaryState::Standby))
                ++states;
        }
    }
    QVERIFY2(states >= 1, "the start-up's STANDBY summaryState arrived");
    QVERIFY2(kafkaZ0.size() >= 1000, qPrintable(QStringLiteral("%1 force messages of %2").arg(kafkaZ0.size()).arg(messages.size())));

    // InfluxDB holds the same points, time = private_efdStamp.
    const QJsonArray rows = influxRows(url, database,
                                       QStringLiteral("SELECT \"zForce0\", \"private_efdStamp\" FROM \"%1\"").arg(QString::fromLatin1(kForces)));
    QCOMPARE(qsizetype(rows.size()), qsizetype(kafkaZ0.size()));
    for (const QJsonValue &v : rows) {
        const QJsonArray row = v.toArray();
        const std::int64_t t = row.at(0).toInteger();
        QCOMPARE(std::llround(row.at(2).toDouble() * 1000.0), t);
        const auto it = kafkaZ0.find(t);
        QVERIFY2(it != kafkaZ0.end(), qPrintable(QString::number(t)));
        QCOMPARE(float(row.at(1).toDouble()), float(it->second));
    }
    QVERIFY(admin.execute(QStringLiteral("DROP DATABASE ") + database));
}

void tst_DemoSimulator::demoStackPublishesLiveAfterTheHistory()
{
    DemoStack stack;
    stack.setStorage(DemoStorage::Temporary);
    stack.setSeedLevel(DemoSeedLevel::Catalog);
    QSignalSpy ready(&stack, &DemoStack::ready);
    QSignalSpy finished(&stack, &DemoStack::seedFinished);
    QSignalSpy failed(&stack, &DemoStack::failed);
    stack.start();
    QVERIFY(ready.wait(60'000));
    // The demo profile gets the cluster's address with the InfluxDB URL.
    const QString bootstrap = stack.kafkaBootstrap();
    QVERIFY2(bootstrap.startsWith(QStringLiteral("127.0.0.1:")) || bootstrap.startsWith(QStringLiteral("localhost:")),
             qPrintable(bootstrap));
    QVERIFY(finished.count() > 0 || finished.wait(60'000));
    QTest::qWait(1500);
    const std::vector<Message> messages = consumeAll(bootstrap, {QString::fromLatin1(kForces)}, 20, true);
    QVERIFY2(messages.size() >= 20, qPrintable(QString::number(messages.size())));
    const DemoCatalog &catalog = DemoCatalog::instance();
    QCOMPARE(schemaIdOf(messages.back().value), DemoTelemetrySimulator::schemaId(catalog, *catalog.topic(QString::fromLatin1(kForces))));
    // Live continues the history: the newest message is recent.
    QVERIFY(QDateTime::currentMSecsSinceEpoch() - messages.back().timestampMs < 5000);
    QCOMPARE(failed.count(), 0);
    stack.stop();
}

QTEST_GUILESS_MAIN(tst_DemoSimulator)
#include "tst_it_demosimulator.moc"
