// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/InfluxQlResultSink.h"
#include "core/parse/InfluxQlTableBuilder.h"
#include "core/parse/JsonTokenizer.h"
#include "core/parse/ParseError.h"
#include "core/parse/ResultTableSink.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// Unit of integer times in an InfluxQL response: the request's `epoch=` parameter.
enum class InfluxQlEpoch : std::uint8_t { Nanoseconds, Microseconds, Milliseconds, Seconds, Minutes, Hours };

/// Streaming parser for InfluxDB 1.x `/query` responses (InfluxQL; format from the InfluxDB 1.x
/// HTTP API reference, "/query" and "chunked", checked against influxd 1.6): push bytes with
/// feed() in chunks of any size — the result does not depend on where chunks end — then call
/// finish(). Both body forms work: one JSON object (`chunked=false`) or one object per line
/// (`chunked=true&chunk_size=N`); any sequence of objects is accepted. Memory stays bounded by
/// the piece size: the body is never held, numbers are converted in place.
///
/// Tables. Each series (`results[i].series[j]`) becomes one ResultTable:
/// - resultName = the statement id in decimal ("0", "1", ...; when `statement_id` is missing or
///   comes after `series`, the result's index in `results`); tableId = the series' ordinal
///   within its statement (0, 1, ...).
/// - columns: the series' `columns` in order, then String group-key columns carrying the series
///   identity on every row: `_measurement` (the series `name`) and one per tag (its key, in the
///   server's order), each with defaultText = the value so that an empty table shows them too.
///   A key column whose name a data column already uses gets `_tag` appended.
/// - `time` as the first column is DateTime (int64 ns): integers are scaled exactly from the
///   epoch unit (setEpoch, default ns; never through double), strings (no `epoch=`) are read as
///   RFC 3339. SHOW statements have no `time` and all their columns follow the rules below.
/// - other columns get their type from their values: integral numbers (no `.`, no exponent)
///   that fit int64 -> Long; positive ones up to 2^64-1 -> UnsignedLong; any fraction or
///   exponent, or beyond 64 bits -> Double; strings -> String; true/false -> Boolean; null ->
///   null of the column's type. Numbers in a String column keep the server's text (values
///   stored before the column turned String are formatted as shortest round-trip text).
///   Within a table a column only widens: Long/UnsignedLong -> Double when a fractional value
///   comes (InfluxDB writes float 2.0 as `2`, so a float field looks integral until its first
///   fraction), Long -> UnsignedLong when an integer above INT64_MAX comes and the column
///   holds no negative value (a 2.x unsigned field; with negatives Double, the only common
///   type), and a column mixing numbers, strings and booleans becomes String. A column
///   with nothing but nulls is Double.
/// - setColumnType() gives a column its type up front (the field types of SHOW FIELD KEYS:
///   float -> Double, integer -> Long, unsigned -> UnsignedLong, string -> String, boolean ->
///   Boolean). Pass them whenever they are known: that is the only way a float column whose
///   values happen to be integral arrives as Double from its first piece.
///
/// Pieces and type stability. A series continued in the next chunk (`"partial":true`, then the
/// same statement, name, tags and columns) continues the same table. A table goes out in
/// pieces: when its series ends, at maxRowsPerPiece rows or about maxPieceBytes, and at the end
/// of a chunk object (the server's chunk_size) once its column types are settled. All pieces of
/// a table carry the same resultName and tableId, later ones flagged as continuations
/// (ResultTable::isContinuation), exactly like AnnotatedCsvParser's pieces, so
/// ResultTableCollector or any consumer can append them; their schemas are identical.
/// The first piece fixes the column types of its table. So that it is decided on as many values
/// as possible, the first piece is held across chunks while a column is still uncertain (only
/// nulls so far, or Long/UnsignedLong by inference and not hinted) — until the series ends or
/// the piece is full. Double, String, Boolean, hinted and `time` columns are settled, so float
/// telemetry streams chunk by chunk. If a later value still does not fit (a fraction in a column
/// that went out as Long, text in a numeric column) the table ends there and the rest of the
/// series continues as a NEW table (next tableId, Continuation::No, same group-key values) with
/// the wider types. Type hints avoid this.
///
/// Errors. A top-level `{"error": "..."}` (HTTP 400 bodies, or a failure after data) ends
/// parsing with ParseErrorKind::ServerError after the complete rows before it were delivered.
/// A statement error (`results[i].error` in a 200 response) is NOT a ParseError: the
/// statement's rows are delivered first (a held piece goes out), then the error goes to
/// InfluxQlResultSink::statementFailed (when the sink is one) and into statementErrors(), and
/// the other statements are parsed on. Malformed JSON, or JSON that is not a /query response, is
/// ParseErrorKind::Malformed with the input line and byte column (a chunk is one line), except
/// for a line of text where the next object should begin (at the start of the body or between
/// objects, its first byte an ASCII letter): that is the server's own error, written as plain
/// text when it could not encode a result after the status (and perhaps some chunks) went out
/// (`json: unsupported value: +Inf`; InfluxDB 1.8.0-1.8.3, influxdata/influxdb#20249, and the
/// 2.x InfluxQL response writer). The line, up to its newline and at most
/// kMaxServerTextBytes, becomes a ParseErrorKind::ServerError after the complete rows before it
/// were delivered, like a top-level `{"error"}`. On a Malformed error the piece in progress is
/// dropped, pieces already delivered stay. After an error, feed() and
/// finish() return false until reset(). Unknown members (`messages`, anything newer) are
/// skipped. Within a series `name`, `tags` and `columns` must come before `values`, as InfluxDB
/// writes them (and as sorted keys order them).
class InfluxQlJsonParser
{
public:
    static constexpr std::size_t kDefaultMaxRowsPerPiece = 65'536;
    static constexpr std::size_t kDefaultMaxPieceBytes = std::size_t{64} << 20;
    /// Longest server error text (a line of text between objects) quoted, in bytes.
    static constexpr std::size_t kMaxServerTextBytes = 512;

