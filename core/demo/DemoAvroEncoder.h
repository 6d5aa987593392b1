// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoLineReader.h"
#include "core/demo/DemoTypes.h"
#include "core/util/Outcome.h"

#include <QByteArray>

#include <memory>
#include <string>

namespace sasquatch {

/// Encodes the points of one demo topic as Kafka message values the way SAL's Kafka producer
/// does: Confluent framing (magic byte 0x00, big-endian int32 schema id) followed by the Avro
/// binary body, written with avro-c's generic values. The schema is the topic's record with
/// `units` and `description` on every field (as SAL's schemas carry them) and fixed-length
/// arrays as Avro arrays (flattened `name0 … nameN-1` in InfluxDB).
class DemoAvroEncoder
{
public:
    /// The Avro schema (JSON) of a demo topic: record `name` in namespace `lsst.sal.<CSC>`.
    static QByteArray schemaJson(const DemoTopic &topic);

    /// Parses the topic's schema with avro-c; fails with avro-c's message.
    static Outcome<std::shared_ptr<DemoAvroEncoder>> create(const DemoTopic &topic, int schemaId);

    ~DemoAvroEncoder();
    DemoAvroEncoder(const DemoAvroEncoder &) = delete;
    DemoAvroEncoder &operator=(const DemoAvroEncoder &) = delete;

    const DemoTopic &topic() const { return *m_topic; }
    int schemaId() const { return m_schemaId; }
    const QByteArray &schema() const { return m_schemaJson; }

    /// Replaces `out` by the framed message for `line`, whose fields must be the topic's in
    /// declaration order, arrays flattened (what DemoPointWriter renders). Not thread-safe:
    /// one encoder per producing thread.
    Outcome<Done> encode(const DemoLine &line, std::string &out);

private:
    struct Avro;
    DemoAvroEncoder(const DemoTopic &topic, int schemaId, QByteArray schemaJson, std::unique_ptr<Avro> avro);

    const DemoTopic *m_topic;
    int m_schemaId;
    QByteArray m_schemaJson;
    std::unique_ptr<Avro> m_avro;
};

} // namespace sasquatch
