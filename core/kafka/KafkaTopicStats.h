// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// State of the connection to the brokers, as librdkafka reports it.
enum class KafkaConnectionState : std::uint8_t {
    Stopped,
    Connecting,  ///< started, no broker answered yet
    Connected,   ///< at least one broker is up
    Reconnecting,///< every broker is down; librdkafka keeps retrying by itself
    Failed,      ///< a fatal error (bad credentials, unknown topic...): see the detail text
};

/// "stopped", "connecting", "connected", "reconnecting", "failed".
QString connectionStateName(KafkaConnectionState state);

/// Per-topic figures for the live panel's status, published every statsInterval.
struct KafkaTopicStats
{
    QString topic;
    std::int64_t messages = 0;          ///< decoded since start
    double messagesPerSecond = 0;       ///< over the last stats interval
    std::int64_t lag = -1;              ///< high watermark - next offset, summed over partitions; -1 unknown
    std::int64_t lastMessageAge_ms = -1;///< now - Kafka timestamp of the newest message; -1 before any
    std::int64_t decodeErrors = 0;      ///< messages that could not be decoded (counted, skipped)
    QString lastError;                  ///< the newest decode error, with partition and offset
};

using KafkaTopicStatsList = std::vector<KafkaTopicStats>;

} // namespace sasquatch

Q_DECLARE_METATYPE(sasquatch::KafkaConnectionState)
