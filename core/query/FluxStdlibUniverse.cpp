// SPDX-License-Identifier: GPL-3.0-or-later
// Flux universe (no import needed). Signatures and defaults after docs.influxdata.com/flux/v0/stdlib/universe;
// `stream` stands for the documentation's stream[A] and `record` for its record types.
#include "core/query/FluxStdlibData.h"

namespace sasquatch::fluxdata {

namespace {

#define T "<-tables: stream, "
constexpr SymbolEntry kUniverse[] = {
    // Sources and ranges
    {"", "from(bucket: string, ?bucketID: string, ?org: string, ?orgID: string, ?host: string, ?token: string) => stream",
     "Queries data from an InfluxDB bucket (`db/rp` on InfluxDB 1.x, e.g. \"efd/autogen\")."},
    {"", "range(" T "start: time | duration, stop: time | duration = now()) => stream",
     "Keeps rows with start <= _time < stop; relative times such as -1h count back from now()."},
    {"", "buckets(?org: string, ?orgID: string, ?host: string, ?token: string) => stream",
     "Lists the buckets (databases and retention policies on 1.x) of the server."},
    {"", "union(tables: [stream]) => stream", "Merges two or more streams into one."},
    {"", "join(tables: record, ?on: [string], method: string = \"inner\") => stream",
     "Joins two streams on common columns (deprecated: use the join package)."},
    {"", "yield(" T "name: string = \"_results\") => stream",
     "Delivers a stream as a named query result; needed when a query has several outputs."},
    // Filters and shaping
    {"", "filter(" T "fn: (r: record) => bool, onEmpty: string = \"drop\") => stream",
     "Keeps the rows for which the predicate fn is true."},
    {"", "map(" T "fn: (r: record) => record) => stream", "Replaces every row with the record fn returns."},
    {"", "keep(" T "?columns: [string], ?fn: (column: string) => bool) => stream",
     "Keeps only the listed columns (or those fn accepts)."},
    {"", "drop(" T "?columns: [string], ?fn: (column: string) => bool) => stream",
     "Removes the listed columns (or those fn accepts)."},
    {"", "rename(" T "?columns: record, ?fn: (column: string) => string) => stream",
     "Renames columns: columns: {old: \"new\"} or a function of the name."},
    {"", "duplicate(" T "column: string, as: string) => stream", "Copies a column under a new name."},
    {"", "set(" T "key: string, value: string) => stream", "Sets a column to a string value in every row."},
    {"", "group(" T "columns: [string] = [], mode: string = \"by\") => stream",
     "Regroups rows by the given columns (mode \"by\") or by all other columns (\"except\")."},
    {"", "pivot(" T "rowKey: [string], columnKey: [string], valueColumn: string) => stream",
     "Turns rows into columns: one column per distinct columnKey value, one row per rowKey."},
    {"", "sort(" T "columns: [string] = [\"_value\"], desc: bool = false) => stream", "Sorts rows by the given columns."},
    {"", "limit(" T "n: int, offset: int = 0) => stream", "Keeps the first n rows of each table."},
    {"", "tail(" T "n: int, offset: int = 0) => stream", "Keeps the last n rows of each table."},
    {"", "sample(" T "n: int, pos: int = -1, column: string = \"_value\") => stream",
     "Keeps every nth row (pos: which one, -1 for random)."},
    {"", "fill(" T "column: string = \"_value\", ?value: A, usePrevious: bool = false) => stream",
     "Replaces nulls with a value or with the previous non-null value."},
    {"", "window(" T "?every: duration, period: duration = every, offset: duration = 0s, location: record = location, "
         "timeColumn: string = \"_time\", startColumn: string = \"_start\", stopColumn: string = \"_stop\", "
         "createEmpty: bool = false) => stream",
     "Groups rows into time windows, one table per window."},
    {"", "aggregateWindow(" T "every: duration, fn: (column: string, tables: stream) => stream, period: duration = every, "
         "offset: duration = 0s, location: record = location, column: string = \"_value\", "
         "timeSrc: string = \"_stop\", timeDst: string = \"_time\", createEmpty: bool = true) => stream",
     "Downsamples: windows rows by every and aggregates each window with fn (mean, max, last…)."},
    {"", "timeShift(" T "duration: duration, columns: [string] = [\"_start\", \"_stop\", \"_time\"]) => stream",
     "Adds a duration to time columns."},
    {"", "truncateTimeColumn(" T "unit: duration, timeColumn: string = \"_time\") => stream",
     "Truncates times to a unit (e.g. 1m)."},
    {"", "hourSelection(" T "start: int, stop: int, timeColumn: string = \"_time\", location: record = location) => stream",
     "Keeps rows whose hour of day lies between start and stop."},
    {"", "columns(" T "column: string = \"_value\") => stream", "Lists the column labels of each table."},
    {"", "keys(" T "column: string = \"_value\") => stream", "Lists the group-key columns of each table."},
    {"", "keyValues(" T "?keyColumns: [string], ?fn: (schema: record) => [string]) => stream",
     "Lists the values of the given group-key columns."},
    // Aggregates
    {"", "mean(" T "column: string = \"_value\") => stream", "Average of a column, per table."},
    {"", "median(" T "column: string = \"_value\", method: string = \"estimate_tdigest\", compression: float = 0.0) => stream",
     "Median of a column, per table."},
    {"", "sum(" T "column: string = \"_value\") => stream", "Sum of a column, per table."},
    {"", "count(" T "column: string = \"_value\") => stream", "Number of non-null values, per table."},
    {"", "spread(" T "column: string = \"_value\") => stream", "Maximum minus minimum, per table."},
    {"", "stddev(" T "column: string = \"_value\", mode: string = \"sample\") => stream",
     "Standard deviation (mode \"sample\" or \"population\"), per table."},
    {"", "skew(" T "column: string = \"_value\") => stream", "Skew of a column, per table."},
    {"", "mode(" T "column: string = \"_value\") => stream", "Most frequent value, per table."},
    {"", "quantile(" T "q: float, column: string = \"_value\", method: string = \"estimate_tdigest\", "
         "compression: float = 1000.0) => stream",
     "The q quantile (0…1) of a column, per table."},
    {"", "integral(" T "unit: duration = 1s, column: string = \"_value\", timeColumn: string = \"_time\", "
         "interpolate: string = \"\") => stream",
     "Area under the curve, per table."},
    {"", "reduce(" T "fn: (r: record, accumulator: record) => record, identity: record) => stream",
     "Folds each table into one row with a custom accumulator."},
    {"", "histogram(" T "bins: [float], column: string = \"_value\", upperBoundColumn: string = \"le\", "
         "countColumn: string = \"_value\", normalize: bool = false) => stream",
     "Cumulative histogram of a column."},
    {"", "histogramQuantile(" T "quantile: float, countColumn: string = \"_value\", upperBoundColumn: string = \"le\", "
         "valueColumn: string = \"_value\", minValue: float = 0.0) => stream",
     "Approximates a quantile from a histogram."},
    {"", "cov(x: stream, y: stream, on: [string], pearsonr: bool = false) => stream", "Covariance of two streams."},
    {"", "covariance(" T "columns: [string], pearsonr: bool = false, valueDst: string = \"_value\") => stream",
     "Covariance of two columns."},
    {"", "pearsonr(x: stream, y: stream, on: [string]) => stream", "Pearson correlation of two streams."},
    // Selectors
    {"", "first(" T "column: string = \"_value\") => stream", "First non-null row of each table."},
    {"", "last(" T "column: string = \"_value\") => stream", "Last non-null row of each table."},
    {"", "min(" T "column: string = \"_value\") => stream", "Row with the lowest value, per table."},
    {"", "max(" T "column: string = \"_value\") => stream", "Row with the highest value, per table."},
    {"", "top(" T "n: int, columns: [string] = [\"_value\"]) => stream", "The n rows with the highest values."},
    {"", "bottom(" T "n: int, columns: [string] = [\"_value\"]) => stream", "The n rows with the lowest values."},
    {"", "unique(" T "column: string = \"_value\") => stream", "Rows with a value not seen before in the table."},
    {"", "distinct(" T "column: string = \"_value\") => stream", "Distinct values of a column."},
    {"", "highestMax(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the highest maxima."},
    {"", "highestAverage(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the highest averages."},
    {"", "highestCurrent(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the highest last values."},
    {"", "lowestMin(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the lowest minima."},
    {"", "lowestAverage(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the lowest averages."},
    {"", "lowestCurrent(" T "n: int, column: string = \"_value\", groupColumns: [string] = []) => stream",
     "The n tables with the lowest last values."},
    // Transformations over consecutive rows
    {"", "derivative(" T "unit: duration = 1s, nonNegative: bool = false, columns: [string] = [\"_value\"], "
         "timeColumn: string = \"_time\", initialZero: bool = false) => stream",
     "Rate of change per unit of time between consecutive rows."},
    {"", "difference(" T "nonNegative: bool = false, columns: [string] = [\"_value\"], keepFirst: bool = false, "
         "initialZero: bool = false) => stream",
     "Difference between consecutive values."},
    {"", "increase(" T "columns: [string] = [\"_value\"]) => stream",
     "Cumulative increase, ignoring counter resets."},
    {"", "cumulativeSum(" T "columns: [string] = [\"_value\"]) => stream", "Running total."},
    {"", "elapsed(" T "unit: duration = 1s, timeColumn: string = \"_time\", columnName: string = \"elapsed\") => stream",
     "Time elapsed since the previous row."},
    {"", "movingAverage(" T "n: int) => stream", "Average of the last n values."},
    {"", "timedMovingAverage(" T "every: duration, period: duration, column: string = \"_value\") => stream",
     "Average over a sliding time period, every interval."},
    {"", "exponentialMovingAverage(" T "n: int) => stream", "Exponential moving average of n points."},
    {"", "doubleEMA(" T "n: int) => stream", "Double exponential moving average."},
    {"", "tripleEMA(" T "n: int) => stream", "Triple exponential moving average."},
    {"", "tripleExponentialDerivative(" T "n: int) => stream", "Triple exponential derivative (TRIX)."},
    {"", "relativeStrengthIndex(" T "n: int, columns: [string] = [\"_value\"]) => stream", "Relative strength index."},
    {"", "kaufmansAMA(" T "n: int, column: string = \"_value\") => stream", "Kaufman's adaptive moving average."},
    {"", "kaufmansER(" T "n: int) => stream", "Kaufman's efficiency ratio."},
    {"", "chandeMomentumOscillator(" T "n: int, columns: [string] = [\"_value\"]) => stream",
     "Chande momentum oscillator."},
    {"", "holtWinters(" T "n: int, interval: duration, withFit: bool = false, column: string = \"_value\", "
         "timeColumn: string = \"_time\", seasonality: int = 0) => stream",
     "Predicts n values with the Holt-Winters method."},
    {"", "stateCount(" T "fn: (r: record) => bool, column: string = \"stateCount\") => stream",
     "Counts consecutive rows matching a predicate."},
    {"", "stateDuration(" T "fn: (r: record) => bool, column: string = \"stateDuration\", timeColumn: string = \"_time\", "
         "unit: duration = 1s) => stream",
     "Time spent in consecutive rows matching a predicate."},
    // Type conversions of _value
    {"", "toFloat(" T ") => stream", "Converts _value to float."},
    {"", "toInt(" T ") => stream", "Converts _value to int."},
    {"", "toUInt(" T ") => stream", "Converts _value to uint."},
    {"", "toString(" T ") => stream", "Converts _value to string."},
    {"", "toBool(" T ") => stream", "Converts _value to bool."},
    {"", "toTime(" T ") => stream", "Converts _value to time."},
    // Value functions
    {"", "float(v: A) => float", "Converts a value to float."},
    {"", "int(v: A) => int", "Converts a value to int (times to nanoseconds since the epoch)."},
    {"", "uint(v: A) => uint", "Converts a value to uint."},
    {"", "string(v: A) => string", "Converts a value to string."},
    {"", "bool(v: A) => bool", "Converts a value to bool."},
    {"", "time(v: A) => time", "Converts a value (RFC3339 string or nanoseconds) to time."},
    {"", "duration(v: A) => duration", "Converts a value (\"1h30m\" or nanoseconds) to duration."},
    {"", "bytes(v: A) => bytes", "Converts a value to bytes."},
    {"", "now() => time", "The query's now time."},
    {"", "today() => time", "now() truncated to the day."},
    {"", "length(arr: [A]) => int", "Number of elements of an array."},
    {"", "contains(value: A, set: [A]) => bool", "Whether an array contains a value."},
    {"", "display(v: A) => string", "Any value as its Flux literal."},
    {"", "die(msg: string) => A", "Stops the query with an error message."},
    {"", "linearBins(start: float, width: float, count: int, infinity: bool = true) => [float]",
     "Linearly spaced histogram bins."},
    {"", "logarithmicBins(start: float, factor: float, count: int, infinity: bool = true) => [float]",
     "Exponentially spaced histogram bins."},
    // Extracting scalars from streams
    {"", "findColumn(" T "fn: (key: record) => bool, column: string) => [A]",
     "Values of a column of the first table whose group key matches fn."},
    {"", "findRecord(" T "fn: (key: record) => bool, idx: int) => record",
     "A row of the first table whose group key matches fn."},
    {"", "tableFind(" T "fn: (key: record) => bool) => stream", "The first table whose group key matches fn."},
    {"", "getColumn(<-table: stream, column: string) => [A]", "Values of a column of a table."},
    {"", "getRecord(<-table: stream, idx: int) => record", "A row of a table."},
    // Output
    {"", "to(" T "?bucket: string, ?bucketID: string, ?org: string, ?orgID: string, ?host: string, ?token: string, "
         "timeColumn: string = \"_time\", measurementColumn: string = \"_measurement\", ?tagColumns: [string], "
         "?fieldFn: (r: record) => record) => stream",
     "Writes rows to an InfluxDB bucket."},
    // Options
    {"", "location: record", "Option: the time zone used for windows (option location = timezone.location(name: …))."},
};
#undef T

} // namespace

std::span<const SymbolEntry> universeEntries()
{
    return kUniverse;
}

} // namespace sasquatch::fluxdata
