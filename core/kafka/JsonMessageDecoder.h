// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/DecodedBatch.h"
#include "core/util/Outcome.h"

#include <string>
#include <utility>
#include <vector>

namespace sasquatch {

/// One flattened JSON member.
struct JsonFieldValue
{
    std::string name;
    KafkaValueType type = KafkaValueType::Double;
    KafkaValue value;
};

/// Decodes plain JSON message values (Kafka bridge topics: one JSON object per message) into
/// flat fields: numbers become Long while written as integers (exact), else Double; booleans Boolean,
/// strings String, null a null Double; arrays of scalars are flattened like Avro arrays
/// (`xForce0`...); nested objects with '.' (`a.b`). Fields keep the message's member order.
class JsonMessageDecoder
{
public:
    /// Failure (with the parser's byte position) for invalid JSON or a value that is not an object.
    static Outcome<std::vector<JsonFieldValue>> decode(const char *data, std::size_t size);
    /// The layout of a decoded message (types as decoded; nullable when null).
    static std::shared_ptr<MessageLayout> layoutOf(const std::vector<JsonFieldValue> &fields);
    /// Whether `fields` fit `layout` (same names in the same order, compatible types).
    static bool fits(const MessageLayout &layout, const std::vector<JsonFieldValue> &fields);
    /// Appends `fields` as a row of `batch` (which must fit).
    static void append(const std::vector<JsonFieldValue> &fields, const KafkaMessageMeta &meta, DecodedBatch &batch);
};

} // namespace sasquatch
