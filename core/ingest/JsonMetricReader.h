// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/JsonNode.h"
#include "core/ingest/ReadOptions.h"
#include "core/ingest/ReadResult.h"

class QIODevice;

namespace sasquatch {

/// Reads the two JSON metric formats:
///
/// - an lsst.verify job (`measurements`, `blobs`, `metrics`, `specs`, `meta`): one record per
///   measurement, named after the metric (`validate_drp.PA1`), holding one field named after
///   the metric's last part (`PA1`) with the measurement's unit (or the metric's), the scalar
///   members of `meta` (and of its objects but `packages`) as identifiers, and the time from
///   meta's `timestamp`, `run_timestamp`, `date` or `datetime` (unix s or ISO 8601);
/// - analysis_tools metric records: an object of metric name → `[{"value": {...}}, ...]` (what
///   the dispatcher prepares), a REST proxy body `{"records": [{"value": {...}}]}`, or an array
///   of record objects. `timestamp` (unix s) is the time; identifier keys become identifiers;
///   every other member is a field (numbers, strings, booleans, homogeneous arrays). A REST
///   proxy body's `value_schema` names the topic (its namespace and name); records may carry
///   `key`, `partition` and `timestamp` beside `value` (v2 / Strimzi bridge).
///
/// Both accept the NaN, Infinity and -Infinity that Python's json.dump writes: NaN values are
/// skipped with a note (as the dispatcher does), infinities are a problem of their record.
///
/// The file is read in chunks up to kMaxBytes, checked for NUL bytes and UTF-8 on the way.
class JsonMetricReader
{
public:
    static constexpr qint64 kMaxBytes = qint64(64) << 20;

    static void read(QIODevice &device, const ReadOptions &options, ReadResult &result);
    /// A JSON value as a metric value; false with `reason` for objects and mixed arrays.
    static bool toValue(const JsonNode &node, MetricValue &value, QString &reason);

private:
    static void readVerifyJob(const JsonNode &root, const ReadOptions &options, ReadResult &result);
    static void readRecords(const JsonNode &root, const ReadOptions &options, ReadResult &result);
    static void readRecord(const JsonNode &node, const QString &name, const QString &topicNamespace, ReadResult &result);
};

} // namespace sasquatch
