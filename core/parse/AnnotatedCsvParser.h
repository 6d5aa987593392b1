// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/CsvRecordReader.h"
#include "core/parse/ParseError.h"
#include "core/parse/ResultTable.h"
#include "core/parse/ResultTableSink.h"
#include "core/parse/Rfc3339.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// Streaming parser for Flux query responses in annotated CSV (`POST /api/v2/query`, InfluxDB
/// 2.x and 1.8+; format from the InfluxDB "Annotated CSV" reference and the Flux SPEC's
/// "Response format"). Push bytes as they arrive with feed(), in chunks of any size (the result
/// does not depend on where chunks end), then call finish(). Tables go to the sink as soon as
/// they are complete; a table longer than maxRowsPerPiece rows (or bigger than maxPieceBytes)
/// goes out in pieces that carry the same result name and table id, later ones flagged as
/// continuations.
///
/// Understood: `#datatype`, `#group`, `#default` annotation rows in any order and any subset
/// (unknown `#...` annotations are ignored; `#default` fills empty cells); the header row;
/// the leading annotation column; `result` and `table` columns (they become the table's
/// resultName/tableId and are not data columns); several tables per block; new blocks after a
/// blank line when the schema or group key changes; empty tables (a header with no rows: the
/// `#default` row carries the result, table id and group-key values); several results; CRLF or
/// LF; quoted fields; null = empty cell; dateTime:RFC3339/RFC3339Nano (and dateTime:number as
/// integer ns), long, unsignedLong, double (`+Inf`, `-Inf`, `NaN`), boolean, string; duration,
/// base64Binary and unknown datatypes as String.
///
/// Without annotations (dialect `annotations: []`) every column is String, except that columns
/// named `_time`, `_start` and `_stop` (Flux's reserved time columns) are DateTime, `table` is
/// the table id and `result` the result name. The annotation column is recognised by an empty
/// first header cell; a header without it is taken as plain CSV columns.
///
/// Errors stop the parser for good (until reset()); the sink gets parseFailed() once and the
/// partial table in progress is dropped. A Flux error table (`error`,`reference` columns, sent
/// with status 200 when the query fails mid-stream) gives ParseErrorKind::ServerError with the
/// server's message and reference; malformed input gives ParseErrorKind::Malformed naming line
/// and column.
class AnnotatedCsvParser
{
public:
    static constexpr std::size_t kDefaultMaxRowsPerPiece = 65'536;
    static constexpr std::size_t kDefaultMaxPieceBytes = std::size_t{64} << 20;
    static constexpr std::size_t kDefaultMaxRecordBytes = std::size_t{64} << 20;

    /// The sink must outlive the parser.
    explicit AnnotatedCsvParser(ResultTableSink &sink);

    /// Emit a piece once a table reaches this many rows; 0 = never split by rows.
    void setMaxRowsPerPiece(std::size_t rows) { m_maxRowsPerPiece = rows; }
    /// Emit a piece once a table holds about this many bytes; 0 = never split by size.
    void setMaxPieceBytes(std::size_t bytes) { m_maxPieceBytes = bytes; }
    /// Longest CSV record accepted (clamped to 1 GiB).
    void setMaxRecordBytes(std::size_t bytes);

    /// Parses the next chunk. Returns false once parsing has failed (then error() says why).
    bool feed(const char *data, std::size_t size);
    bool feed(std::string_view data) { return feed(data.data(), data.size()); }
    /// End of input: parses a last line without line break and emits what is pending.
    /// Returns false when parsing failed. Later feed() calls fail until reset().
    bool finish();
    /// Ready for a new response (same sink and limits).
    void reset();

    bool failed() const { return m_error.has_value(); }
    const std::optional<ParseError> &error() const { return m_error; }

    /// Progress: bytes given to feed(), data rows parsed, tables/pieces emitted.
    std::uint64_t bytesFed() const { return m_bytesFed; }
    std::uint64_t rowsParsed() const { return m_rowsParsed; }
    std::uint64_t tablesEmitted() const { return m_tablesEmitted; }

private:
    enum class State : std::uint8_t { BlockStart, Annotations, Rows };
    enum class Role : std::uint8_t { Annotation, Result, Table, Data };
    enum class BlockKind : std::uint8_t { Tables, ServerError };

