// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sasquatch {

/// An error shown in the query editor: 1-based line and column as InfluxDB reports them
/// (Flux `error @3:5-3:12: …`, InfluxQL `… at line 1, char 15`).
struct EditorErrorMarker
{
    int line = 1;
    int column = 1;
    QString message;
    bool operator==(const EditorErrorMarker &other) const = default;
};

} // namespace sasquatch
