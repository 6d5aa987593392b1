// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace sasquatch {

/// Storage type of a ResultColumn. Flux's `duration` and `base64Binary` (and any datatype this
/// program does not know) are kept as String so that a newer server cannot break browsing.
enum class ColumnType : std::uint8_t {
    String,       ///< UTF-8 text, one shared char buffer per column
    Double,       ///< IEEE-754 binary64
    Long,         ///< signed 64-bit integer
    UnsignedLong, ///< unsigned 64-bit integer
    Boolean,      ///< stored as one byte, 0 or 1
    DateTime,     ///< int64 nanoseconds since 1970-01-01T00:00:00Z (UTC)
};

/// Whether a column is part of its table's group key (Flux `#group` annotation).
enum class GroupKey : std::uint8_t { No, Yes };

/// The Flux annotated-CSV datatype name of a column type ("dateTime:RFC3339" for DateTime).
constexpr std::string_view columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::String:
        return "string";
    case ColumnType::Double:
        return "double";
    case ColumnType::Long:
        return "long";
    case ColumnType::UnsignedLong:
        return "unsignedLong";
    case ColumnType::Boolean:
        return "boolean";
    case ColumnType::DateTime:
        return "dateTime:RFC3339";
    }
    return "string";
}

/// True for the types whose values convert to a number without parsing text.
constexpr bool isNumeric(ColumnType type)
{
    return type != ColumnType::String;
}

} // namespace sasquatch
