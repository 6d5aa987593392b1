// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ResultColumn.h"

#include "core/parse/Rfc3339.h"
#include "core/parse/ValueText.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace sasquatch {

namespace {

// Largest doubles that still convert to int64/uint64 without undefined behaviour.
constexpr double kInt64Limit = 9223372036854775808.0;   // 2^63
constexpr double kUInt64Limit = 18446744073709551616.0; // 2^64

template <class V>
std::size_t capacityBytes(const std::vector<V> &v)
{
    return v.capacity() * sizeof(V);
}

} // namespace

ResultColumn::ResultColumn(std::string name, ColumnType type, GroupKey groupKey)
    : m_name(std::move(name)), m_type(type), m_groupKey(groupKey)
{
}

void ResultColumn::markNull()
{
    if (m_null.empty())
        m_null.assign(m_size, 0);
    m_null.push_back(1);
    ++m_nullCount;
    ++m_size;
}

void ResultColumn::appendNull()
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        m_i64.push_back(0);
        break;
    case ColumnType::UnsignedLong:
        m_u64.push_back(0);
        break;
    case ColumnType::Double:
        m_f64.push_back(0.0);
        break;
    case ColumnType::Boolean:
        m_bool.push_back(0);
        break;
    case ColumnType::String:
        endUniform();
        m_strOffset.push_back(m_chars.size());
        m_strLength.push_back(0);
        break;
    }
    markNull();
}

void ResultColumn::endUniform()
{
    if (!m_uniform)
        return;
    m_uniform = false;
    m_strOffset.assign(m_size, 0);
    m_strLength.assign(m_size, static_cast<std::uint32_t>(m_chars.size()));
}

void ResultColumn::pushStringSlow(const char *data, std::size_t size)
{
    if (size > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("ResultColumn: string value longer than 4 GiB");
    if (m_uniform) {
        if (m_size == 0) {
            m_chars.assign(data, size);
            markNotNull();
            return;
        }
        endUniform();
    }
    // Flux repeats every group-key value on each row: share the previous row's bytes.
    if (m_size > 0) {
        const std::uint64_t prevOffset = m_strOffset.back();
        const std::uint32_t prevLength = m_strLength.back();
        if (prevLength == size && (size == 0 || std::memcmp(m_chars.data() + prevOffset, data, size) == 0)) {
            m_strOffset.push_back(prevOffset);
            m_strLength.push_back(prevLength);
            markNotNull();
            return;
        }
    }
    m_strOffset.push_back(m_chars.size());
    m_strLength.push_back(static_cast<std::uint32_t>(size));
    m_chars.append(data, size);
    markNotNull();
}

void ResultColumn::appendRepeated(std::string_view value, std::size_t count)
{
    if (count == 0)
        return;
    appendString(value); // the first decides: uniform, the previous row's bytes, or new bytes
    const std::size_t more = count - 1;
    if (m_type != ColumnType::String) {
        for (std::size_t i = 0; i < more; ++i)
            appendNull();
        return;
    }
    if (!m_uniform) {
        // The rest share the first one's bytes.
        m_strOffset.insert(m_strOffset.end(), more, m_strOffset.back());
        m_strLength.insert(m_strLength.end(), more, m_strLength.back());
        if (!m_null.empty())
            m_null.insert(m_null.end(), more, 0);
    }
    m_size += more;
}

void ResultColumn::repeatLast(std::size_t count)
{
    if (count == 0)
        return;
    if (!m_null.empty() && m_null.back() != 0) {
        for (std::size_t i = 0; i < count; ++i)
            appendNull();
        return;
    }
    const auto copies = [count](auto &values) {
        const auto last = values.back();
        values.insert(values.end(), count, last);
    };
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        copies(m_i64);
        break;
    case ColumnType::UnsignedLong:
        copies(m_u64);
        break;
    case ColumnType::Double:
        copies(m_f64);
        break;
    case ColumnType::Boolean:
        copies(m_bool);
        break;
    case ColumnType::String:
        if (!m_uniform) {
            copies(m_strOffset);
            copies(m_strLength);
        }
        break;
    }
    if (!m_null.empty())
        m_null.insert(m_null.end(), count, 0);
    m_size += count;
}

