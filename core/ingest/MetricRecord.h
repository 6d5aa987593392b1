// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/MetricValue.h"

#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

namespace sasquatch {

/// One named value of a record, with its unit when the file gave one.
struct MetricField
{
    QString name;
    MetricValue value;
    QString unit;
};

/// One record read from a metric file: what becomes one Kafka message or one line of line
/// protocol. `name` is the topic's last part (`<namespace>.<name>`), or the measurement.
struct MetricRecord
{
    QString name;
    /// The topic namespace the file itself names (a REST proxy body's value_schema); empty =
    /// the upload's (--namespace).
    QString topicNamespace;
    std::int64_t timeNs = 0;  ///< UTC, ns since the Unix epoch
    /// Identifiers (visit, detector, band...): strings, InfluxDB tags, Avro string fields.
    std::vector<std::pair<QString, QString>> identifiers;
    std::vector<MetricField> fields;
    std::uint64_t line = 0;   ///< 1-based line in the file where the record starts
    int problems = 0;         ///< how many ReadProblems name this record; 0 = valid

    bool isValid() const { return problems == 0; }
    const MetricField *field(const QString &fieldName) const
    {
        for (const MetricField &f : fields)
            if (f.name == fieldName)
                return &f;
        return nullptr;
    }
};

} // namespace sasquatch
