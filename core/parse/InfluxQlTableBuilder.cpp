// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/InfluxQlTableBuilder.h"

#include "core/parse/Rfc3339.h"
#include "core/parse/ValueText.h"

#include <algorithm>
#include <limits>

namespace sasquatch {

namespace {

// A continuation piece reserves room for at most this many rows up front.
constexpr std::size_t kMaxReserveRows = std::size_t{1} << 20;
constexpr std::size_t kQuotedLimit = 60;

std::string quoted(std::string_view text)
{
    std::string q = "\"";
    q.append(text.substr(0, kQuotedLimit));
    if (text.size() > kQuotedLimit)
        q += "...";
    q += '"';
    return q;
}

// A group-key column name that no data column (or earlier key column) uses already.
std::string uniqueName(std::string name, const std::vector<std::string> &columns, const std::vector<std::string> &keys)
{
    const auto taken = [&](const std::string &n) {
        return std::find(columns.begin(), columns.end(), n) != columns.end()
               || std::find(keys.begin(), keys.end(), n) != keys.end();
    };
    while (taken(name))
        name += "_tag";
    return name;
}

} // namespace

void InfluxQlTableBuilder::setColumnType(std::string_view name, ColumnType type)
{
    for (auto &hint : m_typeHints) {
        if (hint.first == name) {
            hint.second = type;
            return;
        }
    }
    m_typeHints.emplace_back(std::string(name), type);
}

void InfluxQlTableBuilder::reset()
{
    m_haveSeries = false;
    m_key = {};
    m_columns.clear();
    m_groupNames.clear();
    m_groupValues.clear();
    m_tableId = 0;
    m_nextTableId = 0;
    m_idStatement = -1;
    m_locked = false;
    m_pending = false;
    m_piece = {};
    m_pieceRows = 0;
    m_lastPieceRows = 0;
    m_target.clear();
    m_cell = 0;
    m_rowFailed = false;
    m_rowsParsed = 0;
    m_tablesEmitted = 0;
}

void InfluxQlTableBuilder::beginSeries(const InfluxQlSeriesKey &key)
{
    if (m_haveSeries && key == m_key) {
        // The next chunk of the same series (or a repeated `values`): same table.
        if (!m_pending)
            openPiece(m_locked ? Continuation::Yes : Continuation::No);
        return;
    }
    flush();
    m_key = key;
    m_haveSeries = true;

    m_columns.assign(key.columns.size(), ColumnState());
    for (std::size_t i = 0; i < key.columns.size(); ++i) {
        ColumnState &state = m_columns[i];
        if (i == 0 && key.columns[i] == "time") {
            state.type = ColumnType::DateTime;
            state.decided = true;
            state.time = true;
            continue;
        }
        for (const auto &hint : m_typeHints) {
            if (hint.first == key.columns[i]) {
                state.type = hint.second;
                state.decided = true;
                state.hinted = true;
                break;
            }
        }
    }
    for (ColumnState &state : m_columns)
        refreshFast(state);

    m_groupNames.clear();
    m_groupValues.clear();
    m_groupNames.push_back(uniqueName("_measurement", key.columns, m_groupNames));
    m_groupValues.push_back(key.name);
    for (const auto &[tagKey, tagValue] : key.tags) {
        m_groupNames.push_back(uniqueName(tagKey, key.columns, m_groupNames));
        m_groupValues.push_back(tagValue);
    }
    startTable();
}

void InfluxQlTableBuilder::startTable()
{
    if (m_key.statementId != m_idStatement) {
        m_idStatement = m_key.statementId;
        m_nextTableId = 0;
    }
    m_tableId = m_nextTableId++;
    m_locked = false;
    m_lastPieceRows = 0;
    openPiece(Continuation::No);
}

void InfluxQlTableBuilder::openPiece(Continuation continuation)
{
    m_piece = ResultTable(std::to_string(m_key.statementId), m_tableId);
    m_piece.setContinuation(continuation);
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        m_piece.addColumn(m_key.columns[i], m_columns[i].type);
    for (std::size_t g = 0; g < m_groupNames.size(); ++g)
        m_piece.addColumn(m_groupNames[g], ColumnType::String, GroupKey::Yes).setDefaultText(m_groupValues[g]);
    m_target.resize(m_columns.size());
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        m_target[i] = &m_piece.column(i);
    if (continuation == Continuation::Yes && m_lastPieceRows > 0) {
        std::size_t rows = std::min(m_lastPieceRows, kMaxReserveRows);
        if (m_maxRowsPerPiece > 0)
            rows = std::min(rows, m_maxRowsPerPiece);
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            m_piece.column(i).reserve(rows);
    }
    m_pending = true;
    m_pieceRows = 0;
}

void InfluxQlTableBuilder::emitPiece()
{
    if (!m_pending)
        return;
    m_pending = false;
    // The key columns repeat one value; ResultColumn stores its bytes once.
    for (std::size_t g = 0; g < m_groupNames.size(); ++g)
        m_piece.column(m_columns.size() + g).appendRepeated(m_groupValues[g], m_pieceRows);
    if (!m_locked) {
        // From now on consumers append pieces: types are fixed (never-seen ones stay Double).
        m_locked = true;
        for (ColumnState &state : m_columns) {
            state.decided = true;
            refreshFast(state);
        }
    }
    m_lastPieceRows = m_pieceRows;
    ++m_tablesEmitted;
    ResultTable piece = std::move(m_piece);
    m_piece = {};
    m_sink.tableReady(std::move(piece));
}

void InfluxQlTableBuilder::flush()
{
    if (!m_pending)
        return;
    // An empty continuation says nothing; an empty first piece shows a series without rows.
    if (m_pieceRows > 0 || !m_locked)
        emitPiece();
    else
        m_pending = false;
}

void InfluxQlTableBuilder::flushIfSettled()
{
    if (!m_pending || m_pieceRows == 0)
        return;
    if (!m_locked) {
        for (const ColumnState &state : m_columns) {
            const bool settled = state.time || state.hinted
                                 || (state.decided
                                     && (state.type == ColumnType::Double || state.type == ColumnType::String
                                         || state.type == ColumnType::Boolean));
            if (!settled)
                return;
        }
    }
    emitPiece();
}

void InfluxQlTableBuilder::endSeries(SeriesEnd end)
{
    // A partial series stays pending: its next chunk continues the same piece (the parser
    // calls flushIfSettled() at the end of every chunk).
    if (end == SeriesEnd::Complete)
        flush();
}

void InfluxQlTableBuilder::discard()
{
    m_pending = false;
    m_piece = {};
    m_haveSeries = false;
    m_key = {};
}

void InfluxQlTableBuilder::promote(std::size_t index, ColumnType type)
{
    ResultColumn &old = *m_target[index];
    ResultColumn widened(old.name(), type);
    widened.reserve(old.size() + 1);
    widened.appendColumn(old); // Long -> Double exactly below 2^53; anything -> String as text
    old = std::move(widened);
}

namespace {

// The type a column must have to hold its current values and one more of this kind.
// Numbers widen Long/UnsignedLong -> Double, except that Long takes an integer above INT64_MAX
// as UnsignedLong (the caller checks that the column holds no negative value); mixing kinds
// (number, text, boolean) gives String.
ColumnType widenFor(ColumnType type, std::uint8_t kind, std::int64_t i)
{
    enum : std::uint8_t { Null, Int64, UInt64, Double, String, Bool }; // same order as Kind
    switch (kind) {
    case Null:
        return type;
    case Int64:
        switch (type) {
        case ColumnType::Boolean:
            return ColumnType::String;
        case ColumnType::UnsignedLong:
            return i < 0 ? ColumnType::Double : type;
        default:
            return type;
        }
    case UInt64:
        switch (type) {
        case ColumnType::Boolean:
            return ColumnType::String;
        case ColumnType::Long:
            return ColumnType::UnsignedLong;
        case ColumnType::DateTime:
            return ColumnType::Double;
        default:
            return type;
        }
    case Double:
        switch (type) {
        case ColumnType::Boolean:
            return ColumnType::String;
        case ColumnType::Long:
        case ColumnType::UnsignedLong:
        case ColumnType::DateTime:
            return ColumnType::Double;
        default:
            return type;
        }
    case String:
        return ColumnType::String;
    case Bool:
        return type == ColumnType::Boolean ? type : ColumnType::String;
    }
    return type;
}

// Whether one of the first `rows` values of a Long column is negative.
bool holdsNegative(const ResultColumn &column, std::size_t rows)
{
    for (std::size_t row = 0; row < rows; ++row)
        if (!column.isNull(row) && column.int64At(row) < 0)
            return true;
    return false;
}

// The type a first value of this kind gives an undecided column.
ColumnType typeFor(std::uint8_t kind)
{
    enum : std::uint8_t { Null, Int64, UInt64, Double, String, Bool };
    switch (kind) {
    case Int64:
        return ColumnType::Long;
    case UInt64:
        return ColumnType::UnsignedLong;
    case String:
        return ColumnType::String;
    case Bool:
        return ColumnType::Boolean;
    default:
        return ColumnType::Double;
    }
}

} // namespace

void InfluxQlTableBuilder::refreshFast(ColumnState &state)
{
    state.fast = 0;
    if (!state.decided || state.time)
        return;
    switch (state.type) {
    case ColumnType::Double:
        state.fast = bit(Kind::Double) | bit(Kind::Int64) | bit(Kind::UInt64);
        break;
    case ColumnType::Long:
    case ColumnType::DateTime:
        state.fast = bit(Kind::Int64);
        break;
    case ColumnType::UnsignedLong:
        state.fast = bit(Kind::UInt64);
        break;
    case ColumnType::String:
        state.fast = bit(Kind::String);
        break;
    case ColumnType::Boolean:
        state.fast = bit(Kind::Bool);
        break;
    }
}

void InfluxQlTableBuilder::rowError(std::size_t column, std::string message)
{
    if (m_rowFailed)
        return;
    m_rowFailed = true;
    m_rowError = std::move(message);
    m_rowErrorColumn = column;
}

void InfluxQlTableBuilder::addSlow(const Value &value)
{
    const std::size_t i = m_cell++;
    if (i >= m_columns.size() || m_rowFailed)
        return; // endRow() reports the count; the row is lost anyway
    ColumnState &state = m_columns[i];
    if (state.time) {
        std::int64_t ns = 0;
        if (value.kind == Kind::Int64) {
            if (__builtin_mul_overflow(value.i, m_timeScale, &ns))
                return rowError(i, "time " + std::to_string(value.i) + " is out of the int64 nanosecond range");
        } else if (value.kind == Kind::String) {
            if (!parseRfc3339(value.text, ns))
                return rowError(i, "invalid time " + quoted(value.text) + " (expected an RFC 3339 time)");
        } else if (value.kind == Kind::UInt64) {
            return rowError(i, "time " + std::string(value.text) + " is out of the int64 nanosecond range");
        } else {
            return rowError(i, "invalid time value (expected an integer epoch or an RFC 3339 string)");
        }
        m_target[i]->appendInt64(ns);
        return;
    }
    const auto kind = static_cast<std::uint8_t>(value.kind);
    ColumnType need = state.decided ? widenFor(state.type, kind, value.i) : typeFor(kind);
    // Long -> UnsignedLong keeps every value exact (a 2.x unsigned field whose values passed
    // INT64_MAX), but only without negative ones; those need Double. After a split the new
    // table holds just this value.
    if (need == ColumnType::UnsignedLong && state.type == ColumnType::Long && !m_locked
        && holdsNegative(*m_target[i], m_pieceRows))
        need = ColumnType::Double;
    if (!state.decided || need != state.type) {
        if (m_locked && need != state.type) {
            splitAt(i, need); // the type went out with an earlier piece: a new table
        } else {
            if (need != state.type)
                promote(i, need); // nothing of this table went out yet: widen in place
            state.type = need;
        }
        state.decided = true;
        refreshFast(state);
    }
    appendValue(*m_target[i], state.type, value);
}

void InfluxQlTableBuilder::appendValue(ResultColumn &column, ColumnType type, const Value &value)
{
    // Numbers of String columns keep the server's text; ResultColumn converts the rest.
    switch (value.kind) {
    case Kind::Null:
        column.appendNull();
        return;
    case Kind::Int64:
        if (type == ColumnType::String)
            column.appendString(value.text);
        else
            column.appendInt64(value.i);
        return;
    case Kind::UInt64:
        if (type == ColumnType::String)
            column.appendString(value.text);
        else
            column.appendUInt64(value.u);
        return;
    case Kind::Double:
        if (type == ColumnType::String)
            column.appendString(value.text);
        else
            column.appendDouble(value.d);
        return;
    case Kind::Bool:
        column.appendBool(value.b);
        return;
    case Kind::String:
        column.appendString(value.text);
        return;
    }
}

namespace {

// Appends row `row` of `from` to `to` (same type).
void copyValue(const ResultColumn &from, std::size_t row, ResultColumn &to)
{
    if (from.isNull(row)) {
        to.appendNull();
        return;
    }
    switch (from.type()) {
    case ColumnType::Long:
    case ColumnType::DateTime:
        to.appendInt64(from.int64At(row));
        break;
    case ColumnType::UnsignedLong:
        to.appendUInt64(from.uint64At(row));
        break;
    case ColumnType::Double:
        to.appendDouble(from.doubleAt(row));
        break;
    case ColumnType::Boolean:
        to.appendBool(from.boolAt(row));
        break;
    case ColumnType::String:
        to.appendString(from.stringAt(row));
        break;
    }
}

} // namespace

void InfluxQlTableBuilder::splitAt(std::size_t column, ColumnType type)
{
    // Columns before `column` already hold this row's value: take it out of the piece that
    // goes out, and put it into the first row of the new table.
    const std::size_t rows = m_pieceRows;
    std::vector<ResultColumn> partial;
    partial.reserve(column);
    for (std::size_t k = 0; k < column; ++k) {
        ResultColumn &old = *m_target[k];
        partial.emplace_back(old.name(), old.type());
        copyValue(old, rows, partial.back());
        ResultColumn kept(old.name(), old.type());
        kept.reserve(rows);
        for (std::size_t row = 0; row < rows; ++row)
            copyValue(old, row, kept);
        old = std::move(kept);
    }
    flush();
    m_columns[column].type = type;
    startTable();
    for (std::size_t k = 0; k < column; ++k)
        copyValue(partial[k], 0, *m_target[k]);
}

bool InfluxQlTableBuilder::endRow(std::string &error, std::size_t &column)
{
    const std::size_t n = m_columns.size();
    if (m_rowFailed) {
        error = m_rowError;
        column = m_rowErrorColumn;
        return false;
    }
    if (m_cell != n) {
        error = "row has " + std::to_string(m_cell) + (m_cell == 1 ? " value" : " values") + " but the series has "
                + std::to_string(n) + (n == 1 ? " column" : " columns");
        column = std::size_t(-1);
        return false;
    }
    completeRow();
    return true;
}

void InfluxQlTableBuilder::completeRow()
{
    m_piece.endRow();
    ++m_pieceRows;
    ++m_rowsParsed;
    if (m_maxRowsPerPiece > 0 && m_pieceRows >= m_maxRowsPerPiece)
        emitPiece();
    else if (m_maxPieceBytes > 0 && m_pieceRows % 1024 == 0 && m_piece.memoryBytes() >= m_maxPieceBytes)
        emitPiece();
}

} // namespace sasquatch
