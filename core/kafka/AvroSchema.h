// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/MessageLayout.h"
#include "core/util/Outcome.h"

#include <QByteArray>

#include <memory>
#include <string>
#include <vector>

// avro-c's schema handle (avro_schema_t), so that this header need not include <avro.h>.
struct avro_obj_t;

namespace sasquatch {

/// One top-level field of a SAL record schema.
struct AvroFieldShape
{
    std::string name;
    KafkaValueType type = KafkaValueType::Double; ///< the scalar type, or the array's item type
    bool nullable = false;                        ///< ["null", T] (or [T, "null"]) union
    bool isArray = false;
    /// For arrays: the element count the schema announces through its "default" list (SAL
    /// schemas carry one of the array's fixed length), or -1 when unknown until a message.
    int declaredLength = -1;
    int nullBranch = 0;                           ///< union branch index of "null" when nullable
    /// Arrays whose items are ["null", T] (or [T, "null"]) unions, as ts_xml writes SAL's float
    /// and double arrays: {"type":"array","items":["float","null"]}. Each element then carries
    /// its own branch index.
    bool itemNullable = false;
    int itemNullBranch = 0;                       ///< union branch index of "null" in the items
    std::string units;
    std::string description;
};

/// An Avro record schema parsed by avro-c (avro_schema_from_json_length), reduced to the
/// shapes SAL telemetry uses: boolean, int, long, float, double, string, arrays of those
/// (fixed length in SAL, flattened `name0 ... nameN-1`; items may be ["null", T] unions) and
/// ["null", T] unions, each with the
/// field's `units` and `description` attributes. Other shapes (maps, nested records, enums,
/// bytes, fixed) are rejected with an error naming the field.
class AvroSchema
{
public:
    /// Failure says what is wrong: avro-c's own message for bad JSON, or the field and type
    /// this decoder does not handle.
    static Outcome<std::shared_ptr<const AvroSchema>> parse(const QByteArray &json, std::int32_t schemaId = -1);

    ~AvroSchema();
    AvroSchema(const AvroSchema &) = delete;
    AvroSchema &operator=(const AvroSchema &) = delete;

    /// avro-c's schema, owned by this object and valid for its lifetime.
    avro_obj_t *handle() const { return m_schema; }
    const QByteArray &json() const { return m_json; }
    std::int32_t schemaId() const { return m_schemaId; }
    const std::string &recordName() const { return m_recordName; }
    const std::vector<AvroFieldShape> &fields() const { return m_fields; }
    /// True when every array announces its length, so the layout is known before any message.
    bool lengthsDeclared() const;

    /// The flattened layout for the given array lengths (one per array field, in field order;
    /// empty = the declared lengths).
    std::shared_ptr<MessageLayout> layout(const std::vector<int> &arrayLengths = {}) const;

private:
    AvroSchema() = default;
    avro_obj_t *m_schema = nullptr;
    QByteArray m_json;
    std::int32_t m_schemaId = -1;
    std::string m_recordName;
    std::vector<AvroFieldShape> m_fields;
};

} // namespace sasquatch
