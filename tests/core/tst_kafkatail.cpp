// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaTail + KafkaConsumer against librdkafka's real mock cluster, in-process: Avro (Confluent
// framing, in-process schema source) and JSON messages decoded into the right fields;
// unknown schema id, wrong magic byte, truncated body counted per topic without stalling;
// a broker taken down and up again; the start modes.
#include "core/kafka/KafkaTail.h"
#include "core/kafka/MemorySchemaSource.h"
#include "tests/support/AvroTestWriter.h"
#include "tests/support/KafkaTestCluster.h"

#include <QSignalSpy>
#include <QThread>
#include <QTest>

using namespace sasquatch;
using sasquatch::test::AvroTestWriter;
using sasquatch::test::KafkaTestCluster;

namespace {

const QByteArray kSchema = "{\"type\":\"record\",\"name\":\"temperature\",\"namespace\":\"lsst.sal.ESS\",\"fields\":["
                           "{\"name\":\"private_efdStamp\",\"type\":\"double\",\"units\":\"second\"},"
                           "{\"name\":\"salIndex\",\"type\":\"int\"},"
                           "{\"name\":\"temperatureItem\",\"type\":{\"type\":\"array\",\"items\":\"float\"},"
                           "\"default\":[0,0,0],\"units\":\"deg_C\",\"description\":\"Temperatures\"},"
                           "{\"name\":\"location\",\"type\":[\"null\",\"string\"]}]}";

/// Collects what a KafkaTail delivers.
struct Collector
{
    std::vector<DecodedBatchPtr> batches;
    KafkaTopicStatsList stats;
    std::vector<KafkaConnectionState> states;
    QObject context; // the connections end with the collector, which may go before the tail

    explicit Collector(KafkaTail &tail)
    {
        QObject::connect(&tail, &KafkaTail::batchesReceived, &context, [this](const DecodedBatchList &b) {
            batches.insert(batches.end(), b.begin(), b.end());
        });
        QObject::connect(&tail, &KafkaTail::statsUpdated, &context, [this](const KafkaTopicStatsList &s) { stats = s; });
        QObject::connect(&tail, &KafkaTail::stateChanged, &context,
                         [this](KafkaConnectionState s, const QString &) { states.push_back(s); });
    }
    std::size_t rows(const std::string &topic = {}) const
    {
        std::size_t n = 0;
        for (const auto &b : batches)
            if (topic.empty() || b->topic() == topic)
                n += b->rowCount();
        return n;
    }
    const KafkaTopicStats *topicStats(const QString &topic) const
    {
        for (const auto &s : stats)
            if (s.topic == topic)
                return &s;
        return nullptr;
    }
    /// Offsets of the rows received for `topic`, in order.
    std::vector<std::int64_t> offsets(const std::string &topic) const
    {
        std::vector<std::int64_t> out;
        for (const auto &b : batches)
            if (b->topic() == topic)
                for (std::size_t r = 0; r < b->rowCount(); ++r)
                    out.push_back(b->meta(r).offset);
        return out;
    }
};

KafkaConsumerConfig plainConfig(const KafkaTestCluster &cluster, const QStringList &topics,
                                std::shared_ptr<SchemaSource> schemas = {})
{
    KafkaConsumerConfig config;
    config.bootstrapServers = cluster.bootstraps();
    config.tls = false; // the mock cluster speaks plaintext
    config.topics = topics;
    config.schemas = std::move(schemas);
    config.statsInterval = std::chrono::milliseconds(100);
    config.extraProperties = {{"log_level", "2"}};
    return config;
}

QByteArray avroMessage(AvroTestWriter &writer, std::int32_t id, double efd, int salIndex, float t0, const char *location)
{
    nlohmann::json values = {{"private_efdStamp", efd}, {"salIndex", salIndex}, {"temperatureItem", {t0, t0 + 1, t0 + 2}}};
    values["location"] = location ? nlohmann::json(location) : nlohmann::json(nullptr);
    return AvroTestWriter::framed(id, writer.record(values));
}

/// Waits until the consumer's position is known for every partition of `topic` (its start
/// offset resolved), so that "now" means now.
bool waitPositioned(const Collector &c, const QString &topic)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (const auto *s = c.topicStats(topic); s && s->lag >= 0)
            return true;
    }
    return false;
}

} // namespace

class tst_KafkaTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void avroAndJsonDecoded();
    void decodeErrorsCounted_data();
    void decodeErrorsCounted();
    void brokerDownThenUp();
    void startModes_data();
    void startModes();
    void invalidConfiguration();
    void busyReceiverGetsLargerBatches();
};

