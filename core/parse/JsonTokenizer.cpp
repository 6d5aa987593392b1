// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/JsonTokenizer.h"

#include "core/parse/JsonNumber.h"

#include <charconv>
#include <cstring>
#include <limits>

namespace sasquatch {

namespace {

constexpr std::size_t kQuotedLimit = 40;

// Bytes that end the plain part of a string: quote, backslash, control characters.
constexpr std::array<bool, 256> makeStringStops()
{
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[static_cast<std::size_t>(c)] = true;
    table[static_cast<unsigned char>('"')] = true;
    table[static_cast<unsigned char>('\\')] = true;
    return table;
}
constexpr std::array<bool, 256> kStringStop = makeStringStops();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string quoted(std::string_view text)
{
    std::string q = "\"";
    q.append(text.substr(0, kQuotedLimit));
    if (text.size() > kQuotedLimit)
        q += "...";
    q += '"';
    return q;
}

// A byte for an error message: 'x' when printable, else its hex code.
std::string describeByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return std::string("'") + c + "'";
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 0xf];
}

// The literal that starts with `first`: true, false, null, or Python's NaN, Infinity, -Infinity.
std::string_view literalWord(char first)
{
    switch (first) {
    case 't':
        return "true";
    case 'f':
        return "false";
    case 'N':
        return "NaN";
    case 'I':
        return "Infinity";
    case '-':
        return "-Infinity";
    default:
        return "null";
    }
}

} // namespace

void JsonTokenizer::setInput(const char *data, std::size_t size)
{
    m_base = offset();
    m_begin = data;
    m_pos = data;
    m_end = data + size;
}

void JsonTokenizer::reset()
{
    const std::size_t maxString = m_maxStringBytes;
    const bool allowNonFinite = m_allowNonFinite;
    *this = JsonTokenizer();
    m_maxStringBytes = maxString;
    m_allowNonFinite = allowNonFinite;
}

void JsonTokenizer::markToken(const char *at)
{
    m_tokenOffset = m_base + static_cast<std::uint64_t>(at - m_begin);
}

JsonTokenizer::Token JsonTokenizer::fail(std::string message)
{
    m_failed = true;
    m_partial = Partial::None;
    m_errorMessage = std::move(message);
    m_errorLine = m_line;
    m_errorColumn = tokenColumn();
    return Token::Error;
}

JsonTokenizer::Token JsonTokenizer::failAt(std::uint64_t offset, std::string message)
{
    // Errors inside a token: tokens never span lines, so the current line is the token's.
    m_failed = true;
    m_partial = Partial::None;
    m_errorMessage = std::move(message);
    m_errorLine = m_line;
    m_errorColumn = offset - m_lineStart + 1;
    return Token::Error;
}

JsonTokenizer::Token JsonTokenizer::afterValue(Token token)
{
    if (m_depth == 0) {
        m_expect = Expect::Value;
        return token;
    }
    // A comma right after the value is taken now: one dispatch less per array element.
    if (m_pos != m_end && *m_pos == ',') {
        ++m_pos;
        m_expect = m_isObject[m_depth - 1] ? Expect::Key : Expect::Value;
        return token;
    }
    m_expect = Expect::CommaOrEnd;
    return token;
}

JsonTokenizer::Token JsonTokenizer::next()
{
    if (m_failed)
        return Token::Error;
    if (m_ended)
        return Token::End;
    if (m_partial != Partial::None)
        return resumePartial();

    const char *p = m_pos;
    const char *const end = m_end;
    for (;;) {
        while (p != end) {
            const auto c = static_cast<unsigned char>(*p);
            if (c > ' ')
                break;
            if (c == '\n') {
                ++m_line;
                m_lineStart = m_base + static_cast<std::uint64_t>(p - m_begin) + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                m_pos = p;
                markToken(p);
                return fail("unexpected control character (" + describeByte(*p) + ") between tokens");
            }
            ++p;
        }
        m_pos = p;
        if (p == end)
            return m_final ? endOfInput() : Token::NeedMore;
        markToken(p);
        const char c = *p;
        // Values first, numbers first among them: they are most of a /query body.
        if (m_expect == Expect::Value || m_expect == Expect::ValueOrEnd) {
            if ((c >= '0' && c <= '9') || c == '-') {
                if (c == '-' && m_allowNonFinite && p + 1 != end && p[1] == 'I')
                    return startLiteral();
                return startNumber();
            }
            if (c == '[' || c == '{' || (c == ']' && m_expect == Expect::ValueOrEnd))
                return structural(c);
            if (c == '"') {
                m_inKey = false;
                return startString();
            }
            if (c == 't' || c == 'f' || c == 'n' || (m_allowNonFinite && (c == 'N' || c == 'I')))
                return startLiteral();
            return fail("expected a value, found " + describeByte(c));
        }
        switch (m_expect) {
        case Expect::CommaOrEnd:
            if (c == ',') {
                m_expect = m_isObject[m_depth - 1] ? Expect::Key : Expect::Value;
                ++p;
                continue;
            }
            if (c == '}' || c == ']')
                return structural(c);
            return fail(std::string("expected ',' or '") + (m_isObject[m_depth - 1] ? '}' : ']') + "', found "
                        + describeByte(c));
        case Expect::Colon:
            if (c == ':') {
                m_expect = Expect::Value;
                ++p;
                continue;
            }
            return fail("expected ':' after an object key, found " + describeByte(c));
        case Expect::KeyOrEnd:
            if (c == '}')
                return structural(c);
            [[fallthrough]];
        case Expect::Key:
            if (c == '"') {
                m_inKey = true;
                return startString();
            }
            return fail("expected a quoted object key, found " + describeByte(c));
        case Expect::ValueOrEnd:
        case Expect::Value:
            break; // handled above
        }
    }
}

