// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <random>

namespace sasquatch::test {

/// Writes Avro records with avro-c (the reference implementation), for tests and benchmarks
/// of the Kafka decoders: random records of any SAL-shaped record schema, records from JSON
/// values, and Confluent framing.
class AvroTestWriter
{
public:
    /// Parses `schemaJson` with avro-c; check ok() / error().
    explicit AvroTestWriter(const QByteArray &schemaJson);
    ~AvroTestWriter();
    AvroTestWriter(const AvroTestWriter &) = delete;
    AvroTestWriter &operator=(const AvroTestWriter &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    /// A record with random values in every field: arrays get `arrayLength` elements, unions
    /// a random branch, numbers include the extremes of their type. `values` (when given)
    /// receives the record as JSON (null for null branches; NaN never produced).
    QByteArray randomRecord(std::mt19937_64 &rng, int arrayLength, nlohmann::json *values = nullptr);
    /// A record from a JSON object {"field": value, ...}: null selects a union's null branch,
    /// arrays are JSON arrays. Empty on a mismatch (error() says why).
    QByteArray record(const nlohmann::json &values);

    /// Confluent framing: 0x00, big-endian schema id, body.
    static QByteArray framed(std::int32_t schemaId, const QByteArray &body);

    /// An MTM1M3 forceActuatorData-shaped schema (812 values + the SAL private fields),
    /// arrays declaring their lengths through "default" lists as SAL schemas do.
    /// With `nullableReals`, float and double (scalars and array items) are ["T","null"]
    /// unions, as later ts_xml versions write them.
    static QByteArray forceActuatorDataSchema(bool nullableReals = false);

private:
    struct State;
    std::unique_ptr<State> m_state;
    QString m_error;
};

} // namespace sasquatch::test
