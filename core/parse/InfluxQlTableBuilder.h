// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/JsonNumber.h"
#include "core/parse/ResultTable.h"
#include "core/parse/ResultTableSink.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sasquatch {

/// What makes two InfluxQL series objects pieces of the same series: the statement, the series
/// name and tags, and the column names.
struct InfluxQlSeriesKey
{
    std::int64_t statementId = 0;
    std::string name;
    std::vector<std::pair<std::string, std::string>> tags; ///< in the order the server wrote them
    std::vector<std::string> columns;

    bool operator==(const InfluxQlSeriesKey &) const = default;
};

/// Turns the rows of InfluxQL series into ResultTables, for InfluxQlJsonParser: picks column
/// types from the JSON values, keeps them stable across pieces, cuts pieces, adds the series
/// name and tags as group-key columns. See InfluxQlJsonParser for the rules it implements.
///
/// Use: beginSeries(key); for each row: beginRow(), one add*() per value, endRow(); then
/// endSeries(). flush() emits what is pending (end of a chunk); discard() drops it (error).
class InfluxQlTableBuilder
{
public:
    /// The sink must outlive the builder.
    explicit InfluxQlTableBuilder(ResultTableSink &sink) : m_sink(sink) {}

    /// Integer times are multiplied by this to give nanoseconds (`epoch=` of the request).
    void setTimeScale(std::int64_t nanosecondsPerUnit) { m_timeScale = nanosecondsPerUnit; }
    void setMaxRowsPerPiece(std::size_t rows) { m_maxRowsPerPiece = rows; }
    void setMaxPieceBytes(std::size_t bytes) { m_maxPieceBytes = bytes; }
    /// Initial type of every column with that name (not `time`).
    void setColumnType(std::string_view name, ColumnType type);
    void clearColumnTypes() { m_typeHints.clear(); }

    /// A series object's `values` begin (or the object ended without any). The same key as
    /// the series before continues its table.
    void beginSeries(const InfluxQlSeriesKey &key);
    /// The series object ended; `Partial` = the server said more rows follow (`partial`).
    enum class SeriesEnd : std::uint8_t { Complete, Partial };
    void endSeries(SeriesEnd end);

    /// Starts a row; one add*() per column follows, then endRow().
    void beginRow()
    {
        m_cell = 0;
        m_rowFailed = false;
        if (!m_pending)
            openPiece(m_locked ? Continuation::Yes : Continuation::No);
    }
    // The add*() calls append straight into the column when the value fits its type (the hot
    // path: one check and ResultColumn's append); anything else goes through addSlow().
    void addNull()
    {
        if (m_cell < m_columns.size())
            m_target[m_cell]->appendNull();
        ++m_cell;
    }
    void addBool(bool value)
    {
        if (fits(Kind::Bool)) {
            m_target[m_cell++]->appendBool(value);
            return;
        }
        Value v;
        v.kind = Kind::Bool;
        v.b = value;
        addSlow(v);
    }
    /// Numbers: `text` is the number as written, kept when the column holds strings.
    void addInt64(std::int64_t value, std::string_view text)
    {
        if (m_cell < m_columns.size() && m_columns[m_cell].time && m_timeScale == 1) {
            m_target[m_cell++]->appendInt64(value); // epoch=ns: the time as it is
            return;
        }
        if (fits(Kind::Int64)) {
            m_target[m_cell++]->appendInt64(value);
            return;
        }
        Value v;
        v.kind = Kind::Int64;
        v.i = value;
        v.text = text;
        addSlow(v);
    }
    void addUInt64(std::uint64_t value, std::string_view text)
    {
        if (fits(Kind::UInt64)) {
            m_target[m_cell++]->appendUInt64(value);
            return;
        }
        Value v;
        v.kind = Kind::UInt64;
        v.u = value;
        v.text = text;
        addSlow(v);
    }
    void addDouble(double value, std::string_view text)
    {
        if (fits(Kind::Double)) {
            m_target[m_cell++]->appendDouble(value);
            return;
        }
        Value v;
        v.kind = Kind::Double;
        v.d = value;
        v.text = text;
        addSlow(v);
    }
    void addString(std::string_view text)
    {
        if (fits(Kind::String)) {
            m_target[m_cell++]->appendString(text);
            return;
        }
        Value v;
        v.kind = Kind::String;
        v.text = text;
        addSlow(v);
    }
    /// Completes the row. False when it cannot be stored: `error` says why, `column` is the
    /// 0-based column concerned (or npos).
    bool endRow(std::string &error, std::size_t &column);

