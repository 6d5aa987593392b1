// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <optional>

namespace sasquatch {

/// Where in the query text a server error points, 1-based as the servers print it.
struct QueryErrorLocation
{
    int line = 1;
    int column = 1;
    int endLine = 0;   ///< 0 when the message gives a single position
    int endColumn = 0;

    /// Finds the position in an InfluxDB error message:
    ///   Flux:     `error @2:6-2:11: undefined identifier rnage`, `compilation failed: loc 3:5-9:1: …`,
    ///             `type error 5:6-5:69: missing required parameter "columnKey"`, `error @4:3: …`
    ///   InfluxQL: `error parsing query: found FRM, expected FROM at line 1, char 10`
    /// nullopt when the message names no position (runtime errors, timeouts…).
    static std::optional<QueryErrorLocation> find(QStringView message);

    bool operator==(const QueryErrorLocation &other) const = default;
};

} // namespace sasquatch
