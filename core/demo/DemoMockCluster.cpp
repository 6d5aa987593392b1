// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoMockCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace sasquatch {

Outcome<std::unique_ptr<DemoMockCluster>> DemoMockCluster::start(int brokers)
{
    char errstr[512] = {};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // The handle only hosts the cluster; it never connects anywhere.
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        return Failure{QStringLiteral("cannot create the Kafka handle of the demo cluster: %1").arg(QString::fromUtf8(errstr))};
    }
    rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, brokers);
    if (!cluster) {
        rd_kafka_destroy(rk);
        return Failure{QStringLiteral("cannot start librdkafka's mock cluster (no free loopback port?)")};
    }
    std::unique_ptr<DemoMockCluster> c(new DemoMockCluster);
    c->m_rk = rk;
    c->m_cluster = cluster;
    c->m_bootstraps = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(cluster));
    return c;
}

DemoMockCluster::~DemoMockCluster()
{
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_rk)
        rd_kafka_destroy(m_rk);
}

Outcome<Done> DemoMockCluster::createTopic(const QString &topic, int partitions)
{
    const QByteArray name = topic.toUtf8();
    const rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(m_cluster, name.constData(), partitions, 1);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        return Failure{QStringLiteral("cannot create topic %1 on the demo cluster: %2")
                           .arg(topic, QString::fromUtf8(rd_kafka_err2str(err)))};
    return Done{};
}

Outcome<Done> DemoMockCluster::setBrokerDown(int id, bool down)
{
    const rd_kafka_resp_err_t err = down ? rd_kafka_mock_broker_set_down(m_cluster, id)
                                         : rd_kafka_mock_broker_set_up(m_cluster, id);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return Failure{QStringLiteral("demo cluster broker %1: %2").arg(id).arg(QString::fromUtf8(rd_kafka_err2str(err)))};
    return Done{};
}

} // namespace sasquatch