void tst_KafkaTail::avroAndJsonDecoded()
{
    KafkaTestCluster cluster;
    QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
    QVERIFY(cluster.createTopic(QStringLiteral("lsst.sal.ESS.temperature")).ok());
    QVERIFY(cluster.createTopic(QStringLiteral("bridge.json")).ok());
    auto schemas = std::make_shared<MemorySchemaSource>();
    const std::int32_t id = schemas->registerSchema(QStringLiteral("lsst.sal.ESS.temperature-value"), kSchema);
    AvroTestWriter writer(kSchema);
    QVERIFY2(writer.ok(), qPrintable(writer.error()));
    QVERIFY(cluster.produce(QStringLiteral("lsst.sal.ESS.temperature"), avroMessage(writer, id, 1763950000.5, 3, 20.5f, "dome")).ok());
    QVERIFY(cluster.produce(QStringLiteral("lsst.sal.ESS.temperature"), avroMessage(writer, id, 1763950001.0, 3, 21.5f, nullptr)).ok());
    QVERIFY(cluster.produce(QStringLiteral("bridge.json"), R"({"value": 4.25, "count": 7, "ok": true, "name": "m1m3", "xy": [1, 2]})", 0,
                            1763950002000).ok());
    QVERIFY(cluster.flush().ok());

    KafkaTail tail;
    Collector c(tail);
    auto config = plainConfig(cluster, {QStringLiteral("lsst.sal.ESS.temperature"), QStringLiteral("bridge.json")}, schemas);
    config.start = {KafkaStartMode::Beginning, 0};
    QVERIFY(tail.start(config).ok());
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), std::size_t(3), 10'000);

    DecodedBatchPtr avro, json;
    for (const auto &b : c.batches)
        (b->topic() == "bridge.json" ? json : avro) = b;
    QVERIFY(avro && json);
    QCOMPARE(avro->rowCount(), std::size_t(2));
    const MessageLayout &layout = avro->layout();
    QCOMPARE(layout.schemaId, id);
    const int t1 = layout.indexOf("temperatureItem1");
    QVERIFY(t1 >= 0);
    QCOMPARE(avro->number(0, std::size_t(t1)), 21.5);
    QCOMPARE(avro->number(1, std::size_t(t1)), 22.5);
    QCOMPARE(QString::fromStdString(layout.fields[std::size_t(t1)].units), QStringLiteral("deg_C"));
    QCOMPARE(std::get<std::int64_t>(avro->value(0, std::size_t(layout.indexOf("salIndex")))), std::int64_t(3));
    QCOMPARE(std::get<std::string>(avro->value(0, std::size_t(layout.indexOf("location")))), std::string("dome"));
    QVERIFY(avro->isNull(1, std::size_t(layout.indexOf("location"))));
    QCOMPARE(avro->meta(0).time_ns, std::int64_t(1763950000500000000));
    QCOMPARE(avro->meta(1).offset, std::int64_t(1));

    const MessageLayout &jl = json->layout();
    QCOMPARE(json->number(0, std::size_t(jl.indexOf("value"))), 4.25);
    QCOMPARE(json->number(0, std::size_t(jl.indexOf("count"))), 7.0);
    QCOMPARE(json->number(0, std::size_t(jl.indexOf("ok"))), 1.0);
    QCOMPARE(std::get<std::string>(json->value(0, std::size_t(jl.indexOf("name")))), std::string("m1m3"));
    QCOMPARE(json->number(0, std::size_t(jl.indexOf("xy1"))), 2.0);
    QCOMPARE(json->meta(0).timestamp_ms, std::int64_t(1763950002000));
    QCOMPARE(json->meta(0).time_ns, std::int64_t(1763950002000) * 1'000'000);

    QTRY_VERIFY_WITH_TIMEOUT(c.topicStats(QStringLiteral("bridge.json")) && c.topicStats(QStringLiteral("bridge.json"))->messages == 1,
                             5000);
    const KafkaTopicStats *s = c.topicStats(QStringLiteral("lsst.sal.ESS.temperature"));
    QVERIFY(s);
    QCOMPARE(s->messages, std::int64_t(2));
    QCOMPARE(s->decodeErrors, std::int64_t(0));
    QCOMPARE(s->lag, std::int64_t(0));
    QVERIFY(s->lastMessageAge_ms >= 0);
    QCOMPARE(tail.state(), KafkaConnectionState::Connected);
    tail.stop();
    QCOMPARE(tail.state(), KafkaConnectionState::Stopped);
}