void ResultColumn::appendInt64Converted(std::int64_t value)
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        m_i64.push_back(value);
        break;
    case ColumnType::UnsignedLong:
        if (value < 0)
            return appendNull();
        m_u64.push_back(static_cast<std::uint64_t>(value));
        break;
    case ColumnType::Double:
        m_f64.push_back(static_cast<double>(value));
        break;
    case ColumnType::Boolean:
        m_bool.push_back(value != 0 ? 1 : 0);
        break;
    case ColumnType::String: {
        std::string text;
        appendLongText(text, value);
        return pushString(text.data(), text.size());
    }
    }
    markNotNull();
}

void ResultColumn::appendUInt64(std::uint64_t value)
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return appendNull();
        m_i64.push_back(static_cast<std::int64_t>(value));
        break;
    case ColumnType::UnsignedLong:
        m_u64.push_back(value);
        break;
    case ColumnType::Double:
        m_f64.push_back(static_cast<double>(value));
        break;
    case ColumnType::Boolean:
        m_bool.push_back(value != 0 ? 1 : 0);
        break;
    case ColumnType::String: {
        std::string text;
        appendUnsignedLongText(text, value);
        return pushString(text.data(), text.size());
    }
    }
    markNotNull();
}

void ResultColumn::appendDoubleConverted(double value)
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        if (!(value >= -kInt64Limit && value < kInt64Limit))
            return appendNull(); // NaN, infinities, out of range
        m_i64.push_back(static_cast<std::int64_t>(value));
        break;
    case ColumnType::UnsignedLong:
        if (!(value >= 0.0 && value < kUInt64Limit))
            return appendNull();
        m_u64.push_back(static_cast<std::uint64_t>(value));
        break;
    case ColumnType::Double:
        m_f64.push_back(value);
        break;
    case ColumnType::Boolean:
        if (std::isnan(value))
            return appendNull();
        m_bool.push_back(value != 0.0 ? 1 : 0);
        break;
    case ColumnType::String: {
        std::string text;
        appendDoubleText(text, value);
        return pushString(text.data(), text.size());
    }
    }
    markNotNull();
}

void ResultColumn::appendBool(bool value)
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        m_i64.push_back(value ? 1 : 0);
        break;
    case ColumnType::UnsignedLong:
        m_u64.push_back(value ? 1 : 0);
        break;
    case ColumnType::Double:
        m_f64.push_back(value ? 1.0 : 0.0);
        break;
    case ColumnType::Boolean:
        m_bool.push_back(value ? 1 : 0);
        break;
    case ColumnType::String:
        return value ? pushString("true", 4) : pushString("false", 5);
    }
    markNotNull();
}

void ResultColumn::appendColumn(const ResultColumn &other)
{
    if (&other == this) {
        const ResultColumn copy = other; // appending grows the storage being read
        appendColumn(copy);
        return;
    }
    const std::size_t n = other.size();
    reserve(n, other.m_type == ColumnType::String ? other.m_chars.size() : 0);
    for (std::size_t row = 0; row < n; ++row) {
        if (other.isNull(row)) {
            appendNull();
            continue;
        }
        switch (other.m_type) {
        case ColumnType::Long:
            appendInt64(other.m_i64[row]);
            break;
        case ColumnType::DateTime:
            // DateTime into String: keep it readable.
            if (m_type == ColumnType::String) {
                std::string text;
                appendRfc3339Nano(text, other.m_i64[row]);
                pushString(text.data(), text.size());
            } else {
                appendInt64(other.m_i64[row]);
            }
            break;
        case ColumnType::UnsignedLong:
            appendUInt64(other.m_u64[row]);
            break;
        case ColumnType::Double:
            appendDouble(other.m_f64[row]);
            break;
        case ColumnType::Boolean:
            appendBool(other.m_bool[row] != 0);
            break;
        case ColumnType::String:
            appendString(other.stringAt(row));
            break;
        }
    }
}

