// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/DecodedBatch.h"
#include "core/kafka/KafkaConsumerConfig.h"
#include "core/kafka/KafkaTopicStats.h"
#include "core/util/Outcome.h"

#include <QObject>

#include <memory>

namespace sasquatch {

class KafkaConsumer;

/// The GUI-thread facade of a KafkaConsumer: start() runs the consumer on its worker thread;
/// its decoded batches, stats and state arrive as queued signals in the thread that owns this
/// object. Batches are immutable and shared (DecodedBatchPtr): cheap to pass along.
/// Stop with stop() or by deleting it; neither waits on the network beyond librdkafka's close.
class KafkaTail : public QObject
{
    Q_OBJECT

public:
    explicit KafkaTail(QObject *parent = nullptr);
    ~KafkaTail() override;

    /// Starts tailing; stops a previous run first. Failure for an invalid configuration
    /// (validate() problems or a property librdkafka rejects).
    Outcome<Done> start(KafkaConsumerConfig config);
    void stop();
    bool isRunning() const;
    KafkaConnectionState state() const { return m_state; }
    /// The latest stats per topic.
    const KafkaTopicStatsList &stats() const { return m_stats; }

Q_SIGNALS:
    /// Decoded messages, one batch per topic and layout, in arrival order.
    void batchesReceived(const sasquatch::DecodedBatchList &batches);
    void statsUpdated(const sasquatch::KafkaTopicStatsList &stats);
    void stateChanged(sasquatch::KafkaConnectionState state, const QString &detail);

private:
    std::unique_ptr<KafkaConsumer> m_consumer;
    KafkaConnectionState m_state = KafkaConnectionState::Stopped;
    KafkaTopicStatsList m_stats;
    quint64 m_generation = 0; // drops signals queued by a previous run
};

} // namespace sasquatch

Q_DECLARE_METATYPE(sasquatch::DecodedBatchList)
Q_DECLARE_METATYPE(sasquatch::KafkaTopicStatsList)
