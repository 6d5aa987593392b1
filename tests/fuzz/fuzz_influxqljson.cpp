// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness for InfluxQlJsonParser (and the JsonTokenizer under it). Besides "no
// crash, no sanitizer report" it checks the parser's promises: the result does not depend on
// chunk boundaries; pieces of a table follow each other with the same result, id and schema;
// every emitted table is consistent and every cell readable; the piece size changes neither
// the error nor the rows. A broken promise aborts, which libFuzzer (and the replay driver)
// report as a crash.
#include "core/parse/InfluxQlJsonParser.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace sasquatch;

namespace {

[[noreturn]] void broken(const char *promise)
{
    std::fprintf(stderr, "fuzz_influxqljson: broken promise: %s\n", promise);
    std::abort();
}

void require(bool ok, const char *promise)
{
    if (!ok)
        broken(promise);
}

class Recorder final : public InfluxQlResultSink
{
public:
    void tableReady(ResultTable &&table) override
    {
        require(!error, "no table after parseFailed");
        tables.push_back(std::move(table));
    }
    void parseFailed(const ParseError &e) override
    {
        require(!error, "parseFailed at most once");
        error = e;
    }
    void statementFailed(const InfluxQlStatementError &e) override
    {
        require(!error, "no statement error after parseFailed");
        statementErrors.push_back(e);
    }

    std::vector<ResultTable> tables;
    std::optional<ParseError> error;
    std::vector<InfluxQlStatementError> statementErrors;
};

struct Parsed
{
    std::vector<ResultTable> pieces;
    std::optional<ParseError> error;
    std::vector<InfluxQlStatementError> statementErrors;
    std::uint64_t rows = 0;
};

// Reads every cell the way the GUI and the series store will.
void touchEveryCell(const ResultTable &table)
{
    require(table.isConsistent(), "every column has rowCount() values");
    std::string text;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const ResultColumn &column = table.column(c);
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            text.clear();
            column.appendText(row, text);
            require(!column.isNull(row) || text.empty(), "null reads as empty text");
            (void)column.toDouble(row);
        }
    }
}

bool sameError(const std::optional<ParseError> &a, const std::optional<ParseError> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a
           || (a->kind == b->kind && a->message == b->message && a->line == b->line && a->column == b->column
               && a->columnName == b->columnName);
}

// Settings taken from the input itself, the same for every way of feeding it.
void configure(InfluxQlJsonParser &parser, const std::uint8_t *data, std::size_t size)
{
    const std::uint8_t knob = size > 0 ? data[size - 1] : 0;
    parser.setEpoch(static_cast<InfluxQlEpoch>(knob % 6));
    if (knob & 0x40)
        parser.setColumnType("f", ColumnType::Double);
    if (knob & 0x80)
        parser.setColumnType("n", ColumnType::Long);
    parser.setMaxStringBytes(1024);
}

// `chunkSeed` 0 = one feed; 1 = byte at a time; otherwise ragged chunk sizes.
Parsed parse(const std::uint8_t *data, std::size_t size, std::size_t pieceRows, std::uint32_t chunkSeed)
{
    Recorder sink;
    InfluxQlJsonParser parser(sink);
    configure(parser, data, size);
    parser.setMaxRowsPerPiece(pieceRows);
    const auto *text = reinterpret_cast<const char *>(data);
    std::size_t pos = 0;
    std::uint32_t state = chunkSeed;
    while (pos < size) {
        std::size_t n = size - pos;
        if (chunkSeed == 1) {
            n = 1;
        } else if (chunkSeed != 0) {
            state = state * 1664525u + 1013904223u;
            n = std::min<std::size_t>(n, 1 + (state >> 24) % 29);
        }
        if (!parser.feed(text + pos, n))
            break;
        pos += n;
    }
    parser.finish();
    require(parser.failed() == sink.error.has_value(), "failed() matches the sink's parseFailed");
    require(parser.statementErrors() == sink.statementErrors, "statementErrors() matches the sink");
    require(parser.tablesEmitted() == sink.tables.size(), "tablesEmitted() counts the pieces");

    Parsed out;
    std::uint64_t rows = 0;
    const ResultTable *previous = nullptr;
    for (const ResultTable &t : sink.tables) {
        touchEveryCell(t);
        rows += t.rowCount();
        if (pieceRows > 0)
            require(t.rowCount() <= pieceRows, "a piece holds at most maxRowsPerPiece rows");
        if (t.isContinuation()) {
            require(previous != nullptr, "a continuation follows a piece");
            require(previous->resultName() == t.resultName() && previous->tableId() == t.tableId(),
                    "a continuation keeps result and table id");
            require(previous->hasSameSchema(t), "a continuation has the same schema");
            require(t.rowCount() > 0, "continuation pieces are not empty");
        }
        previous = &t;
    }
    if (!sink.error)
        require(rows == parser.rowsParsed(), "rowsParsed() counts the emitted rows");
    require(parser.bytesFed() <= size, "bytesFed() counts what was fed");
    out.pieces = std::move(sink.tables);
    out.error = sink.error;
    out.statementErrors = std::move(sink.statementErrors);
    out.rows = rows;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Parsed whole = parse(data, size, 0, 0);

    // Ragged chunks: exactly the same pieces, errors and statement errors.
    const std::uint32_t seed = size > 0 ? 2u + data[0] + 256u * data[size / 2] : 2u;
    const Parsed chunked = parse(data, size, 0, seed);
    require(sameError(whole.error, chunked.error), "chunking does not change the error");
    require(whole.pieces == chunked.pieces, "chunking does not change the tables");
    require(whole.statementErrors == chunked.statementErrors, "chunking does not change statement errors");

    // Byte at a time, with small pieces, against ragged chunks with the same pieces.
    const std::size_t pieceRows = 1 + size % 3;
    const Parsed small = parse(data, size, pieceRows, seed + 1);
    if (size <= 4096) {
        const Parsed bytes = parse(data, size, pieceRows, 1);
        require(sameError(small.error, bytes.error), "byte-at-a-time gives the same error");
        require(small.pieces == bytes.pieces, "byte-at-a-time gives the same tables");
    }
    // The piece size moves rows between pieces (and may split a table where a type widens),
    // but keeps the error, the statement errors and, without error, the rows.
    require(sameError(whole.error, small.error), "piece size does not change the error");
    require(whole.statementErrors == small.statementErrors, "piece size does not change statement errors");
    if (!whole.error)
        require(whole.rows == small.rows, "piece size does not change the rows");
    return 0;
}
