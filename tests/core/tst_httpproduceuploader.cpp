// SPDX-License-Identifier: GPL-3.0-or-later
// REST proxy and Strimzi bridge uploads against contract fixtures (tests/fixtures/upload, written
// from the Confluent REST Proxy and Strimzi Kafka Bridge API references).
#include "core/http/CurlTransport.h"
#include "core/ingest/HttpProduceUploader.h"
#include "core/ingest/MetricFileReader.h"
#include "tests/support/ContractHttpServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

ContractResponse fixture(const QString &name)
{
    auto r = ContractResponse::fromHttpFile(QStringLiteral(SASQUATCH_TEST_FIXTURES "/upload/") + name);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.error()));
    return *r;
}

/// Three records of lsst.dm.campaign; PA2 is empty in the second, so it is nullable.
UploadPlan campaignPlan()
{
    QByteArray csv("time,visit,PA1,PA2\n1795000000,1,1.5,2\n1795000001,2,2.5,\n1795000002,3,3.5,4\n");
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readDevice(buffer, QStringLiteral("campaign.csv")));
    return UploadPlan::build(std::move(files), UploadOptions{});
}

RetryPolicy quickPolicy()
{
    RetryPolicy p = Uploader::defaultRetryPolicy();
    p.initialDelay = std::chrono::milliseconds(1);
    p.maxDelay = std::chrono::milliseconds(5);
    return p;
}

} // namespace

class tst_HttpProduceUploader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpProduceUploader> uploader(const ContractHttpServer &server, HttpProduceProtocol protocol)
    {
        HttpProduceOptions options;
        options.protocol = protocol;
        options.endpoint.url = server.baseUrl() + QStringLiteral("/sasquatch-rest-proxy");
        auto u = std::make_unique<HttpProduceUploader>(options, std::make_shared<CurlTransport>(), quickPolicy());
        u->setSleeper([](std::chrono::milliseconds, const CancelToken &c) { return !c.isCancelled(); });
        return u;
    }

