// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sasquatch {

// Every name that reaches a query goes through one of these: a measurement called `a"b` or
// `x' OR 1=1` must stay a name.

/// InfluxQL identifier: always double-quoted, with `\` and `"` escaped.
QString influxQlIdentifier(QStringView name);
/// InfluxQL string literal: single-quoted, with `\` and `'` escaped.
QString influxQlString(QStringView value);
/// Flux string literal: double-quoted, with `\`, `"` and `${` escaped, control characters
/// written as escapes.
QString fluxString(QStringView value);

} // namespace sasquatch
