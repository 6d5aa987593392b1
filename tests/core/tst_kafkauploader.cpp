// SPDX-License-Identifier: GPL-3.0-or-later
// Direct Kafka upload against librdkafka's in-process mock cluster, with injected produce errors.
#include "core/http/CurlTransport.h"
#include "core/ingest/KafkaUploader.h"
#include "core/ingest/MetricFileReader.h"
#include "tests/support/ContractHttpServer.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <cstring>

using namespace sasquatch;

namespace {

constexpr int16_t kProduceApiKey = 0; // Kafka protocol ApiKey of Produce

UploadPlan plan(int records)
{
    QByteArray csv("time,visit,PA1\n");
    for (int i = 0; i < records; ++i)
        csv += QByteArray::number(1795000000 + i) + ',' + QByteArray::number(i) + ',' + QByteArray::number(i + 0.25) + '\n';
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readDevice(buffer, QStringLiteral("campaign.csv")));
    return UploadPlan::build(std::move(files), UploadOptions{});
}

/// A mock cluster that lives as long as the object.
class MockCluster
{
public:
    MockCluster()
    {
        char err[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        m_handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
        m_cluster = rd_kafka_mock_cluster_new(m_handle, 3);
        rd_kafka_mock_topic_create(m_cluster, "lsst.dm.campaign", 1, 3);
    }
    ~MockCluster()
    {
        rd_kafka_mock_cluster_destroy(m_cluster);
        rd_kafka_destroy(m_handle);
    }
    QString bootstraps() const { return QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster)); }
    rd_kafka_mock_cluster_t *cluster() const { return m_cluster; }

    /// Every message of partition 0 of `topic`, from the beginning to the end.
    std::vector<QByteArray> consumeAll(const char *topic)
    {
        char err[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps().toUtf8().constData(), err, sizeof err);
        rd_kafka_conf_set(conf, "group.id", "tst_kafkauploader", err, sizeof err);
        rd_kafka_conf_set(conf, "enable.partition.eof", "true", err, sizeof err);
        rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(parts, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        rd_kafka_assign(consumer, parts);
        rd_kafka_topic_partition_list_destroy(parts);
        std::vector<QByteArray> values;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 200);
            if (!m)
                continue;
            const bool eof = m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
            if (!m->err)
                values.emplace_back(static_cast<const char *>(m->payload), qsizetype(m->len));
            rd_kafka_message_destroy(m);
            if (eof)
                break;
        }
        rd_kafka_consumer_close(consumer);
        rd_kafka_destroy(consumer);
        return values;
    }

private:
    rd_kafka_t *m_handle = nullptr;
    rd_kafka_mock_cluster_t *m_cluster = nullptr;
};

KafkaProduceOptions options(const MockCluster &mock)
{
    KafkaProduceOptions o;
    o.bootstrap = mock.bootstraps();
    o.tls = false;
    o.deliveryTimeout = std::chrono::milliseconds(30'000);
    o.extraConfig = {{"retry.backoff.ms", "10"}, {"linger.ms", "20"}, {"batch.num.messages", "50"}};
    return o;
}

} // namespace

