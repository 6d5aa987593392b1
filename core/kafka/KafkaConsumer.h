// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/DecodedBatch.h"
#include "core/kafka/KafkaConsumerConfig.h"
#include "core/kafka/KafkaTopicStats.h"
#include "core/util/Outcome.h"

#include <functional>
#include <memory>

namespace sasquatch {

/// A librdkafka consumer on its own worker thread: assigns every partition of the configured
/// topics at the start position, decodes each message (MessageDecoder) and hands over
/// decoded batches, per-topic stats and connection state through callbacks that run ON THE
/// WORKER THREAD (KafkaTail moves them to the GUI thread). Undecodable messages are counted
/// and skipped; a lost broker is reported as Reconnecting and librdkafka reconnects by itself.
class KafkaConsumer
{
public:
    struct Callbacks
    {
        std::function<void(DecodedBatchList)> batches;
        std::function<void(KafkaTopicStatsList)> stats;
        std::function<void(KafkaConnectionState, QString detail)> state;
        /// Optional: false while the receiver is still busy with the batches handed over
        /// last. The timed flush then waits and rows keep gathering, so a busy receiver gets
        /// fewer, larger batches (the cost of an append is mostly per batch) instead of a
        /// growing queue of small ones. A full batch (kFlushRows) is handed over regardless.
        std::function<bool()> ready;
    };

    KafkaConsumer(KafkaConsumerConfig config, Callbacks callbacks);
    ~KafkaConsumer(); ///< stops
    KafkaConsumer(const KafkaConsumer &) = delete;
    KafkaConsumer &operator=(const KafkaConsumer &) = delete;

    /// Creates the librdkafka client and starts the worker thread, which looks up the topics'
    /// partitions and start offsets and then consumes. Failure for a bad configuration
    /// (librdkafka rejects a property); problems found later arrive as state Failed.
    Outcome<Done> start();
    /// Sets the stop flag and joins the worker (returns within ~100 ms plus librdkafka's close).
    void stop();
    bool isRunning() const;

    /// The librdkafka version string, e.g. "2.0.2".
    static QString libraryVersion();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sasquatch
