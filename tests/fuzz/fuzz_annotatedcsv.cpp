// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness for AnnotatedCsvParser. Besides "no crash, no sanitizer report" it checks
// the parser's promises: the result does not depend on chunk boundaries or piece size, every
// emitted table is internally consistent, every cell can be read as text and as a number.
// A broken promise aborts, which libFuzzer (and the replay driver) report as a crash.
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/ResultTableCollector.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sasquatch;

namespace {

struct Parsed
{
    std::vector<ResultTable> tables;
    std::optional<ParseError> error;
};

[[noreturn]] void broken(const char *promise)
{
    std::fprintf(stderr, "fuzz_annotatedcsv: broken promise: %s\n", promise);
    std::abort();
}

void require(bool ok, const char *promise)
{
    if (!ok)
        broken(promise);
}

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
    require(table.memoryBytes() > 0, "memoryBytes counts the table itself");
}

// `chunkSeed` 0 = one feed; otherwise chunk sizes from a small generator seeded with it.
Parsed parse(const char *data, std::size_t size, std::size_t pieceRows, std::uint32_t chunkSeed)
{
    ResultTableCollector pieces(PieceHandling::Keep);
    AnnotatedCsvParser parser(pieces);
    parser.setMaxRowsPerPiece(pieceRows);
    std::size_t pos = 0;
    std::uint32_t state = chunkSeed;
    while (pos < size) {
        std::size_t n = size - pos;
        if (chunkSeed != 0) {
            state = state * 1664525u + 1013904223u;
            n = std::min<std::size_t>(n, 1 + (state >> 24) % 23);
        }
        if (!parser.feed(data + pos, n))
            break;
        pos += n;
    }
    parser.finish();
    require(parser.failed() == pieces.error().has_value(), "failed() matches the sink's parseFailed");

    // Check the pieces, then merge them the way a consumer would.
    Parsed out;
    out.error = pieces.error();
    std::uint64_t rows = 0;
    for (ResultTable &t : pieces.takeTables()) {
        touchEveryCell(t);
        rows += t.rowCount();
        if (pieceRows > 0)
            require(t.rowCount() <= pieceRows, "a piece holds at most maxRowsPerPiece rows");
        if (t.isContinuation()) {
            require(!out.tables.empty(), "a continuation follows a table");
            ResultTable &last = out.tables.back();
            require(last.resultName() == t.resultName() && last.tableId() == t.tableId(),
                    "a continuation keeps result and table id");
            require(last.appendRows(t), "a continuation has the same schema");
        } else {
            out.tables.push_back(std::move(t));
        }
    }
    if (!out.error)
        require(rows == parser.rowsParsed(), "rowsParsed() counts the emitted rows");
    require(parser.bytesFed() <= size, "bytesFed() counts what was fed");
    return out;
}

bool sameError(const std::optional<ParseError> &a, const std::optional<ParseError> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return a->kind == b->kind && a->message == b->message && a->reference == b->reference && a->line == b->line
           && a->column == b->column && a->columnName == b->columnName;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto *text = reinterpret_cast<const char *>(data);
    const Parsed whole = parse(text, size, 0, 0);

    // Small pieces and ragged chunks: same error, and (when there is none) the same tables.
    const std::uint32_t seed = size > 0 ? 1u + data[0] + 256u * data[size / 2] : 1u;
    const Parsed chunked = parse(text, size, 1 + size % 4, seed);
    require(sameError(whole.error, chunked.error), "chunking and pieces do not change the error");
    if (!whole.error)
        require(whole.tables == chunked.tables, "chunking and pieces do not change the tables");

    // Byte at a time without pieces must match exactly, tables before an error included.
    if (size <= 2048) {
        ResultTableCollector sink;
        AnnotatedCsvParser parser(sink);
        parser.setMaxRowsPerPiece(0);
        for (std::size_t i = 0; i < size && parser.feed(text + i, 1); ++i) {
        }
        parser.finish();
        require(sameError(whole.error, sink.error()), "byte-at-a-time gives the same error");
        require(whole.tables == sink.tables(), "byte-at-a-time gives the same tables");
    }
    return 0;
}
