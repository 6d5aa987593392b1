// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/influx/InfluxQlResponse.h"
#include "core/util/Outcome.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// Annotations exactly as Chronograf writes and reads them (chronograf/influx/annotations.go):
/// database `chronograf`, retention policy `autogen`, measurement `annotations`; one point per
/// version, at the annotation's end time (ns); tags `id` (UUID) and the user tags; fields
/// `deleted` (bool), `start_time` (int ns), `modified_time_ns` (int), `text` (string) and
/// `color` (string). An update is a new point; readers keep, per id, the live point with the
/// newest `modified_time_ns`. A delete is a point with the same time and tags and
/// `deleted=true`, `start_time=0`, `text=""` and no colour, which overwrites the live one.
class ChronografFormat
{
public:
    static inline const QString kDatabase = QStringLiteral("chronograf");
    static inline const QString kRetentionPolicy = QStringLiteral("autogen");
    static inline const QString kMeasurement = QStringLiteral("annotations");

    /// One stored point, live or deleted.
    struct Row
    {
        Annotation annotation; ///< time = endNs, tags without `id`
        bool deleted = false;
    };

    /// The line-protocol line (with its newline) of a live version of `a`, written at `modifiedNs`.
    static QByteArray livePoint(const Annotation &a, std::int64_t modifiedNs);
    /// The line that deletes the stored point with `id`, `tags` and end time `timeNs`.
    static QByteArray deletedPoint(const QString &id, const QMap<QString, QString> &tags, std::int64_t timeNs,
                                   std::int64_t modifiedNs);

    /// Reads the rows of `SELECT * FROM annotations` (epoch=ns). `tagKeys` are the
    /// measurement's tag keys (SHOW TAG KEYS): a column among them is a user tag, and only
    /// then. A row lacking id, time, start_time or modified_time_ns is an error naming the row.
    static Outcome<std::vector<Row>> readRows(const InfluxQlSeries &series, const QSet<QString> &tagKeys);

    /// Per id, the live row with the newest modified_time_ns (deleted rows are skipped, as
    /// Chronograf's query does with "deleted"=false).
    static std::vector<Annotation> newestLive(const std::vector<Row> &rows);

    /// Line-protocol escapes: tag keys and values (',', '=', ' '), string field values ('"', '\').
    static QByteArray escapeTag(const QString &text);
    static QByteArray quoteField(const QString &text);
};

} // namespace sasquatch