    /// A whole row of numbers at once, for the common case where every column takes its number
    /// as it is (epoch-ns times, numbers of settled numeric columns): then it is stored, with
    /// the same effect as beginRow(), the add*() calls and endRow(), and true is returned.
    /// Otherwise nothing is stored and false is returned: go the long way.
    bool addNumberRow(const JsonNumber *numbers, std::size_t count)
    {
        if (!m_pending || count != m_columns.size())
            return false;
        for (std::size_t i = 0; i < count; ++i) {
            const ColumnState &state = m_columns[i];
            const bool fits = state.time ? numbers[i].kind == JsonNumber::Kind::Int64 && m_timeScale == 1
                                         : (state.fast & bit(kindOf(numbers[i].kind))) != 0;
            if (!fits)
                return false;
        }
        for (std::size_t i = 0; i < count; ++i) {
            switch (numbers[i].kind) {
            case JsonNumber::Kind::Int64:
                m_target[i]->appendInt64(numbers[i].int64Value);
                break;
            case JsonNumber::Kind::UInt64:
                m_target[i]->appendUInt64(numbers[i].uint64Value);
                break;
            case JsonNumber::Kind::Double:
                m_target[i]->appendDouble(numbers[i].doubleValue);
                break;
            }
        }
        completeRow();
        return true;
    }

    /// Emits the pending piece: its rows, or the empty table of a series without rows.
    void flush();
    /// End of a chunk: emits the pending piece if it has rows and its column types can no
    /// longer change (a piece went out already, or every column is hinted, DateTime, Double,
    /// String or Boolean). A piece with columns that are all-null or integral so far waits for
    /// more rows, so that the next chunk can still widen them before the types are fixed.
    void flushIfSettled();
    /// Drops the pending piece and forgets the current series (after an error).
    void discard();
    /// Forgets everything but the settings.
    void reset();

    std::uint64_t rowsParsed() const { return m_rowsParsed; }
    std::uint64_t tablesEmitted() const { return m_tablesEmitted; }

private:
    enum class Kind : std::uint8_t { Null, Int64, UInt64, Double, String, Bool };
    struct Value
    {
        Kind kind = Kind::Null;
        bool b = false;
        std::int64_t i = 0;
        std::uint64_t u = 0;
        double d = 0;
        std::string_view text; // strings; numbers as written
    };
    struct ColumnState
    {
        ColumnType type = ColumnType::Double;
        bool decided = false; // a value (or a hint, or an emitted piece) set the type
        bool hinted = false;  // setColumnType() named it
        bool time = false;    // the `time` column: DateTime from epoch integers or RFC 3339
        std::uint8_t fast = 0; // bit per Kind: appended as is, without a look at the type
    };

    static constexpr std::uint8_t bit(Kind kind) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind)); }
    bool fits(Kind kind) const { return m_cell < m_columns.size() && (m_columns[m_cell].fast & bit(kind)) != 0; }

    static constexpr Kind kindOf(JsonNumber::Kind kind)
    {
        return kind == JsonNumber::Kind::Int64 ? Kind::Int64 : kind == JsonNumber::Kind::UInt64 ? Kind::UInt64 : Kind::Double;
    }

    void completeRow();
    static void refreshFast(ColumnState &state);
    void addSlow(const Value &value);
    void appendValue(ResultColumn &column, ColumnType type, const Value &value);
    void splitAt(std::size_t column, ColumnType type);
    void rowError(std::size_t column, std::string message);
    void startTable();
    void openPiece(Continuation continuation);
    void emitPiece();
    void promote(std::size_t column, ColumnType type);

    ResultTableSink &m_sink;
    std::int64_t m_timeScale = 1;
    std::size_t m_maxRowsPerPiece = 0;
    std::size_t m_maxPieceBytes = 0;
    std::vector<std::pair<std::string, ColumnType>> m_typeHints;

    // The current series and its table.
    bool m_haveSeries = false;
    InfluxQlSeriesKey m_key;
    std::vector<ColumnState> m_columns;
    std::vector<std::string> m_groupNames; // `_measurement`, then one per tag
    std::vector<std::string> m_groupValues;
    std::int64_t m_tableId = 0;
    std::int64_t m_nextTableId = 0;
    std::int64_t m_idStatement = -1; // statement whose tables m_nextTableId counts
    bool m_locked = false;           // a piece went out: the column types are fixed
    bool m_pending = false;          // m_piece is open
    ResultTable m_piece;
    std::size_t m_pieceRows = 0;
    std::size_t m_lastPieceRows = 0;

    // The row being read.
    std::vector<ResultColumn *> m_target; // the data columns of m_piece
    std::size_t m_cell = 0;               // values of the row so far
    bool m_rowFailed = false;
    std::string m_rowError;
    std::size_t m_rowErrorColumn = 0;

    std::uint64_t m_rowsParsed = 0;
    std::uint64_t m_tablesEmitted = 0;
};

} // namespace sasquatch