void tst_KafkaTail::decodeErrorsCounted_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("expected");
    AvroTestWriter writer(kSchema);
    const QByteArray body = writer.record({{"private_efdStamp", 1.0}, {"salIndex", 1}, {"temperatureItem", {1, 2, 3}}, {"location", nullptr}});
    QTest::newRow("unknown schema id") << AvroTestWriter::framed(999, body) << QStringLiteral("unknown schema id 999");
    QTest::newRow("wrong magic byte") << (QByteArray("\x01", 1) + AvroTestWriter::framed(1, body).mid(1))
                                      << QStringLiteral("magic byte 0x01, expected 0x00");
    QTest::newRow("truncated body") << AvroTestWriter::framed(1, body.left(body.size() - 3)) << QStringLiteral("truncated body");
    QTest::newRow("short frame") << QByteArray("\x00\x00\x01", 3) << QStringLiteral("shorter than the 5-byte Confluent header");
    QTest::newRow("invalid JSON") << QByteArray("{\"a\": ") << QStringLiteral("invalid JSON");
    QTest::newRow("empty value") << QByteArray() << QStringLiteral("empty message value");
}

void tst_KafkaTail::decodeErrorsCounted()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, expected);
    KafkaTestCluster cluster;
    QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
    const QString topic = QStringLiteral("lsst.sal.ESS.temperature");
    QVERIFY(cluster.createTopic(topic).ok());
    auto schemas = std::make_shared<MemorySchemaSource>();
    schemas->insert(1, kSchema);
    AvroTestWriter writer(kSchema);
    QVERIFY(cluster.produce(topic, avroMessage(writer, 1, 10.0, 1, 1.0f, "a")).ok());
    QVERIFY(cluster.produce(topic, bad).ok());
    QVERIFY(cluster.produce(topic, avroMessage(writer, 1, 11.0, 1, 2.0f, "b")).ok());
    QVERIFY(cluster.flush().ok());

    KafkaTail tail;
    Collector c(tail);
    auto config = plainConfig(cluster, {topic}, schemas);
    config.start = {KafkaStartMode::Beginning, 0};
    QVERIFY(tail.start(config).ok());
    // The good message after the bad one arrives: the consumer neither crashed nor stalled.
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), std::size_t(2), 10'000);
    QCOMPARE(c.offsets(topic.toStdString()), (std::vector<std::int64_t>{0, 2}));
    QTRY_VERIFY_WITH_TIMEOUT(c.topicStats(topic) && c.topicStats(topic)->decodeErrors == 1, 5000);
    const KafkaTopicStats *s = c.topicStats(topic);
    QCOMPARE(s->messages, std::int64_t(2));
    QVERIFY2(s->lastError.contains(expected), qPrintable(s->lastError));
    QVERIFY2(s->lastError.contains(u"partition 0 offset 1"), qPrintable(s->lastError));
}

void tst_KafkaTail::brokerDownThenUp()
{
    KafkaTestCluster cluster;
    QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
    const QString topic = QStringLiteral("bridge.json");
    QVERIFY(cluster.createTopic(topic).ok());
    KafkaTail tail;
    Collector c(tail);
    auto config = plainConfig(cluster, {topic});
    config.extraProperties.emplace_back("socket.connection.setup.timeout.ms", "1000");
    QVERIFY(tail.start(config).ok());
    QVERIFY(waitPositioned(c, topic));
    QVERIFY(cluster.produce(topic, R"({"n": 1})").ok());
    QVERIFY(cluster.flush().ok());
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), std::size_t(1), 10'000);

    QVERIFY(cluster.setBrokerDown(1, true).ok());
    QTRY_VERIFY_WITH_TIMEOUT(tail.state() == KafkaConnectionState::Reconnecting, 15'000);
    QVERIFY(cluster.setBrokerDown(1, false).ok());
    // The producer's message goes out once the broker is back; the tail gets it by itself.
    QVERIFY(cluster.produce(topic, R"({"n": 2})").ok());
    QVERIFY(cluster.flush(20'000).ok());
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), std::size_t(2), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), KafkaConnectionState::Connected, 10'000);
    QCOMPARE(c.offsets(topic.toStdString()), (std::vector<std::int64_t>{0, 1}));
}

void tst_KafkaTail::startModes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QList<qint64>>("oldOffsets"); // of the 10 messages produced before the start
    QTest::newRow("now") << QStringLiteral("now") << QList<qint64>{};
    QTest::newRow("last 3") << QStringLiteral("-3") << QList<qint64>{7, 8, 9};
    QTest::newRow("last 20 (more than there are)") << QStringLiteral("-20") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    // The mock cluster answers -1 to offsetsForTimes: the tail starts at the end.
    QTest::newRow("-30s (mock answers -1)") << QStringLiteral("-30s") << QList<qint64>{};
    QTest::newRow("beginning") << QStringLiteral("beginning") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

