// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/GroupedField.h"

#include <QStringView>

#include <vector>

namespace sasquatch {

/// Collapses the fields InfluxDB lists for a topic into scalars and arrays.
///
/// InfluxDB stores an Avro array `xForce` of length 12 as fields `xForce0 … xForce11` with no
/// separator. Fields `<base><N>` become one array entry `base[n]` when their indexes are exactly
/// 0..n-1 with n >= 2 and all have the same type; everything else stays scalar (`m1` and `m2`
/// without `m0`, or a lone `private_seqNum`). Indexes are the trailing decimal digits, written
/// without leading zeros (`x01` is a scalar).
///
/// Order: user fields by naturalCompare (arrays by base name), then private fields (`salIndex`,
/// `private_sndStamp`, `private_rcvStamp`, `private_efdStamp`, `private_kafkaStamp`,
/// `private_seqNum`, `private_revCode`, `private_identity`, `private_origin`, then any other
/// `private_*` naturally). A name listed twice keeps its first entry (InfluxDB lists a field
/// once per type when shards disagree).
class FieldGrouping
{
public:
    static std::vector<GroupedField> group(const std::vector<FieldInfo> &fields);

    /// Splits `xForce11` into `xForce` and 11. False when the name has no trailing digits, nothing
    /// before them, a leading zero (other than `0` itself) or an index above 10^7.
    static bool splitIndexedName(QStringView name, QStringView *base, int *index);
};

} // namespace sasquatch
