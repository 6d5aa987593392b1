// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sasquatch {

/// A tag condition of a built query: `salIndex = 1`. Tag values are strings in InfluxDB.
struct TagFilter
{
    QString key;
    QString value;

    bool operator==(const TagFilter &) const = default;
};

/// What the query builder queries: where, which measurement, which fields, which series.
struct QuerySelection
{
    QString bucket;          ///< Flux: "efd/autogen" on 1.x, the bucket name on 2.x
    QString database;        ///< InfluxQL: "efd"; empty = the request's `db` parameter decides
    QString retentionPolicy; ///< InfluxQL: "autogen"; empty = the database's default
    QString measurement;     ///< the topic, e.g. "lsst.sal.MTM1M3.forceActuatorData"
    /// Fields to return, in this order; empty = all fields. Types are optional (Unknown); when
    /// known, they let the builder refuse a numeric aggregate of a string field up front.
    std::vector<FieldInfo> fields;
    /// Filters with the same key are alternatives (salIndex 1 or 2); different keys must all hold.
    std::vector<TagFilter> tagFilters;

    /// Sets `bucket` and, from a 1.x "db/rp" name, `database` and `retentionPolicy` (the part
    /// before the first '/' and the rest). A name without '/' (2.x) is taken as the database
    /// with its default retention policy, which is what a 2.x DBRP mapping usually looks like.
    void setBucket(const QString &name);
    /// Replaces `fields` by these names with unknown types.
    void setFieldNames(const QStringList &names);
    QStringList fieldNames() const;

    bool operator==(const QuerySelection &) const = default;
};

} // namespace sasquatch