int JsonTokenizer::readNumberArray(JsonNumber *numbers, std::string_view *texts, std::size_t capacity)
{
    if (m_failed || m_ended || m_partial != Partial::None || m_pos == m_end || *m_pos != '['
        || (m_expect != Expect::Value && m_expect != Expect::ValueOrEnd) || m_depth == kMaxDepth)
        return -1;
    const char *p = m_pos + 1;
    std::size_t count = 0;
    for (;;) {
        // Anything but a complete number followed by ',' or ']' is for next() to read.
        if (p == m_end || count == capacity || (*p != '-' && (*p < '0' || *p > '9')))
            return -1;
        JsonNumber &number = numbers[count];
        if (!readJsonNumber(p, m_end, m_final, number) || number.end == m_end
            || static_cast<std::size_t>(number.end - p) > kMaxNumberChars)
            return -1;
        texts[count++] = std::string_view(p, static_cast<std::size_t>(number.end - p));
        p = number.end;
        if (*p == ']')
            break;
        if (*p != ',')
            return -1;
        ++p;
    }
    markToken(m_pos);
    m_pos = p + 1;
    afterValue(Token::ArrayEnd);
    return static_cast<int>(count);
}

JsonTokenizer::Token JsonTokenizer::structural(char c)
{
    ++m_pos;
    if (c == '{' || c == '[') {
        if (m_depth == kMaxDepth)
            return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        const bool object = c == '{';
        m_isObject[m_depth++] = object;
        m_expect = object ? Expect::KeyOrEnd : Expect::ValueOrEnd;
        return object ? Token::ObjectBegin : Token::ArrayBegin;
    }
    const bool object = m_isObject[m_depth - 1];
    if ((c == '}') != object)
        return fail(std::string("expected ',' or '") + (object ? '}' : ']') + "', found " + describeByte(c));
    --m_depth;
    return afterValue(object ? Token::ObjectEnd : Token::ArrayEnd);
}

JsonTokenizer::Token JsonTokenizer::endOfInput()
{
    if (m_depth == 0) {
        m_ended = true;
        return Token::End;
    }
    markToken(m_pos);
    return fail(std::string("unexpected end of input inside ") + (m_isObject[m_depth - 1] ? "an object" : "an array"));
}

JsonTokenizer::Token JsonTokenizer::resumePartial()
{
    switch (m_partial) {
    case Partial::None:
        break;
    case Partial::Number: {
        // A '-' cut by the chunk's end may start -Infinity.
        if (m_allowNonFinite && m_carry == "-" && m_pos != m_end && *m_pos == 'I') {
            m_partial = Partial::Literal;
            return resumePartial();
        }
        // Take the rest of the number's characters; once a terminator (or the input's end) is
        // seen, the carry holds the whole token.
        const char *q = m_pos;
        while (q != m_end && isJsonNumberChar(*q))
            ++q;
        m_carry.append(m_pos, static_cast<std::size_t>(q - m_pos));
        m_pos = q;
        if (m_carry.size() > kMaxNumberChars)
            return fail("number longer than " + std::to_string(kMaxNumberChars) + " characters");
        if (q == m_end && !m_final)
            return Token::NeedMore;
        const char *stop = nullptr;
        const Token token = parseNumber(m_carry.data(), m_carry.data() + m_carry.size(), true, stop);
        m_partial = Partial::None;
        return token;
    }
    case Partial::Literal: {
        const std::string_view word = literalWord(m_carry[0]);
        while (m_pos != m_end && m_carry.size() < word.size()) {
            if (*m_pos != word[m_carry.size()])
                return fail("invalid literal (expected " + std::string(word) + ")");
            m_carry.push_back(*m_pos++);
        }
        if (m_carry.size() < word.size()) {
            if (m_final)
                return fail("invalid literal (expected " + std::string(word) + ")");
            return Token::NeedMore;
        }
        m_partial = Partial::None;
        return completeLiteral(word);
    }
    case Partial::String:
        return continueString();
    }
    return Token::Error;
}

