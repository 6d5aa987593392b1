// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ColumnType.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sasquatch {

/// One column of a ResultTable: a name, a type, a group-key flag and the values in contiguous
/// typed storage (no object per cell). Strings live in one char buffer addressed by
/// (offset, length) per row; a value equal to the previous row's shares its bytes. A String
/// column whose rows all hold the same value (the group-key columns of Flux tables,
/// `_measurement`, `_field`) stores that value once and nothing per row, until a different
/// value or a null arrives.
///
/// Null rows hold 0 / empty in the typed storage and are flagged in a null mask that is only
/// allocated once the first null arrives.
///
/// Appending converts to the column's type: a Long value appended to a Double column is stored
/// as double, a number appended to a String column as its text, a string appended to a
/// non-String column as null (parse it first). Readers that want no conversion use the typed
/// accessors of the column's own type.
class ResultColumn
{
public:
    ResultColumn() = default;
    ResultColumn(std::string name, ColumnType type, GroupKey groupKey = GroupKey::No);

    const std::string &name() const { return m_name; }
    ColumnType type() const { return m_type; }
    bool isGroupKey() const { return m_groupKey == GroupKey::Yes; }
    void setGroupKey(GroupKey groupKey) { m_groupKey = groupKey; }

    /// The column's default as text (Flux `#default`): for an empty table the only place its
    /// group-key values appear. Empty when there is none.
    const std::string &defaultText() const { return m_defaultText; }
    void setDefaultText(std::string text) { m_defaultText = std::move(text); }

    /// Number of values (rows) appended.
    std::size_t size() const { return m_size; }
    std::size_t nullCount() const { return m_nullCount; }
    bool isNull(std::size_t row) const { return !m_null.empty() && m_null[row] != 0; }

    void appendNull();
    /// Long or DateTime (ns since epoch) value.
    void appendInt64(std::int64_t value)
    {
        if (m_type != ColumnType::Long && m_type != ColumnType::DateTime)
            return appendInt64Converted(value);
        m_i64.push_back(value);
        markNotNull();
    }
    void appendUInt64(std::uint64_t value);
    void appendDouble(double value)
    {
        if (m_type != ColumnType::Double)
            return appendDoubleConverted(value);
        m_f64.push_back(value);
        markNotNull();
    }
    void appendBool(bool value);
    void appendString(std::string_view value)
    {
        if (m_type != ColumnType::String)
            return appendNull();
        pushString(value.data(), value.size());
    }
    /// Appends `count` rows holding `value`, as `count` appendString() calls would (the
    /// group-key columns of InfluxQL series repeat one value on every row).
    void appendRepeated(std::string_view value, std::size_t count);
    /// Appends `count` copies of the last row (value and null flag); the column must not be
    /// empty. For
    /// the group-key cells of a Flux table, whose text repeats on every row.
    void repeatLast(std::size_t count = 1);
    /// Appends all rows of `other`, converting as the single-value appends do.
    void appendColumn(const ResultColumn &other);

    /// Reserves room for `rows` more rows (and `stringBytes` more chars for String columns).
    void reserve(std::size_t rows, std::size_t stringBytes = 0);
    /// Removes all values, keeping name, type, flags and allocated capacity.
    void clear();

    // Typed access. Valid for the column's own type only (DateTime and Long share int64 storage);
    // a null row reads as 0 / false / empty.
    std::int64_t int64At(std::size_t row) const { return m_i64[row]; }
    std::uint64_t uint64At(std::size_t row) const { return m_u64[row]; }
    double doubleAt(std::size_t row) const { return m_f64[row]; }
    bool boolAt(std::size_t row) const { return m_bool[row] != 0; }
    std::string_view stringAt(std::size_t row) const
    {
        if (m_uniform)
            return m_chars;
        return {m_chars.data() + m_strOffset[row], m_strLength[row]};
    }

    /// Whole-column views for bulk consumers (plots, series stores). Empty for other types.
    std::span<const std::int64_t> int64Values() const { return m_i64; }
    std::span<const std::uint64_t> uint64Values() const { return m_u64; }
    std::span<const double> doubleValues() const { return m_f64; }
    std::span<const std::uint8_t> boolValues() const { return m_bool; }
    /// One byte per row, 1 = null; empty when the column has no null at all.
    std::span<const std::uint8_t> nullMask() const { return m_null; }

    /// The value as text: RFC3339Nano (UTC) for DateTime, shortest round-trip text for Double
    /// (`+Inf`, `-Inf`, `NaN`), `true`/`false`; empty for null.
    std::string text(std::size_t row) const;
    /// text(row) appended to `out`, for building rows without a temporary per cell.
    void appendText(std::size_t row, std::string &out) const;
    /// The value as a double, for plotting: numbers converted, Boolean 0/1, DateTime as ns
    /// since epoch (exact to ~256 ns in this century), String parsed when it is a number;
    /// NaN for null and for text that is not a number.
    double toDouble(std::size_t row) const;

    /// Bytes held by this column (allocated capacity), for memory budgets.
    std::size_t memoryBytes() const;

    /// Same name, type, flags, default and values (NaN equals NaN; null rows compare as null).
    bool operator==(const ResultColumn &other) const;

private:
    void markNull();
    void markNotNull()
    {
        if (!m_null.empty())
            m_null.push_back(0);
        ++m_size;
    }
    void appendInt64Converted(std::int64_t value);
    void appendDoubleConverted(double value);
    void pushString(const char *data, std::size_t size)
    {
        // All rows so far hold the same value: one more costs a comparison.
        if (m_uniform && m_size > 0 && size == m_chars.size()
            && (size == 0 || std::memcmp(m_chars.data(), data, size) == 0)) {
            ++m_size;
            return;
        }
        pushStringSlow(data, size);
    }
    void pushStringSlow(const char *data, std::size_t size);
    void endUniform();

    std::string m_name;
    std::string m_defaultText;
    ColumnType m_type = ColumnType::String;
    GroupKey m_groupKey = GroupKey::No;
    std::size_t m_size = 0;
    std::size_t m_nullCount = 0;
    std::vector<std::int64_t> m_i64;  // Long, DateTime
    std::vector<std::uint64_t> m_u64; // UnsignedLong
    std::vector<double> m_f64;        // Double
    std::vector<std::uint8_t> m_bool; // Boolean
    std::string m_chars;              // String: all values, back to back
    bool m_uniform = true;            // String: every row is m_chars (no offsets, no nulls)
    std::vector<std::uint64_t> m_strOffset; // String, once not uniform: one per row
    std::vector<std::uint32_t> m_strLength;
    std::vector<std::uint8_t> m_null; // empty until the first null
};

} // namespace sasquatch