    // How one CSV column of the current block is read.
    struct ColumnSpec
    {
        Role role = Role::Data;
        ColumnType type = ColumnType::String;
        bool timeAsNumber = false;  // dateTime:number: integer nanoseconds
        bool groupKey = false;
        bool hasDefault = false;    // non-empty #default, already parsed below
        std::size_t dataIndex = 0;  // column in the ResultTable
        std::string name;
        std::string defaultText;
        std::int64_t defaultInt = 0;
        std::uint64_t defaultUInt = 0;
        double defaultDouble = 0;
        bool defaultBool = false;
        // Group-key times (_start, _stop) repeat on every row: remember the last text and value.
        std::string lastText;
        std::int64_t lastTime = 0;
        bool lastValid = false;
        Rfc3339Memo timeMemo; // the minute of the last time, for the next one (_time)
    };

    struct Annotation
    {
        bool present = false;
        std::uint64_t line = 0;
        std::vector<std::string> cells;
    };

    // Rows whose text repeats the previous row's around the cells that change (see planRowMemo).
    struct RowMemo
    {
        bool usable = false;       // the block's layout allows it (set by handleHeader)
        bool valid = false;        // prefix/suffix hold the previous row of m_current
        std::size_t first = 0;     // CSV index of the first cell parsed on every row
        std::size_t last = 0;      // ... and of the last one
        std::string prefix;        // the previous row's text before cell `first` (its ',' included)
        std::string suffix;        // ... after cell `last` (its ',' included), no line break
        std::vector<std::size_t> repeated; // data columns outside first..last (ResultTable index)
        std::vector<std::size_t> parsed;   // data columns inside first..last (CSV index)
        std::size_t pending = 0;   // rows whose `repeated` cells are not appended yet
    };

    void planRowMemo();
    void rememberRow(const std::vector<std::string_view> &cells);
    void repeatRow();
    void repeatRun();
    void flushRepeats();
    void endRow();
    void processRecord();
    void handleAnnotation(const std::vector<std::string_view> &cells, std::uint64_t line);
    void handleHeader(const std::vector<std::string_view> &cells, std::uint64_t line);
    void handleRow(const std::vector<std::string_view> &cells, std::uint64_t line);
    void handleErrorRow(const std::vector<std::string_view> &cells);
    bool appendCell(ColumnSpec &spec, std::string_view text, std::uint64_t line, std::uint32_t column);
    bool badValue(const ColumnSpec &spec, std::string_view text, std::uint64_t line, std::uint32_t column);
    bool parseDefault(ColumnSpec &spec, std::uint64_t line, std::uint32_t column);
    void startTable(std::string_view result, std::int64_t tableId, Continuation continuation);
    void emitCurrent();
    void endBlock();
    void fail(ParseErrorKind kind, std::string message, std::uint64_t line, std::uint32_t column,
              std::string columnName = {}, std::string reference = {});
    void failFromReader();
    bool isAnnotationRow(std::string_view firstCell) const;

    ResultTableSink &m_sink;
    CsvRecordReader m_reader;
    std::size_t m_maxRowsPerPiece = kDefaultMaxRowsPerPiece;
    std::size_t m_maxPieceBytes = kDefaultMaxPieceBytes;

    State m_state = State::BlockStart;
    BlockKind m_blockKind = BlockKind::Tables;
    Annotation m_datatype;
    Annotation m_group;
    Annotation m_default;
    std::vector<ColumnSpec> m_specs;   // one per CSV column of the current block
    bool m_hasAnnotationColumn = false;
    std::optional<std::size_t> m_resultIndex; // CSV index of `result`
    std::optional<std::size_t> m_tableIndex;  // CSV index of `table`
    std::size_t m_errorColumn = 0;     // error table: CSV index of `error`
    std::optional<std::size_t> m_referenceColumn;
    std::string m_defaultResult;
    std::int64_t m_defaultTableId = 0;
    std::uint64_t m_blockRows = 0;

    RowMemo m_memo;
    ResultTable m_template;            // the current block's schema, no rows
    ResultTable m_current;
    bool m_hasCurrent = false;         // m_current is open and has rows
    std::size_t m_currentRows = 0;
    // After a piece was emitted, rows with this result/table continue it.
    bool m_pieceOpen = false;
    std::string m_pieceResult;
    std::int64_t m_pieceTableId = 0;

    bool m_finished = false;
    std::optional<ParseError> m_error;
    std::uint64_t m_bytesFed = 0;
    std::uint64_t m_rowsParsed = 0;
    std::uint64_t m_tablesEmitted = 0;
};

} // namespace sasquatch
