// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace sasquatch {

/// The names a completion may propose, as the caller knows them at the moment (from the
/// catalog of the connected server). Plain lists: the editor does not query anything itself.
struct SchemaSnapshot
{
    /// Flux bucket names; on InfluxDB 1.x `database/retention-policy` (`efd/autogen`).
    QStringList buckets;
    /// Measurement (topic) names, e.g. `lsst.sal.MTM1M3.forceActuatorData`.
    QStringList measurements;
    QStringList fields;
    QStringList tagKeys;
    /// Known values per tag key (optional; e.g. `salIndex` → 1, 2).
    QHash<QString, QStringList> tagValues;

    /// Databases: the bucket names' parts before `/`, first appearance order, no duplicates.
    QStringList databases() const;
    /// Retention policies of a database: the parts after `/` of its buckets.
    QStringList retentionPolicies(QStringView database) const;
    bool operator==(const SchemaSnapshot &other) const = default;
};

} // namespace sasquatch
