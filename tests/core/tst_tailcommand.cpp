// SPDX-License-Identifier: GPL-3.0-or-later
// `sasquatch-browser tail` run as a function against librdkafka's mock cluster in-process and
// a contract Schema Registry: JSON and CSV lines, --fields, --count, --from, undecodable
// messages reported on stderr, usage errors and exit codes.
#include "core/cli/CommandLine.h"
#include "core/cli/TailCommand.h"
#include "tests/support/AvroTestWriter.h"
#include "tests/support/CommandRun.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/KafkaTestCluster.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

const QByteArray kSchema = "{\"type\":\"record\",\"name\":\"temperature\",\"namespace\":\"lsst.sal.ESS\",\"fields\":["
                           "{\"name\":\"private_efdStamp\",\"type\":\"double\",\"units\":\"second\"},"
                           "{\"name\":\"salIndex\",\"type\":\"int\"},"
                           "{\"name\":\"temperatureItem\",\"type\":{\"type\":\"array\",\"items\":\"float\"},"
                           "\"default\":[0,0,0],\"units\":\"deg_C\"},"
                           "{\"name\":\"location\",\"type\":[\"null\",\"string\"]}]}";
const QString kTopic = QStringLiteral("lsst.sal.ESS.temperature");

using Run = sasquatch::test::CommandRun;

Run runTail(const QStringList &arguments)
{
    return sasquatch::test::runCommand(&TailCommand::run, QStringList{QStringLiteral("sasquatch-browser tail")} + arguments);
}

} // namespace

class tst_TailCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonLines();
    void csvWithFields();
    void lastNAndUndecodableReported();
    void usageErrors_data();
    void usageErrors();
    void passwordNeverFromArgv();
    void registeredCommand();

private:
    std::unique_ptr<KafkaTestCluster> m_cluster;
    ContractHttpServer m_registry;
};

void tst_TailCommand::initTestCase()
{
    qputenv("SASQUATCH_KAFKA_PASSWORD", QByteArray());
    m_cluster = std::make_unique<KafkaTestCluster>();
    QVERIFY2(m_cluster->ok(), qPrintable(m_cluster->error()));
    QVERIFY(m_cluster->createTopic(kTopic).ok());
    QVERIFY(m_cluster->createTopic(QStringLiteral("bridge.json")).ok());
    QVERIFY(m_registry.start().ok());
    // Confluent Schema Registry API reference: GET /schemas/ids/{id} -> {"schema":"<schema as a JSON string>"}.
    const std::string body = nlohmann::json{{"schema", kSchema.toStdString()}}.dump();
    m_registry.on("GET", QStringLiteral("/schemas/ids/1"),
                  ContractResponse::json(200, QByteArray(body.data(), qsizetype(body.size()))));
    AvroTestWriter writer(kSchema);
    QVERIFY2(writer.ok(), qPrintable(writer.error()));
    QVERIFY(m_cluster->produce(kTopic, AvroTestWriter::framed(1, writer.record({{"private_efdStamp", 1763950000.5}, {"salIndex", 2},
                                                                                  {"temperatureItem", {20.5, 0.1, -3}},
                                                                                  {"location", "dome, east"}})),
                               0, 1763950000600)
                .ok());
    QVERIFY(m_cluster->produce(kTopic, AvroTestWriter::framed(1, writer.record({{"private_efdStamp", 1763950001.5}, {"salIndex", 2},
                                                                                  {"temperatureItem", {21.5, 1, 2}},
                                                                                  {"location", nullptr}})),
                               0, 1763950001600)
                .ok());
    QVERIFY(m_cluster->produce(kTopic, QByteArray("\x05garbage", 8), 0, 1763950002600).ok());
    // A bridge topic's JSON (Strimzi bridge, application/vnd.kafka.json.v2+json): integers beyond
    // 2^53 and microsecond timestamps must come out digit for digit.
    QVERIFY(m_cluster->produce(QStringLiteral("bridge.json"), R"({"a": 1.25, "b": "x", "id": 1700000000123456789, "t": 1681248783000000})", 0,
                               1763950003000).ok());
    QVERIFY(m_cluster->flush().ok());
}

void tst_TailCommand::jsonLines()
{
    const Run r = runTail({kTopic, QStringLiteral("--kafka"), m_cluster->bootstraps(), QStringLiteral("--schema-registry"),
                           m_registry.baseUrl(), QStringLiteral("--from"), QStringLiteral("beginning"), QStringLiteral("--count"),
                           QStringLiteral("2")});
    QVERIFY2(r.code == kExitOk, qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0],
             QStringLiteral("{\"topic\":\"lsst.sal.ESS.temperature\",\"partition\":0,\"offset\":0,\"timestamp_ms\":1763950000600,"
                            "\"fields\":{\"private_efdStamp\":1763950000.5,\"salIndex\":2,\"temperatureItem0\":20.5,"
                            "\"temperatureItem1\":0.1,\"temperatureItem2\":-3,\"location\":\"dome, east\"}}"));
    const auto second = nlohmann::json::parse(lines[1].toStdString());
    QCOMPARE(second["offset"].get<int>(), 1);
    QVERIFY(second["fields"]["location"].is_null());
    QCOMPARE(second["fields"]["temperatureItem0"].get<double>(), 21.5);
    QCOMPARE(m_registry.requestsTo(QStringLiteral("/schemas/ids/1")).size(), std::size_t(1));
}

