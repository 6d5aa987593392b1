// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>

namespace sasquatch {

/// What an aggregated query computes per time window. Each has the same name in Flux
/// (`aggregateWindow(fn: mean)`) and InfluxQL (`mean("x")`).
enum class AggregateFunction : std::uint8_t { Mean, Median, Min, Max, First, Last, Sum, Count, Spread, Stddev };

/// Every function, in the order the query builder offers them.
inline constexpr std::array<AggregateFunction, 10> kAggregateFunctions{
    AggregateFunction::Mean, AggregateFunction::Median, AggregateFunction::Min,   AggregateFunction::Max,
    AggregateFunction::First, AggregateFunction::Last,  AggregateFunction::Sum,   AggregateFunction::Count,
    AggregateFunction::Spread, AggregateFunction::Stddev,
};

/// The lower-case name used in both languages: "mean", "stddev", ...
QString aggregateFunctionName(AggregateFunction function);
/// The function of that name, any case; nullopt for anything else.
std::optional<AggregateFunction> aggregateFunctionFromName(QStringView name);
/// True for functions that only take numbers (both InfluxQL and Flux refuse strings for
/// them): all but first, last and count.
bool aggregateNeedsNumbers(AggregateFunction function);

} // namespace sasquatch