JsonTokenizer::Token JsonTokenizer::startLiteral()
{
    const std::string_view word = literalWord(*m_pos);
    const auto available = static_cast<std::size_t>(m_end - m_pos);
    const std::size_t n = std::min(available, word.size());
    if (std::memcmp(m_pos, word.data(), n) != 0)
        return fail("invalid literal (expected " + std::string(word) + ")");
    if (n == word.size()) {
        m_pos += n;
        return completeLiteral(word);
    }
    m_carry.assign(m_pos, n);
    m_pos = m_end;
    m_partial = Partial::Literal;
    return resumePartial(); // fails at once when this was the final chunk
}

JsonTokenizer::Token JsonTokenizer::completeLiteral(std::string_view word)
{
    m_text = word;
    if (word[0] == 'N' || word[0] == 'I' || word[0] == '-') {
        m_number.kind = NumberKind::Double;
        m_number.doubleValue = word[0] == 'N'   ? std::numeric_limits<double>::quiet_NaN()
                               : word[0] == '-' ? -std::numeric_limits<double>::infinity()
                                                : std::numeric_limits<double>::infinity();
        return afterValue(Token::Number);
    }
    return afterValue(word[0] == 't' ? Token::True : word[0] == 'f' ? Token::False : Token::Null);
}

JsonTokenizer::Token JsonTokenizer::startNumber()
{
    const char *stop = nullptr;
    const Token token = parseNumber(m_pos, m_end, m_final, stop);
    if (stop != nullptr) {
        m_pos = stop;
        return token;
    }
    // The chunk ended inside the number: keep its bytes and finish it with the next chunk.
    m_carry.assign(m_pos, static_cast<std::size_t>(m_end - m_pos));
    m_pos = m_end;
    m_partial = Partial::Number;
    if (m_carry.size() > kMaxNumberChars)
        return fail("number longer than " + std::to_string(kMaxNumberChars) + " characters");
    return Token::NeedMore;
}

JsonTokenizer::Token JsonTokenizer::invalidNumber(const char *begin, const char *end, const char *&stop,
                                                  std::string_view why)
{
    // Quote the whole run of number characters; if it may go on in the next chunk, read that
    // first (carry), so that the message does not depend on where the chunk ended.
    const char *q = begin;
    while (q != end && isJsonNumberChar(*q))
        ++q;
    if (q == end && !m_final && m_partial == Partial::None) {
        stop = nullptr;
        return Token::NeedMore;
    }
    stop = q;
    const std::string_view text(begin, static_cast<std::size_t>(q - begin));
    if (text.size() > kMaxNumberChars)
        return fail("number longer than " + std::to_string(kMaxNumberChars) + " characters");
    return fail("invalid number " + quoted(text) + (why.empty() ? std::string() : " (" + std::string(why) + ")"));
}

JsonTokenizer::Token JsonTokenizer::parseNumber(const char *begin, const char *end, bool inputEnds, const char *&stop)
{
    if (!readJsonNumber(begin, end, inputEnds, m_number)) {
        if (m_number.status == JsonNumber::Status::NeedMore) {
            stop = nullptr;
            return Token::NeedMore;
        }
        return invalidNumber(begin, end, stop, m_number.why);
    }
    stop = m_number.end;
    const auto length = static_cast<std::size_t>(m_number.end - begin);
    if (length > kMaxNumberChars)
        return fail("number longer than " + std::to_string(kMaxNumberChars) + " characters");
    m_text = std::string_view(begin, length);
    return afterValue(Token::Number);
}

