// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace sasquatch {

/// The family an InfluxQL function belongs to, as the InfluxQL reference groups them.
enum class InfluxQlFunctionKind { Aggregation, Selector, Transformation, Predictor, TechnicalAnalysis, Other };

/// One InfluxQL function: its name (upper case), argument list and a one-line description.
struct InfluxQlFunction
{
    QString name;
    QString arguments; ///< `field_key, N` — without the name and parentheses
    QString doc;
    InfluxQlFunctionKind kind = InfluxQlFunctionKind::Other;

    /// `PERCENTILE(field_key, N)`.
    QString signature() const { return name + u'(' + arguments + u')'; }
};

/// Every InfluxQL function of InfluxDB 1.8+ (aggregations, selectors, transformations,
/// predictors, technical analysis) plus time(), fill(), now() and tz().
const QList<InfluxQlFunction> &influxQlFunctions();
/// Case-insensitive lookup; nullptr when `name` is not an InfluxQL function.
const InfluxQlFunction *findInfluxQlFunction(QStringView name);

} // namespace sasquatch
