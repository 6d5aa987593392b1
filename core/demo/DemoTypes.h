// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace sasquatch {

/// Avro/SAL type of a demo field. InfluxDB sees Float64/Float32 as `float`, Int32/Int64 as
/// `integer`, Boolean as `boolean` and String as `string`.
enum class DemoFieldType { Float64, Float32, Int32, Int64, Boolean, String };

/// Kind of a SAL topic, as ts_xml sorts them.
enum class DemoTopicKind { Telemetry, Event, Command, Ackcmd };

/// Whether a field is one of the SAL/EFD bookkeeping fields (`private_*`, `salIndex`).
enum class DemoFieldRole { Data, Private };

/// One item of a topic. A fixed-length array (count > 1) is stored in InfluxDB flattened,
/// without separator: `xForce0 … xForce11`.
struct DemoField
{
    QString name;
    DemoFieldType type = DemoFieldType::Float64;
    int count = 1;
    QString units;       ///< astropy-style ("N", "deg", "m/s2"); empty when not meaningful
    QString description;
    DemoFieldRole role = DemoFieldRole::Data;

    bool isArray() const { return count > 1; }
    /// Name of element `index` in InfluxDB (`name` itself for scalars).
    QString flattenedName(int index) const
    {
        return isArray() ? name + QString::number(index) : name;
    }
};

/// One SAL topic = one Kafka topic = one InfluxDB measurement.
struct DemoTopic
{
    QString csc;                  ///< "MTM1M3"
    QString name;                 ///< "forceActuatorData", "logevent_summaryState", "ackcmd"
    DemoTopicKind kind = DemoTopicKind::Telemetry;
    double rateHz = 0.0;          ///< nominal telemetry rate; 0 for events and commands
    QString description;
    std::vector<DemoField> fields; ///< data fields first, then the private ones

    /// "lsst.sal.MTM1M3.forceActuatorData"
    QString measurement() const { return QStringLiteral("lsst.sal.") + csc + u'.' + name; }
    /// Number of InfluxDB field keys (arrays flattened), private fields included.
    int valueCount() const
    {
        int n = 0;
        for (const DemoField &f : fields)
            n += f.count;
        return n;
    }
    /// All InfluxDB field keys in declaration order (arrays flattened).
    QStringList flattenedFieldNames() const
    {
        QStringList names;
        names.reserve(valueCount());
        for (const DemoField &f : fields)
            for (int i = 0; i < f.count; ++i)
                names.append(f.flattenedName(i));
        return names;
    }
    const DemoField *field(const QString &fieldName) const
    {
        for (const DemoField &f : fields)
            if (f.name == fieldName)
                return &f;
        return nullptr;
    }
};

/// A Commandable SAL Component. Indexed CSCs run as several instances told apart by salIndex.
struct DemoCsc
{
    QString name;
    QString description;
    std::vector<int> salIndices; ///< empty for CSCs that are not indexed

    bool isIndexed() const { return !salIndices.empty(); }
};

/// A measurement of one of the non-SAL databases (lsst.dm, lsst.verify, ...): tags plus
/// fields, written a few times an hour.
struct DemoMeasurement
{
    QString name;
    QStringList tagKeys;
    std::vector<QStringList> tagSets; ///< one entry per series: values in tagKeys order
    std::vector<DemoField> fields;
    double pointsPerHour = 4.0;
};

/// A database of the demo server besides `efd`.
struct DemoDatabase
{
    QString name;
    QString description;
    std::vector<DemoMeasurement> measurements;
};

/// Field type as InfluxDB's SHOW FIELD KEYS reports it.
inline QString influxFieldType(DemoFieldType type)
{
    switch (type) {
    case DemoFieldType::Float64:
    case DemoFieldType::Float32:
        return QStringLiteral("float");
    case DemoFieldType::Int32:
    case DemoFieldType::Int64:
        return QStringLiteral("integer");
    case DemoFieldType::Boolean:
        return QStringLiteral("boolean");
    case DemoFieldType::String:
        break;
    }
    return QStringLiteral("string");
}

/// Field type as an Avro schema names it.
inline QString avroFieldType(DemoFieldType type)
{
    switch (type) {
    case DemoFieldType::Float64:
        return QStringLiteral("double");
    case DemoFieldType::Float32:
        return QStringLiteral("float");
    case DemoFieldType::Int32:
        return QStringLiteral("int");
    case DemoFieldType::Int64:
        return QStringLiteral("long");
    case DemoFieldType::Boolean:
        return QStringLiteral("boolean");
    case DemoFieldType::String:
        break;
    }
    return QStringLiteral("string");
}

} // namespace sasquatch
