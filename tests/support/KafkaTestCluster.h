// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace sasquatch::test {

/// librdkafka's mock cluster (rdkafka_mock.h), in-process on loopback, with a plain
/// librdkafka producer: the broker of the Kafka tests and benchmarks.
class KafkaTestCluster
{
public:
    /// Starts `brokers` brokers; check ok()/error().
    explicit KafkaTestCluster(int brokers = 1);
    ~KafkaTestCluster();
    KafkaTestCluster(const KafkaTestCluster &) = delete;
    KafkaTestCluster &operator=(const KafkaTestCluster &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    /// bootstrap.servers of the cluster ("127.0.0.1:port").
    QString bootstraps() const { return m_bootstraps; }

    Outcome<Done> createTopic(const QString &topic, int partitions = 1);
    /// Produces one message (value as given) to `partition` (-1: any) with `timestamp_ms`
    /// (0: now); not flushed (see flush()).
    Outcome<Done> produce(const QString &topic, const QByteArray &value, int partition = 0, std::int64_t timestamp_ms = 0);
    /// Waits until every produced message is acknowledged.
    Outcome<Done> flush(int timeout_ms = 10'000);
    Outcome<Done> setBrokerDown(int brokerId, bool down);

    rd_kafka_mock_cluster_s *handle() const { return m_cluster; }

private:
    rd_kafka_s *m_clusterClient = nullptr; // owns the mock cluster
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    rd_kafka_s *m_producer = nullptr;
    QString m_bootstraps;
    QString m_error;
};

} // namespace sasquatch::test
