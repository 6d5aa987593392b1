// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
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

} // namespace sasquatch
