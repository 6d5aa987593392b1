// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/JsonNumber.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sasquatch {

/// A resumable pull tokenizer for JSON (RFC 8259) that reads a byte stream in chunks of any
/// size: hand it each chunk with setInput() and call next() until it returns NeedMore. Tokens
/// come out the same whatever the chunk boundaries are; a token cut by a boundary (a number,
/// a literal, a string) is completed from a small carry buffer when the next chunk arrives, so
/// nothing but the token in flight is ever copied.
///
/// It checks the whole grammar (commas, colons, nesting, number syntax, escapes, control
/// characters in strings) and reports the first violation with its line and column. The input
/// may hold several top-level values one after another (JSON Lines, InfluxDB's chunked
/// responses); whitespace between them is optional. Strings are decoded (`\uXXXX` including
/// surrogate pairs into UTF-8, a lone surrogate into U+FFFD); other bytes are passed through
/// unchecked, so invalid UTF-8 stays as it is.
///
/// Numbers are converted while they are read (readJsonNumber), without allocation: integers
/// that fit int64 (or, when positive, uint64) exactly as integers, everything else (fraction,
/// exponent, or beyond 64 bits) as the nearest double. Numbers are limited to kMaxNumberChars
/// characters and strings to setMaxStringBytes() bytes; nesting to kMaxDepth levels.
class JsonTokenizer
{
public:
    enum class Token : std::uint8_t {
        NeedMore,    ///< the chunk is used up: call setInput() with the next one
        End,         ///< finishInput() was called and every value is complete
        Error,       ///< malformed input; see errorMessage(). Final until reset()
        ObjectBegin, ///< `{`
        ObjectEnd,   ///< `}`
        ArrayBegin,  ///< `[`
        ArrayEnd,    ///< `]`
        Key,         ///< an object member name; text() is the decoded name
        String,      ///< a string value; text() is the decoded string
        Number,      ///< see numberKind() and the value accessors; text() is the number as written
        True,
        False,
        Null,
    };

    /// Int64 (exact), UInt64 (exact, above INT64_MAX) or Double (fraction, exponent, beyond 64 bits).
    using NumberKind = JsonNumber::Kind;

    static constexpr std::size_t kMaxDepth = 64;
    static constexpr std::size_t kDefaultMaxStringBytes = std::size_t{64} << 20;
    // Longest number text accepted; Go writes at most ~25 characters.
    static constexpr std::size_t kMaxNumberChars = 1024;

    JsonTokenizer() = default;

    /// The next chunk. The previous chunk must have been used up (next() returned NeedMore).
    /// The bytes must stay valid until next() returns NeedMore again.
    void setInput(const char *data, std::size_t size);
    /// End of input: next() completes what it can and then returns End, or Error when a value
    /// is still open.
    void finishInput() { m_final = true; }
    /// The next token.
    Token next();
    /// Ready for a new stream (limits are kept).
    void reset();

    /// Fast path for arrays of numbers (the rows of an InfluxQL `values` array). When the next
    /// token is a `[` that opens an array of at most `capacity` numbers, written without
    /// whitespace and complete in this chunk, reads the whole array: the numbers go to
    /// `numbers` and their texts to `texts`, the tokenizer ends up exactly where it would be
    /// after the array's `]` token (tokenLine()/tokenColumn() point at the `[`), and the count
    /// is returned. Otherwise returns -1 and consumes nothing: read the array with next().
    int readNumberArray(JsonNumber *numbers, std::string_view *texts, std::size_t capacity);

    /// Longest string accepted (decoded bytes); longer ones are an error.
    void setMaxStringBytes(std::size_t bytes) { m_maxStringBytes = bytes; }
    /// Whether the values `NaN`, `Infinity` and `-Infinity` are accepted (off by default: they
    /// are not JSON). Python's json.dump writes them unless allow_nan=False, so files written by
    /// Python tools may hold them. They come out as Number tokens of kind Double whose text()
    /// is the literal. Kept by reset().
    void setAllowNonFinite(bool allow) { m_allowNonFinite = allow; }

