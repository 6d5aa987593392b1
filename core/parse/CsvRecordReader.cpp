// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/CsvRecordReader.h"

#include "core/parse/CsvScan.h"

#include <algorithm>
#include <bit>
#include <cstring>


namespace sasquatch {

using csvscan::kBlock;
using csvscan::specialBytes;

namespace {

// The LF that ends the record starting at p, or nullptr when the record goes on past `end`.
// `inQuote` carries the quote state in and out, so a scan can resume in the next chunk.
// Toggling on every quote is right for doubled quotes too ("" leaves and re-enters).
const char *findRecordEnd(const char *p, const char *end, bool &inQuote)
{
    while (p < end) {
        if (inQuote) {
            const auto *q = static_cast<const char *>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
            if (!q)
                return nullptr;
            inQuote = false;
            p = q + 1;
            continue;
        }
        for (; p < end; ++p) {
            if (*p == '\n')
                return p;
            if (*p == '"') {
                inQuote = true;
                ++p;
                break;
            }
        }
    }
    return nullptr;
}


} // namespace

void CsvRecordReader::setInput(const char *data, std::size_t size)
{
    m_in = data;
    m_inEnd = data + size;
}

void CsvRecordReader::reset()
{
    m_in = m_inEnd = nullptr;
    m_carry.clear();
    m_carryInQuote = false;
    m_carryUsed = false;
    m_cells.clear();
    m_blank = false;
    m_plainText = {};
    m_nextLine = 1;
    m_recordLine = 0;
    m_errorMessage.clear();
    m_errorLine = 0;
    m_errorColumn = 0;
}

CsvRecordReader::Next CsvRecordReader::fail(std::string message, std::uint64_t line, std::uint32_t column)
{
    m_errorMessage = std::move(message);
    m_errorLine = line;
    m_errorColumn = column;
    return Next::Error;
}

CsvRecordReader::Next CsvRecordReader::carryRest(const char *from, bool inQuote)
{
    const auto rest = static_cast<std::size_t>(m_inEnd - from);
    if (m_carry.size() + rest > m_maxRecordBytes)
        return fail("record longer than " + std::to_string(m_maxRecordBytes) + " bytes", m_nextLine, 0);
    m_carry.append(from, rest);
    m_carryInQuote = inQuote;
    m_in = m_inEnd;
    return Next::NeedMore;
}

CsvRecordReader::Next CsvRecordReader::next()
{
    if (m_carryUsed) {
        m_carry.clear();
        m_carryUsed = false;
    }
    if (!m_carry.empty()) {
        // Finish the record that the previous chunk cut, scanning only the new bytes.
        bool inQuote = m_carryInQuote;
        const char *lf = findRecordEnd(m_in, m_inEnd, inQuote);
        if (!lf)
            return carryRest(m_in, inQuote);
        if (m_carry.size() + static_cast<std::size_t>(lf - m_in) > m_maxRecordBytes)
            return fail("record longer than " + std::to_string(m_maxRecordBytes) + " bytes", m_nextLine, 0);
        m_carry.append(m_in, lf);
        m_in = lf + 1;
        m_carryInQuote = false;
        m_carryUsed = true;
        return emit(m_carry.data(), m_carry.data() + m_carry.size(), true);
    }
    if (m_in == m_inEnd)
        return Next::NeedMore;

    const char *begin = m_in;
    if (const Next plain = nextPlain(); plain != Next::NeedMore)
        return plain;
    // A quote, or no line end in this chunk: the general path.
    bool inQuote = false;
    const char *lf = findRecordEnd(begin, m_inEnd, inQuote);
    if (!lf)
        return carryRest(begin, inQuote);
    if (static_cast<std::size_t>(lf - begin) > m_maxRecordBytes)
        return fail("record longer than " + std::to_string(m_maxRecordBytes) + " bytes", m_nextLine, 0);
    m_in = lf + 1;
    return emit(begin, lf, true);
}

CsvRecordReader::Next CsvRecordReader::nextPlain()
{
    // The common case, a line without quotes that ends in this chunk, in one pass: every ','
    // ends a cell, the '\n' the record. NeedMore means "not this case" (the caller rescans).
    const char *const begin = m_in;
    const char *const end = m_inEnd;
    m_cells.clear();
    const char *cell = begin;
    const char *p = begin;
    const auto lineEnd = [&](const char *lf) {
        if (static_cast<std::size_t>(lf - begin) > m_maxRecordBytes)
            return fail("record longer than " + std::to_string(m_maxRecordBytes) + " bytes", m_nextLine, 0);
        // A CR before the LF belongs to the line break.
        const char *cellEnd = lf > cell && lf[-1] == '\r' ? lf - 1 : lf;
        m_cells.emplace_back(cell, static_cast<std::size_t>(cellEnd - cell));
        m_blank = cellEnd == begin;
        m_plainText = {begin, static_cast<std::size_t>(cellEnd - begin)};
        m_recordLine = m_nextLine++;
        m_in = lf + 1;
        return Next::Record;
    };
    for (; end - p >= kBlock; p += kBlock) {
        for (std::uint32_t mask = specialBytes(p); mask != 0; mask &= mask - 1) {
            const char *at = p + std::countr_zero(mask);
            if (*at == ',') {
                m_cells.emplace_back(cell, static_cast<std::size_t>(at - cell));
                cell = at + 1;
            } else if (*at == '\n') {
                return lineEnd(at);
            } else {
                return Next::NeedMore;
            }
        }
    }
    for (; p != end; ++p) {
        if (*p == ',') {
            m_cells.emplace_back(cell, static_cast<std::size_t>(p - cell));
            cell = p + 1;
        } else if (*p == '\n') {
            return lineEnd(p);
        } else if (*p == '"') {
            return Next::NeedMore;
        }
    }
    return Next::NeedMore;
}

bool CsvRecordReader::nextFramed(std::string_view prefix, std::string_view suffix, std::size_t count)
{
    if (!m_carry.empty() && !m_carryUsed)
        return false; // a record cut by the last chunk comes first
    const char *const begin = m_in;
    const char *const end = m_inEnd;
    if (static_cast<std::size_t>(end - begin) <= prefix.size() + suffix.size()
        || std::memcmp(begin, prefix.data(), prefix.size()) != 0)
        return false;
    if (count == 0 || (prefix.empty() && (*begin == '\n' || *begin == '\r')))
        return false; // a blank line ends a block
    m_cells.clear();
    const char *cell = begin + prefix.size();
    const char *p = cell;
    const char *stop = nullptr; // where the last counted cell ends: the suffix's ',' or the line break
    const auto take = [&](const char *at) {
        if (*at == '"')
            return false;
        if (m_cells.size() + 1 < count) {
            if (*at != ',')
                return false; // too few cells
            m_cells.emplace_back(cell, static_cast<std::size_t>(at - cell));
            cell = at + 1;
            return true;
        }
        // The last counted cell ends here: at the suffix's comma, or at the line break when
        // there is no suffix.
        if ((*at == ',') != !suffix.empty())
            return false;
        stop = at;
        return true;
    };
    for (; !stop && end - p >= kBlock; p += kBlock) {
        for (std::uint32_t mask = specialBytes(p); mask != 0 && !stop; mask &= mask - 1)
            if (!take(p + std::countr_zero(mask)))
                return false;
    }
    for (; !stop && p != end; ++p) {
        if ((*p == ',' || *p == '\n' || *p == '"') && !take(p))
            return false;
    }
    if (!stop)
        return false; // the record goes on past this chunk
    const char *lf = stop;
    if (!suffix.empty()) {
        if (static_cast<std::size_t>(end - stop) <= suffix.size()
            || std::memcmp(stop, suffix.data(), suffix.size()) != 0)
            return false;
        lf = stop + suffix.size();
        if (*lf == '\r' && lf + 1 != end)
            ++lf;
        if (*lf != '\n')
            return false;
    }
    const char *cellEnd = suffix.empty() && stop > cell && stop[-1] == '\r' ? stop - 1 : stop;
    if (static_cast<std::size_t>(lf - begin) > m_maxRecordBytes)
        return false; // next() reports it
    if (m_carryUsed) {
        m_carry.clear();
        m_carryUsed = false;
    }
    m_cells.emplace_back(cell, static_cast<std::size_t>(cellEnd - cell));
    m_blank = false;
    m_plainText = {begin, static_cast<std::size_t>((suffix.empty() ? cellEnd : stop + suffix.size()) - begin)};
    m_recordLine = m_nextLine++;
    m_in = lf + 1;
    return true;
}

CsvRecordReader::Next CsvRecordReader::finishInput()
{
    if (m_carryUsed) {
        m_carry.clear();
        m_carryUsed = false;
    }
    m_in = m_inEnd;
    if (m_carry.empty())
        return Next::NeedMore;
    if (m_carryInQuote) {
        // Point at the quote that was never closed.
        std::uint64_t line = m_nextLine;
        std::uint64_t quoteLine = line;
        std::uint32_t column = 1;
        std::uint32_t quoteColumn = 1;
        bool inQuote = false;
        bool atFieldStart = true;
        bool bareQuote = false;
        for (const char c : m_carry) {
            if (c == '\n')
                ++line;
            if (inQuote) {
                if (c == '"')
                    inQuote = false;
            } else if (c == '"') {
                inQuote = true;
                quoteLine = line;
                quoteColumn = column;
                bareQuote = !atFieldStart;
            } else if (c == ',') {
                ++column;
                atFieldStart = true;
                continue;
            }
            atFieldStart = false;
        }
        m_carry.clear();
        m_carryInQuote = false;
        return fail(bareQuote ? "quote inside an unquoted field" : "unterminated quoted field at end of input",
                    quoteLine, quoteColumn);
    }
    m_carryUsed = true;
    return emit(m_carry.data(), m_carry.data() + m_carry.size(), true);
}

CsvRecordReader::Next CsvRecordReader::emit(const char *begin, const char *end, bool mayHaveQuotes)
{
    m_recordLine = m_nextLine;
    m_nextLine += 1;
    m_plainText = {};
    if (mayHaveQuotes)
        m_nextLine += static_cast<std::uint64_t>(std::count(begin, end, '\n'));
    return split(begin, end, mayHaveQuotes) ? Next::Record : Next::Error;
}

bool CsvRecordReader::split(const char *begin, const char *end, bool mayHaveQuotes)
{
    m_cells.clear();
    // A CR before the LF belongs to the line break (a CR inside quotes never reaches here: the
    // quoted field would still be open at the LF).
    if (end > begin && end[-1] == '\r')
        --end;
    m_blank = begin == end;
    const auto length = static_cast<std::size_t>(end - begin);
    if (!mayHaveQuotes || !std::memchr(begin, '"', length)) {
        const char *p = begin;
        for (;;) {
            const auto *comma = static_cast<const char *>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
            if (!comma) {
                m_cells.emplace_back(p, static_cast<std::size_t>(end - p));
                return true;
            }
            m_cells.emplace_back(p, static_cast<std::size_t>(comma - p));
            p = comma + 1;
        }
    }

    // Unescaped text never outgrows the record, so views into m_scratch stay valid.
    m_scratch.clear();
    m_scratch.reserve(length);
    const char *p = begin;
    std::uint32_t column = 1;
    for (;;) {
        if (p < end && *p == '"') {
            ++p;
            const char *segment = p;
            const std::size_t start = m_scratch.size();
            bool unescaped = false;
            for (;;) {
                if (p >= end) {
                    fail("unterminated quoted field", m_recordLine, column);
                    return false;
                }
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        m_scratch.append(segment, static_cast<std::size_t>(p + 1 - segment));
                        p += 2;
                        segment = p;
                        unescaped = true;
                        continue;
                    }
                    if (unescaped) {
                        m_scratch.append(segment, static_cast<std::size_t>(p - segment));
                        m_cells.emplace_back(m_scratch.data() + start, m_scratch.size() - start);
                    } else {
                        m_cells.emplace_back(segment, static_cast<std::size_t>(p - segment));
                    }
                    ++p;
                    break;
                }
                if (*p == '\r' && p + 1 < end && p[1] == '\n') {
                    m_scratch.append(segment, static_cast<std::size_t>(p - segment));
                    m_scratch.push_back('\n');
                    p += 2;
                    segment = p;
                    unescaped = true;
                    continue;
                }
                ++p;
            }
            if (p == end)
                return true;
            if (*p != ',') {
                fail("unexpected character after closing quote", m_recordLine, column);
                return false;
            }
            ++p;
            ++column;
            continue;
        }
        const auto *comma = static_cast<const char *>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
        const char *fieldEnd = comma ? comma : end;
        if (std::memchr(p, '"', static_cast<std::size_t>(fieldEnd - p))) {
            fail("quote inside an unquoted field", m_recordLine, column);
            return false;
        }
        m_cells.emplace_back(p, static_cast<std::size_t>(fieldEnd - p));
        if (!comma)
            return true;
        p = comma + 1;
        ++column;
    }
}

} // namespace sasquatch
