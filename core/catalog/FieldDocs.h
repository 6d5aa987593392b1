// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <QHash>
#include <QString>

#include <vector>

namespace sasquatch {

/// What a schema says about one field: its unit and description.
struct FieldDoc
{
    QString unit;        ///< empty when unknown or dimensionless ("unitless" in SAL schemas)
    QString description;
    bool operator==(const FieldDoc &) const = default;
};

/// Units and descriptions of one topic's fields, as its Avro schema carries them (SAL writes
/// `units` and `description` on every field). InfluxDB knows neither, so the catalog and the
/// plot axes take them from here. Arrays are documented once under their own name and apply
/// to every flattened element (`zForce` documents `zForce0 … zForce155`).
class FieldDocs
{
public:
    /// SAL's word for a dimensionless value; shown as no unit.
    static bool isDimensionless(const QString &unit);

    void addScalar(const QString &name, FieldDoc doc);
    void addArray(const QString &name, FieldDoc doc);
    bool isEmpty() const { return m_scalars.isEmpty() && m_arrays.isEmpty(); }

    /// The doc of a field as InfluxDB names it: the scalar of that name, else the array a
    /// flattened element belongs to; nullptr when the schema does not have it.
    const FieldDoc *find(const QString &field) const;
    /// Fills unit and description of `fields` from these docs; returns true if any changed.
    bool apply(std::vector<FieldInfo> &fields) const;

    bool operator==(const FieldDocs &) const = default;

private:
    QHash<QString, FieldDoc> m_scalars;
    QHash<QString, FieldDoc> m_arrays;
};

} // namespace sasquatch
