// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/AggregateFunction.h"

namespace sasquatch {

QString aggregateFunctionName(AggregateFunction function)
{
    switch (function) {
    case AggregateFunction::Mean: return QStringLiteral("mean");
    case AggregateFunction::Median: return QStringLiteral("median");
    case AggregateFunction::Min: return QStringLiteral("min");
    case AggregateFunction::Max: return QStringLiteral("max");
    case AggregateFunction::First: return QStringLiteral("first");
    case AggregateFunction::Last: return QStringLiteral("last");
    case AggregateFunction::Sum: return QStringLiteral("sum");
    case AggregateFunction::Count: return QStringLiteral("count");
    case AggregateFunction::Spread: return QStringLiteral("spread");
    case AggregateFunction::Stddev: return QStringLiteral("stddev");
    }
    return QStringLiteral("mean");
}

std::optional<AggregateFunction> aggregateFunctionFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const AggregateFunction f : kAggregateFunctions)
        if (trimmed.compare(aggregateFunctionName(f), Qt::CaseInsensitive) == 0)
            return f;
    return std::nullopt;
}

bool aggregateNeedsNumbers(AggregateFunction function)
{
    return function != AggregateFunction::First && function != AggregateFunction::Last
           && function != AggregateFunction::Count;
}

} // namespace sasquatch