void ResultColumn::reserve(std::size_t rows, std::size_t stringBytes)
{
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        m_i64.reserve(m_size + rows);
        break;
    case ColumnType::UnsignedLong:
        m_u64.reserve(m_size + rows);
        break;
    case ColumnType::Double:
        m_f64.reserve(m_size + rows);
        break;
    case ColumnType::Boolean:
        m_bool.reserve(m_size + rows);
        break;
    case ColumnType::String:
        // A uniform column needs no room per row (and may never need it).
        if (!m_uniform) {
            m_strOffset.reserve(m_size + rows);
            m_strLength.reserve(m_size + rows);
        }
        m_chars.reserve(m_chars.size() + stringBytes);
        break;
    }
}

void ResultColumn::clear()
{
    m_size = 0;
    m_nullCount = 0;
    m_i64.clear();
    m_u64.clear();
    m_f64.clear();
    m_bool.clear();
    m_chars.clear();
    m_uniform = true;
    m_strOffset.clear();
    m_strLength.clear();
    m_null.clear();
}

void ResultColumn::appendText(std::size_t row, std::string &out) const
{
    if (isNull(row))
        return;
    switch (m_type) {
    case ColumnType::Long:
        appendLongText(out, m_i64[row]);
        break;
    case ColumnType::DateTime:
        appendRfc3339Nano(out, m_i64[row]);
        break;
    case ColumnType::UnsignedLong:
        appendUnsignedLongText(out, m_u64[row]);
        break;
    case ColumnType::Double:
        appendDoubleText(out, m_f64[row]);
        break;
    case ColumnType::Boolean:
        out += m_bool[row] != 0 ? "true" : "false";
        break;
    case ColumnType::String:
        out += stringAt(row);
        break;
    }
}

std::string ResultColumn::text(std::size_t row) const
{
    std::string out;
    appendText(row, out);
    return out;
}

double ResultColumn::toDouble(std::size_t row) const
{
    if (isNull(row))
        return std::numeric_limits<double>::quiet_NaN();
    switch (m_type) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        return static_cast<double>(m_i64[row]);
    case ColumnType::UnsignedLong:
        return static_cast<double>(m_u64[row]);
    case ColumnType::Double:
        return m_f64[row];
    case ColumnType::Boolean:
        return m_bool[row] != 0 ? 1.0 : 0.0;
    case ColumnType::String: {
        double value = 0;
        if (parseDoubleText(stringAt(row), value))
            return value;
        return std::numeric_limits<double>::quiet_NaN();
    }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::size_t ResultColumn::memoryBytes() const
{
    return sizeof(*this) + m_name.capacity() + m_defaultText.capacity() + capacityBytes(m_i64)
           + capacityBytes(m_u64) + capacityBytes(m_f64) + capacityBytes(m_bool) + m_chars.capacity()
           + capacityBytes(m_strOffset) + capacityBytes(m_strLength) + capacityBytes(m_null);
}

bool ResultColumn::operator==(const ResultColumn &other) const
{
    if (m_name != other.m_name || m_type != other.m_type || m_groupKey != other.m_groupKey
        || m_defaultText != other.m_defaultText || m_size != other.m_size || m_nullCount != other.m_nullCount)
        return false;
    for (std::size_t row = 0; row < m_size; ++row) {
        const bool null = isNull(row);
        if (null != other.isNull(row))
            return false;
        if (null)
            continue;
        switch (m_type) {
        case ColumnType::Long:
        case ColumnType::DateTime:
            if (m_i64[row] != other.m_i64[row])
                return false;
            break;
        case ColumnType::UnsignedLong:
            if (m_u64[row] != other.m_u64[row])
                return false;
            break;
        case ColumnType::Double: {
            const double a = m_f64[row];
            const double b = other.m_f64[row];
            if (!(a == b || (std::isnan(a) && std::isnan(b))))
                return false;
            break;
        }
        case ColumnType::Boolean:
            if (m_bool[row] != other.m_bool[row])
                return false;
            break;
        case ColumnType::String:
            if (stringAt(row) != other.stringAt(row))
                return false;
            break;
        }
    }
    return true;
}

} // namespace sasquatch
