// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultColumn.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// Whether a table piece continues the table of the piece emitted just before it.
enum class Continuation : std::uint8_t { No, Yes };

/// A columnar query-result table, shared by every query path (Flux annotated CSV, InfluxQL
/// JSON): the result it belongs to (Flux `yield` name, InfluxQL statement), a table id (Flux
/// `table` column), typed columns and a row count. A plain value: copy, move, hand it across
/// threads as an immutable batch.
///
/// Large tables arrive in pieces: every piece has the same result name, table id and columns,
/// and all pieces after the first have isContinuation() true. A table ends when a piece that is
/// not a continuation arrives, or the stream ends. ResultTableCollector can merge pieces.
///
/// Filling: append one value to every column, then call endRow().
class ResultTable
{
public:
    ResultTable() = default;
    ResultTable(std::string resultName, std::int64_t tableId);

    const std::string &resultName() const { return m_resultName; }
    void setResultName(std::string name) { m_resultName = std::move(name); }
    std::int64_t tableId() const { return m_tableId; }
    void setTableId(std::int64_t id) { m_tableId = id; }
    bool isContinuation() const { return m_continuation == Continuation::Yes; }
    void setContinuation(Continuation continuation) { m_continuation = continuation; }

    std::size_t columnCount() const { return m_columns.size(); }
    const std::vector<ResultColumn> &columns() const { return m_columns; }
    const ResultColumn &column(std::size_t index) const { return m_columns[index]; }
    ResultColumn &column(std::size_t index) { return m_columns[index]; }
    /// Index of the first column with that name.
    std::optional<std::size_t> columnIndex(std::string_view name) const;
    /// The first column with that name, or nullptr.
    const ResultColumn *findColumn(std::string_view name) const;
    /// Adds an empty column; only before the first row.
    ResultColumn &addColumn(std::string name, ColumnType type, GroupKey groupKey = GroupKey::No);

    std::size_t rowCount() const { return m_rowCount; }
    bool isEmpty() const { return m_rowCount == 0; }
    /// Marks the current row complete (each column got one value).
    void endRow() { ++m_rowCount; }
    /// True when every column holds exactly rowCount() values.
    bool isConsistent() const;

    bool isNull(std::size_t row, std::size_t column) const { return m_columns[column].isNull(row); }
    /// Cell as text (RFC3339Nano UTC for times, empty for null); see ResultColumn::text.
    std::string cellText(std::size_t row, std::size_t column) const { return m_columns[column].text(row); }
    /// Cell as double (NaN for null/non-numeric); see ResultColumn::toDouble.
    double cellDouble(std::size_t row, std::size_t column) const { return m_columns[column].toDouble(row); }

    /// Bytes held by the table (allocated capacity), for memory budgets.
    std::size_t memoryBytes() const;

    /// Same result, id, continuation flag and columns (names, types, group key, defaults) with
    /// no rows: the start of the next piece.
    ResultTable emptyCopy() const;
    /// Same column names and types in the same order.
    bool hasSameSchema(const ResultTable &other) const;
    /// Appends the rows of a table with the same schema (e.g. the next piece); false, and
    /// nothing changed, when the schemas differ.
    bool appendRows(const ResultTable &other);
    void reserveRows(std::size_t rows);

    /// Same metadata, columns and values (see ResultColumn::operator==).
    bool operator==(const ResultTable &other) const;

private:
    std::string m_resultName;
    std::int64_t m_tableId = 0;
    Continuation m_continuation = Continuation::No;
    std::size_t m_rowCount = 0;
    std::vector<ResultColumn> m_columns;
};

} // namespace sasquatch