    /// Statement errors are kept in statementErrors() only. The sink must outlive the parser.
    explicit InfluxQlJsonParser(ResultTableSink &sink);
    /// Statement errors also go to sink.statementFailed(), in order with the tables.
    explicit InfluxQlJsonParser(InfluxQlResultSink &sink);

    /// Unit of integer times (the request's `epoch=`); default nanoseconds.
    void setEpoch(InfluxQlEpoch epoch);
    /// Emit a piece at this many rows; 0 = only at chunk and series ends.
    void setMaxRowsPerPiece(std::size_t rows) { m_builder.setMaxRowsPerPiece(rows); }
    /// Emit a piece once it holds about this many bytes; 0 = no size limit.
    void setMaxPieceBytes(std::size_t bytes) { m_builder.setMaxPieceBytes(bytes); }
    /// Longest string value accepted, in bytes.
    void setMaxStringBytes(std::size_t bytes) { m_tokenizer.setMaxStringBytes(bytes); }
    /// Type of every column with this name (except `time`), before any value is seen.
    void setColumnType(std::string_view column, ColumnType type) { m_builder.setColumnType(column, type); }
    void clearColumnTypes() { m_builder.clearColumnTypes(); }

    /// Parses the next chunk. Returns false once parsing has failed (error() says why).
    bool feed(const char *data, std::size_t size);
    bool feed(std::string_view data) { return feed(data.data(), data.size()); }
    /// End of input: checks that the body was complete and emits what is pending. An empty
    /// body is an error (a /query response always has a JSON object). Returns false when
    /// parsing failed. Later feed() calls fail until reset().
    bool finish();
    /// Ready for a new response: same sink and settings, counters and errors cleared.
    void reset();

    bool failed() const { return m_error.has_value(); }
    const std::optional<ParseError> &error() const { return m_error; }
    /// Statement errors seen so far, in order.
    const std::vector<InfluxQlStatementError> &statementErrors() const { return m_statementErrors; }

    /// Progress: bytes given to feed(), rows parsed, tables/pieces emitted.
    std::uint64_t bytesFed() const { return m_bytesFed; }
    std::uint64_t rowsParsed() const { return m_builder.rowsParsed(); }
    std::uint64_t tablesEmitted() const { return m_builder.tablesEmitted(); }

private:
    // Where the last token left us in the response structure.
    enum class Context : std::uint8_t { Between, Document, Results, Result, SeriesList, Series, Tags, Columns, Values, Row };
    // The member whose value comes next.
    enum class Member : std::uint8_t {
        Other, Results, Error, StatementId, Series, Partial, Name, Tags, Columns, Values, TagValue
    };

    void run();
    void handle(JsonTokenizer::Token token);
    void handleKey(std::string_view key);
    void handleRowValue(JsonTokenizer::Token token);
    bool readNumberRow();
    void handleMemberValue(JsonTokenizer::Token token);
    void enter(Context context);
    void leave();
    void beginValues();
    void endSeriesObject();
    void endResult();
    void endDocument();
    void statementFailed();
    void failMalformed(std::string message, std::uint64_t line, std::uint64_t column, std::string columnName = {});
    void failHere(std::string message);
    void failServer(std::string message, std::uint64_t line);
    enum class ServerText : std::uint8_t { Complete, Cut };
    void lookForServerText();
    void takeServerText(const char *data, std::size_t size);
    void endServerText(ServerText end);
    std::int64_t currentStatementId() const;

    ResultTableSink &m_sink;
    InfluxQlResultSink *m_statementSink = nullptr;
    JsonTokenizer m_tokenizer;
    InfluxQlTableBuilder m_builder;

    std::vector<Context> m_stack; // contexts of the open containers we follow
    Context m_context = Context::Between;
    std::size_t m_skipDepth = 0; // > 0: inside a value being skipped
    Member m_member = Member::Other;

    // Document
    bool m_sawDocument = false;
    bool m_hasTopError = false;
    std::string m_topError;
    std::uint64_t m_topErrorLine = 0;
    // Result
    std::int64_t m_resultIndex = -1;
    bool m_hasStatementId = false;
    std::int64_t m_statementId = 0;
    bool m_hasResultError = false;
    std::string m_resultError;
    std::uint64_t m_resultLine = 0;
    // Series
    InfluxQlSeriesKey m_series;
    std::string m_tagKey;
    bool m_seriesPartial = false;
    bool m_valuesStarted = false;
    std::uint64_t m_rowLine = 0;
    std::uint64_t m_rowColumn = 0;
    // A row of numbers read in one go (JsonTokenizer::readNumberArray).
    static constexpr std::size_t kFastRowValues = 32;
    std::array<JsonNumber, kFastRowValues> m_rowNumbers;
    std::array<std::string_view, kFastRowValues> m_rowTexts;

    // A line of text instead of the next object (see Errors above). The bytes after the last
    // object are looked at once, before the tokenizer reads them: at the body's start, after
    // each object and at a chunk's start while only whitespace came since.
    const char *m_chunk = nullptr;
    std::size_t m_chunkSize = 0;
    std::uint64_t m_chunkOffset = 0; // tokenizer offset of m_chunk[0]
    bool m_textMayFollow = true;
    bool m_inServerText = false;
    std::string m_serverText;
    std::uint64_t m_serverTextLine = 0;

    bool m_finished = false;
    std::optional<ParseError> m_error;
    std::vector<InfluxQlStatementError> m_statementErrors;
    std::uint64_t m_bytesFed = 0;
};

} // namespace sasquatch
