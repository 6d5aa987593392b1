// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace sasquatch {

/// A made-up but realistic Sasquatch catalog for tests and benchmarks: the real CSC names,
/// telemetry/event/command topics in production proportions (~18 % telemetry, ~60 % events,
/// ~21 % commands, one ackcmd per CSC), every CSC's logevent_summaryState, MTM1M3's
/// forceActuatorData with its real arrays (812 values), other arrays here and there, SAL's private
/// fields, lsst.dm / lsst.verify metrics and, in big catalogs, MirrorMaker 2 replicas.
struct SyntheticCatalog
{
    QStringList topics;
    QHash<QString, std::vector<FieldInfo>> fields;
    qsizetype fieldCount = 0; ///< InfluxDB fields in total (array elements counted one by one)

    /// About `topicCount` topics with about `meanFields` InfluxDB fields each (private ones
    /// included); the same seed gives the same catalog.
    static SyntheticCatalog generate(int topicCount, int meanFields, quint32 seed = 1);

    /// The fields of MTM1M3 forceActuatorData as InfluxDB lists them (arrays flattened).
    static std::vector<FieldInfo> forceActuatorDataFields();
    /// SAL's private fields (and salIndex).
    static std::vector<FieldInfo> privateFields();
};

} // namespace sasquatch
