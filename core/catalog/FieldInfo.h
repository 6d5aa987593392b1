// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace sasquatch {

/// Value type of an InfluxDB field.
enum class FieldType : quint8 { Float, Integer, Unsigned, String, Boolean, Unknown };

/// Parses a field type as InfluxDB names it: `float|integer|unsigned|string|boolean` (SHOW FIELD
/// KEYS), also the annotated-CSV datatypes `double|long|unsignedLong` of Flux results. Case and
/// surrounding blanks are ignored; anything else is FieldType::Unknown.
FieldType fieldTypeFromInflux(QStringView text);

/// InfluxQL's word for a type ("float", ... ; "unknown" for FieldType::Unknown).
QString fieldTypeName(FieldType type);

/// True for SAL's private fields (`private_*` and `salIndex`), which the tree lists last.
bool isPrivateFieldName(QStringView name);

/// One InfluxDB field of a topic, with what the Avro schema tells about it when known.
struct FieldInfo
{
    QString name;
    FieldType type = FieldType::Unknown;
    QString unit;        ///< empty when unknown or unitless
    QString description; ///< empty when unknown

    bool operator==(const FieldInfo &other) const = default;
};

} // namespace sasquatch