    /// Key and String: the decoded text; Number: the text as written. Valid until next().
    std::string_view text() const { return m_text; }
    NumberKind numberKind() const { return m_number.kind; }
    std::int64_t int64Value() const { return m_number.int64Value; }
    std::uint64_t uint64Value() const { return m_number.uint64Value; }
    double doubleValue() const { return m_number.doubleValue; }

    /// Containers open after the last token (0 between top-level values).
    std::size_t depth() const { return m_depth; }
    /// 1-based line and byte column where the last token starts.
    std::uint64_t tokenLine() const { return m_line; }
    std::uint64_t tokenColumn() const { return m_tokenOffset - m_lineStart + 1; }
    /// Bytes consumed so far (the whole input once NeedMore/End was returned).
    std::uint64_t offset() const { return m_base + static_cast<std::uint64_t>(m_pos - m_begin); }

    const std::string &errorMessage() const { return m_errorMessage; }
    std::uint64_t errorLine() const { return m_errorLine; }
    std::uint64_t errorColumn() const { return m_errorColumn; }

private:
    // What the grammar allows next.
    enum class Expect : std::uint8_t {
        Value,          // top level, after ':' or after ',' in an array
        ValueOrEnd,     // after '['
        KeyOrEnd,       // after '{'
        Key,            // after ',' in an object
        Colon,          // after a key
        CommaOrEnd,     // after a value inside a container
    };
    // A token cut by the end of a chunk.
    enum class Partial : std::uint8_t { None, Number, Literal, String };

    Token fail(std::string message);
    Token failAt(std::uint64_t offset, std::string message);
    Token structural(char c);
    Token afterValue(Token token);
    Token startNumber();
    Token startLiteral();
    Token startString();
    Token resumePartial();
    Token continueString();
    Token parseNumber(const char *begin, const char *end, bool inputEnds, const char *&stop);
    Token invalidNumber(const char *begin, const char *end, const char *&stop, std::string_view why);
    Token completeLiteral(std::string_view text);
    Token endOfInput();
    bool appendEscape(char c);
    void appendUnicodeEscape();
    void appendCodePoint(std::uint32_t cp);
    void markToken(const char *at);

    // Input chunk and position. m_base = absolute offset of m_begin.
    const char *m_begin = nullptr;
    const char *m_pos = nullptr;
    const char *m_end = nullptr;
    std::uint64_t m_base = 0;
    bool m_final = false;

    // Line tracking: newlines only occur in whitespace, so the tokenizer counts them there,
    // before the next token; until then the current line is the last token's line.
    std::uint64_t m_line = 1;
    std::uint64_t m_lineStart = 0;   // absolute offset of the current line's first byte
    std::uint64_t m_tokenOffset = 0; // absolute offset of the last token's first byte

    // Grammar state.
    Expect m_expect = Expect::Value;
    std::size_t m_depth = 0;
    std::array<bool, kMaxDepth> m_isObject{}; // per open container: object (true) or array
    bool m_inKey = false;                     // the string being read is a member name

    // Token in flight across chunks.
    Partial m_partial = Partial::None;
    std::string m_carry;      // raw bytes of a cut number or literal
    std::string m_stringBuf;  // decoded string when it could not be viewed in place
    std::uint8_t m_escape = 0; // 0 none, 1 after '\\', 2..5 inside \uXXXX (hex digits read + 2)
    std::uint32_t m_unicode = 0;       // \u digits so far
    std::uint32_t m_highSurrogate = 0; // pending high surrogate, 0 = none
    std::size_t m_maxStringBytes = kDefaultMaxStringBytes;
    bool m_allowNonFinite = false;

    // Current token.
    std::string_view m_text;
    JsonNumber m_number;

    bool m_failed = false;
    bool m_ended = false;
    std::string m_errorMessage;
    std::uint64_t m_errorLine = 0;
    std::uint64_t m_errorColumn = 0;
};

} // namespace sasquatch
