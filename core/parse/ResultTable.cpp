// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ResultTable.h"

namespace sasquatch {

ResultTable::ResultTable(std::string resultName, std::int64_t tableId)
    : m_resultName(std::move(resultName)), m_tableId(tableId)
{
}

std::optional<std::size_t> ResultTable::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return std::nullopt;
}

const ResultColumn *ResultTable::findColumn(std::string_view name) const
{
    const auto index = columnIndex(name);
    return index ? &m_columns[*index] : nullptr;
}

ResultColumn &ResultTable::addColumn(std::string name, ColumnType type, GroupKey groupKey)
{
    m_columns.emplace_back(std::move(name), type, groupKey);
    return m_columns.back();
}

bool ResultTable::isConsistent() const
{
    for (const ResultColumn &c : m_columns)
        if (c.size() != m_rowCount)
            return false;
    return true;
}

std::size_t ResultTable::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_resultName.capacity()
                        + (m_columns.capacity() - m_columns.size()) * sizeof(ResultColumn);
    for (const ResultColumn &c : m_columns)
        bytes += c.memoryBytes();
    return bytes;
}

ResultTable ResultTable::emptyCopy() const
{
    ResultTable copy(m_resultName, m_tableId);
    copy.m_continuation = m_continuation;
    copy.m_columns.reserve(m_columns.size());
    for (const ResultColumn &c : m_columns) {
        ResultColumn &n = copy.addColumn(c.name(), c.type(), c.isGroupKey() ? GroupKey::Yes : GroupKey::No);
        n.setDefaultText(c.defaultText());
    }
    return copy;
}

bool ResultTable::hasSameSchema(const ResultTable &other) const
{
    if (m_columns.size() != other.m_columns.size())
        return false;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() != other.m_columns[i].name() || m_columns[i].type() != other.m_columns[i].type())
            return false;
    return true;
}

bool ResultTable::appendRows(const ResultTable &other)
{
    if (!hasSameSchema(other))
        return false;
    if (&other == this) {
        const ResultTable copy = other;
        return appendRows(copy);
    }
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        m_columns[i].appendColumn(other.m_columns[i]);
    m_rowCount += other.m_rowCount;
    return true;
}

void ResultTable::reserveRows(std::size_t rows)
{
    for (ResultColumn &c : m_columns)
        c.reserve(rows);
}

bool ResultTable::operator==(const ResultTable &other) const
{
    return m_resultName == other.m_resultName && m_tableId == other.m_tableId
           && m_continuation == other.m_continuation && m_rowCount == other.m_rowCount
           && m_columns == other.m_columns;
}

} // namespace sasquatch
