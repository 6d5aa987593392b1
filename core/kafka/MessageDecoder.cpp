// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/MessageDecoder.h"

#include "core/kafka/AvroDecodePlan.h"
#include "core/kafka/AvroReferenceDecoder.h"
#include "core/kafka/AvroSchema.h"
#include "core/kafka/ConfluentFrame.h"
#include "core/kafka/JsonMessageDecoder.h"

#include <algorithm>

namespace sasquatch {

namespace {
// A batch starts with room for as many rows as the topic's previous batch had: a 50 Hz topic
// flushed every 20 ms needs one or two, and 256 rows x 819 columns would be 1.6 MB a batch.
constexpr std::size_t kMinRows = 4;
constexpr std::size_t kMaxInitialRows = 4096;
constexpr std::size_t kMaxPlans = 32;
}

struct MessageDecoder::SchemaEntry
{
    std::shared_ptr<const AvroSchema> schema;
    std::shared_ptr<const AvroDecodePlan> plan;         ///< the plan of the last message's array lengths
    /// Plans by array lengths, for schemas whose arrays change length between messages (Avro
    /// arrays carry their own length; only SAL's are fixed). Bounded: cleared past kMaxPlans.
    std::map<std::vector<int>, std::shared_ptr<const AvroDecodePlan>> plansByLengths;
    /// avro-c's reading of the schema, made once when a message's array lengths are needed
    /// (building avro-c's value class per message would cost more than the message).
    std::unique_ptr<AvroReferenceDecoder> reference;

