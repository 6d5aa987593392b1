// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

/// What `/ping` told about the server.
struct ServerInfo
{
    ApiFlavour flavour = ApiFlavour::V1;
    QString version; ///< X-Influxdb-Version, e.g. "1.8.10" or "v2.7.4"
    QString build;   ///< X-Influxdb-Build ("OSS", "ENT"), when sent
};

/// A place where data lives: `db/rp` on 1.x, a bucket on 2.x.
struct BucketInfo
{
    QString name;             ///< "efd/autogen" (1.x) or the bucket name (2.x)
    QString database;         ///< 1.x database
    QString retentionPolicy;  ///< 1.x retention policy
    QString id;               ///< 2.x bucket id
    QString orgId;            ///< 2.x organisation id
    QString description;
    std::int64_t retentionSeconds = 0;  ///< 0 = keep forever
    std::int64_t shardGroupSeconds = 0; ///< 0 = server default
    int replication = 0;                ///< 1.x replicaN
    bool isDefault = false;             ///< 1.x: the database's default RP
    bool isSystem = false;              ///< 2.x `_monitoring`/`_tasks`, 1.x `_internal`

    bool operator==(const BucketInfo &) const = default;
};

/// What the user asks for when creating a bucket.
struct BucketSpec
{
    QString database;         ///< 1.x: created when it does not exist
    QString retentionPolicy;  ///< 1.x: empty = only the database (with its autogen RP)
    QString name;             ///< 2.x bucket name
    QString description;      ///< 2.x
    std::int64_t retentionSeconds = 0;
    std::int64_t shardGroupSeconds = 0;
    bool makeDefault = false; ///< 1.x: make the RP the database default

    /// Problems a user must fix, empty when valid, for the given flavour.
    QStringList validate(ApiFlavour flavour) const;
};

/// A field as InfluxDB reports it: name and type (`float`, `integer`, `unsigned`, `string`,
/// `boolean`; empty when unknown, as with Flux's schema.measurementFieldKeys).
struct FieldKey
{
    QString name;
    QString type;
    bool operator==(const FieldKey &) const = default;
};

/// Field keys of one measurement, and its tag keys when the answer that listed the fields also
/// told them (SHOW FIELD KEYS never does; see CatalogService::loadTopics).
struct MeasurementFields
{
    QString measurement;
    std::vector<FieldKey> fields;
    /// Tag keys; empty = known to have none, nullopt = not known (ask per measurement).
    std::optional<QStringList> tags = std::nullopt;
};

} // namespace sasquatch
