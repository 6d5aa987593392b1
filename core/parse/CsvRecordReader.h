// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/CsvScan.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// Splits a CSV byte stream (RFC 4180, comma, `"` quotes) into records, whatever the chunk
/// boundaries. Pull style, so that the caller's per-record code inlines nothing of ours:
///
///     reader.setInput(data, n);
///     while (reader.next() == CsvRecordReader::Next::Record) use(reader.cells());
///     ... at end of stream: reader.finishInput() may give one last record
///
/// Records end with LF or CRLF outside quotes. Quoted fields may hold commas, doubled quotes
/// and line breaks (a CRLF inside quotes reads as LF, like Go's encoding/csv, which is what the
/// Flux encoder pairs with). Complete records are split straight from the caller's buffer; only
/// a record cut by a chunk boundary is copied. No allocation per record once buffers are warm.
class CsvRecordReader
{
public:
    enum class Next : std::uint8_t {
        Record,   ///< cells() holds the next record
        NeedMore, ///< the input is used up (a partial record is kept for the next chunk)
        Error,    ///< malformed CSV; errorMessage() etc. say what and where
    };

    /// Longest record accepted, so that a body without line breaks cannot eat all memory.
    void setMaxRecordBytes(std::size_t bytes) { m_maxRecordBytes = bytes; }

    /// The next chunk; call only after next() returned NeedMore (or before the first call).
    void setInput(const char *data, std::size_t size);
    Next next();
    /// End of stream: the unterminated last record, if any (Record), else NeedMore; Error for
    /// an unterminated quoted field.
    Next finishInput();

    /// Cells of the current record, unquoted. Valid until the next call to next/finishInput.
    const std::vector<std::string_view> &cells() const { return m_cells; }
    /// The current record is an empty line.
    bool isBlank() const { return m_blank; }
    /// 1-based line where the current record starts.
    std::uint64_t recordLine() const { return m_recordLine; }

    /// The current record's text without its line break, when it was split straight from the
    /// input and had no quotes (cells() then point into it); empty otherwise.
    std::string_view plainRecordText() const { return m_plainText; }

    /// The next record, when it lies whole in the input, starts with `prefix`, ends with
    /// `suffix` (before its line break) and holds exactly `count` unquoted cells between them:
    /// cells() then holds those `count` cells only. Otherwise false, and nothing is read (call
    /// next()). For rows that repeat the previous row's text around a few changing cells.
    bool nextFramed(std::string_view prefix, std::string_view suffix, std::size_t count);

    /// What framedRun's callback says of a record: read it and go on, read it and stop, or
    /// leave it unread (for next()/nextFramed()) and stop.
    enum class RunStep : std::uint8_t { Take, TakeAndStop, Leave };
    static constexpr std::size_t kMaxRunCells = 8;

    /// nextFramed for a run of records, inline: calls `row(cells, line)` (cells: a pointer to
    /// the `count` cells, count <= kMaxRunCells; line: the record's line) for each next record
    /// that nextFramed would accept and that ends at least one scan block before the end of
    /// the input, until `row` says stop or a record does not qualify. Those records are then
    /// read as by nextFramed, except that cells() is not updated. The records it leaves, the
    /// last of a chunk among them, go through nextFramed or next() as before.
    template <class Row>
    void framedRun(std::string_view prefix, std::string_view suffix, std::size_t count, Row &&row);

    const std::string &errorMessage() const { return m_errorMessage; }
    std::uint64_t errorLine() const { return m_errorLine; }
    std::uint32_t errorColumn() const { return m_errorColumn; }

    /// Forgets partial input, position and error.
    void reset();

private:
    Next nextPlain();
    Next emit(const char *begin, const char *end, bool mayHaveQuotes);
    bool split(const char *begin, const char *end, bool mayHaveQuotes);
    Next fail(std::string message, std::uint64_t line, std::uint32_t column);
    Next carryRest(const char *from, bool inQuote);

    const char *m_in = nullptr;
    const char *m_inEnd = nullptr;
    std::string m_carry;          // start of a record cut by a chunk boundary
    bool m_carryInQuote = false;  // quote state at the end of m_carry
    bool m_carryUsed = false;     // cells() point into m_carry: clear it on the next call
    std::string m_scratch;        // unescaped quoted fields
    std::vector<std::string_view> m_cells;
    bool m_blank = false;
    std::string_view m_plainText;
    std::uint64_t m_nextLine = 1;
    std::uint64_t m_recordLine = 0;
    std::size_t m_maxRecordBytes = std::size_t{64} << 20;
    std::string m_errorMessage;
    std::uint64_t m_errorLine = 0;
    std::uint32_t m_errorColumn = 0;
};

template <class Row>
void CsvRecordReader::framedRun(std::string_view prefix, std::string_view suffix, std::size_t count, Row &&row)
{
    // A record cut by the last chunk comes first; an empty prefix cannot tell a row from a
    // blank line (Flux rows always start with the annotation column's ',').
    if ((!m_carry.empty() && !m_carryUsed) || count == 0 || count > kMaxRunCells || prefix.empty())
        return;
    using csvscan::kBlock;
    std::array<std::string_view, kMaxRunCells> cells;
    const char *const end = m_inEnd;
    const std::size_t frame = prefix.size() + suffix.size();
    for (;;) {
        const char *const begin = m_in;
        if (static_cast<std::size_t>(end - begin) <= frame || !csvscan::sameBytes(begin, prefix.data(), prefix.size()))
            return;
        const char *cell = begin + prefix.size();
        const char *p = cell;
        const char *stop = nullptr; // the suffix's ',' (or the line break without a suffix)
        std::size_t n = 0;
        while (!stop) {
            if (end - p < kBlock)
                return; // near the end of the input: the careful way
            for (std::uint32_t mask = csvscan::specialBytes(p); mask != 0; mask &= mask - 1) {
                const char *const at = p + std::countr_zero(mask);
                if (*at == '"')
                    return;
                if (n + 1 < count) {
                    if (*at != ',')
                        return; // too few cells
                    cells[n++] = std::string_view(cell, static_cast<std::size_t>(at - cell));
                    cell = at + 1;
                    continue;
                }
                if ((*at == ',') == suffix.empty())
                    return; // a cell too many, or a line too short
                stop = at;
                break;
            }
            p += kBlock;
        }
        const char *lf = stop;
        const char *cellEnd = stop;
        if (!suffix.empty()) {
            if (static_cast<std::size_t>(end - stop) <= suffix.size()
                || !csvscan::sameBytes(stop, suffix.data(), suffix.size()))
                return;
            lf = stop + suffix.size();
            if (*lf == '\r' && lf + 1 != end)
                ++lf;
            if (*lf != '\n')
                return;
        } else if (stop > cell && stop[-1] == '\r') {
            cellEnd = stop - 1;
        }
        if (static_cast<std::size_t>(lf - begin) > m_maxRecordBytes)
            return; // next() reports it
        cells[n] = std::string_view(cell, static_cast<std::size_t>(cellEnd - cell));
        const RunStep step = row(cells.data(), m_nextLine);
        if (step == RunStep::Leave)
            return;
        if (m_carryUsed) {
            m_carry.clear();
            m_carryUsed = false;
        }
        m_blank = false;
        m_plainText = {begin, static_cast<std::size_t>((suffix.empty() ? cellEnd : stop + suffix.size()) - begin)};
        m_recordLine = m_nextLine++;
        m_in = lf + 1;
        if (step == RunStep::TakeAndStop)
            return;
    }
}

} // namespace sasquatch
