// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/MetricRecord.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace sasquatch {

/// Avro types the schema builder chooses from.
enum class AvroType : std::uint8_t { Boolean, Int, Long, Float, Double, String };

/// One field of a record schema.
struct AvroField
{
    QString name;
    AvroType type = AvroType::Double;
    bool array = false;    ///< {"type":"array","items":type}
    bool nullable = false; ///< ["null", type] with default null
    bool identifier = false;
    bool fromTime = false; ///< "timestamp" made from the record time (double seconds)
};

/// The Avro record schema of one topic, inferred from the values of its records the way
/// analysis_tools' SasquatchDispatcher does: a record `{"type":"record","namespace":NS,
/// "name":NAME,"fields":[...]}`; fields with "timestamp" in their name are doubles (unix
/// seconds); strings, booleans, ints and floats as written (a float field whose values need
/// more than float precision to read back exactly becomes a double, an int field with values
/// beyond 32 bits a long); homogeneous arrays as Avro arrays; a field missing or null in some
/// record is nullable (`["null", T]`, default null) and its values are wrapped in the REST
/// proxy's JSON encoding (`{"meanSky": {"float": 2328.9}}`). Records get a `timestamp` field
/// from their time when they do not carry one.
class AvroRecordSchema
{
public:
    /// Builds the schema of `records` (all of one topic; pointers stay owned by the caller).
    static AvroRecordSchema infer(const QString &ns, const QString &recordName, const std::vector<const MetricRecord *> &records);

    const std::vector<AvroField> &fields() const { return m_fields; }
    QString ns() const { return m_namespace; }
    QString name() const { return m_name; }
    /// The schema as compact JSON text (what value_schema carries and the registry stores).
    QByteArray json() const { return m_json; }

    /// The record as the REST proxy's Avro JSON (nullable values wrapped).
    void appendAvroJson(const MetricRecord &record, std::string &out) const;
    /// The record as a plain JSON object (Strimzi bridge, Kafka without a registry).
    void appendPlainJson(const MetricRecord &record, std::string &out) const;
    /// The record in Avro binary encoding (the body after Confluent framing).
    void appendBinary(const MetricRecord &record, std::string &out) const;

    /// Whether `name` is a valid Avro name ([A-Za-z_][A-Za-z0-9_]*).
    static bool isValidName(const QString &name);
    /// `text` made into a valid Avro name (other characters become '_').
    static QString sanitizedName(const QString &text);
    static void appendJsonString(const QString &text, std::string &out);

private:
    struct Slot
    {
        const MetricValue *value = nullptr;
        QString identifier;
        bool isIdentifier = false;
        bool present = false;
    };
    Slot slotOf(const MetricRecord &record, const AvroField &field, MetricValue &scratch) const;
    void appendJsonValue(const AvroField &field, const MetricValue &value, bool wrap, std::string &out) const;
    void buildJson();

    QString m_namespace;
    QString m_name;
    std::vector<AvroField> m_fields;
    QByteArray m_json;
};

QString avroTypeName(AvroType type);

} // namespace sasquatch
