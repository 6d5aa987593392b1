// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/InfluxQlFunctions.h"

#include <QHash>

namespace sasquatch {

namespace {

struct Spec
{
    const char *name;
    const char *arguments;
    const char *doc;
    InfluxQlFunctionKind kind;
};

using K = InfluxQlFunctionKind;

// From the InfluxQL functions reference (InfluxDB 1.8).
constexpr Spec kSpecs[] = {
    {"COUNT", "field_key", "Number of non-null field values.", K::Aggregation},
    {"DISTINCT", "field_key", "List of unique field values.", K::Aggregation},
    {"INTEGRAL", "field_key, unit", "Area under the curve of field values (default unit 1s).", K::Aggregation},
    {"MEAN", "field_key", "Arithmetic mean of field values.", K::Aggregation},
    {"MEDIAN", "field_key", "Middle value of the sorted field values.", K::Aggregation},
    {"MODE", "field_key", "Most frequent field value.", K::Aggregation},
    {"SPREAD", "field_key", "Difference between the largest and smallest field values.", K::Aggregation},
    {"STDDEV", "field_key", "Standard deviation of field values.", K::Aggregation},
    {"SUM", "field_key", "Sum of field values.", K::Aggregation},
    {"BOTTOM", "field_key, [tag_key,] N", "Smallest N field values.", K::Selector},
    {"FIRST", "field_key", "Field value with the oldest timestamp.", K::Selector},
    {"LAST", "field_key", "Field value with the most recent timestamp.", K::Selector},
    {"MAX", "field_key", "Greatest field value.", K::Selector},
    {"MIN", "field_key", "Lowest field value.", K::Selector},
    {"PERCENTILE", "field_key, N", "Nth percentile field value.", K::Selector},
    {"SAMPLE", "field_key, N", "Random sample of N field values.", K::Selector},
    {"TOP", "field_key, [tag_key,] N", "Greatest N field values.", K::Selector},
    {"ABS", "field_key", "Absolute value.", K::Transformation},
    {"ACOS", "field_key", "Arccosine (radians).", K::Transformation},
    {"ASIN", "field_key", "Arcsine (radians).", K::Transformation},
    {"ATAN", "field_key", "Arctangent (radians).", K::Transformation},
    {"ATAN2", "y, x", "Arctangent of y/x (radians).", K::Transformation},
    {"CEIL", "field_key", "Rounds up to the nearest integer.", K::Transformation},
    {"COS", "field_key", "Cosine.", K::Transformation},
    {"CUMULATIVE_SUM", "field_key", "Running total of field values.", K::Transformation},
    {"DERIVATIVE", "field_key, unit", "Rate of change between subsequent field values (default unit 1s).",
     K::Transformation},
    {"DIFFERENCE", "field_key", "Difference between subsequent field values.", K::Transformation},
    {"ELAPSED", "field_key, unit", "Time between subsequent timestamps (default unit 1ns).", K::Transformation},
    {"EXP", "field_key", "e raised to the field value.", K::Transformation},
    {"FLOOR", "field_key", "Rounds down to the nearest integer.", K::Transformation},
    {"HISTOGRAM", "field_key, bins", "Not implemented by InfluxDB 1.x; reserved.", K::Transformation},
    {"LN", "field_key", "Natural logarithm.", K::Transformation},
    {"LOG", "field_key, b", "Logarithm in base b.", K::Transformation},
    {"LOG2", "field_key", "Logarithm in base 2.", K::Transformation},
    {"LOG10", "field_key", "Logarithm in base 10.", K::Transformation},
    {"MOVING_AVERAGE", "field_key, N", "Rolling average over a window of N subsequent field values.",
     K::Transformation},
    {"NON_NEGATIVE_DERIVATIVE", "field_key, unit", "Non-negative rate of change between subsequent field values.",
     K::Transformation},
    {"NON_NEGATIVE_DIFFERENCE", "field_key", "Non-negative difference between subsequent field values.",
     K::Transformation},
    {"POW", "field_key, x", "Field value raised to the power x.", K::Transformation},
    {"ROUND", "field_key", "Rounds to the nearest integer.", K::Transformation},
    {"SIN", "field_key", "Sine.", K::Transformation},
    {"SQRT", "field_key", "Square root.", K::Transformation},
    {"TAN", "field_key", "Tangent.", K::Transformation},
    {"HOLT_WINTERS", "function(field_key), N, S", "Predicts N values with the Holt-Winters method (season S).",
     K::Predictor},
    {"HOLT_WINTERS_WITH_FIT", "function(field_key), N, S", "Holt-Winters prediction including the fitted data.",
     K::Predictor},
    {"CHANDE_MOMENTUM_OSCILLATOR", "field_key, period[, hold_period[, warmup_type]]",
     "Chande Momentum Oscillator.", K::TechnicalAnalysis},
    {"EXPONENTIAL_MOVING_AVERAGE", "field_key, period[, hold_period[, warmup_type]]",
     "Exponential moving average.", K::TechnicalAnalysis},
    {"DOUBLE_EXPONENTIAL_MOVING_AVERAGE", "field_key, period[, hold_period[, warmup_type]]",
     "Double exponential moving average.", K::TechnicalAnalysis},
    {"KAUFMANS_EFFICIENCY_RATIO", "field_key, period[, hold_period]", "Kaufman efficiency ratio.",
     K::TechnicalAnalysis},
    {"KAUFMANS_ADAPTIVE_MOVING_AVERAGE", "field_key, period[, hold_period]", "Kaufman adaptive moving average.",
     K::TechnicalAnalysis},
    {"TRIPLE_EXPONENTIAL_MOVING_AVERAGE", "field_key, period[, hold_period[, warmup_type]]",
     "Triple exponential moving average.", K::TechnicalAnalysis},
    {"TRIPLE_EXPONENTIAL_DERIVATIVE", "field_key, period[, hold_period[, warmup_type]]",
     "Triple exponential derivative (TRIX).", K::TechnicalAnalysis},
    {"RELATIVE_STRENGTH_INDEX", "field_key, period[, hold_period[, warmup_type]]", "Relative strength index.",
     K::TechnicalAnalysis},
    {"TIME", "interval[, offset]", "GROUP BY time bucket: time(5m), time(1h, 15m).", K::Other},
    {"FILL", "null | none | previous | linear | value", "Value reported for GROUP BY time intervals without data.",
     K::Other},
    {"NOW", "", "The server's current time: WHERE time > now() - 1h.", K::Other},
    {"TZ", "'time_zone'", "Time zone of returned timestamps: tz('America/Santiago').", K::Other},
};

} // namespace

const QList<InfluxQlFunction> &influxQlFunctions()
{
    static const QList<InfluxQlFunction> functions = [] {
        QList<InfluxQlFunction> list;
        for (const Spec &s : kSpecs)
            list.append(InfluxQlFunction{QString::fromLatin1(s.name), QString::fromLatin1(s.arguments),
                                         QString::fromLatin1(s.doc), s.kind});
        return list;
    }();
    return functions;
}

const InfluxQlFunction *findInfluxQlFunction(QStringView name)
{
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> map;
        const auto &all = influxQlFunctions();
        for (qsizetype i = 0; i < all.size(); ++i)
            map.insert(all[i].name, i);
        return map;
    }();
    const auto it = index.constFind(name.toString().toUpper());
    return it == index.cend() ? nullptr : &influxQlFunctions()[*it];
}

} // namespace sasquatch