class tst_KafkaUploader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesSucceedWithoutDuplicatesOrLoss()
    {
        MockCluster mock;
        // The first produce requests fail with errors a broker sends under load or failover.
        rd_kafka_mock_push_request_errors(mock.cluster(), kProduceApiKey, 4, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
                                          RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
                                          RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE);
        const UploadPlan p = plan(300);
        UploadLedger ledger(p);
        KafkaUploader uploader(options(mock), std::make_shared<CurlTransport>());
        QVERIFY(!uploader.usesAvro());
        uploader.upload(p, ledger, {}, {});
        QString problems;
        for (int i = 0; i < ledger.size(); ++i)
            if (ledger.status(i).fate != RecordFate::Acknowledged)
                problems += ledger.status(i).reason + u'\n';
        QVERIFY2(ledger.allAcknowledged(), qPrintable(problems));
        QSet<std::int64_t> offsets;
        for (int i = 0; i < ledger.size(); ++i) {
            QCOMPARE(ledger.status(i).partition, 0);
            offsets.insert(ledger.status(i).offset);
        }
        QCOMPARE(offsets.size(), 300);
        const std::vector<QByteArray> values = mock.consumeAll("lsst.dm.campaign");
        QCOMPARE(values.size(), std::size_t(300)); // nothing duplicated, nothing lost
        QSet<int> visits;
        for (const QByteArray &v : values)
            visits.insert(QJsonDocument::fromJson(v).object().value("visit").toString().toInt());
        QCOMPARE(visits.size(), 300);
        QCOMPARE(values.front(), QByteArray(R"({"timestamp":1795000000,"visit":"0","PA1":0.25})"));
    }

    void failedRecordsAreRetriedExactly()
    {
        MockCluster mock;
        // A permanent error for every produce request of the first upload (librdkafka retries
        // nothing): all records fail with librdkafka's words.
        std::vector<rd_kafka_resp_err_t> errors(50, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
        rd_kafka_mock_push_request_errors_array(mock.cluster(), kProduceApiKey, errors.size(), errors.data());
        const UploadPlan p = plan(20);
        UploadLedger ledger(p);
        KafkaProduceOptions o = options(mock);
        o.extraConfig.emplace_back("batch.num.messages", "100");
        KafkaUploader uploader(o, std::make_shared<CurlTransport>());
        uploader.upload(p, ledger, {}, {});
        QVERIFY(ledger.failed() > 0);
        const qsizetype firstAcks = ledger.acknowledged();
        for (int i = 0; i < ledger.size(); ++i)
            if (ledger.status(i).fate == RecordFate::Failed)
                QVERIFY2(ledger.status(i).reason.startsWith(u"Kafka: "_qs), qPrintable(ledger.status(i).reason));
        // Drain the rest of the injected errors, then send again: only the failed ones go.
        rd_kafka_mock_clear_request_errors(mock.cluster(), kProduceApiKey);
        std::vector<RecordStatus> before;
        for (int i = 0; i < ledger.size(); ++i)
            before.push_back(ledger.status(i));
        uploader.upload(p, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        for (int i = 0; i < ledger.size(); ++i) {
            const RecordStatus &b = before[std::size_t(i)];
            // Acknowledged before: not sent again, same offset. Failed before: sent once more.
            QCOMPARE(ledger.status(i).sends, b.sends + (b.fate == RecordFate::Acknowledged ? 0 : 1));
            if (b.fate == RecordFate::Acknowledged)
                QCOMPARE(ledger.status(i).offset, b.offset);
        }
        Q_UNUSED(firstAcks);
        const std::vector<QByteArray> values = mock.consumeAll("lsst.dm.campaign");
        QCOMPARE(values.size(), std::size_t(20));
    }

    void avroWithSchemaRegistry()
    {
        MockCluster mock;
        test::ContractHttpServer registry;
        QVERIFY(registry.start().ok());
        // Schema Registry API reference: POST /subjects/{subject}/versions → {"id": N}.
        registry.on("POST", "/subjects/lsst.dm.campaign-value/versions", test::ContractResponse::json(200, R"({"id":7})"));
        KafkaProduceOptions o = options(mock);
        o.schemaRegistry.url = registry.baseUrl();
        const UploadPlan p = plan(3);
        UploadLedger ledger(p);
        KafkaUploader uploader(o, std::make_shared<CurlTransport>());
        QVERIFY(uploader.usesAvro());
        uploader.upload(p, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        const auto posted = registry.requestsTo("/subjects/lsst.dm.campaign-value/versions");
        QCOMPARE(posted.size(), std::size_t(1));
        QCOMPARE(QJsonDocument::fromJson(posted[0].body).object().value("schema").toString().toUtf8(), p.topics()[0].schema.json());
        const std::vector<QByteArray> values = mock.consumeAll("lsst.dm.campaign");
        QCOMPARE(values.size(), std::size_t(3));
        // 0x00, schema id 7 big-endian, then timestamp (double LE), visit (string), PA1 (float LE).
        const QByteArray &v = values[0];
        QCOMPARE(v.left(5), QByteArray("\x00\x00\x00\x00\x07", 5));
        double ts = 0;
        std::memcpy(&ts, v.constData() + 5, 8);
        QCOMPARE(ts, 1795000000.0);
        QCOMPARE(v.mid(13, 2), QByteArray("\x02" "0"));
        float pa1 = 0;
        std::memcpy(&pa1, v.constData() + 15, 4);
        QCOMPARE(pa1, 0.25f);
        QCOMPARE(v.size(), 19);
    }
};

QTEST_GUILESS_MAIN(tst_KafkaUploader)
#include "tst_kafkauploader.moc"
