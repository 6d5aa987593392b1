// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/AvroSchema.h"
#include "core/kafka/DecodedBatch.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace sasquatch {

/// A record schema compiled into a flat list of operations (read a zigzag varint into integer
/// column 3, read 156 little-endian floats into real columns 10-165, ...) that decodes the
/// Avro binary body straight into a DecodedBatch row: no allocation per message and no tree
/// walk. This is the hot path; AvroReferenceDecoder (avro-c's generic values) is the
/// reference it is tested against.
class AvroDecodePlan
{
public:
    /// Compiles `schema` for the given array lengths (empty = declared lengths; then every
    /// array must declare one, see AvroSchema::lengthsDeclared).
    static Outcome<std::shared_ptr<const AvroDecodePlan>> compile(std::shared_ptr<const AvroSchema> schema,
                                                                  const std::vector<int> &arrayLengths = {});

    const std::shared_ptr<const MessageLayout> &layout() const { return m_layout; }
    /// The array lengths it decodes (one per array field, in field order).
    std::vector<int> arrayLengths() const;
    const AvroSchema &schema() const { return *m_schema; }

    /// Decodes `size` bytes of Avro binary into a new row of `batch` (whose layout must be
    /// layout()). Returns true on success; on failure the row is removed and `error` (when
    /// given) says what and at which byte: truncated body, array length other than the
    /// layout's, bad union branch, negative length, or bytes left over.
    bool decode(const std::uint8_t *data, std::size_t size, const KafkaMessageMeta &meta, DecodedBatch &batch,
                QString *error = nullptr) const;

private:
    struct Op;
    AvroDecodePlan() = default;
    std::shared_ptr<const AvroSchema> m_schema;
    std::shared_ptr<const MessageLayout> m_layout;
    std::vector<Op> m_ops;
    int m_timeSlot = -1;

public:
    ~AvroDecodePlan();
};

} // namespace sasquatch