private Q_SLOTS:
    void restProxyCreatesTopicThenSendsAvro()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString base = QStringLiteral("/sasquatch-rest-proxy");
        server.on("GET", base + "/topics/lsst.dm.campaign", fixture("restproxy-topic-not-found.http"));
        server.on("GET", base + "/v3/clusters", fixture("restproxy-clusters.http"));
        server.on("POST", base + "/v3/clusters/Hbe8ej3cRd2fnUjRJXNpUA/topics", fixture("restproxy-topic-created.http"));
        server.on("POST", base + "/topics/lsst.dm.campaign", fixture("restproxy-produce-ok.http"));
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::RestProxyAvro)->upload(plan, ledger, {}, {});
        QVERIFY(server.unmatchedRequests().empty());
        QVERIFY(ledger.allAcknowledged());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(ledger.status(i).partition, 0);
            QCOMPARE(ledger.status(i).offset, std::int64_t(100 + i));
        }
        const auto creates = server.requestsTo(base + "/v3/clusters/Hbe8ej3cRd2fnUjRJXNpUA/topics");
        QCOMPARE(creates.size(), std::size_t(1));
        QCOMPARE(creates[0].body, QByteArray(R"({"partitions_count":1,"replication_factor":3,"topic_name":"lsst.dm.campaign"})"));
        const auto produce = server.requestsTo(base + "/topics/lsst.dm.campaign");
        QCOMPARE(produce.size(), std::size_t(2)); // GET then POST
        const ContractRequest &post = produce[1];
        QCOMPARE(post.header("content-type"), QByteArray("application/vnd.kafka.avro.v2+json"));
        const QJsonObject body = QJsonDocument::fromJson(post.body).object();
        QCOMPARE(body.value("value_schema").toString(),
                 QStringLiteral(R"({"type":"record","namespace":"lsst.dm","name":"campaign","fields":[)"
                                R"({"name":"timestamp","type":"double","default":0.0},{"name":"visit","type":"string","default":""},)"
                                R"({"name":"PA1","type":"float","default":0.0},{"name":"PA2","type":["null","int"],"default":null}]})"));
        // Nullable values wrapped, as the REST proxy's Avro JSON encoding wants them.
        QCOMPARE(post.body.mid(post.body.indexOf("\"records\"")),
                 QByteArray(R"("records":[{"value":{"timestamp":1795000000,"visit":"1","PA1":1.5,"PA2":{"int":2}}},)"
                            R"({"value":{"timestamp":1795000001,"visit":"2","PA1":2.5,"PA2":null}},)"
                            R"({"value":{"timestamp":1795000002,"visit":"3","PA1":3.5,"PA2":{"int":4}}}]})"));
    }

    void restProxyPerRecordErrorsThenRetryOfTheFailed()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString base = QStringLiteral("/sasquatch-rest-proxy");
        server.on("GET", base + "/topics/lsst.dm.campaign", fixture("restproxy-topic-found.http"));
        server.onSequence("POST", base + "/topics/lsst.dm.campaign",
                          {fixture("restproxy-produce-partial.http"), fixture("restproxy-produce-one.http")});
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        auto u = uploader(server, HttpProduceProtocol::RestProxyAvro);
        u->upload(plan, ledger, {}, {});
        QCOMPARE(ledger.status(0).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(0).offset, std::int64_t(200));
        QCOMPARE(ledger.status(1).fate, RecordFate::Failed);
        QVERIFY(ledger.status(1).reason.startsWith(u"REST proxy refused it: error_code 1: org.apache.kafka.common.errors.RecordTooLargeException"_qs));
        // The retriable one went again, alone, with the schema id of the first answer.
        QCOMPARE(ledger.status(2).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(2).offset, std::int64_t(201));
        QCOMPARE(ledger.status(2).sends, 2);
        auto posts = server.requestsTo(base + "/topics/lsst.dm.campaign");
        QCOMPARE(posts.size(), std::size_t(3));
        const QJsonObject second = QJsonDocument::fromJson(posts[2].body).object();
        QCOMPARE(second.value("value_schema_id").toInt(), 21);
        QVERIFY(!second.contains("value_schema"));
        QCOMPARE(second.value("records").toArray().size(), 1);
        QCOMPARE(second.value("records").toArray()[0].toObject()["value"].toObject()["visit"].toString(), u"3"_qs);
        // A second upload sends exactly the failed record; the acknowledged ones never again.
        server.clearRequests();
        u->upload(plan, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        QCOMPARE(ledger.status(0).sends, 1);
        QCOMPARE(ledger.status(1).sends, 2);
        QCOMPARE(ledger.status(2).sends, 2);
        posts = server.requestsTo(base + "/topics/lsst.dm.campaign");
        QCOMPARE(posts.size(), std::size_t(2)); // the topic check and one POST
        const QJsonArray records = QJsonDocument::fromJson(posts[1].body).object().value("records").toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].toObject()["value"].toObject()["visit"].toString(), u"2"_qs);
    }

    void restProxy422FailsEveryRecordWithTheServerMessage()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString base = QStringLiteral("/sasquatch-rest-proxy");
        server.on("GET", base + "/topics/lsst.dm.campaign", fixture("restproxy-topic-found.http"));
        server.on("POST", base + "/topics/lsst.dm.campaign", fixture("restproxy-produce-422.http"));
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::RestProxyAvro)->upload(plan, ledger, {}, {});
        QCOMPARE(ledger.failed(), qsizetype(3));
        const QString reason = ledger.status(0).reason;
        QVERIFY2(reason.contains(u"422") && reason.contains(u"Invalid schema: Schema being registered is incompatible"), qPrintable(reason));
        QCOMPARE(server.requestsTo(base + "/topics/lsst.dm.campaign").size(), std::size_t(2)); // 422 is not retried
    }

    void restProxy500ThenSuccess()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString base = QStringLiteral("/sasquatch-rest-proxy");
        server.on("GET", base + "/topics/lsst.dm.campaign", fixture("restproxy-topic-found.http"));
        server.onSequence("POST", base + "/topics/lsst.dm.campaign",
                          {fixture("restproxy-produce-500.http"), fixture("restproxy-produce-ok.http")});
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::RestProxyAvro)->upload(plan, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        QCOMPARE(server.requestsTo(base + "/topics/lsst.dm.campaign").size(), std::size_t(3));
    }

    void bridgeSendsJsonAndRetriesTheRetriable()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString path = QStringLiteral("/sasquatch-rest-proxy/topics/lsst.dm.campaign");
        server.onSequence("POST", path, {fixture("bridge-send-partial.http"), fixture("bridge-send-one.http")});
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::BridgeJson)->upload(plan, ledger, {}, {});
        QVERIFY(server.unmatchedRequests().empty());
        QCOMPARE(ledger.status(0).offset, std::int64_t(10));
        QCOMPARE(ledger.status(1).fate, RecordFate::Failed);
        QCOMPARE(ledger.status(1).reason, u"Kafka bridge refused it: error_code 422: Record value is not valid JSON for this topic"_qs);
        QCOMPARE(ledger.status(2).offset, std::int64_t(11));
        const auto posts = server.requestsTo(path);
        QCOMPARE(posts.size(), std::size_t(2));
        QCOMPARE(posts[0].header("content-type"), QByteArray("application/vnd.kafka.json.v2+json"));
        QCOMPARE(posts[0].body, QByteArray(R"({"records":[{"value":{"timestamp":1795000000,"visit":"1","PA1":1.5,"PA2":2}},)"
                                           R"({"value":{"timestamp":1795000001,"visit":"2","PA1":2.5}},)"
                                           R"({"value":{"timestamp":1795000002,"visit":"3","PA1":3.5,"PA2":4}}]})"));
    }

    /// The Strimzi bridge answers a failed send with error_code 500 and the Kafka exception's
    /// message whatever the cause (strimzi-kafka-bridge HttpSourceBridgeEndpoint: 404 only for a
    /// topic missing from the metadata); the messages are Kafka's exception texts.
    void bridgePermanent500_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("retried");
        QTest::newRow("not authorized") << "Not authorized to access topics: [shipments]" << false;
        QTest::newRow("record too large")
            << "The message is 2097152 bytes when serialized which is larger than 1048576, which is the value of the "
               "max.request.size configuration." << false;
        QTest::newRow("RecordTooLargeException name") << "org.apache.kafka.common.errors.RecordTooLargeException" << false;
        QTest::newRow("invalid topic") << "The request attempted to perform an operation on an invalid topic." << false;
        QTest::newRow("unknown topic or partition is retriable")
            << "This server does not host this topic-partition." << true;
        QTest::newRow("in-sync replicas is retriable") << "Broker: Not enough in-sync replicas" << true;
    }
    void bridgePermanent500()
    {
        QFETCH(QString, message);
        QFETCH(bool, retried);
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString path = QStringLiteral("/sasquatch-rest-proxy/topics/lsst.dm.campaign");
        auto calls = std::make_shared<int>(0);
        server.on("POST", path, [calls, message](const ContractRequest &request) {
            const QJsonArray records = QJsonDocument::fromJson(request.body).object().value("records").toArray();
            QJsonArray offsets;
            for (qsizetype i = 0; i < records.size(); ++i)
                offsets.append(*calls == 0 ? QJsonObject{{"error_code", 500}, {"message", message}}
                                           : QJsonObject{{"partition", 0}, {"offset", i}});
            ++*calls;
            return ContractResponse::json(200, QJsonDocument(QJsonObject{{"offsets", offsets}}).toJson(QJsonDocument::Compact));
        });
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::BridgeJson)->upload(plan, ledger, {}, {});
        QCOMPARE(server.requestsTo(path).size(), std::size_t(retried ? 2 : 1));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(ledger.status(i).fate, retried ? RecordFate::Acknowledged : RecordFate::Failed);
            if (!retried)
                QCOMPARE(ledger.status(i).reason, u"Kafka bridge refused it: error_code 500: "_qs + message);
        }
    }

    void bridgeSuccess()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.on("POST", "/sasquatch-rest-proxy/topics/lsst.dm.campaign", fixture("bridge-send-ok.http"));
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        uploader(server, HttpProduceProtocol::BridgeJson)->upload(plan, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        QCOMPARE(ledger.status(2).offset, std::int64_t(9));
    }

    void dryRunSendsNothingAndShowsTheBody()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const UploadPlan plan = campaignPlan();
        UploadLedger ledger(plan);
        const auto sends = uploader(server, HttpProduceProtocol::BridgeJson)->dryRun(plan, ledger);
        QCOMPARE(sends.size(), std::size_t(1));
        QCOMPARE(sends[0].target, QStringLiteral("POST %1/sasquatch-rest-proxy/topics/lsst.dm.campaign").arg(server.baseUrl()));
        QCOMPARE(sends[0].records, qsizetype(3));
        QVERIFY(sends[0].body.startsWith(R"({"records":[{"value":{"timestamp":1795000000,)"));
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(ledger.acknowledged(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(tst_HttpProduceUploader)
#include "tst_httpproduceuploader.moc"
