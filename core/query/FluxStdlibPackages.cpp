// SPDX-License-Identifier: GPL-3.0-or-later
// Flux packages Sasquatch users import. Signatures and defaults after docs.influxdata.com/flux/v0/stdlib.
#include "core/query/FluxStdlibData.h"

namespace sasquatch::fluxdata {

namespace {

#define SCHEMA "influxdata/influxdb/schema"
#define V1 "influxdata/influxdb/v1"
#define RANGE "start: time | duration = -30d, stop: time | duration = now()"
#define PRED "predicate: (r: record) => bool = (r) => true"
#define T "<-tables: stream, "
#define X(name, doc) {"math", name "(x: float) => float", doc}

constexpr SymbolEntry kPackages[] = {
    // influxdata/influxdb/schema
    {SCHEMA, "measurements(bucket: string, " RANGE ") => stream", "Measurements (topics) written to a bucket."},
    {SCHEMA, "measurementFieldKeys(bucket: string, measurement: string, " RANGE ") => stream",
     "Field keys of one measurement."},
    {SCHEMA, "measurementTagKeys(bucket: string, measurement: string, " RANGE ") => stream",
     "Tag keys of one measurement."},
    {SCHEMA, "measurementTagValues(bucket: string, measurement: string, tag: string, " RANGE ") => stream",
     "Values of one tag of one measurement."},
    {SCHEMA, "fieldKeys(bucket: string, " PRED ", " RANGE ") => stream", "Field keys of a bucket."},
    {SCHEMA, "tagKeys(bucket: string, " PRED ", " RANGE ") => stream", "Tag keys of a bucket."},
    {SCHEMA, "tagValues(bucket: string, tag: string, " PRED ", " RANGE ") => stream", "Values of a tag."},
    {SCHEMA, "fieldsAsCols(" T ") => stream", "Pivots fields into columns: one row per time, one column per field."},
    // influxdata/influxdb/v1 (deprecated aliases still found in older queries)
    {V1, "fieldsAsCols(" T ") => stream", "Deprecated: use schema.fieldsAsCols()."},
    {V1, "measurements(bucket: string, " RANGE ") => stream", "Deprecated: use schema.measurements()."},
    {V1, "measurementTagValues(bucket: string, measurement: string, tag: string, " RANGE ") => stream",
     "Deprecated: use schema.measurementTagValues()."},
    {V1, "tagValues(bucket: string, tag: string, " PRED ", " RANGE ") => stream", "Deprecated: use schema.tagValues()."},
    {V1, "tagKeys(bucket: string, " PRED ", " RANGE ") => stream", "Deprecated: use schema.tagKeys()."},
    {V1, "fieldKeys(bucket: string, " PRED ", " RANGE ") => stream", "Deprecated: use schema.fieldKeys()."},
    // influxdata/influxdb
    {"influxdata/influxdb", "cardinality(bucket: string, start: time | duration, stop: time | duration = now(), "
                            "?predicate: (r: record) => bool) => stream",
     "Series cardinality of a bucket."},
    {"influxdata/influxdb", "from(bucket: string, ?bucketID: string, ?org: string, ?host: string, ?token: string) => stream",
     "Queries an InfluxDB bucket."},
    {"influxdata/influxdb", "buckets(?org: string, ?host: string, ?token: string) => stream", "Lists buckets."},
    // experimental
    {"experimental", "addDuration(d: duration, to: time | duration, location: record = location) => time",
     "Adds a duration (calendar aware) to a time."},
    {"experimental", "subDuration(d: duration, from: time | duration, location: record = location) => time",
     "Subtracts a duration (calendar aware) from a time."},
    {"experimental", "alignTime(" T "alignTo: time = 1970-01-01T00:00:00Z) => stream",
     "Shifts each table's times to start at alignTo (compare periods)."},
    {"experimental", "group(" T "columns: [string], mode: string) => stream",
     "Adds columns to the group key (mode \"extend\")."},
    {"experimental", "window(" T "?every: duration, period: duration = every, offset: duration = 0s, "
                     "location: record = location, createEmpty: bool = false) => stream",
     "Windows rows by time and updates _start/_stop."},
    {"experimental", "fill(" T "?value: A, usePrevious: bool = false) => stream", "Fills null _value."},
    {"experimental", "unpivot(" T "otherColumns: [string] = [\"_time\"]) => stream",
     "Turns columns back into _field/_value rows."},
    {"experimental", "set(" T "o: record) => stream", "Sets several columns at once."},
    {"experimental", "join(left: stream, right: stream, fn: (left: record, right: record) => record) => stream",
     "Joins two streams on group key and _time."},
    {"experimental", "chain(first: stream, second: stream) => stream", "Runs two queries in sequence."},
    {"experimental", "diff(<-got: stream, want: stream) => stream", "Rows that differ between two streams."},
    {"experimental", "objectKeys(o: record) => [string]", "The keys of a record."},
    {"experimental", "catch(fn: () => A) => record", "Calls fn and returns its value or its error."},
    {"experimental", "preview(" T "nrows: int = 5, ntables: int = 5) => stream", "The first rows of the first tables."},
    {"experimental", "count(" T ") => stream", "Number of _value per table."},
    {"experimental", "first(" T ") => stream", "First row per table."},
    {"experimental", "last(" T ") => stream", "Last row per table."},
    {"experimental", "max(" T ") => stream", "Highest _value per table."},
    {"experimental", "min(" T ") => stream", "Lowest _value per table."},
    {"experimental", "mean(" T ") => stream", "Average _value per table."},
    {"experimental", "sum(" T ") => stream", "Sum of _value per table."},
    {"experimental", "spread(" T ") => stream", "Spread of _value per table."},
    {"experimental", "stddev(" T "mode: string = \"sample\") => stream", "Standard deviation of _value per table."},
    {"experimental", "skew(" T ") => stream", "Skew of _value per table."},
    {"experimental", "mode(" T ") => stream", "Most frequent _value per table."},
    {"experimental", "unique(" T ") => stream", "Rows with a new _value."},
    {"experimental", "distinct(" T ") => stream", "Distinct _value per table."},
    {"experimental", "quantile(" T "q: float, method: string = \"estimate_tdigest\", compression: float = 1000.0) => stream",
     "A quantile of _value per table."},
    {"experimental", "integral(" T "unit: duration = 1s, interpolate: string = \"\") => stream",
     "Area under _value per table."},
    {"experimental", "kaufmansAMA(" T "n: int) => stream", "Kaufman's adaptive moving average of _value."},
    {"experimental", "histogram(" T "bins: [float], normalize: bool = false) => stream", "Histogram of _value."},
    {"experimental", "histogramQuantile(" T "quantile: float, minValue: float = 0.0) => stream",
     "A quantile from a histogram."},
    {"experimental", "to(" T "?bucket: string, ?bucketID: string, ?org: string, ?orgID: string, ?host: string, "
                     "?token: string) => stream",
     "Writes pivoted rows (one column per field) to a bucket."},
    // experimental/aggregate
    {"experimental/aggregate", "rate(" T "every: duration, groupColumns: [string] = [], unit: duration = 1s) => stream",
     "Average rate of change per window."},
    // strings
    {"strings", "toUpper(v: string) => string", "Upper case."},
    {"strings", "toLower(v: string) => string", "Lower case."},
    {"strings", "toTitle(v: string) => string", "Title case (every letter)."},
    {"strings", "title(v: string) => string", "Capitalises every word."},
    {"strings", "trim(v: string, cutset: string) => string", "Removes leading and trailing cutset characters."},
    {"strings", "trimSpace(v: string) => string", "Removes leading and trailing white space."},
    {"strings", "trimPrefix(v: string, prefix: string) => string", "Removes a prefix."},
    {"strings", "trimSuffix(v: string, suffix: string) => string", "Removes a suffix."},
    {"strings", "trimLeft(v: string, cutset: string) => string", "Removes leading cutset characters."},
    {"strings", "trimRight(v: string, cutset: string) => string", "Removes trailing cutset characters."},
    {"strings", "containsStr(v: string, substr: string) => bool", "Whether v contains substr."},
    {"strings", "containsAny(v: string, chars: string) => bool", "Whether v contains any of chars."},
    {"strings", "equalFold(v: string, t: string) => bool", "Case-insensitive equality."},
    {"strings", "compare(v: string, t: string) => int", "-1, 0 or 1 by lexical order."},
    {"strings", "countStr(v: string, substr: string) => int", "Non-overlapping occurrences of substr."},
    {"strings", "hasPrefix(v: string, prefix: string) => bool", "Whether v starts with prefix."},
    {"strings", "hasSuffix(v: string, suffix: string) => bool", "Whether v ends with suffix."},
    {"strings", "index(v: string, substr: string) => int", "First index of substr, -1 if absent."},
    {"strings", "indexAny(v: string, chars: string) => int", "First index of any of chars."},
    {"strings", "lastIndex(v: string, substr: string) => int", "Last index of substr."},
    {"strings", "lastIndexAny(v: string, chars: string) => int", "Last index of any of chars."},
    {"strings", "isDigit(v: string) => bool", "Whether a one-character string is a digit."},
    {"strings", "isLetter(v: string) => bool", "Whether a one-character string is a letter."},
    {"strings", "isLower(v: string) => bool", "Whether a one-character string is lower case."},
    {"strings", "isUpper(v: string) => bool", "Whether a one-character string is upper case."},
    {"strings", "joinStr(arr: [string], v: string) => string", "Joins strings with a separator."},
    {"strings", "repeat(v: string, i: int) => string", "v repeated i times."},
    {"strings", "replace(v: string, t: string, u: string, i: int) => string", "Replaces the first i occurrences."},
    {"strings", "replaceAll(v: string, t: string, u: string) => string", "Replaces every occurrence."},
    {"strings", "split(v: string, t: string) => [string]", "Splits at every separator."},
    {"strings", "splitAfter(v: string, t: string) => [string]", "Splits after every separator."},
    {"strings", "splitN(v: string, t: string, i: int) => [string]", "Splits into at most i parts."},
    {"strings", "splitAfterN(v: string, t: string, i: int) => [string]", "Splits after separators, at most i parts."},
    {"strings", "strlen(v: string) => int", "Length in characters."},
    {"strings", "substring(v: string, start: int, end: int) => string", "Characters start…end-1."},
    // math
    {"math", "pi: float", "π."},
    {"math", "e: float", "Euler's number."},
    {"math", "phi: float", "The golden ratio."},
    {"math", "maxfloat: float", "Largest finite float."},
    {"math", "maxint: int", "Largest int."},
    {"math", "minint: int", "Smallest int."},
    {"math", "maxuint: uint", "Largest uint."},
    X("abs", "Absolute value."),
    X("acos", "Arccosine (radians)."),
    X("asin", "Arcsine (radians)."),
    X("atan", "Arctangent (radians)."),
    {"math", "atan2(y: float, x: float) => float", "Arctangent of y/x, quadrant aware."},
    X("cbrt", "Cube root."),
    X("ceil", "Rounds up."),
    X("cos", "Cosine."),
    X("cosh", "Hyperbolic cosine."),
    X("exp", "e to the power x."),
    X("exp2", "2 to the power x."),
    X("floor", "Rounds down."),
    {"math", "hypot(p: float, q: float) => float", "sqrt(p*p + q*q)."},
    {"math", "isInf(f: float, sign: int) => bool", "Whether f is infinite (sign > 0: +Inf, < 0: -Inf, 0: either)."},
    {"math", "isNaN(f: float) => bool", "Whether f is NaN."},
    {"math", "inf(sign: int) => float", "Positive or negative infinity."},
    {"math", "NaN() => float", "Not a number."},
    X("log", "Natural logarithm."),
    X("log10", "Base-10 logarithm."),
    X("log2", "Base-2 logarithm."),
    {"math", "mMax(x: float, y: float) => float", "Larger of two values."},
    {"math", "mMin(x: float, y: float) => float", "Smaller of two values."},
    {"math", "mod(x: float, y: float) => float", "Floating-point remainder of x/y."},
    {"math", "pow(x: float, y: float) => float", "x to the power y."},
    {"math", "remainder(x: float, y: float) => float", "IEEE 754 remainder of x/y."},
    X("round", "Rounds half away from zero."),
    X("sin", "Sine."),
    X("sinh", "Hyperbolic sine."),
    X("sqrt", "Square root."),
    X("tan", "Tangent."),
    X("tanh", "Hyperbolic tangent."),
    X("trunc", "Integer part."),
    // date
    {"date", "year(t: time | duration) => int", "Year of a time."},
    {"date", "quarter(t: time | duration) => int", "Quarter of the year (1-4)."},
    {"date", "month(t: time | duration) => int", "Month (1-12)."},
    {"date", "week(t: time | duration) => int", "ISO week of the year (1-53)."},
    {"date", "yearDay(t: time | duration) => int", "Day of the year (1-366)."},
    {"date", "monthDay(t: time | duration) => int", "Day of the month (1-31)."},
    {"date", "weekDay(t: time | duration) => int", "Day of the week (0 = Sunday)."},
    {"date", "hour(t: time | duration, location: record = location) => int", "Hour (0-23)."},
    {"date", "minute(t: time | duration) => int", "Minute (0-59)."},
    {"date", "second(t: time | duration) => int", "Second (0-59)."},
    {"date", "millisecond(t: time | duration) => int", "Millisecond of the second."},
    {"date", "microsecond(t: time | duration) => int", "Microsecond of the second."},
    {"date", "nanosecond(t: time | duration) => int", "Nanosecond of the second."},
    {"date", "truncate(t: time | duration, unit: duration, location: record = location) => time",
     "Truncates a time to a unit (1h, 1d, 1mo…)."},
    {"date", "add(d: duration, to: time | duration, location: record = location) => time", "Adds a duration to a time."},
    {"date", "sub(d: duration, from: time | duration, location: record = location) => time",
     "Subtracts a duration from a time."},
    {"date", "time(t: time | duration, location: record = location) => time", "A time, or now() plus a duration."},
    {"date", "Sunday: int", "0"},    {"date", "Monday: int", "1"},    {"date", "Tuesday: int", "2"},
    {"date", "Wednesday: int", "3"}, {"date", "Thursday: int", "4"},  {"date", "Friday: int", "5"},
    {"date", "Saturday: int", "6"},  {"date", "January: int", "1"},   {"date", "February: int", "2"},
    {"date", "March: int", "3"},     {"date", "April: int", "4"},     {"date", "May: int", "5"},
    {"date", "June: int", "6"},      {"date", "July: int", "7"},      {"date", "August: int", "8"},
    {"date", "September: int", "9"}, {"date", "October: int", "10"},  {"date", "November: int", "11"},
    {"date", "December: int", "12"},
    // array, join, regexp, timezone, interpolate, types, runtime, csv, json, system
    {"array", "from(rows: [record]) => stream", "A table built from an array of records."},
    {"array", "concat(arr: [A], v: [A]) => [A]", "Appends two arrays."},
    {"array", "filter(arr: [A], fn: (x: A) => bool) => [A]", "Elements for which fn is true."},
    {"array", "map(arr: [A], fn: (x: A) => B) => [B]", "Applies fn to every element."},
    {"join", "inner(left: stream, right: stream, on: (l: record, r: record) => bool, "
             "as: (l: record, r: record) => record) => stream",
     "Inner join of two streams."},
    {"join", "left(left: stream, right: stream, on: (l: record, r: record) => bool, "
             "as: (l: record, r: record) => record) => stream",
     "Left outer join."},
    {"join", "right(left: stream, right: stream, on: (l: record, r: record) => bool, "
             "as: (l: record, r: record) => record) => stream",
     "Right outer join."},
    {"join", "full(left: stream, right: stream, on: (l: record, r: record) => bool, "
             "as: (l: record, r: record) => record) => stream",
     "Full outer join."},
    {"join", "time(left: stream, right: stream, as: (l: record, r: record) => record, method: string = \"inner\") => stream",
     "Joins two streams on _time."},
    {"join", "tables(left: stream, right: stream, on: (l: record, r: record) => bool, "
             "as: (l: record, r: record) => record, method: string) => stream",
     "Joins with an explicit method."},
    {"regexp", "compile(v: string) => regexp", "A regular expression from a string."},
    {"regexp", "quoteMeta(v: string) => string", "Escapes regular-expression metacharacters."},
    {"regexp", "findString(r: regexp, v: string) => string", "Leftmost match of r in v."},
    {"regexp", "findStringIndex(r: regexp, v: string) => [int]", "Bounds of the leftmost match."},
    {"regexp", "matchRegexpString(r: regexp, v: string) => bool", "Whether v matches r."},
    {"regexp", "replaceAllString(r: regexp, v: string, t: string) => string", "Replaces every match."},
    {"regexp", "splitRegexp(r: regexp, v: string, i: int) => [string]", "Splits at matches (at most i parts)."},
    {"regexp", "getString(r: regexp) => string", "The source text of a regular expression."},
    {"timezone", "location(name: string) => record", "A named time zone: timezone.location(name: \"America/Santiago\")."},
    {"timezone", "fixed(offset: duration) => record", "A fixed UTC offset."},
    {"timezone", "utc: record", "UTC."},
    {"interpolate", "linear(" T "every: duration) => stream", "Inserts linearly interpolated rows every interval."},
    {"types", "isType(v: A, type: string) => bool", "Whether a value is of a basic type (\"string\", \"float\"…)."},
    {"types", "isNumeric(v: A) => bool", "Whether a value is an int, uint or float."},
    {"runtime", "now() => time", "The wall-clock time (not the query's now option)."},
    {"runtime", "version() => string", "The Flux version."},
    {"csv", "from(?csv: string, ?file: string, mode: string = \"annotations\") => stream",
     "Tables from annotated or raw CSV text."},
    {"json", "encode(v: A) => bytes", "A value as JSON."},
    {"system", "time() => time", "The current system time."},
};

#undef SCHEMA
#undef V1
#undef RANGE
#undef PRED
#undef T
#undef X

constexpr PackageEntry kPackageDocs[] = {
    {"array", "Build tables from arrays and work on arrays."},
    {"csv", "Read annotated or raw CSV."},
    {"date", "Parts of times, calendar arithmetic, truncation."},
    {"experimental", "Functions that may change: alignTime, addDuration, group extend, unpivot…"},
    {"experimental/aggregate", "Aggregate helpers: rate."},
    {"influxdata/influxdb", "InfluxDB sources and sinks, cardinality."},
    {"influxdata/influxdb/schema", "Explore a bucket: measurements, field keys, tag keys and values."},
    {"influxdata/influxdb/v1", "Deprecated schema helpers (use influxdata/influxdb/schema)."},
    {"interpolate", "Linear interpolation."},
    {"join", "Joins of two streams (inner, left, right, full, time)."},
    {"json", "JSON encoding."},
    {"math", "Floating-point functions and constants."},
    {"regexp", "Regular expressions."},
    {"runtime", "Runtime information."},
    {"strings", "String functions."},
    {"system", "System time."},
    {"timezone", "Time zones for the location option."},
    {"types", "Type tests."},
};

} // namespace

std::span<const SymbolEntry> packageEntries()
{
    return kPackages;
}

std::span<const PackageEntry> packageDocs()
{
    return kPackageDocs;
}

} // namespace sasquatch::fluxdata
