// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/DecodedBatch.h"
#include "core/kafka/SchemaSource.h"

#include <QString>

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace sasquatch {

class AvroDecodePlan;
class AvroSchema;

/// How message values are encoded.
enum class KafkaValueFormat : std::uint8_t {
    Auto,      ///< Confluent-framed Avro when the first byte is 0x00, JSON when it is '{'
    Confluent, ///< only Confluent-framed Avro (anything else is a counted error)
    Json,      ///< only JSON objects
};

/// Turns Kafka message values into DecodedBatch rows, per topic, on the consumer thread:
/// Confluent framing -> schema by id (SchemaSource, looked up once per id) -> compiled
/// AvroDecodePlan; or JSON. Keeps one open batch per topic and layout; takeBatches() hands
/// them over. Not thread-safe (one per consumer thread).
class MessageDecoder
{
public:
    explicit MessageDecoder(std::shared_ptr<SchemaSource> schemas, KafkaValueFormat format = KafkaValueFormat::Auto);
    ~MessageDecoder();

    /// Decodes one message value into the open batch of `topic`. False when it cannot be
    /// decoded, with `error` saying why (bad magic, unknown schema id and the source's answer,
    /// truncated Avro body at byte N, invalid JSON...). Never throws, never keeps `data`.
    bool decode(const std::string &topic, const KafkaMessageMeta &meta, const void *data, std::size_t size,
                QString *error = nullptr);

    /// The batches decoded since the last call, in topic order (several per topic when its
    /// layout changed in between). The decoder starts new batches afterwards.
    DecodedBatchList takeBatches();
    /// Rows waiting in open batches.
    std::size_t pendingRows() const { return m_pendingRows; }

    /// Batches of these topics leave takeBatches() with their SampleBatch converted
    /// (DecodedBatch::prepareSamples) for the fields listed (empty: every numeric field).
    void setSampleFields(std::map<std::string, std::vector<std::string>> fieldsByTopic);

    /// A failed schema lookup is asked again only after this long (default 10 s), so that an
    /// unknown id costs one registry request per interval rather than one per message.
    void setSchemaRetryInterval(std::chrono::milliseconds interval) { m_retryInterval = interval; }

private:
    struct SchemaEntry;
    struct TopicState;
    SchemaEntry &schemaEntry(std::int32_t id);
    bool decodeAvro(TopicState &topic, const std::string &name, const KafkaMessageMeta &meta, const std::uint8_t *data,
                    std::size_t size, QString *error);
    bool decodeJson(TopicState &topic, const std::string &name, const KafkaMessageMeta &meta, const char *data,
                    std::size_t size, QString *error);
    DecodedBatch &openBatch(TopicState &topic, const std::string &name, const std::shared_ptr<const MessageLayout> &layout);

    std::shared_ptr<SchemaSource> m_schemas;
    KafkaValueFormat m_format;
    std::chrono::milliseconds m_retryInterval{10'000};
    std::map<std::int32_t, std::unique_ptr<SchemaEntry>> m_schemaEntries;
    std::map<std::string, std::unique_ptr<TopicState>> m_topics;
    std::size_t m_pendingRows = 0;
    std::map<std::string, std::vector<std::string>> m_sampleFields;
};

} // namespace sasquatch
