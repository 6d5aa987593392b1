// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <vector>

namespace sasquatch {

/// One entry of a topic's field list after FieldGrouping: a scalar field, or an Avro array that
/// InfluxDB flattened into `<base>0 … <base>N-1`.
struct GroupedField
{
    /// The InfluxDB field name for a scalar; the base name (`zForce`) for an array.
    QString name;
    FieldType type = FieldType::Unknown;
    /// The scalar's unit; for an array the unit its elements share (empty if they differ).
    QString unit;
    /// The scalar's description; for an array the first element's.
    QString description;
    /// Array elements in index order (`elements[i].name == name + QString::number(i)`); empty for
    /// a scalar.
    std::vector<FieldInfo> elements;
    /// `private_*` or `salIndex`.
    bool isPrivate = false;

    bool isArray() const { return !elements.empty(); }
    /// Number of elements, 0 for a scalar.
    int length() const { return int(elements.size()); }
    /// "zForce[156]" for an array, the name for a scalar.
    QString displayName() const
    {
        return isArray() ? name + QLatin1Char('[') + QString::number(length()) + QLatin1Char(']') : name;
    }
    /// "float[156]" for an array, "float" for a scalar.
    QString typeName() const
    {
        return isArray() ? fieldTypeName(type) + QLatin1Char('[') + QString::number(length()) + QLatin1Char(']')
                         : fieldTypeName(type);
    }
};

} // namespace sasquatch