JsonTokenizer::Token JsonTokenizer::startString()
{
    const char *const start = m_pos + 1;
    const char *p = start;
    while (p != m_end && !kStringStop[static_cast<unsigned char>(*p)])
        ++p;
    const auto length = static_cast<std::size_t>(p - start);
    if (length > m_maxStringBytes)
        return fail("string longer than " + std::to_string(m_maxStringBytes) + " bytes");
    if (p != m_end && *p == '"') {
        // The common case: no escape, all in this chunk; view it in place.
        m_pos = p + 1;
        m_text = std::string_view(start, length);
        if (m_inKey) {
            m_expect = Expect::Colon;
            return Token::Key;
        }
        return afterValue(Token::String);
    }
    m_stringBuf.assign(start, length);
    m_pos = p;
    m_partial = Partial::String;
    m_escape = 0;
    m_highSurrogate = 0;
    return continueString();
}

void JsonTokenizer::appendCodePoint(std::uint32_t cp)
{
    if (cp < 0x80) {
        m_stringBuf.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        m_stringBuf.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        m_stringBuf.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        m_stringBuf.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        m_stringBuf.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        m_stringBuf.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        m_stringBuf.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        m_stringBuf.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        m_stringBuf.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        m_stringBuf.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool JsonTokenizer::appendEscape(char c)
{
    switch (c) {
    case '"':
    case '\\':
    case '/':
        m_stringBuf.push_back(c);
        return true;
    case 'b':
        m_stringBuf.push_back('\b');
        return true;
    case 'f':
        m_stringBuf.push_back('\f');
        return true;
    case 'n':
        m_stringBuf.push_back('\n');
        return true;
    case 'r':
        m_stringBuf.push_back('\r');
        return true;
    case 't':
        m_stringBuf.push_back('\t');
        return true;
    default:
        return false;
    }
}

void JsonTokenizer::appendUnicodeEscape()
{
    const std::uint32_t unit = m_unicode;
    if (m_highSurrogate != 0) {
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            appendCodePoint(0x10000 + ((m_highSurrogate - 0xD800) << 10) + (unit - 0xDC00));
            m_highSurrogate = 0;
            return;
        }
        appendCodePoint(0xFFFD); // the high surrogate had no partner
        m_highSurrogate = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF)
        m_highSurrogate = unit; // wait for the low half
    else if (unit >= 0xDC00 && unit <= 0xDFFF)
        appendCodePoint(0xFFFD);
    else
        appendCodePoint(unit);
}

JsonTokenizer::Token JsonTokenizer::continueString()
{
    const char *p = m_pos;
    const auto here = [&](const char *at) { return m_base + static_cast<std::uint64_t>(at - m_begin); };
    for (;;) {
        if (p == m_end) {
            m_pos = p;
            if (m_final)
                return failAt(here(p), "unterminated string at end of input");
            return Token::NeedMore;
        }
        if (m_escape == 0) {
            if (m_highSurrogate != 0 && *p != '\\') {
                appendCodePoint(0xFFFD);
                m_highSurrogate = 0;
            }
            const char *run = p;
            while (p != m_end && !kStringStop[static_cast<unsigned char>(*p)])
                ++p;
            m_stringBuf.append(run, static_cast<std::size_t>(p - run));
            if (m_stringBuf.size() > m_maxStringBytes)
                return fail("string longer than " + std::to_string(m_maxStringBytes) + " bytes");
            if (p == m_end)
                continue;
            if (*p == '"') {
                m_pos = p + 1;
                m_partial = Partial::None;
                m_text = m_stringBuf;
                if (m_inKey) {
                    m_expect = Expect::Colon;
                    return Token::Key;
                }
                return afterValue(Token::String);
            }
            if (*p == '\\') {
                m_escape = 1;
                ++p;
                continue;
            }
            return failAt(here(p), "control character (" + describeByte(*p) + ") inside a string must be escaped");
        }
        if (m_escape == 1) {
            const char c = *p;
            if (c == 'u') {
                m_escape = 2;
                m_unicode = 0;
                ++p;
                continue;
            }
            if (m_highSurrogate != 0) {
                appendCodePoint(0xFFFD);
                m_highSurrogate = 0;
            }
            if (!appendEscape(c))
                return failAt(here(p) - 1, "invalid escape \\" + std::string(1, c) + " in a string");
            m_escape = 0;
            ++p;
            continue;
        }
        const int digit = hexValue(*p);
        if (digit < 0)
            return failAt(here(p), "invalid \\u escape: " + describeByte(*p) + " is not a hex digit");
        m_unicode = m_unicode * 16 + static_cast<std::uint32_t>(digit);
        ++p;
        if (++m_escape == 6) {
            m_escape = 0;
            appendUnicodeEscape();
        }
    }
}

} // namespace sasquatch
