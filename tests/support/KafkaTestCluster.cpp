// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/KafkaTestCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace sasquatch::test {

KafkaTestCluster::KafkaTestCluster(int brokers)
{
    char errstr[512] = {};
    // rd_kafka_mock_cluster_new needs a client instance to own the cluster's threads.
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    m_clusterClient = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!m_clusterClient) {
        m_error = QString::fromUtf8(errstr);
        return;
    }
    m_cluster = rd_kafka_mock_cluster_new(m_clusterClient, brokers);
    if (!m_cluster) {
        m_error = QStringLiteral("rd_kafka_mock_cluster_new failed");
        return;
    }
    m_bootstraps = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster));
    rd_kafka_conf_t *pconf = rd_kafka_conf_new();
    rd_kafka_conf_set(pconf, "bootstrap.servers", m_bootstraps.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(pconf, "linger.ms", "1", errstr, sizeof errstr);
    rd_kafka_conf_set_log_cb(pconf, nullptr); // broker-down tests would fill the log
    m_producer = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, errstr, sizeof errstr);
    if (!m_producer)
        m_error = QString::fromUtf8(errstr);
}

KafkaTestCluster::~KafkaTestCluster()
{
    if (m_producer) {
        rd_kafka_flush(m_producer, 2000);
        rd_kafka_destroy(m_producer);
    }
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_clusterClient)
        rd_kafka_destroy(m_clusterClient);
}

Outcome<Done> KafkaTestCluster::createTopic(const QString &topic, int partitions)
{
    const auto err = rd_kafka_mock_topic_create(m_cluster, topic.toUtf8().constData(), partitions, 1);
    if (err)
        return Failure{QString::fromUtf8(rd_kafka_err2str(err))};
    return Done{};
}

Outcome<Done> KafkaTestCluster::produce(const QString &topic, const QByteArray &value, int partition,
                                        std::int64_t timestamp_ms)
{
    const QByteArray name = topic.toUtf8();
    rd_kafka_resp_err_t err;
    while (true) {
        err = rd_kafka_producev(m_producer, RD_KAFKA_V_TOPIC(name.constData()),
                                RD_KAFKA_V_PARTITION(partition < 0 ? RD_KAFKA_PARTITION_UA : partition),
                                RD_KAFKA_V_VALUE(const_cast<char *>(value.constData()), std::size_t(value.size())),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_TIMESTAMP(timestamp_ms),
                                RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            break;
        rd_kafka_poll(m_producer, 10); // the local queue drains as the broker acknowledges
    }
    rd_kafka_poll(m_producer, 0);
    if (err)
        return Failure{QString::fromUtf8(rd_kafka_err2str(err))};
    return Done{};
}

Outcome<Done> KafkaTestCluster::flush(int timeout_ms)
{
    const auto err = rd_kafka_flush(m_producer, timeout_ms);
    if (err)
        return Failure{QString::fromUtf8(rd_kafka_err2str(err))};
    return Done{};
}

Outcome<Done> KafkaTestCluster::setBrokerDown(int brokerId, bool down)
{
    const auto err = down ? rd_kafka_mock_broker_set_down(m_cluster, brokerId) : rd_kafka_mock_broker_set_up(m_cluster, brokerId);
    if (err)
        return Failure{QString::fromUtf8(rd_kafka_err2str(err))};
    return Done{};
}

} // namespace sasquatch::test
