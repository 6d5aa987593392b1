// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/AvroRecordSchema.h"
#include "core/ingest/ReadResult.h"

#include <QString>

#include <vector>

namespace sasquatch {

/// Whether a file with an invalid record sends anything.
enum class ValidationPolicy : std::uint8_t {
    AllOrNothing, ///< default: a file with any problem sends nothing
    ValidOnly,    ///< --valid-only: the valid records of readable files are sent
};

/// Where records go: Kafka topics (names and Avro names must be valid) or InfluxDB.
enum class UploadTarget : std::uint8_t { Kafka, Influx };

struct UploadOptions
{
    QString ns = QStringLiteral("lsst.dm"); ///< topic namespace: `<namespace>.<name>`
    QString topic;                          ///< one topic for every record (overrides the mapping)
    ValidationPolicy policy = ValidationPolicy::AllOrNothing;
    UploadTarget target = UploadTarget::Kafka;
};

/// One record of the plan, in file order.
struct PlannedRecord
{
    int file = 0;
    int record = 0;
    int topic = -1;      ///< index into UploadPlan::topics; -1 when held back
    QString heldBack;    ///< why it will not be sent; empty when it will be
};

struct PlannedTopic
{
    QString topic;
    AvroRecordSchema schema;
    std::vector<int> records; ///< indexes into UploadPlan::records
};

/// The records of some files mapped to topics (`<namespace>.<name>`, default namespace
/// lsst.dm) with one Avro schema per topic, after the checks that need every record of a topic:
/// one type per field, valid topic and field names for Kafka. Records that will not be sent
/// say why (their own problem, or another record of the file under all-or-nothing).
class UploadPlan
{
public:
    static UploadPlan build(std::vector<ReadResult> files, const UploadOptions &options);

    const std::vector<ReadResult> &files() const { return m_files; }
    const std::vector<PlannedRecord> &records() const { return m_records; }
    const std::vector<PlannedTopic> &topics() const { return m_topics; }
    const UploadOptions &options() const { return m_options; }
    const MetricRecord &record(int planned) const
    {
        const PlannedRecord &p = m_records[std::size_t(planned)];
        return m_files[std::size_t(p.file)].records[std::size_t(p.record)];
    }
    /// How many records will be sent.
    qsizetype sendableCount() const;

    /// `<namespace>.<name>` or the override.
    static QString topicName(const UploadOptions &options, const QString &recordName);
    /// The same for a record, whose file may name its own namespace (MetricRecord::topicNamespace).
    static QString topicName(const UploadOptions &options, const MetricRecord &record);
    /// Whether Kafka accepts `topic` as a name: 1..249 of [A-Za-z0-9._-].
    static bool isValidTopicName(const QString &topic);

private:
    void validate();
    void plan();

    UploadOptions m_options;
    std::vector<ReadResult> m_files;
    std::vector<PlannedRecord> m_records;
    std::vector<PlannedTopic> m_topics;
};

} // namespace sasquatch
