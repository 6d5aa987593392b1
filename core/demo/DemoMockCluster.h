// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QString>

#include <memory>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace sasquatch {

/// An in-process Kafka cluster (librdkafka's mock cluster, rdkafka_mock.h) listening on
/// loopback: the demo's broker. Any client, in this process or another (kcat), reaches it
/// through bootstraps(). Topics are created on demand by producers too; createTopic() makes
/// them exist before anyone produces, so a consumer can subscribe at once.
class DemoMockCluster
{
public:
    /// Starts `brokers` brokers; fails with librdkafka's message.
    static Outcome<std::unique_ptr<DemoMockCluster>> start(int brokers = 1);
    ~DemoMockCluster();
    DemoMockCluster(const DemoMockCluster &) = delete;
    DemoMockCluster &operator=(const DemoMockCluster &) = delete;

    /// "127.0.0.1:port[,...]": bootstrap.servers for clients.
    QString bootstraps() const { return m_bootstraps; }

    /// Creates a topic (no error when it exists). Thread-safe.
    Outcome<Done> createTopic(const QString &topic, int partitions = 1);

    /// Takes broker `id` (1..brokers) down or brings it back, for reconnection tests.
    Outcome<Done> setBrokerDown(int id, bool down);

    /// The librdkafka handle of the cluster (rdkafka_mock.h functions, error injection).
    rd_kafka_mock_cluster_s *handle() const { return m_cluster; }

private:
    DemoMockCluster() = default;

    rd_kafka_s *m_rk = nullptr;
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    QString m_bootstraps;
};

} // namespace sasquatch