    AvroReferenceDecoder &referenceDecoder()
    {
        if (!reference)
            reference = std::make_unique<AvroReferenceDecoder>(schema);
        return *reference;
    }
    QString failure;                                    ///< why there is no schema (lookup or parse)
    std::chrono::steady_clock::time_point failedAt{};
};

struct MessageDecoder::TopicState
{
    std::shared_ptr<DecodedBatch> open;
    std::vector<std::shared_ptr<DecodedBatch>> finished;
    std::int32_t lastSchemaId = -1;
    SchemaEntry *lastEntry = nullptr;
    std::shared_ptr<const MessageLayout> jsonLayout;
    std::size_t lastRows = kMinRows; ///< rows of the previous batch, to size the next one
    std::shared_ptr<const MessageLayout> sampleLayout; ///< layout `sampleIndices` were chosen in (kept alive)
    std::vector<std::uint32_t> sampleIndices;
};

MessageDecoder::MessageDecoder(std::shared_ptr<SchemaSource> schemas, KafkaValueFormat format)
    : m_schemas(std::move(schemas)), m_format(format)
{
}

MessageDecoder::~MessageDecoder() = default;

MessageDecoder::SchemaEntry &MessageDecoder::schemaEntry(std::int32_t id)
{
    auto &slot = m_schemaEntries[id];
    if (!slot)
        slot = std::make_unique<SchemaEntry>();
    SchemaEntry &entry = *slot;
    if (entry.schema)
        return entry;
    const auto now = std::chrono::steady_clock::now();
    if (!entry.failure.isEmpty() && now - entry.failedAt < m_retryInterval)
        return entry;
    entry.failure.clear();
    if (!m_schemas) {
        entry.failure = QStringLiteral("schema %1 needed but no schema source is configured").arg(id);
        entry.failedAt = now;
        return entry;
    }
    auto json = m_schemas->schemaJson(id);
    if (!json) {
        entry.failure = json.error();
        entry.failedAt = now;
        return entry;
    }
    auto parsed = AvroSchema::parse(*json, id);
    if (!parsed) {
        entry.failure = parsed.error();
        entry.failedAt = now;
        return entry;
    }
    entry.schema = *parsed;
    if (entry.schema->lengthsDeclared()) {
        auto plan = AvroDecodePlan::compile(entry.schema);
        if (plan)
            entry.plan = *plan;
    }
    return entry;
}

bool MessageDecoder::decode(const std::string &topic, const KafkaMessageMeta &metaIn, const void *data,
                            std::size_t size, QString *error)
{
    auto &slot = m_topics[topic];
    if (!slot)
        slot = std::make_unique<TopicState>();
    KafkaMessageMeta meta = metaIn;
    meta.time_ns = meta.timestamp_ms * 1'000'000;
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    bool json = m_format == KafkaValueFormat::Json;
    if (m_format == KafkaValueFormat::Auto && size > 0 && bytes[0] != ConfluentFrame::kMagic) {
        // Skip leading whitespace: a JSON producer may pretty-print.
        std::size_t i = 0;
        while (i < size && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
            ++i;
        json = i < size && bytes[i] == '{';
    }
    const bool ok = json ? decodeJson(*slot, topic, meta, static_cast<const char *>(data), size, error)
                         : decodeAvro(*slot, topic, meta, bytes, size, error);
    if (ok)
        ++m_pendingRows;
    return ok;
}

bool MessageDecoder::decodeAvro(TopicState &topic, const std::string &name, const KafkaMessageMeta &meta,
                                const std::uint8_t *data, std::size_t size, QString *error)
{
    const ConfluentFrame frame = ConfluentFrame::parse(data, size);
    if (!frame.ok()) {
        if (error)
            *error = frame.describeError();
        return false;
    }
    SchemaEntry *entry = topic.lastEntry;
    if (frame.schemaId != topic.lastSchemaId || !entry || !entry->plan) {
        entry = &schemaEntry(frame.schemaId);
        if (!entry->schema) {
            if (error)
                *error = QStringLiteral("unknown schema id %1: %2").arg(frame.schemaId).arg(entry->failure);
            return false;
        }
        if (!entry->plan) {
            // The schema does not announce its array lengths: avro-c reads this message
            // and tells them; the plan is compiled for those.
            auto lengths = entry->referenceDecoder().arrayLengths(frame.body, frame.bodySize);
            if (!lengths) {
                if (error)
                    *error = QStringLiteral("schema %1: %2").arg(frame.schemaId).arg(lengths.error());
                return false;
            }
            auto plan = AvroDecodePlan::compile(entry->schema, *lengths);
            if (!plan) {
                if (error)
                    *error = plan.error();
                return false;
            }
            entry->plan = *plan;
        }
        topic.lastSchemaId = frame.schemaId;
        topic.lastEntry = entry;
    }
    DecodedBatch &batch = openBatch(topic, name, entry->plan->layout());
    QString planError;
    if (entry->plan->decode(frame.body, frame.bodySize, meta, batch, &planError))
        return true;
    // The plan is made for one set of array lengths. When avro-c reads this message with
    // other lengths, it is a valid message of another shape: decode it with a plan for those.
    auto lengths = entry->referenceDecoder().arrayLengths(frame.body, frame.bodySize);
    if (!lengths || *lengths == entry->plan->arrayLengths()) {
        if (error)
            *error = planError;
        return false;
    }
    if (entry->plansByLengths.size() >= kMaxPlans && !entry->plansByLengths.count(*lengths))
        entry->plansByLengths.clear();
    auto &plan = entry->plansByLengths[*lengths];
    if (!plan) {
        auto compiled = AvroDecodePlan::compile(entry->schema, *lengths);
        if (!compiled) {
            entry->plansByLengths.erase(*lengths);
            if (error)
                *error = compiled.error();
            return false;
        }
        plan = *compiled;
    }
    entry->plan = plan;
    return plan->decode(frame.body, frame.bodySize, meta, openBatch(topic, name, plan->layout()), error);
}

bool MessageDecoder::decodeJson(TopicState &topic, const std::string &name, const KafkaMessageMeta &meta,
                                const char *data, std::size_t size, QString *error)
{
    auto fields = JsonMessageDecoder::decode(data, size);
    if (!fields) {
        if (error)
            *error = fields.error();
        return false;
    }
    if (!topic.jsonLayout || !JsonMessageDecoder::fits(*topic.jsonLayout, *fields))
        topic.jsonLayout = JsonMessageDecoder::layoutOf(*fields);
    JsonMessageDecoder::append(*fields, meta, openBatch(topic, name, topic.jsonLayout));
    return true;
}

DecodedBatch &MessageDecoder::openBatch(TopicState &topic, const std::string &name,
                                        const std::shared_ptr<const MessageLayout> &layout)
{
    if (topic.open && topic.open->layoutPtr() == layout)
        return *topic.open;
    if (topic.open && !topic.open->empty())
        topic.finished.push_back(std::move(topic.open));
    topic.open = std::make_shared<DecodedBatch>(name, layout);
    topic.open->reserve(std::clamp(topic.lastRows, kMinRows, kMaxInitialRows));
    return *topic.open;
}

void MessageDecoder::setSampleFields(std::map<std::string, std::vector<std::string>> fieldsByTopic)
{
    m_sampleFields = std::move(fieldsByTopic);
    for (auto &[name, topic] : m_topics)
        topic->sampleLayout.reset();
}

DecodedBatchList MessageDecoder::takeBatches()
{
    DecodedBatchList out;
    for (auto &[name, topic] : m_topics) {
        const auto wanted = m_sampleFields.find(name);
        const auto hand = [&](std::shared_ptr<DecodedBatch> &b) {
            b->finish();
            if (wanted != m_sampleFields.end()) {
                if (topic->sampleLayout != b->layoutPtr()) {
                    topic->sampleLayout = b->layoutPtr();
                    topic->sampleIndices = DecodedBatch::selectFields(b->layout(), wanted->second);
                }
                b->prepareSamples(topic->sampleIndices);
            }
            out.push_back(std::move(b));
        };
        for (auto &b : topic->finished)
            hand(b);
        topic->finished.clear();
        if (topic->open && !topic->open->empty()) {
            topic->lastRows = topic->open->rowCount();
            hand(topic->open);
        }
        topic->open.reset();
    }
    m_pendingRows = 0;
    return out;
}

} // namespace sasquatch