void tst_KafkaTail::startModes()
{
    QFETCH(QString, from);
    QFETCH(QList<qint64>, oldOffsets);
    KafkaTestCluster cluster;
    QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
    const QString topic = QStringLiteral("bridge.json");
    QVERIFY(cluster.createTopic(topic).ok());
    for (int i = 0; i < 10; ++i)
        QVERIFY(cluster.produce(topic, QByteArray("{\"i\":") + QByteArray::number(i) + "}").ok());
    QVERIFY(cluster.flush().ok());

    KafkaTail tail;
    Collector c(tail);
    auto config = plainConfig(cluster, {topic});
    const auto start = KafkaStartPosition::parse(from);
    QVERIFY(start);
    config.start = *start;
    QVERIFY(tail.start(config).ok());
    QVERIFY(waitPositioned(c, topic));
    QVERIFY(cluster.produce(topic, "{\"i\":10}").ok());
    QVERIFY(cluster.flush().ok());
    std::vector<std::int64_t> expected(oldOffsets.begin(), oldOffsets.end());
    expected.push_back(10);
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), expected.size(), 10'000);
    QTest::qWait(200); // nothing more arrives
    QCOMPARE(c.offsets(topic.toStdString()), expected);
}

void tst_KafkaTail::invalidConfiguration()
{
    KafkaTail tail;
    KafkaConsumerConfig config;
    auto started = tail.start(config);
    QVERIFY(!started.ok());
    QVERIFY2(started.error().contains(u"bootstrap"), qPrintable(started.error()));
    config.bootstrapServers = QStringLiteral("127.0.0.1:1");
    config.topics = {QStringLiteral("t")};
    config.username = QStringLiteral("reader");
    started = tail.start(config);
    QVERIFY(!started.ok());
    QVERIFY2(started.error().contains(u"No password"), qPrintable(started.error()));
    config.password = QStringLiteral("secret-value");
    config.extraProperties = {{"no.such.property", "1"}};
    started = tail.start(config);
    QVERIFY(!started.ok());
    QVERIFY2(started.error().contains(u"no.such.property"), qPrintable(started.error()));
    QVERIFY(!started.error().contains(u"secret-value"));
    QVERIFY(!tail.isRunning());
}

void tst_KafkaTail::busyReceiverGetsLargerBatches()
{
    // While the receiver (the GUI thread) is busy with one delivery, messages keep arriving;
    // they must come as one larger batch afterwards, not as a queue of small ones that a
    // slow receiver would fall further behind on.
    KafkaTestCluster cluster;
    QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
    const QString topic = QStringLiteral("bridge.json");
    QVERIFY(cluster.createTopic(topic).ok());
    KafkaTail tail;
    Collector c(tail);
    auto config = plainConfig(cluster, {topic});
    config.batchInterval = std::chrono::milliseconds(10);
    QVERIFY(tail.start(config).ok());
    QVERIFY(waitPositioned(c, topic));
    std::vector<std::size_t> deliveries; // rows per delivery
    bool busy = true;
    connect(&tail, &KafkaTail::batchesReceived, this, [&](const DecodedBatchList &batches) {
        std::size_t rows = 0;
        for (const auto &b : batches)
            rows += b->rowCount();
        deliveries.push_back(rows);
        if (!busy)
            return;
        busy = false;
        // 12 messages, 40 ms apart, while this delivery is being handled.
        for (int i = 1; i <= 12; ++i) {
            if (!cluster.produce(topic, QByteArray("{\"i\":") + QByteArray::number(i) + "}").ok() || !cluster.flush().ok())
                return;
            QThread::msleep(40);
        }
    });
    QVERIFY(cluster.produce(topic, "{\"i\":0}").ok());
    QVERIFY(cluster.flush().ok());
    QTRY_COMPARE_WITH_TIMEOUT(c.rows(), std::size_t(13), 10'000);
    QTest::qWait(100);
    QCOMPARE(c.offsets(topic.toStdString()).size(), std::size_t(13)); // nothing lost or doubled
    QVERIFY2(deliveries.size() <= 4, qPrintable(QStringLiteral("%1 deliveries").arg(deliveries.size())));
    QCOMPARE(deliveries.front(), std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_KafkaTail)
#include "tst_kafkatail.moc"
