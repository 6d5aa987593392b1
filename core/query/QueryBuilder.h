// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/AggregateFunction.h"
#include "core/query/QueryLanguage.h"
#include "core/query/QuerySelection.h"
#include "core/time/TimeRange.h"
#include "core/util/Outcome.h"

#include <QString>

#include <cstdint>

namespace sasquatch {

/// Whether a built query returns every point or one aggregate per time window.
enum class QueryMode : std::uint8_t { Raw, Aggregated };

/// Writes the Flux or InfluxQL text for a selection of fields, a time range and a mode — the
/// query the topic browser's "plot" and the query builder hand to the editor. Every name goes
/// through fluxString / influxQlIdentifier / influxQlString (core/influx/QueryEscape.h), so a
/// measurement `x' OR 1=1` or a field `x") or true or ("` stays a name.
///
/// Flux (one stage per line):
///   from(bucket: "efd/autogen")
///     |> range(start: 2026-11-23T03:12:00Z, stop: 2026-11-23T04:12:00Z)   (relative: start: -1h)
///     |> filter(fn: (r) => r._measurement == "m" and (r._field == "a" or r._field == "b") and r.salIndex == "1")
///     |> aggregateWindow(every: 2s, fn: mean, createEmpty: false)          (Aggregated only)
///     |> yield(name: "mean")                                               ("raw" when Raw)
/// InfluxQL (one line):
///   SELECT mean("a") AS "a", mean("b") AS "b" FROM "efd"."autogen"."m"
///   WHERE "salIndex" = '1' AND time >= '2026-11-23T03:12:00Z' AND time < '2026-11-23T04:12:00Z'
///   GROUP BY time(2s) fill(none)                                 (Raw: SELECT "a", "b" ... no GROUP BY)
/// The stop is exclusive in both languages (Flux's range() is; InfluxQL gets `time <`, and a
/// relative range `time >= now() - 1h AND time < now()`), so both return the same points.
/// The window is windowPeriodNs(range, pixelWidth) (core/query/WindowPeriod.h).
class QueryBuilder
{
public:
    static constexpr int kDefaultPixelWidth = 1000;

    QueryBuilder() = default;
    QueryBuilder(QuerySelection selection, TimeRange range);

    const QuerySelection &selection() const { return m_selection; }
    void setSelection(QuerySelection selection) { m_selection = std::move(selection); }
    const TimeRange &timeRange() const { return m_range; }
    void setTimeRange(const TimeRange &range) { m_range = range; }
    QueryMode mode() const { return m_mode; }
    void setMode(QueryMode mode) { m_mode = mode; }
    AggregateFunction function() const { return m_function; }
    void setFunction(AggregateFunction function) { m_function = function; }
    int pixelWidth() const { return m_pixelWidth; }
    /// The plot's width in pixels; sizes the aggregation window.
    void setPixelWidth(int pixels) { m_pixelWidth = pixels; }

    /// The aggregation window for the current range and width, in ns.
    std::int64_t windowNs() const;

    /// The query text, or what must change first (no measurement, no bucket, a numeric
    /// aggregate of a string field, an empty field name or tag key).
    Outcome<QString> flux() const;
    Outcome<QString> influxQl() const;
    Outcome<QString> build(QueryLanguage language) const;

private:
    Outcome<Done> validate(QueryLanguage language) const;
    QStringList uniqueFieldNames() const;

    QuerySelection m_selection;
    TimeRange m_range;
    QueryMode m_mode = QueryMode::Aggregated;
    AggregateFunction m_function = AggregateFunction::Mean;
    int m_pixelWidth = kDefaultPixelWidth;
};

} // namespace sasquatch