void tst_TailCommand::csvWithFields()
{
    const Run r = runTail({kTopic, QStringLiteral("--kafka"), m_cluster->bootstraps(), QStringLiteral("--schema-registry"),
                           m_registry.baseUrl(), QStringLiteral("--from=beginning"), QStringLiteral("--count=2"),
                           QStringLiteral("--format=csv"), QStringLiteral("--fields=temperatureItem,location,nosuch")});
    QVERIFY2(r.code == kExitOk, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("topic,partition,offset,timestamp_ms,temperatureItem0,temperatureItem1,temperatureItem2,location,nosuch\n"
                                   "lsst.sal.ESS.temperature,0,0,1763950000600,20.5,0.1,-3,\"dome, east\",\n"
                                   "lsst.sal.ESS.temperature,0,1,1763950001600,21.5,1,2,,\n"));
}

void tst_TailCommand::lastNAndUndecodableReported()
{
    // The last 2 messages of the topic: one good, one garbage (reported, not printed).
    const Run r = runTail({kTopic, QStringLiteral("bridge.json"), QStringLiteral("--kafka"), m_cluster->bootstraps(),
                           QStringLiteral("--schema-registry"), m_registry.baseUrl(), QStringLiteral("--from=-2"),
                           QStringLiteral("--duration=2.5")});
    QVERIFY2(r.code == kExitOk, qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QString joined = lines.join(u'\n');
    QVERIFY2(joined.contains(u"\"offset\":1,"), qPrintable(joined));
    QVERIFY2(joined.contains(u"{\"topic\":\"bridge.json\",\"partition\":0,\"offset\":0,\"timestamp_ms\":1763950003000,"
                             u"\"fields\":{\"a\":1.25,\"b\":\"x\",\"id\":1700000000123456789,\"t\":1681248783000000}}"),
             qPrintable(joined));
    QVERIFY2(r.err.contains(u"lsst.sal.ESS.temperature: 1 undecodable message(s) skipped; last: partition 0 offset 2: magic byte 0x05"),
             qPrintable(r.err));
}

void tst_TailCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no topic") << QStringList{QStringLiteral("--kafka"), QStringLiteral("h:1")} << QStringLiteral("Name at least one topic");
    QTest::newRow("no brokers") << QStringList{QStringLiteral("t")} << QStringLiteral("--kafka HOST:PORT or --profile");
    QTest::newRow("bad --from") << QStringList{QStringLiteral("t"), QStringLiteral("--kafka=h:1"), QStringLiteral("--from=yesterday")}
                                << QStringLiteral("--from must be");
    QTest::newRow("bad --format") << QStringList{QStringLiteral("t"), QStringLiteral("--kafka=h:1"), QStringLiteral("--format=xml")}
                                  << QStringLiteral("--format must be json or csv");
    QTest::newRow("bad --count") << QStringList{QStringLiteral("t"), QStringLiteral("--kafka=h:1"), QStringLiteral("--count=0")}
                                 << QStringLiteral("--count must be a positive number");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("t"), QStringLiteral("--password=x")} << QStringLiteral("password");
    QTest::newRow("unknown profile") << QStringList{QStringLiteral("t"), QStringLiteral("--profile=nope")}
                                     << QStringLiteral("No profile named \"nope\"");
}

void tst_TailCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run r = runTail(arguments);
    QCOMPARE(r.code, int(kExitUsage));
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_TailCommand::passwordNeverFromArgv()
{
    Run r = runTail({QStringLiteral("t"), QStringLiteral("--kafka=127.0.0.1:1"), QStringLiteral("--kafka-user=reader")});
    QCOMPARE(r.code, int(kExitFailure));
    QVERIFY2(r.err.contains(u"SASQUATCH_KAFKA_PASSWORD"), qPrintable(r.err));
    // With the password in the environment it gets as far as starting (here: nothing listens;
    // stopped by --duration, exit 0, the state reported on stderr).
    qputenv("SASQUATCH_KAFKA_PASSWORD", "s3cret-pw");
    r = runTail({QStringLiteral("t"), QStringLiteral("--kafka=127.0.0.1:1"), QStringLiteral("--kafka-user=reader"),
                 QStringLiteral("--duration=1")});
    qputenv("SASQUATCH_KAFKA_PASSWORD", QByteArray());
    QCOMPARE(r.code, int(kExitOk));
    QVERIFY(!r.err.contains(u"s3cret-pw"));
}

void tst_TailCommand::registeredCommand()
{
    QVERIFY(commandNames().contains(QStringLiteral("tail")));
}

QTEST_GUILESS_MAIN(tst_TailCommand)
#include "tst_tailcommand.moc"
