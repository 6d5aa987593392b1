// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sasquatch {

/// All rows of all tables of a query result as one flat table for a QTableView, filled while
/// the result streams in. Cells are read from the ResultTables' columnar storage when the
/// view asks (nothing is stored per cell); a row is found through a sorted index of piece
/// start rows, O(log pieces), with the last piece remembered so that a view painting
/// neighbouring cells pays O(1).
///
/// Columns: `result` and `table` (the table's result name and id), then the union of the
/// tables' column names in first-seen order; a table without a column shows it empty.
/// Display text is ResultColumn's: times RFC3339Nano UTC, doubles shortest round trip, null
/// empty. Rows beyond INT_MAX (a Qt model limit) are counted in rowCountTotal() but not shown.
///
/// Pieces of a large table (ResultTable::isContinuation) join the table before them when
/// they match it (result, id, schema) and are kept as they are, not copied together.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        /// The cell's typed value: qint64 (Long; DateTime as ns UTC), quint64, double, bool,
        /// QString; an invalid QVariant for null or an absent column.
        RawValueRole = Qt::UserRole + 1,
    };
    static constexpr int kResultColumn = 0;
    static constexpr int kTableColumn = 1;
    static constexpr int kFirstDataColumn = 2;

    explicit ResultTableModel(QObject *parent = nullptr);

    /// Appends a table or a piece of one (see the class comment).
    void appendTable(ResultTable table);
    /// Appends several with one row insertion: cheaper for views than one call per table.
    void appendTables(std::vector<ResultTable> tables);
    /// Removes everything (a new query).
    void clear();

    /// Tables received so far (continuation pieces count with their table).
    std::size_t tableCount() const { return m_tables.size(); }
    /// Pieces stored (at least tableCount()).
    std::size_t pieceCount() const { return m_pieces.size(); }
    /// Rows received, also beyond INT_MAX.
    std::int64_t rowCountTotal() const { return m_totalRows; }

    /// Index of the table that `row` belongs to; nullopt when out of range.
    std::optional<std::size_t> tableAt(int row) const;
    /// The first piece of a table: its result name, id, columns and first rows.
    const ResultTable &tableHead(std::size_t table) const;
    /// First model row and row count of a table.
    std::int64_t tableFirstRow(std::size_t table) const { return m_tables[table].firstRow; }
    std::int64_t tableRowCount(std::size_t table) const { return m_tables[table].rowCount; }

    /// Where a model row lives. `piece` stays valid until clear().
    struct RowLocation
    {
        std::size_t table = 0;        ///< index of the table
        const ResultTable *piece = nullptr;
        std::size_t pieceRow = 0;     ///< row inside `piece`
        std::int64_t tableRow = 0;    ///< row inside the whole table
    };
    std::optional<RowLocation> locate(int row) const;

    /// Model column of a data column name (the first of that name), or -1.
    int columnOf(std::string_view name) const;
    /// Cell text exactly as DisplayRole gives it.
    QString cellText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Piece
    {
        ResultTable table;
        std::size_t tableIndex = 0;
        std::int64_t tableRowOffset = 0; ///< rows of the table before this piece
    };
    struct TableInfo
    {
        std::size_t firstPiece = 0;
        std::int64_t firstRow = 0;
        std::int64_t rowCount = 0;
        /// Model data column (column - kFirstDataColumn) -> column of the pieces, -1 = absent.
        /// Shorter than the model's column list when later tables brought new columns.
        std::vector<int> columnMap;
    };
    struct ColumnInfo
    {
        std::string name;
        ColumnType type = ColumnType::String; ///< of the first table that had it
    };

    // The piece holding a (valid) model row and the row inside it.
    std::pair<const Piece *, std::size_t> pieceOf(int row) const;
    // The piece's column behind a model column, or nullptr (identity or absent column).
    const ResultColumn *columnAt(const Piece &piece, int column) const;
    // Columns of `tables` whose names the model does not have yet, in first-seen order.
    std::vector<ColumnInfo> newColumns(const std::vector<ResultTable> &tables) const;
    bool joinsLastTable(const ResultTable &piece) const;
    void store(ResultTable table);
    int visibleRows() const;

    std::deque<Piece> m_pieces; // deque: pieces never move, so RowLocation::piece stays valid
    std::vector<TableInfo> m_tables;
    std::vector<ColumnInfo> m_columns;
    std::unordered_map<std::string, int> m_columnByName;
    // Row index over non-empty pieces: first model row, and which piece.
    std::vector<std::int64_t> m_indexStart;
    std::vector<std::uint32_t> m_indexPiece;
    std::int64_t m_totalRows = 0;
    mutable std::size_t m_lastIndexEntry = 0;
    mutable std::string m_textBuffer;
};

} // namespace sasquatch
