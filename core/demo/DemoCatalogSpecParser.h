// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoTypes.h"
#include "core/util/Outcome.h"

#include <QByteArrayView>

#include <vector>

namespace sasquatch {

/// What a catalog spec text declares: CSCs and their own (non-generic) topics.
struct DemoCatalogSpec
{
    std::vector<DemoCsc> cscs;
    std::vector<DemoTopic> topics; ///< data fields only; private fields are added later
};

/// Reads the compact text in which the demo catalog is written, one declaration a line:
///
///     # comment
///     CSC MTHexapod 1,2 Camera and M2 hexapods         (indices: "-" or "1,2" or "101-106")
///     T application 50 demand[6]:d:um position[6]:d:um  (telemetry: name, rate in Hz, fields)
///     E inPosition inPosition:b                          (event, stored as logevent_inPosition)
///     C move x:d:um y:d:um                               (command, stored as command_move)
///
/// A field is `name[count]:type:units`: count optional (fixed-length array), type one of
/// d (double) f (float) i (int) l (long) b (boolean) s (string), units optional with `~`
/// standing for a space ("N~m"). Descriptions are derived from the camelCase names.
/// The text is ours (compiled in), so errors are programming errors, but they still come back
/// with the line number rather than crashing a GUI that only wanted a demo.
class DemoCatalogSpecParser
{
public:
    static Outcome<DemoCatalogSpec> parse(QByteArrayView text);

    /// "primaryCylinderForce" -> "Primary cylinder force".
    static QString words(const QString &camelCase);
};

} // namespace sasquatch
