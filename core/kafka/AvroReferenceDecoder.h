// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/AvroSchema.h"
#include "core/kafka/DecodedBatch.h"

#include <QString>

namespace sasquatch {

/// Decodes Avro binary with avro-c's generic value interface (avro_generic_class_from_schema,
/// avro_value_read). Slower than AvroDecodePlan; it is the reference the plan is tested
/// against, and it discovers the array lengths of schemas that do not declare them.
class AvroReferenceDecoder
{
public:
    explicit AvroReferenceDecoder(std::shared_ptr<const AvroSchema> schema);
    ~AvroReferenceDecoder();
    AvroReferenceDecoder(const AvroReferenceDecoder &) = delete;
    AvroReferenceDecoder &operator=(const AvroReferenceDecoder &) = delete;

    /// The lengths of the array fields (in field order) in this message, or a Failure.
    Outcome<std::vector<int>> arrayLengths(const std::uint8_t *data, std::size_t size);
    /// Decodes into a new row of `batch`, whose layout must come from the same schema with the
    /// message's array lengths. False (row removed, `error` set) when avro-c cannot read it.
    bool decode(const std::uint8_t *data, std::size_t size, const KafkaMessageMeta &meta, DecodedBatch &batch,
                QString *error = nullptr);

private:
    struct State;
    std::shared_ptr<const AvroSchema> m_schema;
    std::unique_ptr<State> m_state;
};

} // namespace sasquatch
